import { aCase } from '../testing';
import { scriptChecklist } from './action-ticks';
import { SCRIPT_LIBRARY } from './script-library';
import type { ScriptTemplate } from './script-types';

const library = (id: string): ScriptTemplate => {
  const found = SCRIPT_LIBRARY.find((template) => template.id === id);
  if (!found) throw new Error(`no template ${id}`);
  return found;
};
const context = { revisionRequestAllowed: false };
const itemsOf = (checklist: ReturnType<typeof scriptChecklist>, stepId: string) =>
  checklist.steps.find((step) => step.step.id === stepId);

describe('scriptChecklist', () => {
  const contacting = library('contacting.generic');

  it('ticks the check-offs an action recorded, and requires only the branch the case took', () => {
    // The buyer answered on IM: the SMS, phone and no-answer steps are not this case's branch.
    const state = aCase().inStage('contacting').withAttempt('im', 'reached').build();
    const checklist = scriptChecklist(contacting, state, [], context);
    expect(itemsOf(checklist, 'im_opener')).toMatchObject({
      taken: true,
      items: [
        { check: { id: 'im_sent' }, done: true, byAction: true },
        { check: { id: 'im_logged' }, done: true, byAction: true },
      ],
    });
    expect(checklist.steps.filter((step) => step.taken).map((step) => step.step.id)).toEqual(['im_opener']);
    expect(checklist.progress).toEqual({ done: 2, total: 2, complete: true });
  });

  it('requires the no-answer follow-up after an unanswered call, and the hand ticks what no action proves', () => {
    const state = aCase().inStage('contacting').withPhoneCalls(1).build();
    const open = scriptChecklist(contacting, state, [], context);
    expect(open.steps.filter((step) => step.taken).map((step) => step.step.id)).toEqual(['no_answer']);
    expect(open.progress).toEqual({ done: 1, total: 2, complete: false });
    expect(scriptChecklist(contacting, state, ['follow_up_sent'], context).progress.complete).toBe(true);
  });

  it('requires the phone opener once the buyer picked up', () => {
    const state = aCase().inStage('contacting').withPhoneCalls(1).withAttempt('phone', 'reached').build();
    const checklist = scriptChecklist(contacting, state, ['follow_up_sent'], context);
    expect(checklist.steps.filter((step) => step.taken).map((step) => step.step.id)).toEqual([
      'phone_opener',
      'no_answer',
    ]);
    expect(checklist.progress).toEqual({ done: 3, total: 5, complete: false });
  });

  it('never lets a hand tick stand in for the action', () => {
    const state = aCase().inStage('contacting').build();
    const checklist = scriptChecklist(contacting, state, ['im_sent', 'im_logged'], context);
    expect(itemsOf(checklist, 'im_opener')?.items.every((item) => !item.done)).toBe(true);
  });

  it('ticks the compensating script from the compensation on the case', () => {
    const compensating = SCRIPT_LIBRARY.find((template) => template.stage === 'compensating');
    if (!compensating) throw new Error('no compensating script');
    const none = scriptChecklist(compensating, aCase().inStage('compensating').build(), [], context);
    const approved = scriptChecklist(
      compensating,
      aCase().inStage('compensating').withCompensation({ status: 'approved' }).build(),
      [],
      context,
    );
    const byAction = (list: typeof none) => list.steps.flatMap((step) => step.items).filter((item) => item.done);
    expect(byAction(none)).toEqual([]);
    expect(byAction(approved).map((item) => item.check.id)).toEqual(['within_policy', 'offer_recorded']);
  });

  it('does not ask for a reply draft when the review already carries a seller reply from elsewhere', () => {
    const replying = SCRIPT_LIBRARY.find((template) => template.stage === 'replying');
    if (!replying) throw new Error('no replying script');
    const answered = aCase().inStage('replying').with({ reviewSellerReply: '感谢反馈' }).build();
    expect(scriptChecklist(replying, answered, [], context).progress).toEqual({ done: 0, total: 0, complete: true });
    const fresh = aCase().inStage('replying').build();
    expect(scriptChecklist(replying, fresh, [], context).progress.complete).toBe(false);
  });
});
