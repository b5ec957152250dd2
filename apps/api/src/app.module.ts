import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AlertsModule } from './alerts/alerts.module';
import { AppealsModule } from './appeals/appeals.module';
import { CampaignsModule } from './campaigns/campaigns.module';
import { CareModule } from './care/care.module';
import { CasesModule } from './cases/cases.module';
import { AccessAudit } from './common/actor/access-audit';
import { ActorGuard } from './common/actor/actor';
import { CLOCK, systemClock, type Clock } from './common/clock';
import { CompensationModule } from './compensation/compensation.module';
import { ConnectionsModule } from './connections/connections.module';
import type { ConnectionsOptions } from './connections/connections.tokens';
import { ContactsModule } from './contacts/contacts.module';
import { dataSourceOptions } from './database/data-source';
import { HealthModule } from './health/health.module';
import type { ImportLimits } from './intake/incoming/import-limits';
import { IntakeModule } from './intake/intake.module';
import { PrivacyModule } from './privacy/privacy.module';
import { RepliesModule } from './replies/replies.module';
import { ReportsModule } from './reports/reports.module';
import { SchedulingModule } from './scheduling/scheduling.module';
import { ScriptsModule } from './scripts/scripts.module';
import { TriageLearningModule } from './triage-learning/triage-learning.module';
import { UsersModule } from './users/users.module';

export interface AppModuleOptions {
  databaseUrl: string;
  clock?: Clock;
  importSpoolDir: string;
  uploadLimitBytes: number;
  importLimits: ImportLimits;
  connections: ConnectionsOptions;
}

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        DiscoveryModule,
        SchedulingModule,
        TypeOrmModule.forRoot({ ...dataSourceOptions(options.databaseUrl), retryAttempts: 3, retryDelay: 1_000 }),
        CasesModule,
        ContactsModule,
        CareModule,
        CampaignsModule,
        CompensationModule,
        RepliesModule,
        AppealsModule,
        HealthModule,
        IntakeModule.forRoot({
          spoolDir: options.importSpoolDir,
          uploadLimitBytes: options.uploadLimitBytes,
          limits: options.importLimits,
        }),
        UsersModule,
        PrivacyModule,
        ScriptsModule,
        ReportsModule,
        AlertsModule,
        TriageLearningModule,
        ConnectionsModule.forRoot(options.connections),
      ],
      providers: [
        { provide: CLOCK, useValue: options.clock ?? systemClock },
        { provide: APP_GUARD, useClass: ActorGuard },
        AccessAudit,
      ],
      exports: [CLOCK],
    };
  }
}
