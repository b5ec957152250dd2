import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';

import {
  checkPolicy,
  checkPolicyOverride,
  policyOrigins,
  resolvePolicy,
  withPolicyDefaults,
  type Policy,
  type PolicyOrigin,
  type PolicyOverride,
  type PolicyProblem,
} from '@chaping/domain';

import type { SignedInActor } from '../common/actor/actor';
import { assertWorksShop } from '../common/actor/shop-access';
import { CLOCK, type Clock } from '../common/clock';
import { NotFoundError, UnprocessableError } from '../common/errors/app-errors';
import { RequestValidationError } from '../common/errors/validation-error';
import { PolicyRepository, type SavedPolicyLevels } from './policy.repository';

/** How often an instance asks whether another one changed a policy (one indexed max(id)). */
const VERSION_CHECK_MS = 5_000;

export interface PolicyChange {
  id: string;
  /** The organisation's whole policy, or a shop's own values only. */
  policy: Partial<Policy> | PolicyOverride;
  changedBy: string;
  changedByName: string | null;
  changedAt: string;
  note: string;
}

/** One level of the policy as the settings page edits it. */
export interface PolicyLevel {
  /** Null for the organisation's default. */
  shopId: string | null;
  /** The policy in force at this level. */
  policy: Policy;
  /** What this level inherits: the organisation's policy for a shop, the product's defaults for the organisation. */
  inherited: Policy;
  /** The values this level sets itself (a shop's override; the organisation's saved policy). */
  own: Partial<Policy> | PolicyOverride;
  /** Where each value in force comes from, by dotted path. */
  origins: Record<string, PolicyOrigin>;
}

const EMPTY: SavedPolicyLevels = { version: '0', organisation: null, shops: new Map() };

/**
 * The policy's problems with each field: a 422 when it only crosses legal or marketplace lines
 * (well-formed, but never allowed), else a 400; `where` names the shop whose policy would break them.
 */
function refusal(problems: PolicyProblem[], where = ''): Error {
  const fields = problems.map((problem) => ({
    field: problem.field ? `policy.${problem.field}` : 'policy',
    messages: [`${where}${problem.field} ${problem.message}`.trim()],
  }));
  if (!problems.every((problem) => problem.legalLine)) return new RequestValidationError(fields);
  return new UnprocessableError('policy.legal_line', {
    fields,
    problemsZh: where + problems.map((problem) => problem.messageZh).join('；'),
    problemsEn: where + problems.map((problem) => problem.message).join('; '),
  });
}

/**
 * The policies in force: the organisation's default (admins) and each shop's own values (its
 * leads), resolved value by value shop → organisation → DESIGN §4 defaults. Commands read them
 * synchronously, so every level is cached here; an instance checks the change counter every few
 * seconds and reloads when another instance saved (it sees its own saves at once).
 */
@Injectable()
export class PolicyService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Policy');
  private saved: SavedPolicyLevels = EMPTY;
  private readonly resolved = new Map<string | null, Policy>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly repository: PolicyRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.reload();
    this.timer = setInterval(() => void this.checkVersion(), VERSION_CHECK_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** The organisation's policy (shops without values of their own follow it). */
  organisation(): Policy {
    return this.forShop(null);
  }

  /** The policy in force for a case of this shop. */
  forShop(shopId: string | null): Policy {
    let policy = this.resolved.get(shopId);
    if (!policy) {
      policy = resolvePolicy(this.levelsOf(shopId));
      this.resolved.set(shopId, policy);
    }
    return policy;
  }

  /**
   * One value of the policy for the organisation and for every shop with values of its own: for a
   * statement that serves a case of any shop without knowing the shop beforehand.
   */
  byShop<T>(pick: (policy: Policy) => T): { organisation: T; shops: Record<string, T> } {
    const shops: Record<string, T> = {};
    for (const shopId of this.saved.shops.keys()) shops[shopId] = pick(this.forShop(shopId));
    return { organisation: pick(this.organisation()), shops };
  }

  /** The policy in force for the caller's view of a shop (or the organisation's); only shops they work. */
  inForce(shopId: string | null, actor: SignedInActor): Policy {
    assertWorksShop(actor, shopId);
    return this.forShop(shopId);
  }

  /** A level as the settings page shows it; a lead reads only the shops they work (and the organisation's). */
  level(shopId: string | null, actor: SignedInActor): PolicyLevel {
    assertWorksShop(actor, shopId);
    const levels = this.levelsOf(shopId);
    return {
      shopId,
      policy: this.forShop(shopId),
      inherited: shopId === null ? resolvePolicy({ organisation: null, shop: null }) : this.organisation(),
      own: (shopId === null ? levels.organisation : levels.shop) ?? {},
      origins: policyOrigins(levels),
    };
  }

  /**
   * Admin: puts a new organisation default in force after the legal lines are checked on it and
   * on every shop's policy that inherits from it; the version, who and why are kept.
   */
  async changeOrganisation(candidate: unknown, note: string, actor: SignedInActor): Promise<Policy> {
    const problems = checkPolicy(candidate);
    if (problems.length > 0) throw refusal(problems);
    const organisation = candidate as Policy;
    const names = await this.repository.shopNames();
    for (const [shopId, override] of this.saved.shops) {
      const inShop = checkPolicyOverride(override, organisation);
      if (inShop.length > 0) throw refusal(inShop, `${names.get(shopId) ?? shopId}: `);
    }
    await this.repository.add({
      shopId: null,
      policy: organisation,
      changedBy: actor.id,
      changedAt: this.clock.now(),
      note: note.trim(),
    });
    await this.reload();
    return this.organisation();
  }

  /**
   * A lead of the shop (or an admin): puts the shop's own values in force — only the shop's
   * sections, and the resulting policy inside the legal lines. An empty override follows the
   * organisation in everything (reset to inherited).
   */
  async changeShop(shopId: string, candidate: unknown, note: string, actor: SignedInActor): Promise<PolicyLevel> {
    assertWorksShop(actor, shopId);
    if (!(await this.repository.shopNames()).has(shopId)) throw new NotFoundError('shop.not_found', shopId);
    const problems = checkPolicyOverride(candidate, this.saved.organisation);
    if (problems.length > 0) throw refusal(problems);
    await this.repository.add({
      shopId,
      policy: candidate as PolicyOverride,
      changedBy: actor.id,
      changedAt: this.clock.now(),
      note: note.trim(),
    });
    await this.reload();
    return this.level(shopId, actor);
  }

  async history(shopId: string | null, actor: SignedInActor, limit = 50): Promise<PolicyChange[]> {
    assertWorksShop(actor, shopId);
    const rows = await this.repository.history(shopId, limit);
    return rows.map((row) => ({
      id: row.id,
      policy: row.shop_id === null ? withPolicyDefaults(row.policy as Partial<Policy>) : row.policy,
      changedBy: row.changed_by,
      changedByName: row.name,
      changedAt: row.changed_at.toISOString(),
      note: row.note,
    }));
  }

  private levelsOf(shopId: string | null) {
    return {
      organisation: this.saved.organisation,
      shop: shopId === null ? null : (this.saved.shops.get(shopId) ?? null),
    };
  }

  private async reload(): Promise<void> {
    this.saved = await this.repository.latest();
    this.resolved.clear();
  }

  private async checkVersion(): Promise<void> {
    try {
      if ((await this.repository.version()) !== this.saved.version) await this.reload();
    } catch (error) {
      this.logger.warn(`Could not read the policy; keeping the one in force: ${String(error)}`);
    }
  }
}
