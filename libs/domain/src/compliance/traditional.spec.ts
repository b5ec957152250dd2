import { normalizeText } from './normalize';
import { traditionalPairs } from './traditional';

describe('traditional → simplified', () => {
  it('maps one traditional character to one simplified character', () => {
    const pairs = traditionalPairs();
    expect(pairs.length).toBeGreaterThan(150);
    for (const [traditional, simplified] of pairs) {
      expect([[...traditional].length, [...simplified].length, traditional === simplified]).toEqual([1, 1, false]);
    }
  });

  it.each([
    ['刪除差評後返現五圓', '删除差评后返现五元'],
    ['給個好評送紅包', '给个好评送红包'],
    ['撤銷評價補償您十塊錢', '撤销评价补偿您十块钱'],
  ])('%s reads as %s', (traditional, simplified) => {
    expect(normalizeText(traditional).text).toBe(simplified);
  });
});
