import { LOCALES } from '../refusals/labels';
import type { BuyerType, RootCause } from '../shared/vocabulary';
import { STAGES } from '../shared/vocabulary';
import { placeholdersIn } from './render';
import { checkScriptLibrary, scriptTexts } from './script-checks';
import { SCRIPT_LIBRARY } from './script-library';
import { BUYER_REACTIONS, SCRIPT_VARIABLES } from './script-types';
import type { ScriptTemplate } from './script-types';

const ALL_TEXTS = SCRIPT_LIBRARY.flatMap((template) =>
  scriptTexts(template).map((entry) => ({ ...entry, where: `${template.id}@${template.version} ${entry.path}` })),
);

const covers = (targets: ScriptTemplate['rootCauses'] | ScriptTemplate['buyerTypes'], value: string) =>
  targets !== 'any' && (targets as readonly string[]).includes(value);

/** Stages in which the agent talks to the buyer: every conversation step branches on all reactions. */
const CONVERSATION_STAGES = ['contacting', 'apologised', 'resolving', 'compensating', 'watching'] as const;

describe('the shipped script library', () => {
  it('passes every template check (compliance, translations, placeholders, ids, suggestions)', () => {
    expect(checkScriptLibrary(SCRIPT_LIBRARY)).toEqual([]);
  });

  it.each(STAGES)('has a generic template for %s', (stage) => {
    expect(
      SCRIPT_LIBRARY.some(
        (template) => template.stage === stage && template.rootCauses === 'any' && template.buyerTypes === 'any',
      ),
    ).toBe(true);
  });

  it.each<[RootCause]>([
    ['product_quality'],
    ['logistics_delay'],
    ['logistics_damage'],
    ['size_fit'],
    ['not_as_described'],
    ['service_attitude'],
    ['refund_dispute'],
    ['price_value'],
    ['malicious'],
  ])('has root-cause variants for %s', (rootCause) => {
    const stages = SCRIPT_LIBRARY.filter((template) => covers(template.rootCauses, rootCause)).map((t) => t.stage);
    expect(stages).toContain('apologised');
    expect(stages.length).toBeGreaterThanOrEqual(2);
  });

  it.each<[BuyerType, string[]]>([
    ['veteran', ['contacting', 'apologised', 'compensating', 'watching']],
    ['repeat_complainer', ['new', 'contacting', 'apologised', 'resolving', 'compensating']],
    ['suspected_professional', ['new', 'contacting', 'apologised', 'resolving', 'compensating', 'appealing']],
  ])('has buyer-type variants for %s', (buyerType, stages) => {
    const covered = SCRIPT_LIBRARY.filter((template) => covers(template.buyerTypes, buyerType)).map((t) => t.stage);
    expect(covered).toEqual(expect.arrayContaining(stages));
  });

  it('has at least one template naming both a root cause and a buyer type', () => {
    expect(SCRIPT_LIBRARY.some((t) => t.rootCauses !== 'any' && t.buyerTypes !== 'any')).toBe(true);
  });

  it('starts every template at version 1, with unique ids and non-empty steps', () => {
    expect(SCRIPT_LIBRARY.every((template) => template.version === 1)).toBe(true);
    const ids = SCRIPT_LIBRARY.map((template) => template.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(SCRIPT_LIBRARY.every((template) => template.steps.length > 0)).toBe(true);
  });

  it('has text in both languages for every title, line, tip, check and branch', () => {
    const missing = ALL_TEXTS.filter(({ text }) => LOCALES.some((locale) => text[locale].trim() === '')).map(
      (entry) => entry.where,
    );
    expect(missing).toEqual([]);
  });

  it('writes the spoken English in English and the Chinese in Chinese', () => {
    const cjk = /[\u4e00-\u9fff]/;
    const strip = (value: string) => value.replace(/\{[^{}]+\}/g, '');
    const wrong = ALL_TEXTS.filter(
      ({ kind, text }) => kind === 'spoken' && (cjk.test(strip(text.en)) || !cjk.test(text['zh-CN'])),
    ).map((entry) => entry.where);
    expect(wrong).toEqual([]);
  });

  it('uses only the known placeholders, and the same ones in both languages', () => {
    const known: readonly string[] = SCRIPT_VARIABLES;
    const bad = ALL_TEXTS.filter(({ text }) => {
      const zh = placeholdersIn(text['zh-CN']).sort();
      const en = placeholdersIn(text.en).sort();
      return [...zh, ...en].some((name) => !known.includes(name)) || zh.join() !== en.join();
    }).map((entry) => entry.where);
    expect(bad).toEqual([]);
  });

  it('keeps check-off ids unique within a template', () => {
    for (const template of SCRIPT_LIBRARY) {
      const ids = template.steps.flatMap((step) => step.checks.map((check) => check.id));
      expect({ id: template.id, duplicates: ids.filter((id, i) => ids.indexOf(id) !== i) }).toEqual({
        id: template.id,
        duplicates: [],
      });
    }
  });

  it('gives every step something to tick off', () => {
    const empty = SCRIPT_LIBRARY.flatMap((t) =>
      t.steps.filter((s) => s.checks.length === 0).map((s) => `${t.id}/${s.id}`),
    );
    expect(empty).toEqual([]);
  });

  it.each(CONVERSATION_STAGES)('%s: the main conversation step branches on every buyer reaction', (stage) => {
    for (const template of SCRIPT_LIBRARY.filter((t) => t.stage === stage)) {
      const first = template.steps.find((step) => step.lines.length > 0 && step.channel !== 'sms');
      expect(first).toBeDefined();
      expect({ id: template.id, reactions: Object.keys(first?.branches ?? {}).sort() }).toEqual({
        id: template.id,
        reactions: [...BUYER_REACTIONS].sort(),
      });
    }
  });

  it('asks whether now is convenient and confirms identity on every phone opener', () => {
    const openers = SCRIPT_LIBRARY.flatMap((t) => t.steps.filter((s) => s.channel === 'phone'));
    expect(openers.length).toBeGreaterThan(0);
    for (const opener of openers) {
      const zh = opener.lines.map((line) => line['zh-CN']).join('');
      expect(zh).toMatch(/方便/);
      expect(zh).toMatch(/本人/);
      expect(opener.checks.map((c) => c.id)).toEqual(
        expect.arrayContaining(['identity_confirmed', 'asked_convenient']),
      );
      expect(opener.tips.some((tip) => /先生|女士/.test(tip['zh-CN']))).toBe(true);
    }
  });

  it('apologises more than once in every apology script', () => {
    for (const template of SCRIPT_LIBRARY.filter((t) => t.stage === 'apologised')) {
      const spoken = template.steps.flatMap((step) => step.lines.map((line) => line['zh-CN'])).join('');
      expect({ id: template.id, apologies: (spoken.match(/抱歉|道歉|歉意/g) ?? []).length >= 2 }).toEqual({
        id: template.id,
        apologies: true,
      });
    }
  });

  it('never offers compensation to repeat complainers, suspected professionals or on malicious cases', () => {
    const cautious = SCRIPT_LIBRARY.filter(
      (t) =>
        (t.buyerTypes !== 'any' &&
          t.buyerTypes.every((b) => b === 'repeat_complainer' || b === 'suspected_professional')) ||
        (t.rootCauses !== 'any' && t.rootCauses.every((r) => r === 'malicious')),
    );
    expect(cautious.length).toBeGreaterThan(5);
    for (const template of cautious) {
      const spoken = scriptTexts(template).filter((entry) => entry.kind === 'spoken');
      const offers = spoken.filter(({ text }) => /申请了?一份补偿|为您申请/.test(text['zh-CN']));
      expect({ id: template.id, offers: offers.map((o) => o.path) }).toEqual({ id: template.id, offers: [] });
    }
  });

  it('points a money demand tied to the review at the appeal path or a lead', () => {
    for (const template of SCRIPT_LIBRARY) {
      for (const step of template.steps) {
        const branch = step.branches.demands_money;
        if (!branch) continue;
        expect(['appealing', 'escalate_to_lead']).toContain(branch.suggests);
      }
    }
  });

  it('offers the revision request only where the platform allows it, once, with an explicit no-benefit tip', () => {
    const requests = SCRIPT_LIBRARY.flatMap((t) => t.steps.filter((s) => s.id === 'revision_request'));
    expect(requests.length).toBeGreaterThan(0);
    for (const request of requests) {
      expect(request.onlyIf).toBe('platform_allows_revision_request');
      expect(request.tips.some((tip) => /绝不附带/.test(tip['zh-CN']) && /^Never attach/.test(tip.en))).toBe(true);
    }
    // Nowhere else does a spoken line invite a new rating.
    const elsewhere = SCRIPT_LIBRARY.flatMap((t) =>
      t.steps
        .filter((s) => s.id !== 'revision_request')
        .flatMap((s) => s.lines)
        .filter((line) => /重新评价|rate the order again/.test(line['zh-CN'] + line.en)),
    );
    expect(elsewhere).toEqual([]);
  });
});
