import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import type { Locale } from '@chaping/domain';

import { PolicyService } from '../cases/policy.service';
import type { SignedInActor } from '../common/actor/actor';
import { CLOCK, type Clock } from '../common/clock';
import { FileTooLargeError, ForbiddenShopError, NotFoundError, UnprocessableError } from '../common/errors/app-errors';
import { CaseIntakeRepository } from './case-intake.repository';
import type { ImportJobDto, ImportRejectionsDto } from './dto/import-job.dto';
import type { ImportLimits } from './incoming/import-limits';
import { extractItems, findMarketplaceFormat, MARKETPLACE_FORMAT_IDS } from './incoming/marketplace-formats';
import { readTable, sniffTableKind } from './incoming/table-reader';
import type { ShopRef } from './intake-input';
import { IMPORT_LIMITS, IMPORT_SPOOL_DIR, IMPORT_UPLOAD_LIMIT } from './intake.tokens';
import { ImportJobStore, type ImportJobRow } from './jobs/import-job.store';
import { ImportKinds, type ImportKind } from './jobs/import-kinds';
import { ImportRunner } from './jobs/import-runner';
import { rejectionsCsv } from './rejections-csv';
import { ReviewImporter } from './review-importer';

export const MAX_API_BATCH = 1000;
const REJECTIONS_PAGE = 2000;

export interface UploadedFile {
  filename: string;
  stream: Readable;
  /** Set by the multipart reader when the file went over the size limit. */
  truncated: () => boolean;
}

const toJobDto = (job: ImportJobRow): ImportJobDto => ({
  id: job.id,
  shopId: job.shop_id,
  source: job.source,
  kind: job.kind,
  format: job.format,
  fileName: job.file_name,
  status: job.status,
  rowsRead: job.rows_read,
  imported: job.imported,
  updated: job.updated,
  duplicates: job.duplicates,
  skipped: job.skipped,
  rejected: job.rejected,
  error: job.error,
  createdAt: job.created_at.toISOString(),
  finishedAt: job.finished_at?.toISOString() ?? null,
});

/** A marketplace API payload to import into a shop, in one of the formats of MARKETPLACE_FORMAT_IDS. */
export interface PayloadImport {
  shopId: string;
  formatId: string;
  payload: unknown;
  /** tmall.traderate.feeds.get only: the child order the feed is for. */
  childTradeId?: string;
}

