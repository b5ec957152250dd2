import { Inject, Injectable } from '@nestjs/common';

import { CLOCK, type Clock } from '../common/clock';
import { MarketplaceError, TopClient, type RetryOptions } from '../marketplace/top-client';
import type { ConnectionRow } from './connection.repository';
import { CONNECTION_KEYRING, MARKETPLACE_OPTIONS, type MarketplaceOptions } from './connections.tokens';
import { open, type ConnectionKeyring } from './credential-cipher';

/** What is sealed per connection: the secret parts of its credentials. */
export interface SealedCredentials {
  appSecret: string;
  sessionKey: string;
}

/** Opens a connection's credentials only to build the client of one run (pull or publish). */
@Injectable()
export class ConnectionClients {
  constructor(
    @Inject(CONNECTION_KEYRING) private readonly keyring: ConnectionKeyring | null,
    @Inject(MARKETPLACE_OPTIONS) private readonly options: MarketplaceOptions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** A TOP client for the connection; without credentials it fails as an expired authorisation would. */
  topClient(connection: ConnectionRow, retry: RetryOptions = this.options.retry): TopClient {
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
    return new TopClient(
      { appKey: connection.app_key, signMethod: connection.sign_method, ...credentials },
      { gatewayUrl: this.options.topGatewayUrl, now: () => this.clock.now(), retry },
    );
  }
}
