import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';

import type { Locale } from '@chaping/domain';

import type { SignedInActor } from '../common/actor/actor';
import { assertWorksShop } from '../common/actor/shop-access';
import { CLOCK, type Clock } from '../common/clock';
import { NotFoundError, UnprocessableError } from '../common/errors/app-errors';
import { marketplaceAdapter } from './adapters';
import type { SealedCredentials } from './connection-clients';
import { ConnectionRepository, type ConnectionRow } from './connection.repository';
import { CONNECTION_KEYRING, MARKETPLACE_OPTIONS, type MarketplaceOptions } from './connections.tokens';
import { failureWords, isMarketplaceFailure } from './connector-messages';
import { open, seal, type ConnectionKeyring } from './credential-cipher';
import type { ConnectionDto, CreateConnectionDto, PullNowDto, RenewSessionDto } from './dto/connection.dto';
import { ReviewPuller } from './review-puller';

/**
 * Shop connections, managed by the shop's leads and admins like its other settings. Credentials
 * go in sealed and never come out through the API; a revoked connection keeps its history only.
 */
@Injectable()
export class ConnectionsService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Connections');

  constructor(
    private readonly connections: ConnectionRepository,
    private readonly puller: ReviewPuller,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONNECTION_KEYRING) private readonly keyring: ConnectionKeyring | null,
    @Inject(MARKETPLACE_OPTIONS) private readonly options: MarketplaceOptions,
  ) {}

  /** After a key rotation, credentials sealed with a previous key are sealed again with the current one. */
  async onApplicationBootstrap(): Promise<void> {
    const keyring = this.keyring;
    if (!keyring) return;
    for (const row of await this.connections.sealedWithOtherKeys(keyring.currentId)) {
      const sealed = { keyId: row.credentials_key_id, ciphertext: row.credentials_ciphertext };
      if (!keyring.keys.has(sealed.keyId)) continue;
      await this.connections.reseal(row.id, sealed.keyId, seal(keyring, open(keyring, sealed, row.id), row.id));
    }
  }

  async list(actor: SignedInActor, locale: Locale): Promise<ConnectionDto[]> {
    const rows = await this.connections.list(actor.role === 'admin' ? null : [...actor.shopIds]);
    return rows.map((row) => this.toDto(row, locale));
  }

  async create(actor: SignedInActor, shopId: string, dto: CreateConnectionDto, locale: Locale): Promise<ConnectionDto> {
    assertWorksShop(actor, shopId);
    const platform = await this.connections.shopPlatform(shopId);
    if (!platform) throw new NotFoundError('shop.not_found', shopId);
    const adapter = marketplaceAdapter(platform);
    if (!adapter) throw new UnprocessableError('connection.platform_unsupported', { platform });
    const signMethod = dto.signMethod ?? adapter.defaultSignMethod;
    if (!adapter.signMethods.includes(signMethod)) {
      throw new UnprocessableError('connection.sign_method_unsupported', { signMethods: adapter.signMethods });
    }
    const digits = adapter.appKeyDigits;
    if (digits !== undefined && !new RegExp(`^\\d{${digits}}$`).test(dto.appKey)) {
      throw new UnprocessableError('connection.app_key_invalid', { digits });
    }
    const keyring = this.requireKeyring();
    const id = randomUUID();
    const now = this.clock.now();
    const credentials: SealedCredentials = { appSecret: dto.appSecret, sessionKey: dto.sessionKey };
    const sealed = seal(keyring, JSON.stringify(credentials), id);
    await this.connections.create({
      id,
      shopId,
      platform,
      appKey: dto.appKey,
      signMethod,
      keyId: sealed.keyId,
      ciphertext: sealed.ciphertext,
      tokenExpiresAt: dto.tokenExpiresAt ? new Date(dto.tokenExpiresAt) : null,
      pullEverySeconds: dto.pullEverySeconds ?? this.options.defaultPullEverySeconds,
      cursorAt: new Date(now.getTime() - this.options.backfillDays * 86_400_000),
      createdBy: actor.id,
      now,
    });
    return this.get(actor, id, locale);
  }

  /** A new session key after the shop authorised again: pulling resumes from the kept cursor. */
  async renewSession(actor: SignedInActor, id: string, dto: RenewSessionDto, locale: Locale): Promise<ConnectionDto> {
    const row = await this.visible(actor, id);
    if (row.status === 'revoked' || !row.credentials_ciphertext || !row.credentials_key_id) {
      throw new UnprocessableError('connection.revoked');
    }
    const keyring = this.requireKeyring();
    const old = JSON.parse(
      open(keyring, { keyId: row.credentials_key_id, ciphertext: row.credentials_ciphertext }, row.id),
    ) as SealedCredentials;
    const sealed = seal(keyring, JSON.stringify({ ...old, sessionKey: dto.sessionKey }), row.id);
    await this.connections.replaceCredentials(
      row.id,
      { ...sealed, tokenExpiresAt: dto.tokenExpiresAt ? new Date(dto.tokenExpiresAt) : null },
      this.clock.now(),
    );
    return this.get(actor, id, locale);
  }

  async revoke(actor: SignedInActor, id: string): Promise<void> {
    const row = await this.visible(actor, id);
    await this.connections.revoke(row.id, this.clock.now());
  }

  async pullNow(actor: SignedInActor, id: string, locale: Locale): Promise<PullNowDto> {
    const row = await this.visible(actor, id);
    if (row.status === 'revoked') throw new UnprocessableError('connection.revoked');
    await this.connections.makeDue(row.id, this.clock.now());
    const outcome = await this.puller.pullIfClaimed(row.id);
    return { outcome, connection: await this.get(actor, id, locale) };
  }

  private async get(actor: SignedInActor, id: string, locale: Locale): Promise<ConnectionDto> {
    return this.toDto(await this.visible(actor, id), locale);
  }

  private async visible(actor: SignedInActor, id: string): Promise<ConnectionRow> {
    const row = await this.connections.find(id);
    if (!row) throw new NotFoundError('connection.not_found', id);
    assertWorksShop(actor, row.shop_id);
    return row;
  }

  private requireKeyring(): ConnectionKeyring {
    if (!this.keyring) {
      this.logger.warn('A connection was refused: CONNECTION_KEY is not set');
      throw new UnprocessableError('connection.no_key');
    }
    return this.keyring;
  }

  private toDto(row: ConnectionRow, locale: Locale): ConnectionDto {
    return {
      id: row.id,
      shopId: row.shop_id,
      shopName: row.shop_name,
      platform: row.platform,
      appKey: row.app_key,
      signMethod: row.sign_method,
      status: row.status,
      tokenExpiresAt: row.token_expires_at?.toISOString() ?? null,
      pullEverySeconds: row.pull_every_seconds,
      pulledUpTo: row.cursor_at.toISOString(),
      reviewsPulled: row.reviews_pulled,
      lastSuccessAt: row.last_success_at?.toISOString() ?? null,
      nextPullAt: row.status === 'active' ? (row.next_pull_at?.toISOString() ?? null) : null,
      lastError: this.lastError(row, locale),
      createdAt: row.created_at.toISOString(),
      revokedAt: row.revoked_at?.toISOString() ?? null,
    };
  }

  private lastError(row: ConnectionRow, locale: Locale): ConnectionDto['lastError'] {
    if (!row.last_error || !row.last_error_at) return null;
    const saved = JSON.parse(row.last_error) as { failure: string; platformMessage: string | null };
    if (!isMarketplaceFailure(saved.failure)) return null;
    return {
      code: saved.failure,
      message: failureWords(saved.failure, locale, saved.platformMessage),
      at: row.last_error_at.toISOString(),
    };
  }
}
