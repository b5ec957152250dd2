import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { CLOCK, type Clock } from '../../common/clock';
import { ImportLimitError, UnprocessableError } from '../../common/errors/app-errors';
import { CaseIntakeRepository } from '../case-intake.repository';
import type { ImportLimits } from '../incoming/import-limits';
import type { RawValue } from '../incoming/incoming-review';
import { readTable, sniffTableKind } from '../incoming/table-reader';
import type { ShopRef } from '../intake-input';
import { IMPORT_LIMITS, IMPORT_SPOOL_DIR } from '../intake.tokens';
import { ImportJobStore, STALE_AFTER_SECONDS, type ImportJobRow } from './import-job.store';
import { ImportKinds, type KindColumns, type TableImport } from './import-kinds';

type TableRowRaw = { rowNumber: number; raw: Record<string, RawValue> };

export const IMPORT_BATCH_SIZE = 500;
const SWEEP_INTERVAL_MS = STALE_AFTER_SECONDS * 1000;
const DEADLOCK_OR_SERIALIZATION = new Set(['40P01', '40001']);
/** A spool file is named after its job (`<id>` or, while restored from PostgreSQL, `<id>.partial`). */
const SPOOL_FILE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(\.partial)?$/;
/**
 * A spool file with no job yet may be an upload still arriving (the job row is written once the
 * file is in); one untouched for this long is left over from a crash.
 */
export const ORPHAN_SPOOL_FILE_AGE_MS = 15 * 60 * 1000;

/**
 * Runs file imports in the background: one transaction per batch writes the rows, their
 * rejections and the job's progress together, so a job stopped at any moment (crash, kill,
 * restart) resumes after its last committed row and every row ends up imported exactly once.
 */
