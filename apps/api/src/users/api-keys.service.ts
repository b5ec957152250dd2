import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import { apiKeyDigest, type SignedInActor } from '../common/actor/actor';
import { CLOCK, type Clock } from '../common/clock';
import { NotFoundError } from '../common/errors/app-errors';
import { ApiKeyRepository } from './api-key.repository';
import type { ApiKeyDto, NewApiKeyDto } from './dto/api-key.dto';
import { ShopRepository } from './shop.repository';

/** 32 random bytes (256 bits) behind a recognisable prefix, so a leaked key is easy to spot and grep for. */
const newKey = (): string => `chp_${randomBytes(32).toString('base64url')}`;
/** Enough of the key to tell keys apart in a list, far too little to guess the rest. */
const prefixOf = (key: string): string => key.slice(0, 10);

/**
 * A shop's intake API keys, managed by admins. Only the SHA-256 of a key is stored; the key itself
 * is in the answer that creates it and never again.
 */
@Injectable()
export class ApiKeysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly keys: ApiKeyRepository,
    private readonly shops: ShopRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(shopId: string): Promise<ApiKeyDto[]> {
    await this.shopMustExist(this.dataSource.manager, shopId);
    return this.keys.listOfShop(shopId);
  }

  create(actor: SignedInActor, shopId: string, name: string): Promise<NewApiKeyDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.shopMustExist(manager, shopId);
      return this.insert(manager, { actor, shopId, name: name.trim() });
    });
  }

  /** A new key with the old one's shop and name; the old key stops working at once. */
  rotate(actor: SignedInActor, keyId: string): Promise<NewApiKeyDto> {
    return this.dataSource.transaction(async (manager) => {
      const old = await this.revokeRow(manager, keyId);
      return this.insert(manager, { actor, shopId: old.shopId, name: old.name });
    });
  }

  async revoke(keyId: string): Promise<void> {
    await this.revokeRow(this.dataSource.manager, keyId);
  }

  private async insert(
    manager: EntityManager,
    { actor, shopId, name }: { actor: SignedInActor; shopId: string; name: string },
  ): Promise<NewApiKeyDto> {
    const key = newKey();
    const stored = await this.keys.insert(manager, {
      shopId,
      name,
      keyHash: apiKeyDigest(key),
      keyPrefix: prefixOf(key),
      createdBy: actor.id,
      createdAt: this.clock.now(),
    });
    return { ...stored, key };
  }

  /** Revokes a key (once: revoking again keeps the first time) and answers its row. */
  private async revokeRow(manager: EntityManager, keyId: string): Promise<ApiKeyDto> {
    const revoked = await this.keys.revoke(manager, keyId, this.clock.now());
    if (!revoked) throw new NotFoundError('api_key.not_found', keyId);
    return revoked;
  }

  private async shopMustExist(manager: EntityManager, shopId: string): Promise<void> {
    if (!(await this.shops.exists(manager, shopId))) throw new NotFoundError('shop.not_found', shopId);
  }
}
