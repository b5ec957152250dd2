import { Inject, Injectable } from '@nestjs/common';

import { CLOCK, type Clock } from '../common/clock';
import { MarketplaceError, type RetryOptions } from '../marketplace/marketplace-call';
import { marketplaceAdapter, type ConnectedShop, type MarketplaceAdapter } from './adapters';
import type { ConnectionRow } from './connection.repository';
import { CONNECTION_KEYRING, MARKETPLACE_OPTIONS, type MarketplaceOptions } from './connections.tokens';
import { open, type ConnectionKeyring } from './credential-cipher';

/** What is sealed per connection: the secret parts of its credentials. */
export interface SealedCredentials {
  appSecret: string;
  /** TOP's session key; JD's and 抖店's access token. */
  sessionKey: string;
}

/** A connection's platform, signed in for one run. */
export interface OpenedConnection {
  adapter: MarketplaceAdapter;
  shop: ConnectedShop;
}

/** Opens a connection's credentials only to build the client of one run (pull or publish). */
@Injectable()
export class ConnectionClients {
  constructor(
    @Inject(CONNECTION_KEYRING) private readonly keyring: ConnectionKeyring | null,
    @Inject(MARKETPLACE_OPTIONS) private readonly options: MarketplaceOptions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The connection's platform, signed in; without credentials it fails as an expired authorisation would. */
  open(connection: ConnectionRow, retry: RetryOptions = this.options.retry): OpenedConnection {
    const adapter = marketplaceAdapter(connection.platform);
    if (!adapter) throw new MarketplaceError('platform_refused', null, `no connector for ${connection.platform}`);
    if (!this.keyring || !connection.credentials_ciphertext || !connection.credentials_key_id) {
      throw new MarketplaceError('token_expired', null, null);
    }
    const credentials = JSON.parse(
      open(
        this.keyring,
        { keyId: connection.credentials_key_id, ciphertext: connection.credentials_ciphertext },
        connection.id,
      ),
    ) as SealedCredentials;
    const shop = adapter.connect(
      { appKey: connection.app_key, signMethod: connection.sign_method, ...credentials },
      { gatewayUrl: adapter.gatewayUrl(this.options), now: () => this.clock.now(), retry },
    );
    return { adapter, shop };
  }
}
