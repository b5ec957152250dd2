import { Inject, Injectable } from '@nestjs/common';

import {
  checkScriptTemplate,
  latestVersions,
  refusal,
  SCRIPT_LIBRARY,
  scriptsInForce,
  scriptTemplateShapeProblems,
  scriptVersions,
  selectScript,
  type ScriptLibrary,
  type ScriptSelection,
  type ScriptTemplate,
} from '@chaping/domain';

import type { SignedInActor } from '../common/actor/actor';
import { assertWorksShop } from '../common/actor/shop-access';
import { CLOCK, type Clock } from '../common/clock';
import { NotFoundError, RefusedError, RequestedConflictError } from '../common/errors/app-errors';
import { RequestValidationError } from '../common/errors/validation-error';
import { ScriptTemplateRepository } from './script-template.repository';

export interface SaveScriptVersion {
  id: string;
  template: unknown;
  note: string;
  /** Null for the organisation's library. */
  shopId: string | null;
  actor: SignedInActor;
}

export interface ScriptVersion {
  template: ScriptTemplate;
  /** The shop it was saved for; null for the organisation's library and the shipped version. */
  shopId: string | null;
  /** Null for the version shipped with the product. */
  savedByName: string | null;
  savedAt: string | null;
  note: string | null;
}

/** A saved version as stored: for a shop, or the organisation's when `shop_id` is null. */
export interface SavedScript {
  template: ScriptTemplate;
  shop_id: string | null;
}

const libraryInForce = (rows: SavedScript[]): ScriptLibrary =>
  scriptsInForce({
    shipped: SCRIPT_LIBRARY,
    organisation: rows.filter((row) => row.shop_id === null).map((row) => row.template),
    shop: rows.filter((row) => row.shop_id !== null).map((row) => row.template),
  });

/**
 * The call-script libraries: the versions shipped with the code, the organisation's (admins) and
 * each shop's (its leads). A shop's cases follow the shop's versions of a template it edited,
 * else the organisation's (the domain's scriptsInForce); every version stays readable.
 */
@Injectable()
export class ScriptsService {
  constructor(
    private readonly scripts: ScriptTemplateRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private async inForce(shopId: string | null): Promise<ScriptLibrary> {
    return libraryInForce(await this.scripts.savedFor(shopId));
  }

  /** The latest version of every template a shop's cases follow (null: the organisation's library). */
  async latest(shopId: string | null, actor: SignedInActor): Promise<ScriptTemplate[]> {
    assertWorksShop(actor, shopId);
    return latestVersions(await this.inForce(shopId));
  }

  /** The script a case of this shop, stage, cause and buyer type follows (the domain's selectScript). */
  async select(
    shopId: string | null,
    selection: ScriptSelection,
    actor: SignedInActor,
  ): Promise<ScriptTemplate | null> {
    assertWorksShop(actor, shopId);
    return selectScript(await this.inForce(shopId), selection);
  }

  /**
   * The script a case of the shop follows in its current stage, from the versions saved for the
   * shop and the organisation (read by the caller with the case's other facts, in one statement).
   */
  followedBy(saved: SavedScript[], selection: ScriptSelection): ScriptTemplate | null {
    return selectScript(libraryInForce(saved), selection);
  }

  /** Every version of a template a shop can read, oldest first: shipped, the organisation's and the shop's. */
  private async versions(id: string, shopId: string | null): Promise<ScriptTemplate[]> {
    const rows = await this.scripts.savedFor(shopId);
    const versions = scriptVersions([...SCRIPT_LIBRARY, ...rows.map((row) => row.template)], id);
    if (versions.length === 0) throw new NotFoundError('script.not_found', id);
    return versions;
  }

  /** Every version of a template with who saved it, for which level, when and why; the shipped version has no author. */
  async history(id: string, shopId: string | null, actor: SignedInActor): Promise<ScriptVersion[]> {
    assertWorksShop(actor, shopId);
    const versions = await this.versions(id, shopId);
    const rows = await this.scripts.records(id, shopId);
    const saved = new Map(rows.map((row) => [row.version, row]));
    return versions.map((template) => {
      const row = saved.get(template.version);
      return {
        template,
        shopId: row?.shop_id ?? null,
        savedByName: row?.name ?? null,
        savedAt: row ? row.created_at.toISOString() : null,
        note: row?.note ?? null,
      };
    });
  }

  /**
   * Saves a lead's edit as the next version of the template: same id and stage, the shape of a
   * template, and the content rules (translations, placeholders, nothing that ties a benefit to a review).
   * For a shop (its leads, admins) or, without one, for the organisation (admins only). The version
   * number is the next of the template across every level, so a case's `id@version` names one text.
   */
  async saveVersion({ id, template: submitted, note, shopId, actor }: SaveScriptVersion): Promise<ScriptTemplate> {
    if (shopId === null && actor.role !== 'admin') throw new RefusedError(refusal('role.admin_required'));
    assertWorksShop(actor, shopId);
    const current = latestVersions(scriptVersions(await this.inForce(shopId), id))[0];
    if (!current) throw new NotFoundError('script.not_found', id);
    const nextVersion = Math.max(current.version, await this.scripts.highestVersion(id)) + 1;
    const shape = scriptTemplateShapeProblems(submitted);
    const fields = shape.map((problem) => ({ field: 'template', messages: [problem] }));
    if (fields.length > 0) throw new RequestValidationError(fields);
    const template = { ...(submitted as ScriptTemplate), id, version: nextVersion };
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
    const saved = await this.scripts.insert({
      template,
      createdBy: actor.id,
      createdAt: this.clock.now(),
      note: note.trim(),
      shopId,
    });
    // Two leads saving at once: the second finds its version number taken and must reload.
    if (!saved) throw new RequestedConflictError('script.version_taken');
    return template;
  }
}
