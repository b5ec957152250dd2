import { findCareTextProblem } from '../compliance/rules';
import { CARE_SCRIPTS, careScriptFor } from './care-scripts';

describe('the care scripts', () => {
  it('are short and pass the care-text check in both languages', () => {
    for (const script of CARE_SCRIPTS) {
      expect(script.steps.length).toBeGreaterThanOrEqual(2);
      expect(script.steps.length).toBeLessThanOrEqual(3);
      for (const line of script.steps.flatMap((step) => step.lines)) {
        expect([findCareTextProblem(line['zh-CN']), findCareTextProblem(line.en)]).toEqual([null, null]);
      }
    }
  });

  it('asks about the arrival on day 1 and about use after a week', () => {
    expect(careScriptFor(1).id).toBe('care.arrival');
    expect(careScriptFor(7).id).toBe('care.first_week');
  });
});
