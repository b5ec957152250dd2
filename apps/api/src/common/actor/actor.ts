import { createHash } from 'node:crypto';
import {
  createParamDecorator,
  Inject,
  Injectable,
  SetMetadata,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';

import { refusal, type Actor } from '@chaping/domain';

import { SESSION_COOKIE, SessionStore } from '../../users/auth/session.store';
import { CLOCK, type Clock } from '../clock';
import { RefusedError, UnauthenticatedError } from '../errors/app-errors';

export const API_KEY_HEADER = 'x-api-key';
export const ACCESS_RULE = 'chaping:access';
const API_KEY_ROUTE = 'chaping:api-key';

/**
 * Who may call a route, declared on the route itself. Every route declares one: the app refuses
 * to start otherwise (see AccessAudit), and a test calls every route without a session.
 * - `public`: anyone (health, sign-in)
 * - `signed_in`: any signed-in user; what they see is still scoped to their shops
 * - `case`: the case in the path must be the user's to work (own case, shop pool; leads their
 *   shops; admins all) — checked where the case is loaded, by the domain's `canWorkCase`
 * - `lead`: team leads and admins only
 * - `admin`: admins only (accounts and shops)
 */
export const ACCESS_RULES = ['public', 'signed_in', 'case', 'lead', 'admin'] as const;
export type AccessRule = (typeof ACCESS_RULES)[number];

export const Access = (rule: AccessRule) => SetMetadata(ACCESS_RULE, rule);

/** Marks a route an integration may call with a shop's API key instead of a user. */
export const AllowApiKey = () => SetMetadata(API_KEY_ROUTE, true);

export interface SignedInActor extends Actor {
  displayName: string;
  /** The shops the user works (for an integration: its key's one shop). */
  shopIds: readonly string[];
  /** Set when an integration acts with a shop's API key: it may act on that shop only. */
  apiKeyShopId?: string;
}

/** API keys are stored as SHA-256 digests; the key itself is shown once, when it is made. */
export const apiKeyDigest = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

type RequestWithActor = FastifyRequest & { actor?: SignedInActor };

/**
 * Resolves who is acting: the signed-in user of the session cookie, or, on routes that allow it,
 * an integration holding a shop's API key.
 */
@Injectable()
export class ActorGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<RequestWithActor>();
    const token = request.cookies?.[SESSION_COOKIE];
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, targets);
    if (!rule) throw new Error(`${request.method} ${request.url} declares no access rule`);
    const isPublic = rule === 'public';
    const apiKey = request.headers[API_KEY_HEADER];
    if (apiKey !== undefined && !token && this.reflector.getAllAndOverride<boolean>(API_KEY_ROUTE, targets)) {
      request.actor = await this.integrationActor(Array.isArray(apiKey) ? (apiKey[0] ?? '') : apiKey);
      return true;
    }
    if (!token) {
      if (isPublic) return true;
      throw new UnauthenticatedError('missing_actor');
    }
    const user = await this.sessions.resolve(this.dataSource.manager, token, this.clock.now());
    if (user === null || user === 'expired') {
      if (isPublic) return true;
      throw new UnauthenticatedError(user === null ? 'unknown_actor' : 'session_expired');
    }
    request.actor = { id: user.id, role: user.role, displayName: user.displayName, shopIds: user.shopIds };
    if (rule === 'lead' && user.role === 'agent') throw new RefusedError(refusal('role.lead_required'));
    if (rule === 'admin' && user.role !== 'admin') throw new RefusedError(refusal('role.admin_required'));
    return true;
  }

  private async integrationActor(key: string): Promise<SignedInActor> {
    const rows: Array<{ id: string; shop_id: string; name: string }> = await this.dataSource.query(
      `SELECT id, shop_id, name FROM api_key WHERE key_hash = $1 AND revoked_at IS NULL`,
      [apiKeyDigest(key.trim())],
    );
    const found = rows[0];
    if (!found) throw new UnauthenticatedError('invalid_api_key');
    return {
      id: `api-key:${found.id}`,
      role: 'agent',
      displayName: found.name,
      shopIds: [found.shop_id],
      apiKeyShopId: found.shop_id,
    };
  }
}

export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): SignedInActor => {
  const actor = context.switchToHttp().getRequest<RequestWithActor>().actor;
  if (!actor) throw new UnauthenticatedError('missing_actor');
  return actor;
});
