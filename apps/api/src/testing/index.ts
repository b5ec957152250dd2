/** What cross-app tests need from the API: the real application and the real persistence helpers. */
export { createApp, API_PREFIX, type CreateAppOptions } from '../bootstrap/create-app';
export type { Clock } from '../common/clock';
export { runMigrations, dataSourceOptions } from '../database/data-source';
export { CaseIntakeRepository } from '../intake/case-intake.repository';
export type { OpenCaseInput } from '../intake/intake-input';
export { ShopEntity } from '../users/shop.entity';
export { UserEntity, UserShopEntity } from '../users/user.entity';
export { apiKeyDigest } from '../common/actor/actor';
export { ImportRunner } from '../intake/jobs/import-runner';
export { DEFAULT_IMPORT_LIMITS, type ImportLimits } from '../intake/incoming/import-limits';
export { ReviewImporter } from '../intake/review-importer';
export { DEMO_API_KEY, seedDemoData } from '../database/seed/demo-seed';
export { startEmbeddedPostgres } from '../database/embedded-postgres';
export { SESSION_COOKIE, SessionStore } from '../users/auth/session.store';
export { hashPassword } from '../users/auth/passwords';
export * from '../users/auth/login-throttle';
export { ConfigError, loadConfig } from '../config/app-config';
export { refuseDemoCredentialsInProduction, signInFacts } from '../config/start-checks';
export { createAdmin, CreateAdminError } from '../cli/create-admin';
export { PrivacyService } from '../privacy/privacy.service';
export { LARGE_SEED_DEFAULTS, seedLargeData } from '../database/seed/large-seed';
export { MonthlyReportRepository } from '../reports/monthly-report.repository';
export { QueueCountsFolder } from '../cases/queue-counts.folder';
export { TaskScheduler } from '../scheduling/task-scheduler';
export { ReviewPuller } from '../connections/review-puller';
export { connectDemoShop, startDemoMarketplace } from '../connections/demo-marketplace';
export { REPLY_MAX_ATTEMPTS, ReplyPublisher } from '../connections/reply-publisher';
export { AlertsPort } from '../alerts/alerts.port';
export type { ConnectionsOptions } from '../connections/connections.tokens';
export { keyringOf } from '../connections/credential-cipher';
export { TopSimulator, type SimulatedRate } from '../marketplace/simulator/top-simulator';
export { JosSimulator, type SimulatedJdComment } from '../marketplace/simulator/jos-simulator';
export { DoudianSimulator, type SimulatedDouyinComment } from '../marketplace/simulator/doudian-simulator';
export {
  COMPRESSION_THRESHOLD_BYTES,
  IMMUTABLE_CACHE_CONTROL,
  REVALIDATE_CACHE_CONTROL,
} from '../bootstrap/web-delivery';
export { AlertsService } from '../alerts/alerts.service';
export { TriageModelRepository } from '../triage-learning/triage-model.repository';
