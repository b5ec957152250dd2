import type { Actor } from '@chaping/domain';
import { type CanActivate, createParamDecorator, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';

import { UserEntity } from '../../users/user.entity';
import { UnauthenticatedError } from '../errors/app-errors';

export const ACTOR_HEADER = 'x-actor';
const PUBLIC_ROUTE = 'chaping:public';

/** Marks a route that needs no signed-in actor (health, docs, reads until accounts land). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

export interface SignedInActor extends Actor {
  displayName: string;
}

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
}

export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): SignedInActor => {
  const actor = context.switchToHttp().getRequest<RequestWithActor>().actor;
  if (!actor) throw new UnauthenticatedError('missing_actor');
  return actor;
});
