import { Module, type DynamicModule } from '@nestjs/common';

import { CasesModule } from '../cases/cases.module';
import { CaseIntakeRepository } from '../intake/case-intake.repository';
import { ReviewImporter } from '../intake/review-importer';
import { ConnectionClients } from './connection-clients';
import { ConnectionRepository } from './connection.repository';
import { ConnectionsController } from './connections.controller';
import { ConnectionsService } from './connections.service';
import {
  CONNECTION_KEYRING,
  DEFAULT_MARKETPLACE_OPTIONS,
  MARKETPLACE_OPTIONS,
  type ConnectionsOptions,
} from './connections.tokens';
import { ReplyOutboxRepository } from './reply-outbox.repository';
import { ReplyPublisher } from './reply-publisher';
import { ReviewPuller } from './review-puller';

/**
 * Marketplace connections: credentials, scheduled pulls into the import pipeline, replies sent
 * through the platform, and their status. Global so the replies module can hand replies over.
 */
@Module({})
export class ConnectionsModule {
  static forRoot(options: ConnectionsOptions): DynamicModule {
    return {
      module: ConnectionsModule,
      global: true,
      imports: [CasesModule],
      controllers: [ConnectionsController],
      providers: [
        { provide: CONNECTION_KEYRING, useValue: options.keyring },
        { provide: MARKETPLACE_OPTIONS, useValue: { ...DEFAULT_MARKETPLACE_OPTIONS, ...options.marketplace } },
        CaseIntakeRepository,
        ReviewImporter,
        ConnectionRepository,
        ConnectionClients,
        ReviewPuller,
        ReplyOutboxRepository,
        ReplyPublisher,
        ConnectionsService,
      ],
      exports: [ReviewPuller, ReplyPublisher],
    };
  }
}
