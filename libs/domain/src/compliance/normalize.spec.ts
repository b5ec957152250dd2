import { normalizeText, originalSpan } from './normalize';

describe('normalizeText', () => {
  it.each([
    ['１３８１２３４５６７８', '13812345678'],
    ['1 3 8-1234 5678', '13812345678'],
    ['+86-138-1234-5678', '+8613812345678'],
    ['删 除 差 评', '删除差评'],
    ['差.评', '差评'],
    ['差*评删-除', '差评删除'],
    ['返 5 元', '返5元'],
    ['伍元', '五元'],
    ['壹佰圆', '一百元'],
    ['5⭐', '5星'],
    ['★★★★★', '星星星星星'],
    ['⑤元', '5元'],
    ['刪除差評', '删除差评'],
    ['ＨＡＯＰＩＮＧ', 'haoping'],
    ['ｌｉｓｉ＠ｑｑ．ｃｏｍ', 'lisi@qq.com'],
    ['退款25.5元', '退款25.5元'],
    ['Delete  the review', 'delete the review'],
  ])('%s → %s', (text, normalized) => {
    expect(normalizeText(text).text).toBe(normalized);
  });

  it('keeps clause punctuation, so a sentence still ends where it ends', () => {
    expect(normalizeText('感谢您的评价，我们已退款。').text).toBe('感谢您的评价,我们已退款。');
  });

  it('maps every normalised span back to the words as typed', () => {
    const normalized = normalizeText('电话：１３８ １２３４ ５６７８ 谢谢');
    const start = normalized.text.indexOf('138');
    const span = originalSpan(normalized, start, start + 11);
    expect(normalized.original.slice(span.start, span.end)).toBe('１３８ １２３４ ５６７８');
  });
});
