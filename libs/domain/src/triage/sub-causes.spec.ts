import { ROOT_CAUSES } from '../shared/vocabulary';
import { LEXICON } from './lexicon';
import { isSubCauseOf, rootCauseLabel, SUB_CAUSES, subCauseLabel } from './sub-causes';

describe('sub-causes', () => {
  it('belong to their own root cause only', () => {
    expect(isSubCauseOf('logistics_damage', 'crushed')).toBe(true);
    expect(isSubCauseOf('size_fit', 'crushed')).toBe(false);
    expect(isSubCauseOf('other', 'misclick')).toBe(true);
    expect(isSubCauseOf('product_quality', 'made_up')).toBe(false);
  });

  it('are snake_case and unique across causes', () => {
    const all = Object.values(SUB_CAUSES).flat();
    expect(new Set(all).size).toBe(all.length);
    for (const subCause of all) expect(subCause).toMatch(/^[a-z]+(?:_[a-z]+)*$/);
  });

  it('are labelled in both locales', () => {
    for (const cause of ROOT_CAUSES) {
      expect(rootCauseLabel(cause, 'zh-CN')).toMatch(/[\u4e00-\u9fa5]/);
      expect(rootCauseLabel(cause, 'en')).not.toBe('');
      for (const subCause of SUB_CAUSES[cause]) {
        expect(subCauseLabel(subCause, 'zh-CN')).toMatch(/[\u4e00-\u9fa5]/);
        expect(subCauseLabel(subCause, 'en')).toMatch(/^[a-z]/);
      }
    }
    expect(subCauseLabel('something_old', 'en')).toBe('something_old');
  });

  it('are the only sub-causes the lexicon uses', () => {
    for (const entry of LEXICON) {
      if (entry.subCause !== null) expect(isSubCauseOf(entry.rootCause, entry.subCause)).toBe(true);
    }
  });
});
