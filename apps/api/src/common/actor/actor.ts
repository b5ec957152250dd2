import { createHash } from 'node:crypto';
import { createParamDecorator, Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';

import type { Actor } from '@chaping/domain';

import { UserEntity } from '../../users/user.entity';
import { UnauthenticatedError } from '../errors/app-errors';

export const ACTOR_HEADER = 'x-actor';
export const API_KEY_HEADER = 'x-api-key';
const PUBLIC_ROUTE = 'chaping:public';
const API_KEY_ROUTE = 'chaping:api-key';

/** Marks a route that needs no signed-in actor (health, docs, reads until accounts land). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Marks a route an integration may call with a shop's API key instead of a user. */
export const AllowApiKey = () => SetMetadata(API_KEY_ROUTE, true);

export interface SignedInActor extends Actor {
  displayName: string;
  /** Set when an integration acts with a shop's API key: it may act on that shop only. */
  apiKeyShopId?: string;
}

/** API keys are stored as SHA-256 digests; the key itself is shown once, when it is made. */
export const apiKeyDigest = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

type RequestWithActor = FastifyRequest & { actor?: SignedInActor };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Resolves who is acting from the `X-Actor` header (a user id or username).
 * Accounts with passwords and sessions replace this resolution; the decorator stays.
 */
@Injectable()
export class ActorGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<RequestWithActor>();
    const apiKey = request.headers[API_KEY_HEADER];
    if (
      apiKey !== undefined &&
      this.reflector.getAllAndOverride<boolean>(API_KEY_ROUTE, [context.getHandler(), context.getClass()])
    ) {
      request.actor = await this.integrationActor(Array.isArray(apiKey) ? (apiKey[0] ?? '') : apiKey);
      return true;
    }
    const header = request.headers[ACTOR_HEADER];
    const key = (Array.isArray(header) ? header[0] : header)?.trim();
    if (!key) throw new UnauthenticatedError('missing_actor');
    const user = await this.dataSource
      .getRepository(UserEntity)
      .findOne({ where: UUID.test(key) ? { id: key } : { username: key } });
    if (!user) throw new UnauthenticatedError('unknown_actor');
    request.actor = { id: user.id, role: user.role, displayName: user.displayName };
    return true;
  }

  private async integrationActor(key: string): Promise<SignedInActor> {
    const rows: Array<{ id: string; shop_id: string; name: string }> = await this.dataSource.query(
      `SELECT id, shop_id, name FROM api_key WHERE key_hash = $1 AND revoked_at IS NULL`,
      [apiKeyDigest(key.trim())],
    );
    const found = rows[0];
    if (!found) throw new UnauthenticatedError('invalid_api_key');
    return { id: `api-key:${found.id}`, role: 'agent', displayName: found.name, apiKeyShopId: found.shop_id };
  }
}

export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): SignedInActor => {
  const actor = context.switchToHttp().getRequest<RequestWithActor>().actor;
  if (!actor) throw new UnauthenticatedError('missing_actor');
  return actor;
});
