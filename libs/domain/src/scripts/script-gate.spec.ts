import { DEFAULT_POLICY } from '../policies/policy-config';
import { refusalMessage } from '../refusals/messages';
import { aCase, contextAt } from '../testing';
import { scriptChecklist, scriptContext } from './action-ticks';
import { nextStepTransition } from './progress';
import { checkTickable, scriptGate, scriptKey, transitionFollowingScript } from './script-gate';
import { SCRIPT_LIBRARY } from './script-library';
import type { ScriptTemplate } from './script-types';

const library = (id: string): ScriptTemplate => {
  const found = SCRIPT_LIBRARY.find((template) => template.id === id);
  if (!found) throw new Error(`no template ${id}`);
  return found;
};
const context = { revisionRequestAllowed: false };

describe('scriptGate', () => {
  const apologised = library('apologised.generic');
  const state = aCase().inStage('apologised').withAttempt('im', 'reached').withConfirmedRootCause().build();

  it('holds the next stage while a check-off of the branch taken is open, naming it in words', () => {
    const checklist = scriptChecklist(apologised, state, ['apologised'], context);
    const gate = scriptGate(checklist, 'resolving');
    expect(gate).toMatchObject({ code: 'script.incomplete', params: { done: 2, total: 4 } });
    const zh = refusalMessage(gate!, 'zh-CN');
    expect(zh).toContain('已让买家完整说明情况');
    expect(zh).toContain('已向买家复述问题');
    expect(zh).not.toContain('listened');
    const en = refusalMessage(gate!, 'en');
    expect(en).toContain('Let the buyer explain in full');
    expect(en).not.toContain('restated');
  });

  it('opens once every check-off is done, by hand or by action', () => {
    const checklist = scriptChecklist(apologised, state, ['apologised', 'listened', 'restated'], context);
    expect(scriptGate(checklist, 'resolving')).toBeNull();
  });

  it('never holds the way to an appeal, nor a case without a script', () => {
    expect(scriptGate(scriptChecklist(apologised, state, [], context), 'appealing')).toBeNull();
    expect(scriptGate(null, 'resolving')).toBeNull();
  });

  it('names the script a stage followed by id and version', () => {
    expect(scriptKey(apologised)).toBe(`apologised.generic@${apologised.version}`);
  });
});

describe('checkTickable', () => {
  const resolving = library('resolving.generic');

  it('lets a hand tick what no action proves', () => {
    expect(checkTickable(resolving, 'timeline_told')).toBeNull();
  });

  it('refuses a check-off an action proves, and one the script does not have', () => {
    expect(checkTickable(resolving, 'remedy_recorded')).toMatchObject({ code: 'script.check_by_action' });
    expect(refusalMessage(checkTickable(resolving, 'remedy_recorded')!, 'zh-CN')).toContain('已在工单中记录方案');
    expect(checkTickable(resolving, 'no_such_check')).toMatchObject({ code: 'script.check_unknown' });
  });
});

describe('ticks the actions prove on the way to 25 clicks', () => {
  it('takes the buyer as having chosen the remedy once it is recorded on the case', () => {
    const resolving = library('resolving.generic');
    const before = scriptChecklist(resolving, aCase().inStage('resolving').build(), [], context);
    const after = scriptChecklist(
      resolving,
      aCase().inStage('resolving').withRemedy('exchange', 'in_progress').build(),
      [],
      context,
    );
    const agreed = (list: typeof before) =>
      list.steps.flatMap((step) => step.items).find((item) => item.check.id === 'remedy_agreed');
    expect(agreed(before)).toMatchObject({ done: false, byAction: true });
    expect(agreed(after)).toMatchObject({ done: true, byAction: true });
  });

  it('offers the public reply from contacting when the buyer could not be reached', () => {
    const contacting = library('contacting.generic');
    expect(nextStepTransition(contacting, 'contacting')).toBe('apologised');
    expect(nextStepTransition(contacting, 'contacting', { buyerUnreachable: true })).toBe('replying');
  });
});

describe('transitionFollowingScript', () => {
  const apologised = library('apologised.generic');
  const state = aCase().inStage('apologised').withAttempt('im', 'reached').withConfirmedRootCause().build();
  const ctx = contextAt();

  it("asks the workflow first, then the script's gate", () => {
    const open = scriptChecklist(apologised, state, [], context);
    expect(transitionFollowingScript(state, { to: 'resolving' }, ctx, open)).toMatchObject({
      ok: false,
      refusal: { code: 'script.incomplete' },
    });
    expect(transitionFollowingScript(state, { to: 'watching' }, ctx, open)).toMatchObject({
      ok: false,
      refusal: { code: 'stage.transition_not_allowed' },
    });
    const done = scriptChecklist(apologised, state, ['apologised', 'listened', 'restated'], context);
    expect(transitionFollowingScript(state, { to: 'resolving' }, ctx, done)).toMatchObject({ ok: true });
  });
});

describe('scriptContext', () => {
  const appealing = SCRIPT_LIBRARY.find((template) => template.stage === 'appealing');
  if (!appealing) throw new Error('no appealing script');
  const stuck = aCase().inStage('appealing').with({ maliciousKind: 'extortion', rootCause: 'malicious' }).build();
  const ticked = appealing.steps.flatMap((step) => step.checks.map((check) => check.id));

  it('does not trap a case in appealing once the appeal window closed without an appeal', () => {
    const open = scriptChecklist(appealing, stuck, ticked, scriptContext(stuck, DEFAULT_POLICY, stuck.reviewedAt));
    expect(scriptGate(open, 'replying')).toMatchObject({ code: 'script.incomplete' });
    const late = new Date(stuck.reviewedAt.getTime() + 40 * 86_400_000);
    const closed = scriptChecklist(appealing, stuck, ticked, scriptContext(stuck, DEFAULT_POLICY, late));
    expect(scriptGate(closed, 'replying')).toBeNull();
  });
});
