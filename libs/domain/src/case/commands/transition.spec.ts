import type { RefusalCode } from '../../refusals/refusal';
import type { Stage } from '../../shared/vocabulary';
import { STAGES } from '../../shared/vocabulary';
import { aCase, contextAt } from '../../testing';
import type { CaseState } from '../case-state';
import { STAGE_EDGES } from '../stages';
import { transition } from './transition';

const reached = () => aCase().reached();

describe('transition guards', () => {
  const cases: Array<[string, CaseState, Stage, RefusalCode | null]> = [
    ['new → contacting', aCase().build(), 'contacting', null],
    ['new → appealing without a kind', aCase().build(), 'appealing', 'appeal.not_flagged_malicious'],
    [
      'contacting → apologised before reaching the buyer',
      aCase().inStage('contacting').withPhoneCalls(1).build(),
      'apologised',
      'contact.not_reached',
    ],
    ['contacting → apologised after reaching', reached().inStage('contacting').build(), 'apologised', null],
    [
      'contacting → replying with 1 failed attempt',
      aCase().inStage('contacting').withPhoneCalls(1).build(),
      'replying',
      'contact.attempts_not_exhausted',
    ],
    [
      'contacting → replying after 3 failed calls',
      aCase().inStage('contacting').withPhoneCalls(3).build(),
      'replying',
      null,
    ],
    [
      'contacting → replying when the buyer refused',
      aCase().inStage('contacting').withAttempt('im', 'refused').build(),
      'replying',
      null,
    ],
    [
      'contacting → replying for a do-not-contact buyer',
      aCase().inStage('contacting').with({ buyerDoNotContact: true }).build(),
      'replying',
      null,
    ],
    [
      'apologised → resolving without confirmed cause',
      reached().inStage('apologised').build(),
      'resolving',
      'root_cause.not_confirmed',
    ],
    [
      'apologised → resolving with confirmed cause',
      reached().inStage('apologised').withConfirmedRootCause().build(),
      'resolving',
      null,
    ],
    [
      'resolving → compensating without remedy',
      reached().inStage('resolving').build(),
      'compensating',
      'remedy.missing',
    ],
    [
      'resolving → compensating with remedy',
      reached().inStage('resolving').withRemedy('exchange', 'in_progress').build(),
      'compensating',
      null,
    ],
    ['resolving → replying without remedy', reached().inStage('resolving').build(), 'replying', 'remedy.missing'],
    [
      'resolving → watching with remedy in progress',
      reached().inStage('resolving').withRemedy('exchange', 'in_progress').build(),
      'watching',
      'remedy.not_done',
    ],
    ['resolving → watching with remedy done', reached().inStage('resolving').withRemedy().build(), 'watching', null],
    [
      'compensating → watching with approval pending',
      reached().inStage('compensating').withRemedy().withCompensation({ status: 'pending_approval' }).build(),
      'watching',
      'compensation.awaiting_decision',
    ],
    [
      'compensating → watching once decided',
      reached().inStage('compensating').withRemedy().withCompensation({ status: 'paid' }).build(),
      'watching',
      null,
    ],
    [
      'compensating → replying with approval pending',
      reached().inStage('compensating').withRemedy().withCompensation({ status: 'pending_approval' }).build(),
      'replying',
      'compensation.awaiting_decision',
    ],
    [
      'replying → watching before publishing',
      aCase().inStage('replying').withReply().build(),
      'watching',
      'reply.not_published',
    ],
    [
      'replying → watching after publishing',
      aCase().inStage('replying').withReply({ status: 'published' }).build(),
      'watching',
      null,
    ],
    [
      'watching → recorded is the record command',
      aCase().inStage('watching').build(),
      'recorded',
      'stage.transition_not_allowed',
    ],
    ['new → resolving skips the workflow', aCase().build(), 'resolving', 'stage.transition_not_allowed'],
    ['recorded → anything', aCase().inStage('recorded').build(), 'contacting', 'stage.case_closed'],
  ];

  it.each(cases)('%s', (_label, state, to, expected) => {
    const result = transition(state, { to }, contextAt());
    expect(result.ok ? null : result.refusal.code).toBe(expected);
    if (result.ok) {
      expect(result.state.stage).toBe(to);
      expect(result.events.at(-1)).toMatchObject({ type: 'stage_changed', data: { from: state.stage, to } });
    }
  });

  it('refuses every pair of stages that is not an edge of the workflow', () => {
    for (const from of STAGES) {
      for (const to of STAGES) {
        if (from === 'recorded' || STAGE_EDGES[from].includes(to)) continue;
        const result = transition(aCase().inStage(from).build(), { to }, contextAt());
        expect(result.ok ? null : result.refusal.code).toBe('stage.transition_not_allowed');
      }
    }
  });

  it('flags the case malicious when it enters appealing with a kind', () => {
    const result = transition(
      aCase().inStage('contacting').build(),
      { to: 'appealing', maliciousKind: 'extortion', reason: '买家索要200元' },
      contextAt(),
    );
    if (!result.ok) throw new Error(result.refusal.code);
    expect(result.state).toMatchObject({
      stage: 'appealing',
      maliciousKind: 'extortion',
      rootCause: 'malicious',
      rootCauseConfirmed: true,
    });
    expect(result.events.map((e) => e.type)).toEqual(['malicious_flagged', 'stage_changed']);
    expect(result.events[0]?.data).toMatchObject({
      kind: 'extortion',
      rootCauseBefore: 'product_quality',
      reason: '买家索要200元',
    });
  });

  it('does not count an unchanged input as a change of the source state', () => {
    const state = aCase().build();
    transition(state, { to: 'contacting' }, contextAt());
    expect(state.stage).toBe('new');
  });
});

describe('transition with the script that led there', () => {
  it('keeps the script id and version in the stage change', () => {
    const result = transition(aCase().build(), { to: 'contacting', script: 'new.generic@1' }, contextAt());
    if (!result.ok) throw new Error(result.refusal.code);
    expect(result.events.at(-1)).toMatchObject({
      type: 'stage_changed',
      data: { to: 'contacting', script: 'new.generic@1' },
    });
  });
});
