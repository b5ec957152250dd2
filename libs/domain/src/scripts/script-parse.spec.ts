import { SCRIPT_LIBRARY } from './script-library';
import { scriptTemplateShapeProblems } from './script-parse';

describe('scriptTemplateShapeProblems', () => {
  it('accepts every template of the library as JSON', () => {
    for (const template of SCRIPT_LIBRARY) {
      expect(scriptTemplateShapeProblems(JSON.parse(JSON.stringify(template)))).toEqual([]);
    }
  });

  it('names what is wrong in a malformed edit', () => {
    const template = JSON.parse(JSON.stringify(SCRIPT_LIBRARY[0])) as Record<string, unknown>;
    const broken = {
      ...template,
      stage: 'somewhere',
      steps: [
        { id: 'Bad Id', title: '只有中文', lines: [], tips: [], checks: [], branches: { shouting: { lines: [] } } },
      ],
    };
    expect(scriptTemplateShapeProblems(broken)).toEqual(
      expect.arrayContaining([
        'stage: must be a workflow stage',
        'steps[0].id: must be lower-case letters, digits, . _ -',
        'steps[0].title: must be a { "zh-CN", "en" } text',
        'steps[0].branches.shouting: is not a buyer reaction',
      ]),
    );
    expect(scriptTemplateShapeProblems('a string')).toEqual(['template: must be an object']);
  });
});