/** Brings reviews in — uploaded exports and marketplace API payloads — as import jobs with one result shape. */
@Injectable()
export class IntakeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: ImportJobStore,
    private readonly intake: CaseIntakeRepository,
    private readonly runner: ImportRunner,
    private readonly importer: ReviewImporter,
    private readonly kinds: ImportKinds,
    private readonly policies: PolicyService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(IMPORT_SPOOL_DIR) private readonly spoolDir: string,
    @Inject(IMPORT_UPLOAD_LIMIT) private readonly uploadLimitBytes: number,
    @Inject(IMPORT_LIMITS) private readonly limits: ImportLimits,
  ) {}

  /**
   * Saves the upload to the spool (streamed: memory stays flat whatever the size), checks its
   * header — for an XLSX also its unpacked size and shared texts (see ImportLimits) — and queues
   * the job. The caller polls the job for progress.
   */
  async startFileImport(
    actor: SignedInActor,
    target: { shopId: string; kind: ImportKind },
    file: UploadedFile,
  ): Promise<ImportJobDto> {
    const { shopId, kind: importKind } = target;
    const shop = await this.shopFor(actor, shopId);
    await mkdir(this.spoolDir, { recursive: true });
    const jobId = randomUUID();
    const spoolPath = path.join(this.spoolDir, jobId);
    try {
      await pipeline(file.stream, createWriteStream(spoolPath));
      if (file.truncated()) throw new FileTooLargeError(Math.round((this.uploadLimitBytes / 1024 / 1024) * 100) / 100);
      const kind = await sniffTableKind(spoolPath);
      await this.checkHeader(spoolPath, kind, importKind);
      // The job and its file together: whichever instance picks the job up can read the file.
      const job = await this.dataSource.transaction(async (manager) => {
        const created = await this.jobs.create(manager, {
          id: jobId,
          shop_id: shop.id,
          source: 'file',
          kind: importKind,
          format: kind,
          file_name: file.filename.slice(0, 200),
          spool_path: spoolPath,
          status: 'queued',
          created_by: actor.id,
        });
        await this.jobs.storeFile(manager, created, spoolPath);
        return created;
      });
      void this.runner.start(job.id);
      return toJobDto(job);
    } catch (error) {
      await rm(spoolPath, { force: true });
      throw error;
    }
  }

  private async checkHeader(spoolPath: string, kind: 'csv' | 'xlsx', importKind: ImportKind): Promise<void> {
    const rows = readTable(spoolPath, kind, this.limits);
    try {
      const first = await rows.next();
      if (first.done) throw new UnprocessableError('import.unreadable_file', { reason: 'the file is empty' });
      const columns = this.kinds.of(importKind).columns(first.value.cells.map((cell) => String(cell ?? '')));
      if (columns.missing.length > 0) {
        throw new UnprocessableError('import.missing_columns', { missing: columns.missing, ignored: columns.ignored });
      }
    } finally {
      await rows.return(undefined);
    }
  }

  /** Imports a marketplace API payload now, in one transaction, and answers with the finished job. */
  async importPayload(
    actor: SignedInActor,
    { shopId, formatId, payload, childTradeId }: PayloadImport,
  ): Promise<ImportJobDto & ImportRejectionsDto> {
    const format = findMarketplaceFormat(formatId);
    if (!format) throw new UnprocessableError('import.unknown_format', { formats: MARKETPLACE_FORMAT_IDS });
    const shop = await this.shopFor(actor, shopId);
    if (!format.platforms.includes(shop.platform)) {
      throw new UnprocessableError('import.shop_platform_mismatch', {
        shopPlatform: shop.platform,
        formatPlatforms: format.platforms,
      });
    }
    const items = extractItems(format, payload);
    if (!items) throw new UnprocessableError('import.unrecognised_payload', { format: format.id });
    if (items.length > MAX_API_BATCH) throw new UnprocessableError('import.batch_too_large', { max: MAX_API_BATCH });

    const rows = items.map((item, index) => ({ rowNumber: index + 1, raw: format.toRaw(item, { childTradeId }) }));
    const { job, outcome } = await this.dataSource.transaction(async (manager) => {
      const created = await this.jobs.create(manager, {
        shop_id: shop.id,
        source: 'api',
        format: format.id,
        file_name: null,
        spool_path: null,
        status: 'running',
        created_by: actor.id,
      });
      const outcome = await this.importer.importRows(manager, {
        shop,
        rows,
        policy: this.policies.forShop(shop.id),
        now: this.clock.now(),
        source: `api:${format.id}`,
      });
      await this.jobs.recordBatch(manager, created, outcome, rows.length);
      await this.jobs.finish(manager, created.id, 'done');
      return { job: (await this.jobs.find(manager, created.id)) as ImportJobRow, outcome };
    });
    // The rejections are at hand: answer with them instead of reading back what was just written.
    const rejections = [...outcome.rejections]
      .sort((a, b) => a.rowNumber - b.rowNumber || a.field.localeCompare(b.field))
      .map((rejection) => ({
        row: rejection.rowNumber,
        field: rejection.field,
        reason: rejection.code,
        value: rejection.value,
      }));
    return { ...toJobDto(job), rejections, nextAfterRow: null };
  }

  async job(actor: SignedInActor, jobId: string): Promise<ImportJobDto> {
    return toJobDto(await this.visibleJob(actor, jobId));
  }

  async list(actor: SignedInActor, limit: number): Promise<ImportJobDto[]> {
    const shopIds = actor.role === 'admin' ? null : [...actor.shopIds];
    return (await this.jobs.list(this.dataSource.manager, shopIds, limit)).map(toJobDto);
  }

  async rejections(
    actor: SignedInActor,
    jobId: string,
    { afterRow, limit }: { afterRow: number; limit: number },
  ): Promise<ImportRejectionsDto> {
    await this.visibleJob(actor, jobId);
    const rows = await this.jobs.rejections(this.dataSource.manager, jobId, afterRow, limit);
    return {
      rejections: rows.map((row) => ({ row: row.row_number, field: row.field, reason: row.reason, value: row.value })),
      nextAfterRow: rows.length === limit ? (rows[rows.length - 1]?.row_number ?? null) : null,
    };
  }

  /** The rejected rows as a CSV download, streamed page by page; the job is checked before anything is sent. */
  async rejectionsFile(
    actor: SignedInActor,
    jobId: string,
    locale: Locale,
  ): Promise<{ stream: Readable; fileName: string }> {
    const job = await this.visibleJob(actor, jobId);
    const stream = rejectionsCsv(
      (after) => this.jobs.rejectionsAfter(this.dataSource.manager, jobId, after, REJECTIONS_PAGE),
      locale,
    );
    const base = (job.file_name ?? job.format).replace(/\.(csv|xlsx)$/i, '');
    return { stream, fileName: `${base}-${locale === 'en' ? 'rejected-rows' : '未导入的行'}.csv` };
  }

  private async visibleJob(actor: SignedInActor, jobId: string): Promise<ImportJobRow> {
    const job = await this.jobs.find(this.dataSource.manager, jobId);
    if (!job) throw new NotFoundError('import.not_found', jobId);
    await this.shopFor(actor, job.shop_id);
    return job;
  }

  /** The shop, if the actor may import into it: admins anywhere, others in their shops, API keys in theirs. */
  private async shopFor(actor: SignedInActor, shopId: string): Promise<ShopRef> {
    const shop = await this.intake.shop(this.dataSource.manager, shopId);
    if (!shop) throw new NotFoundError('shop.not_found', shopId);
    if (actor.role !== 'admin' && !actor.shopIds.includes(shop.id)) throw new ForbiddenShopError(shop.id);
    return shop;
  }
}
