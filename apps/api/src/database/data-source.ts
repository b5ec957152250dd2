import { DataSource, type DataSourceOptions } from 'typeorm';

import { ENTITIES } from './entities';
import { CreateCaseSchema1763870400000 } from './migrations/1763870400000-CreateCaseSchema';
import { AddIntakeTriageAndAssignment1763956800000 } from './migrations/1763956800000-AddIntakeTriageAndAssignment';
import { AddAccountsAndSessions1764043200000 } from './migrations/1764043200000-AddAccountsAndSessions';
import { AddPersonalDataRetention1764129600000 } from './migrations/1764129600000-AddPersonalDataRetention';
import { AddRecordReview1764216000000 } from './migrations/1764216000000-AddRecordReview';
import { AddPolicyChanges1764302400000 } from './migrations/1764302400000-AddPolicyChanges';
import { AddScriptTemplates1764388800000 } from './migrations/1764388800000-AddScriptTemplates';
import { AddReporting1764475200000 } from './migrations/1764475200000-AddReporting';
import { AddReportColumns1764561600000 } from './migrations/1764561600000-AddReportColumns';
import { AddQueueCounts1764648000000 } from './migrations/1764648000000-AddQueueCounts';
import { AddCommandKeys1764734400000 } from './migrations/1764734400000-AddCommandKeys';
import { AddSharedJobState1764820800000 } from './migrations/1764820800000-AddSharedJobState';
import { AddPublicReplyCaseIndex1764907200000 } from './migrations/1764907200000-AddPublicReplyCaseIndex';
import { ThrottleSignInAndManageApiKeys1765200000000 } from './migrations/1765200000000-ThrottleSignInAndManageApiKeys';
import { ScopePolicyAndScriptsByShop1765400000000 } from './migrations/1765400000000-ScopePolicyAndScriptsByShop';
import { AddTriageModels1765600000000 } from './migrations/1765600000000-AddTriageModels';
import { AddShopConnections1765700000000 } from './migrations/1765700000000-AddShopConnections';
import { AddAlertRobots1765800000000 } from './migrations/1765800000000-AddAlertRobots';
import { IndexBuyerIdentity1765900000000 } from './migrations/1765900000000-IndexBuyerIdentity';
import { AddCareFollowUps1766000000000 } from './migrations/1766000000000-AddCareFollowUps';
import { AddImportKinds1766100000000 } from './migrations/1766100000000-AddImportKinds';
import { SendRepliesThroughPlatforms1766200000000 } from './migrations/1766200000000-SendRepliesThroughPlatforms';
import { AddCaseScriptTicks1766300000000 } from './migrations/1766300000000-AddCaseScriptTicks';
import { TieCasesToTheirImport1766410000000 } from './migrations/1766410000000-TieCasesToTheirImport';
import { AddCampaigns1766500000000 } from './migrations/1766500000000-AddCampaigns';
import { IndexOrdersForForecast1766600000000 } from './migrations/1766600000000-IndexOrdersForForecast';
import { AdoptCampaignRosters1766700000000 } from './migrations/1766700000000-AdoptCampaignRosters';
import { IndexAgentActions1766800000000 } from './migrations/1766800000000-IndexAgentActions';

export const MIGRATIONS = [
  CreateCaseSchema1763870400000,
  AddIntakeTriageAndAssignment1763956800000,
  AddAccountsAndSessions1764043200000,
  AddPersonalDataRetention1764129600000,
  AddRecordReview1764216000000,
  AddPolicyChanges1764302400000,
  AddScriptTemplates1764388800000,
  AddReporting1764475200000,
  AddReportColumns1764561600000,
  AddQueueCounts1764648000000,
  AddCommandKeys1764734400000,
  AddSharedJobState1764820800000,
  AddPublicReplyCaseIndex1764907200000,
  ThrottleSignInAndManageApiKeys1765200000000,
  ScopePolicyAndScriptsByShop1765400000000,
  AddTriageModels1765600000000,
  IndexBuyerIdentity1765900000000,
  AddAlertRobots1765800000000,
  AddCareFollowUps1766000000000,
  AddShopConnections1765700000000,
  AddImportKinds1766100000000,
  SendRepliesThroughPlatforms1766200000000,
  AddCaseScriptTicks1766300000000,
  TieCasesToTheirImport1766410000000,
  AddCampaigns1766500000000,
  IndexOrdersForForecast1766600000000,
  AdoptCampaignRosters1766700000000,
  IndexAgentActions1766800000000,
];

/** The schema only ever changes through these migrations; `synchronize` stays off. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    synchronize: false,
    extra: { max: 20, connectionTimeoutMillis: 5_000 },
  };
}

/** Any number of instances may start together: an advisory lock lets one migrate at a time. */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = await new DataSource(dataSourceOptions(url)).initialize();
  // Session-level lock: taken and released on one dedicated connection.
  const lockHolder = dataSource.createQueryRunner();
  try {
    await lockHolder.connect();
    await lockHolder.query('SELECT pg_advisory_lock(727401)');
    const applied = await dataSource.runMigrations({ transaction: 'all' });
    return applied.map((migration) => migration.name);
  } finally {
    await lockHolder.query('SELECT pg_advisory_unlock(727401)').catch(() => undefined);
    await lockHolder.release();
    await dataSource.destroy();
  }
}
