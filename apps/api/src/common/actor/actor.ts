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

import { ApiKeyRepository } from '../../users/api-key.repository';
import { SESSION_COOKIE, SessionStore, type SessionResolution } from '../../users/auth/session.store';
import { CLOCK, type Clock } from '../clock';
import { RefusedError, UnauthenticatedError } from '../errors/app-errors';

export const API_KEY_HEADER = 'x-api-key';
export const ACCESS_RULE = 'chaping:access';
const API_KEY_ROUTE = 'chaping:api-key';
const SESSION_CHECKED_BY_READ = 'chaping:session-checked-by-read';

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

/**
 * Marks a `case` route that checks the session in the same statement as it reads the case (see
 * CaseAccess): one round trip less on the hottest routes. The guard only asks for the cookie; the
 * route takes it with `@CurrentCaller()`.
 */
export const SessionCheckedByRead = () => SetMetadata(SESSION_CHECKED_BY_READ, true);

export interface SignedInActor extends Actor {
  displayName: string;
  /** The shops the user works (for an integration: its key's one shop). */
  shopIds: readonly string[];
  /** Set when an integration acts with a shop's API key: it may act on that shop only. */
  apiKeyShopId?: string;
}

/** API keys are stored as SHA-256 digests; the key itself is shown once, when it is made. */
export const apiKeyDigest = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

/** A session cookie not checked yet: the route's first read checks it (SessionCheckedByRead). */
export class UncheckedSession {
  constructor(readonly token: string) {}
}

/** Who calls a route: known already, or a session its first read will check. */
export type Caller = SignedInActor | UncheckedSession;

/** The actor of a resolved session; an unknown or ended session, or a disabled account, is a 401. */
export function signedInActor(user: SessionResolution): SignedInActor {
  if (user === null) throw new UnauthenticatedError('unknown_actor');
  if (user === 'expired') throw new UnauthenticatedError('session_expired');
  if (user === 'disabled') throw new UnauthenticatedError('account_disabled');
  return { id: user.id, role: user.role, displayName: user.displayName, shopIds: user.shopIds };
}

type RequestWithActor = FastifyRequest & { actor?: SignedInActor; caller?: Caller };

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
    private readonly apiKeys: ApiKeyRepository,
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
    if (rule === 'case' && this.reflector.getAllAndOverride<boolean>(SESSION_CHECKED_BY_READ, targets)) {
      request.caller = new UncheckedSession(token);
      return true;
    }
    const user = await this.sessions.resolve(this.dataSource.manager, token, this.clock.now());
    if (isPublic && (user === null || typeof user === 'string')) return true;
    const actor = signedInActor(user);
    request.actor = actor;
    if (rule === 'lead' && actor.role === 'agent') throw new RefusedError(refusal('role.lead_required'));
    if (rule === 'admin' && actor.role !== 'admin') throw new RefusedError(refusal('role.admin_required'));
    return true;
  }

  private async integrationActor(key: string): Promise<SignedInActor> {
    const found = await this.apiKeys.findLive(apiKeyDigest(key.trim()));
    if (!found) throw new UnauthenticatedError('invalid_api_key');
    await this.apiKeys.touch(found.id, this.clock.now());
    return {
      id: `api-key:${found.id}`,
      role: 'agent',
      displayName: found.name,
      shopIds: [found.shopId],
      apiKeyShopId: found.shopId,
    };
  }
}

/** The caller of a SessionCheckedByRead route. */
export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  const caller = context.switchToHttp().getRequest<RequestWithActor>().caller;
  if (!caller) throw new UnauthenticatedError('missing_actor');
  return caller;
});

export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): SignedInActor => {
  const actor = context.switchToHttp().getRequest<RequestWithActor>().actor;
  if (!actor) throw new UnauthenticatedError('missing_actor');
  return actor;
});
