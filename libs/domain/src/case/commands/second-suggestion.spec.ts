import { aCase, contextAt } from '../../testing';
import { causeNeedsChecking } from '../case-state';
import type { CommandResult } from '../command-context';
import { confirmRootCause } from './root-cause';
import { overrideTriage, secondSuggestionInput } from './triage-override';

const code = (result: CommandResult) => (result.ok ? null : result.refusal.code);
const disputed = () =>
  aCase().with({
    suggestedRootCause: 'not_as_described',
    rootCause: 'not_as_described',
    subCause: 'colour_or_style',
    suggestedSecondCause: 'service_attitude',
    causeDisagreement: true,
  });

describe('taking the second suggestion', () => {
  it('is a root-cause override without a written reason, recorded as taken from the second suggestion', () => {
    const state = disputed().build();
    const result = overrideTriage(state, secondSuggestionInput(state), contextAt());
    if (!result.ok) throw new Error(result.refusal.code);
    expect(result.state).toMatchObject({ rootCause: 'service_attitude', subCause: null });
    expect(result.events).toEqual([
      expect.objectContaining({
        type: 'triage_overridden',
        data: expect.objectContaining({
          field: 'rootCause',
          before: 'not_as_described',
          after: 'service_attitude',
          suggestedRootCause: 'not_as_described',
          via: 'second_suggestion',
          reason: '',
        }),
      }),
    ]);
  });

  it('refuses when triage made no second suggestion', () => {
    const state = aCase().build();
    const result = overrideTriage(state, secondSuggestionInput(state), contextAt());
    expect(code(result)).toBe('triage.no_second_suggestion');
  });

  it('takes only the second suggestion without a reason; any other cause still needs one', () => {
    const state = disputed().build();
    const other = { field: 'rootCause', rootCause: 'size_fit', reason: '', via: 'second_suggestion' } as const;
    const refused = overrideTriage(state, other, contextAt());
    expect(code(refused)).toBe('triage.not_second_suggestion');
    expect(!refused.ok && refused.refusal.params).toEqual({ rootCause: 'service_attitude' });
    const plain = overrideTriage(
      state,
      { field: 'rootCause', rootCause: 'service_attitude', reason: ' ' },
      contextAt(),
    );
    expect(code(plain)).toBe('triage.reason_required');
  });

  it('refuses once the second suggestion has been taken, and on a closed case', () => {
    const taken = disputed().with({ rootCause: 'service_attitude', subCause: null }).build();
    expect(code(overrideTriage(taken, secondSuggestionInput(taken), contextAt()))).toBe('triage.unchanged');
    const closed = disputed().inStage('recorded').build();
    expect(code(overrideTriage(closed, secondSuggestionInput(closed), contextAt()))).toBe('stage.case_closed');
  });
});

describe('causeNeedsChecking', () => {
  it('holds while a disputed cause is neither corrected nor confirmed', () => {
    expect(causeNeedsChecking(disputed().build())).toBe(true);
    expect(causeNeedsChecking(disputed().with({ causeDisagreement: false }).build())).toBe(false);
    expect(causeNeedsChecking(disputed().with({ rootCause: 'service_attitude' }).build())).toBe(false);
    expect(causeNeedsChecking(disputed().with({ rootCauseConfirmed: true }).build())).toBe(false);
  });

  it('ends when the agent confirms the suggested cause with the buyer', () => {
    const state = disputed().inStage('apologised').build();
    const result = confirmRootCause(state, { rootCause: 'not_as_described' }, contextAt());
    if (!result.ok) throw new Error(result.refusal.code);
    expect(causeNeedsChecking(result.state)).toBe(false);
  });
});
