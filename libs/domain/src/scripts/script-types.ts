import type { Locale } from '../refusals/labels';
import type { BuyerType, ContactChannel, RootCause, Stage } from '../shared/vocabulary';

/** One text in both product languages. The English is a faithful rendering of the Chinese, not a rewrite. */
export type BilingualText = Readonly<Record<Locale, string>>;

/**
 * The placeholders a script line may use, written as `{称呼}` in both languages.
 * 称呼 salutation (see `salutation`), 买家 buyer nickname, 商品 product, 下单日期 order date,
 * 店铺 shop name, 客服 agent name.
 */
export const SCRIPT_VARIABLES = ['称呼', '买家', '商品', '下单日期', '店铺', '客服'] as const;
export type ScriptVariable = (typeof SCRIPT_VARIABLES)[number];

/** Values for the placeholders; a missing or blank value renders as a neutral fallback. */
export type ScriptVariables = Readonly<Partial<Record<ScriptVariable, string | null>>>;

/** How the buyer reacts to what the agent just said; each step may branch on it. */
export const BUYER_REACTIONS = ['cooperative', 'angry', 'refuses', 'hesitant', 'demands_money'] as const;
export type BuyerReaction = (typeof BUYER_REACTIONS)[number];

/** Something the agent should do in the case view, as opposed to a stage to move to. */
export const SCRIPT_ACTIONS = [
  /** Log the contact attempt with outcome `refused`. */
  'log_refusal',
  /** The buyer asked not to be contacted: every outbound channel stops. */
  'mark_do_not_contact',
  /** The buyer asked for a later time: log `call_back_later`, the resolution clock pauses. */
  'schedule_call_back',
  /** A team lead decides: over-limit requests, threats after the appeal path has closed, complaints about staff. */
  'escalate_to_lead',
  /** Keep screenshots and exact words before anything else happens. */
  'collect_evidence',
] as const;
export type ScriptAction = (typeof SCRIPT_ACTIONS)[number];

/** A branch may point the agent at a workflow stage or at an action of the case view. */
export type ScriptSuggestion = Stage | ScriptAction;

export interface ScriptBranch {
  /** What the agent says next. */
  readonly lines: readonly BilingualText[];
  /** Guidance for the agent only, never read out. */
  readonly tips?: readonly BilingualText[];
  readonly suggests?: ScriptSuggestion;
}

export interface ScriptCheck {
  /** Unique within its template, so a case can store the ids it has ticked. */
  readonly id: string;
  readonly text: BilingualText;
}

/** Conditions under which a step applies; a step without one always applies. */
export const STEP_CONDITIONS = ['platform_allows_revision_request'] as const;
export type StepCondition = (typeof STEP_CONDITIONS)[number];

export interface ScriptStep {
  readonly id: string;
  readonly title: BilingualText;
  /** The channel this step is written for, when it matters (IM wording differs from a phone call). */
  readonly channel?: ContactChannel;
  readonly onlyIf?: StepCondition;
  /** What the agent says (or writes), with placeholders. */
  readonly lines: readonly BilingualText[];
  /** Guidance for the agent only. */
  readonly tips: readonly BilingualText[];
  /** What the agent ticks off; all ticked means the step is done. */
  readonly checks: readonly ScriptCheck[];
  readonly branches: Readonly<Partial<Record<BuyerReaction, ScriptBranch>>>;
}

/**
 * A call script for one stage, chosen by root cause and buyer type. Templates are versioned data:
 * a lead's edit adds a new version with the same id, and a case records the id and version it used.
 */
export interface ScriptTemplate {
  readonly id: string;
  /** Integer, from 1; the highest version of an id is the one in use. */
  readonly version: number;
  readonly stage: Stage;
  readonly rootCauses: readonly RootCause[] | 'any';
  readonly buyerTypes: readonly BuyerType[] | 'any';
  readonly title: BilingualText;
  readonly steps: readonly ScriptStep[];
}

export type ScriptLibrary = readonly ScriptTemplate[];
