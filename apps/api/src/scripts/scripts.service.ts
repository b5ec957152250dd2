import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import {
  checkScriptTemplate,
  latestVersions,
  SCRIPT_LIBRARY,
  scriptTemplateShapeProblems,
  scriptVersions,
  selectScript,
  type ScriptLibrary,
  type ScriptSelection,
  type ScriptTemplate,
} from '@chaping/domain';

import type { SignedInActor } from '../common/actor/actor';
import { CLOCK, type Clock } from '../common/clock';
import { NotFoundError, RequestedConflictError } from '../common/errors/app-errors';
import { RequestValidationError } from '../common/errors/validation-error';

export interface ScriptVersion {
  template: ScriptTemplate;
  /** Null for the version shipped with the product. */
  savedByName: string | null;
  savedAt: string | null;
  note: string | null;
}

/** The call-script library: the versions shipped with the code plus the versions leads saved. */
@Injectable()
export class ScriptsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async library(): Promise<ScriptLibrary> {
    const rows: Array<{ template: ScriptTemplate }> = await this.dataSource.query(
      `SELECT template FROM script_template ORDER BY id, version`,
    );
    return [...SCRIPT_LIBRARY, ...rows.map((row) => row.template)];
  }

  async latest(): Promise<ScriptTemplate[]> {
    return latestVersions(await this.library());
  }

  /** The script a case of this stage, cause and buyer type follows (the domain's selectScript). */
  async select(selection: ScriptSelection): Promise<ScriptTemplate | null> {
    return selectScript(await this.library(), selection);
  }

  async versions(id: string): Promise<ScriptTemplate[]> {
    const versions = scriptVersions(await this.library(), id);
    if (versions.length === 0) throw new NotFoundError('script.not_found', id);
    return versions;
  }

  /** Every version of a template with who saved it, when and why; the shipped version has no author. */
  async history(id: string): Promise<ScriptVersion[]> {
    const versions = await this.versions(id);
    const rows: Array<{ version: number; name: string | null; created_at: Date; note: string }> =
      await this.dataSource.query(
        `SELECT s.version, u.display_name AS name, s.created_at, s.note
           FROM script_template s LEFT JOIN app_user u ON u.id = s.created_by WHERE s.id = $1`,
        [id],
      );
    const saved = new Map(rows.map((row) => [row.version, row]));
    return versions.map((template) => {
      const row = saved.get(template.version);
      return {
        template,
        savedByName: row?.name ?? null,
        savedAt: row ? row.created_at.toISOString() : null,
        note: row?.note ?? null,
      };
    });
  }

  /**
   * Saves a lead's edit as the next version of the template: same id and stage, the shape of a
   * template, and the content rules (translations, placeholders, nothing that ties a benefit to a review).
   */
  async saveVersion(id: string, submitted: unknown, note: string, actor: SignedInActor): Promise<ScriptTemplate> {
    const existing = await this.versions(id);
    const current = existing[existing.length - 1] as ScriptTemplate;
    const shape = scriptTemplateShapeProblems(submitted);
    const fields = shape.map((problem) => ({ field: 'template', messages: [problem] }));
    if (fields.length > 0) throw new RequestValidationError(fields);
    const template = { ...(submitted as ScriptTemplate), id, version: current.version + 1 };
    if (template.stage !== current.stage) {
      throw new RequestValidationError([{ field: 'template.stage', messages: [`stage must stay ${current.stage}`] }]);
    }
    const problems = checkScriptTemplate(template);
    if (problems.length > 0) {
      throw new RequestValidationError(
        problems.map((problem) => ({
          field: `template.${problem.path}`,
          messages: [`${problem.code}: ${problem.detail}`],
        })),
      );
    }
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO script_template (id, version, template, created_by, created_at, note) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT DO NOTHING RETURNING id`,
      [id, template.version, JSON.stringify(template), actor.id, this.clock.now(), note.trim()],
    );
    // Two leads saving at once: the second finds its version number taken and must reload.
    if (inserted.length === 0) throw new RequestedConflictError('script.version_taken');
    return template;
  }
}
