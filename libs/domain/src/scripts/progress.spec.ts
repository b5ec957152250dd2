import { CLOSING_STAGES, STAGE_EDGES } from '../case/stages';
import type { RemedyType, Stage } from '../shared/vocabulary';
import { STAGES } from '../shared/vocabulary';
import { applicableSteps, nextStepTransition, scriptProgress, templateProgress } from './progress';
import { SCRIPT_LIBRARY } from './script-library';
import type { ScriptStep, ScriptTemplate } from './script-types';
import { selectScript } from './select-script';

const text = { 'zh-CN': '检查', en: 'check' };
const step = (id: string, checkIds: string[], onlyIf?: ScriptStep['onlyIf']): ScriptStep => ({
  id,
  title: text,
  lines: [],
  tips: [],
  checks: checkIds.map((checkId) => ({ id: checkId, text })),
  branches: {},
  ...(onlyIf ? { onlyIf } : {}),
});

const template = (overrides: Partial<ScriptTemplate> = {}): ScriptTemplate => ({
  id: 'test',
  version: 1,
  stage: 'watching',
  rootCauses: 'any',
  buyerTypes: 'any',
  title: text,
  steps: [step('a', ['a1', 'a2']), step('b', ['b1'], 'platform_allows_revision_request')],
  ...overrides,
});

describe('scriptProgress', () => {
  it.each<[string, string[], string[], { done: number; total: number; complete: boolean }]>([
    ['nothing ticked', ['x', 'y', 'z'], [], { done: 0, total: 3, complete: false }],
    ['some ticked', ['x', 'y', 'z'], ['y'], { done: 1, total: 3, complete: false }],
    ['all ticked', ['x', 'y'], ['y', 'x'], { done: 2, total: 2, complete: true }],
    ['ids of other steps are ignored', ['x', 'y'], ['x', 'other', 'another'], { done: 1, total: 2, complete: false }],
    ['a repeated id counts once', ['x', 'y'], ['x', 'x'], { done: 1, total: 2, complete: false }],
    ['a step without check-offs is complete', [], [], { done: 0, total: 0, complete: true }],
  ])('%s', (_name, checks, ticked, expected) => {
    expect(scriptProgress(step('s', checks), ticked)).toEqual(expected);
  });

  it('accepts any iterable of ids', () => {
    expect(scriptProgress(step('s', ['x']), new Set(['x'])).complete).toBe(true);
  });
});

describe('templateProgress and conditional steps', () => {
  it('hides the revision-request step unless the platform allows it', () => {
    const t = template();
    expect(applicableSteps(t, { revisionRequestAllowed: false }).map((s) => s.id)).toEqual(['a']);
    expect(applicableSteps(t, { revisionRequestAllowed: true }).map((s) => s.id)).toEqual(['a', 'b']);
  });

  it.each<[boolean, string[], { done: number; total: number; complete: boolean }]>([
    [false, ['a1', 'a2'], { done: 2, total: 2, complete: true }],
    [true, ['a1', 'a2'], { done: 2, total: 3, complete: false }],
    [true, ['a1', 'a2', 'b1'], { done: 3, total: 3, complete: true }],
  ])('revision request allowed: %s, ticked %j', (allowed, ticked, expected) => {
    expect(templateProgress(template(), ticked, { revisionRequestAllowed: allowed })).toEqual(expected);
  });

  it('shows the shipped revision-request step only where the platform allows it', () => {
    const watching = selectScript(SCRIPT_LIBRARY, { stage: 'watching', rootCause: null, buyerType: null });
    expect(watching).not.toBeNull();
    if (!watching) return;
    const hidden = applicableSteps(watching, { revisionRequestAllowed: false }).map((s) => s.id);
    expect(hidden).not.toContain('revision_request');
    expect(applicableSteps(watching, { revisionRequestAllowed: true }).map((s) => s.id)).toContain('revision_request');
  });
});

describe('nextStepTransition', () => {
  it.each<[string, Partial<ScriptTemplate>, RemedyType | null, Stage | null]>([
    ['new → contacting', { stage: 'new' }, null, 'contacting'],
    ['new, malicious preparation → appealing', { stage: 'new', rootCauses: ['malicious'] }, null, 'appealing'],
    [
      'new, mixed causes → contacting',
      { stage: 'new', rootCauses: ['malicious', 'product_quality'] },
      null,
      'contacting',
    ],
    ['contacting → apologised', { stage: 'contacting' }, null, 'apologised'],
    ['apologised → resolving', { stage: 'apologised' }, null, 'resolving'],
    ['resolving → compensating', { stage: 'resolving' }, 'exchange', 'compensating'],
    ['resolving without a remedy yet → compensating', { stage: 'resolving' }, null, 'compensating'],
    ['resolving, usage guidance → replying', { stage: 'resolving' }, 'usage_guidance', 'replying'],
    ['resolving, none needed → replying', { stage: 'resolving' }, 'none_needed', 'replying'],
    [
      'resolving, script for cautious buyers → replying (no extra compensation)',
      { stage: 'resolving', buyerTypes: ['repeat_complainer', 'suspected_professional'] },
      'full_refund',
      'replying',
    ],
    [
      'resolving, veteran script → compensating',
      { stage: 'resolving', buyerTypes: ['veteran'] },
      'resend',
      'compensating',
    ],
    ['compensating → watching', { stage: 'compensating' }, null, 'watching'],
    ['replying → watching', { stage: 'replying' }, null, 'watching'],
    ['watching → recorded', { stage: 'watching' }, null, 'recorded'],
    ['appealing → recorded', { stage: 'appealing' }, null, 'recorded'],
    ['recorded → nothing', { stage: 'recorded' }, null, null],
  ])('%s', (_name, overrides, remedy, expected) => {
    const t = template(overrides);
    expect(nextStepTransition(t, t.stage, { remedy })).toBe(expected);
  });

  it('suggests nothing when the script is for another stage', () => {
    expect(nextStepTransition(template({ stage: 'resolving' }), 'compensating')).toBeNull();
  });

  it('only ever suggests a move the workflow allows, for every shipped template', () => {
    for (const t of SCRIPT_LIBRARY) {
      for (const remedy of [null, 'return', 'none_needed'] as const) {
        const next = nextStepTransition(t, t.stage, { remedy });
        if (next === null) {
          expect(t.stage).toBe('recorded');
          continue;
        }
        const allowed =
          STAGE_EDGES[t.stage].includes(next) || (next === 'recorded' && CLOSING_STAGES.includes(t.stage));
        expect({ template: t.id, next, allowed }).toEqual({ template: t.id, next, allowed: true });
      }
    }
  });

  it('covers every stage', () => {
    expect(STAGES.map((stage) => nextStepTransition(template({ stage }), stage))).toEqual([
      'contacting',
      'apologised',
      'resolving',
      'compensating',
      'watching',
      'watching',
      'recorded',
      'recorded',
      null,
    ]);
  });
});
