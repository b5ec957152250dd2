/** What cross-app tests need from the API: the real application and the real persistence helpers. */
export { createApp, API_PREFIX } from '../bootstrap/create-app';
export type { Clock } from '../common/clock';
export { runMigrations, dataSourceOptions } from '../database/data-source';
export { openCase, type OpenCaseInput } from '../intake/open-case';
export { ShopEntity } from '../users/shop.entity';
export { UserEntity, UserShopEntity } from '../users/user.entity';
