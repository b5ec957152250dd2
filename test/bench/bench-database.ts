import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';

import {
  hashPassword,
  runMigrations,
  ShopEntity,
  startEmbeddedPostgres,
  UserEntity,
  UserShopEntity,
} from '@chaping/api/testing';
import type { Platform } from '@chaping/domain';

export const BENCH_PASSWORD = 'bench password 1';

export interface BenchDatabase {
  url: string;
  workDir: string;
  shop: ShopEntity;
  agents: UserEntity[];
  /** A connection for the benchmark's own set-up writes; closed by `stop`. */
  dataSource: DataSource;
  stop(): Promise<void>;
}

/**
 * A throwaway embedded PostgreSQL for a benchmark, migrated, with one shop and agents who sign in
 * with BENCH_PASSWORD (the first one is `agentNames[0]`).
 */
export async function startBenchDatabase(
  name: string,
  platform: Platform,
  agentNames: string[],
): Promise<BenchDatabase> {
  const workDir = await mkdtemp(path.join(os.tmpdir(), `chaping-bench-${name}-`));
  const database = await startEmbeddedPostgres({
    dataDir: path.join(workDir, 'pg'),
    port: 54400 + Math.floor(Math.random() * 500),
    database: 'bench',
  });
  await runMigrations(database.url);
  const dataSource = await new DataSource({
    type: 'postgres',
    url: database.url,
    entities: [ShopEntity, UserEntity, UserShopEntity],
  }).initialize();
  const shop = await dataSource
    .getRepository(ShopEntity)
    .save({ platform, name: '基准测试店', platformShopId: 'bench' });
  const agents = await dataSource.getRepository(UserEntity).save(
    await Promise.all(
      agentNames.map(async (username) => ({
        username,
        displayName: username,
        role: 'agent' as const,
        onShift: true,
        passwordHash: await hashPassword(BENCH_PASSWORD),
      })),
    ),
  );
  await dataSource.getRepository(UserShopEntity).save(agents.map((agent) => ({ userId: agent.id, shopId: shop.id })));
  return {
    url: database.url,
    workDir,
    shop,
    agents,
    dataSource,
    stop: async () => {
      await dataSource.destroy().catch(() => undefined);
      await database.stop();
      await rm(workDir, { recursive: true, force: true });
    },
  };
}
