import { findReviewExtortion } from './extortion';

describe('findReviewExtortion', () => {
  it.each([
    ['给我返现20元我就改好评，不然投诉你们', '给我返现20元我就改好评'],
    ['退我一半钱我就改好评', '退我一半钱我就改好评'],
    ['赔我五十块我马上删差评', '赔我五十块我马上删差评'],
    ['改好评要20元', '改好评要20元'],
  ])('%s', (text, phrase) => {
    expect(findReviewExtortion(text)?.phrase).toBe(phrase);
  });

  it.each(['东西坏了，希望退款', '退款后我会重新评价', '已经给了差评，质量太差'])('%s is no trade', (text) => {
    expect(findReviewExtortion(text)).toBeNull();
  });
});
