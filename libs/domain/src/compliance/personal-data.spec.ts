import { findPersonalData, maskPersonalDataInText } from './personal-data';

describe('findPersonalData', () => {
  it.each([
    ['１３８１２３４５６７８', ['phone']],
    ['138 1234 5678', ['phone']],
    ['1 3 8-1234 5678', ['phone']],
    ['+86-138-1234-5678', ['phone']],
    ['0086 13812345678', ['phone']],
    ['wang.li@example.com', ['email']],
    ['ｌｉｓｉ＠ｑｑ．ｃｏｍ', ['email']],
    ['11010119900307123X', ['id_number']],
    ['021-6543 2100', ['landline']],
    ['（0571）88776655', ['landline']],
    ['广东省深圳市南山区科技园路18号', ['address']],
    ['3号楼2单元1502室', ['address']],
    ['订单3012345678901234567', ['order_number']],
  ])('%s shows %j', (text, kinds) => {
    expect(findPersonalData(text)).toEqual(kinds);
  });

  it.each(['单价138元，两件276元', '13:30-14:00之间配送', '2026-12-04 已发货', '我们的仓库在浙江', '非常节省空间'])(
    '%s shows none',
    (text) => {
      expect(findPersonalData(text)).toEqual([]);
    },
  );
});

describe('maskPersonalDataInText', () => {
  it.each([
    ['电话１３８ １２３４ ５６７８谢谢', '电话138****5678谢谢'],
    ['+86-138-1234-5678', '138****5678'],
    ['邮箱 wang.li@example.com 已收到', '邮箱 w***@example.com 已收到'],
    // Greedy on purpose: a road may take up to eight characters before it, and a word too many is no leak.
    ['您家在朝阳区建国路88号3号楼2单元1502室，对吗', '****，对吗'],
  ])('%s → %s', (text, masked) => {
    expect(maskPersonalDataInText(text)).toBe(masked);
  });
});
