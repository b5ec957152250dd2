import { createReadStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import type { BatchOutcome } from '../review-importer';
import type { ImportKind } from './import-kinds';

export type ImportJobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface ImportJobRow {
  id: string;
  shop_id: string;
  source: 'file' | 'api';
  kind: ImportKind;
  format: string;
  file_name: string | null;
  spool_path: string | null;
  status: ImportJobStatus;
  rows_read: number;
  imported: number;
  updated: number;
  duplicates: number;
  skipped: number;
  rejected: number;
  rows_committed: number;
  attempts: number;
  error: string | null;
  created_by: string;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

export interface RejectionRow {
  row_number: number;
  field: string;
  reason: string;
  value: string | null;
}

/** A job whose worker has not reported for this long is considered dead and is resumed. */
export const STALE_AFTER_SECONDS = 30;
const FILE_CHUNK_BYTES = 4 * 1024 * 1024;

/** The import_job and import_rejection tables. Progress is written in the same transaction as the rows. */
@Injectable()
export class ImportJobStore {
  async create(
    manager: EntityManager,
    job: Pick<ImportJobRow, 'shop_id' | 'source' | 'format' | 'file_name' | 'spool_path' | 'status' | 'created_by'> & {
      id?: string;
      kind?: ImportKind;
    },
  ): Promise<ImportJobRow> {
    const rows: ImportJobRow[] = await manager.query(
      `INSERT INTO import_job (id, shop_id, source, kind, format, file_name, spool_path, status, created_by, started_at)
       VALUES (COALESCE($1, gen_random_uuid()), $2, $3, $4, $5, $6, $7, $8, $9, CASE WHEN $8 = 'running' THEN now() END)
       RETURNING *`,
      [
        job.id ?? null,
        job.shop_id,
        job.source,
        job.kind ?? 'reviews',
        job.format,
        job.file_name,
        job.spool_path,
        job.status,
        job.created_by,
      ],
    );
    return rows[0] as ImportJobRow;
  }

  async find(manager: EntityManager, id: string): Promise<ImportJobRow | null> {
    const rows: ImportJobRow[] = await manager.query(`SELECT * FROM import_job WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** The status of each of these jobs that exists. */
  async statuses(manager: EntityManager, ids: readonly string[]): Promise<Map<string, ImportJobStatus>> {
    const rows: Array<{ id: string; status: ImportJobStatus }> = await manager.query(
      `SELECT id, status FROM import_job WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.status]));
  }

  async list(manager: EntityManager, shopIds: readonly string[] | null, limit: number): Promise<ImportJobRow[]> {
    return manager.query(
      `SELECT * FROM import_job WHERE ($1::uuid[] IS NULL OR shop_id = ANY($1)) ORDER BY created_at DESC, id LIMIT $2`,
      [shopIds, limit],
    );
  }

  /**
   * Takes a job for this worker: a queued one, or a running one whose worker stopped reporting.
   * Only one caller wins the update, so a job never runs twice at once.
   */
  async claim(manager: EntityManager, id: string): Promise<ImportJobRow | null> {
    const rows: [ImportJobRow[], number] = await manager.query(
      `UPDATE import_job SET status = 'running', attempts = attempts + 1, started_at = COALESCE(started_at, now()),
              heartbeat_at = now()
       WHERE id = $1 AND (status = 'queued'
             OR (status = 'running' AND heartbeat_at < now() - make_interval(secs => $2)))
       RETURNING *`,
      [id, STALE_AFTER_SECONDS],
    );
    return rows[0]?.[0] ?? null;
  }

  async resumable(manager: EntityManager): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT id FROM import_job
       WHERE status = 'queued' OR (status = 'running' AND heartbeat_at < now() - make_interval(secs => $1))
       ORDER BY created_at`,
      [STALE_AFTER_SECONDS],
    );
    return rows.map((row) => row.id);
  }

  /** Adds a committed batch to the job's counters and moves its resume point, in the batch's transaction. */
  async recordBatch(
    manager: EntityManager,
    job: Pick<ImportJobRow, 'id' | 'shop_id'>,
    outcome: BatchOutcome,
    lastRow: number,
  ) {
    await manager.query(
      `UPDATE import_job SET rows_read = rows_read + $2, imported = imported + $3, updated = updated + $4,
              duplicates = duplicates + $5, skipped = skipped + $6, rejected = rejected + $7,
              rows_committed = GREATEST(rows_committed, $8), heartbeat_at = now()
       WHERE id = $1`,
      [
        job.id,
        outcome.rowsRead,
        outcome.imported,
        outcome.updated,
        outcome.duplicates,
        outcome.skipped,
        outcome.rejected,
        lastRow,
      ],
    );
    if (outcome.caseIds.length > 0) {
      // The import's "new cases" include a care case its review joined, so that one is tied to it too.
      await manager.query(
        `UPDATE support_case SET import_job_id = $1 WHERE id = ANY($2::uuid[]) AND import_job_id IS NULL`,
        [job.id, outcome.caseIds],
      );
    }
    if (outcome.rejections.length === 0) return;
    await manager.query(
      `INSERT INTO import_rejection (job_id, shop_id, row_number, field, reason, value)
       SELECT $1, $2, * FROM unnest($3::int[], $4::text[], $5::text[], $6::text[])
       ON CONFLICT DO NOTHING`,
      [
        job.id,
        job.shop_id,
        outcome.rejections.map((rejection) => rejection.rowNumber),
        outcome.rejections.map((rejection) => rejection.field),
        outcome.rejections.map((rejection) => rejection.code),
        outcome.rejections.map((rejection) => rejection.value),
      ],
    );
  }

  async finish(manager: EntityManager, id: string, status: 'done' | 'failed', error: string | null = null) {
    await manager.query(
      `UPDATE import_job SET status = $2, error = $3, finished_at = now(), heartbeat_at = now() WHERE id = $1`,
      [id, status, error],
    );
    await manager.query(`DELETE FROM import_file_chunk WHERE job_id = $1`, [id]);
  }

  async rejections(manager: EntityManager, jobId: string, afterRow: number, limit: number): Promise<RejectionRow[]> {
    return manager.query(
      `SELECT row_number, field, reason, value FROM import_rejection
       WHERE job_id = $1 AND row_number > $2 ORDER BY row_number, field LIMIT $3`,
      [jobId, afterRow, limit],
    );
  }

  /** The rejections after the given one, in file order (row, then field): a page of the download. */
  async rejectionsAfter(
    manager: EntityManager,
    jobId: string,
    after: Pick<RejectionRow, 'row_number' | 'field'> | null,
    limit: number,
  ): Promise<RejectionRow[]> {
    return manager.query(
      `SELECT row_number, field, reason, value FROM import_rejection
       WHERE job_id = $1 AND (row_number, field) > ($2::int, $3::text) ORDER BY row_number, field LIMIT $4`,
      [jobId, after?.row_number ?? 0, after?.field ?? '', limit],
    );
  }

  /** Hands jobs this instance stopped working on back to the queue, for any instance to take at once. */
  async release(manager: EntityManager, ids: readonly string[]) {
    if (ids.length === 0) return;
    await manager.query(`UPDATE import_job SET status = 'queued' WHERE id = ANY($1) AND status = 'running'`, [ids]);
  }

  /** Keeps the uploaded file with the job (call in the transaction that creates it), chunk by chunk. */
  async storeFile(manager: EntityManager, job: Pick<ImportJobRow, 'id' | 'shop_id'>, filePath: string) {
    let seq = 0;
    for await (const chunk of createReadStream(filePath, { highWaterMark: FILE_CHUNK_BYTES })) {
      await manager.query(`INSERT INTO import_file_chunk (job_id, seq, shop_id, bytes) VALUES ($1, $2, $3, $4)`, [
        job.id,
        seq++,
        job.shop_id,
        chunk,
      ]);
    }
  }

  /**
   * Writes the job's stored file to a local path, one chunk per query so that memory holds one
   * chunk whatever the file's size; false when none was stored.
   */
  async restoreFile(manager: EntityManager, jobId: string, filePath: string): Promise<boolean> {
    const partial = `${filePath}.partial`;
    const out = await open(partial, 'w');
    let seq = 0;
    try {
      for (; ; seq++) {
        const [row]: Array<{ bytes: Buffer }> = await manager.query(
          `SELECT bytes FROM import_file_chunk WHERE job_id = $1 AND seq = $2`,
          [jobId, seq],
        );
        if (!row) break;
        await out.write(row.bytes);
      }
    } finally {
      await out.close();
    }
    if (seq === 0) {
      await rm(partial, { force: true });
      return false;
    }
    await rename(partial, filePath);
    return true;
  }
}