@Injectable()
export class ImportRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Import');
  private readonly running = new Map<string, Promise<void>>();
  private sweep: NodeJS.Timeout | null = null;
  private stopping = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: ImportJobStore,
    private readonly intake: CaseIntakeRepository,
    private readonly kinds: ImportKinds,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(IMPORT_SPOOL_DIR) private readonly spoolDir: string,
    @Inject(IMPORT_LIMITS) private readonly limits: ImportLimits,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.removeStaleSpoolFiles();
    void this.resumeStale();
    this.sweep = setInterval(() => void this.resumeStale(), SWEEP_INTERVAL_MS);
    this.sweep.unref();
  }

  /**
   * A running job stops at its next batch boundary and goes back to the queue, so another instance
   * takes it at once instead of waiting for its heartbeat to go stale.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.sweep) clearInterval(this.sweep);
    const stopped = [...this.running.keys()];
    await Promise.allSettled(this.running.values());
    await this.jobs.release(this.dataSource.manager, stopped);
  }

  /** Starts a job in the background; the returned promise settles when it has finished or stopped. */
  start(jobId: string): Promise<void> {
    if (this.stopping) return Promise.resolve();
    const existing = this.running.get(jobId);
    if (existing) return existing;
    const run = this.run(jobId)
      .catch((error: unknown) => this.logger.error(`Import ${jobId} stopped: ${String(error)}`))
      .finally(() => this.running.delete(jobId));
    this.running.set(jobId, run);
    return run;
  }

  async resumeStale(): Promise<void> {
    if (this.stopping) return;
    try {
      const ids = await this.jobs.resumable(this.dataSource.manager);
      await Promise.all(ids.map((id) => this.start(id)));
    } catch (error) {
      this.logger.warn(`Could not look for unfinished imports: ${String(error)}`);
    }
  }

  /**
   * Removes the spool files no job will read again: those of finished or failed jobs, and those
   * of no job at all once untouched for ORPHAN_SPOOL_FILE_AGE_MS. Files of queued and running
   * jobs stay, as the job may resume from them here (any instance can also restore the file
   * from PostgreSQL, so one removed too eagerly would cost time, not data).
   */
  async removeStaleSpoolFiles(): Promise<void> {
    try {
      const names = existsSync(this.spoolDir) ? await readdir(this.spoolDir) : [];
      const files = names.flatMap((name) => {
        const jobId = SPOOL_FILE.exec(name)?.[1];
        return jobId ? [{ name, jobId }] : [];
      });
      if (files.length === 0) return;
      const statuses = await this.jobs.statuses(
        this.dataSource.manager,
        files.map((file) => file.jobId),
      );
      const now = Date.now();
      for (const file of files) {
        const filePath = path.join(this.spoolDir, file.name);
        const status = statuses.get(file.jobId);
        if (status === 'queued' || status === 'running') continue;
        if (!status && now - (await stat(filePath)).mtimeMs < ORPHAN_SPOOL_FILE_AGE_MS) continue;
        await rm(filePath, { force: true });
      }
    } catch (error) {
      this.logger.warn(`Could not clean the import spool ${this.spoolDir}: ${String(error)}`);
    }
  }

  private async run(jobId: string): Promise<void> {
    const job = await this.jobs.claim(this.dataSource.manager, jobId);
    if (!job || !job.spool_path) return;
    const filePath = await this.localFile(job);
    if (!filePath) return this.jobs.finish(this.dataSource.manager, job.id, 'failed', 'import.file_missing');
    const shop = await this.intake.shop(this.dataSource.manager, job.shop_id);
    if (!shop) {
      await rm(filePath, { force: true });
      return this.jobs.finish(this.dataSource.manager, job.id, 'failed', 'shop.not_found');
    }

    try {
      const tableKind = await sniffTableKind(filePath);
      const importer = this.kinds.of(job.kind);
      let columns: KindColumns | null = null;
      let batch: TableRowRaw[] = [];
      for await (const row of readTable(filePath, tableKind, this.limits)) {
        if (this.stopping) return;
        if (!columns) {
          columns = importer.columns(row.cells.map((cell) => String(cell ?? '')));
          if (columns.missing.length > 0)
            throw new UnprocessableError('import.missing_columns', { missing: columns.missing });
          continue;
        }
        if (row.rowNumber <= job.rows_committed) continue;
        if (row.cells.every((cell) => cell === null || cell === '')) continue;
        batch.push({ rowNumber: row.rowNumber, raw: columns.toRaw(row.cells) });
        if (batch.length >= IMPORT_BATCH_SIZE) {
          await this.commitBatch(job, shop, importer, batch);
          batch = [];
        }
      }
      if (batch.length > 0) await this.commitBatch(job, shop, importer, batch);
      // The file goes before the job shows as finished, so that nothing is left once it does; should
      // finishing fail, the job resumes from its copy in PostgreSQL, which finish removes.
      await rm(filePath, { force: true });
      await this.jobs.finish(this.dataSource.manager, job.id, 'done');
    } catch (error) {
      const expected = error instanceof UnprocessableError || error instanceof ImportLimitError;
      const reason = expected ? `${error.code} ${JSON.stringify(error.details)}` : String(error);
      // A failed job is never read again: its file goes first, as above.
      await rm(filePath, { force: true });
      await this.jobs.finish(this.dataSource.manager, job.id, 'failed', reason);
      if (!expected) throw error;
    }
  }

  /** The job's file on this machine: the spool file if this instance took the upload, else restored from PostgreSQL. */
  private async localFile(job: ImportJobRow): Promise<string | null> {
    if (job.spool_path !== null && existsSync(job.spool_path)) return job.spool_path;
    const local = path.join(this.spoolDir, job.id);
    if (existsSync(local)) return local;
    await mkdir(this.spoolDir, { recursive: true });
    return (await this.jobs.restoreFile(this.dataSource.manager, job.id, local)) ? local : null;
  }

  private async commitBatch(
    job: { id: string; shop_id: string },
    shop: ShopRef,
    importer: TableImport,
    batch: readonly TableRowRaw[],
  ) {
    const lastRow = batch[batch.length - 1]?.rowNumber ?? 0;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.dataSource.transaction(async (manager) => {
          const outcome = await importer.importRows(manager, shop, batch, {
            now: this.clock.now(),
            source: `import:${job.id}`,
          });
          await this.jobs.recordBatch(manager, job, outcome, lastRow);
        });
        return;
      } catch (error) {
        // Two imports of overlapping files can deadlock on the same buyers; the loser simply retries.
        const code = (error as { driverError?: { code?: string } }).driverError?.code;
        if (attempt >= 3 || !code || !DEADLOCK_OR_SERIALIZATION.has(code)) throw error;
      }
    }
  }
}
