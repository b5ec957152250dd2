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
    ['一三八一二三四五六七八', ['phone']],
    ['幺三八 幺二三四 五六七八', ['phone']],
    ['buyer(at)example.com', ['email']],
    ['buyer [at] example [dot] com', ['email']],
    ['wang.li at qq dot com', ['email']],
    ['lisi艾特163点com', ['email']],
    ['加我微信：shop_after_sale', ['chat_handle']],
    ['vx shopcare2026', ['chat_handle']],
    ['QQ号：12345678', ['chat_handle']],
    ['扣扣 987654321', ['chat_handle']],
  ])('%s shows %j', (text, kinds) => {
    expect(findPersonalData(text)).toEqual(kinds);
  });

  it.each([
    '单价138元，两件276元',
    '13:30-14:00之间配送',
    '2026-12-04 已发货',
    '我们的仓库在浙江',
    '非常节省空间',
    '一一对应，三五天内送到',
    '我们在微信公众号发过使用说明',
    '请在淘宝旺旺联系客服',
    'we look at every review',
  ])('%s shows none', (text) => {
    expect(findPersonalData(text)).toEqual([]);
  });
});

describe('maskPersonalDataInText', () => {
  it.each([
    ['电话１３８ １２３４ ５６７８谢谢', '电话138****5678谢谢'],
    ['+86-138-1234-5678', '138****5678'],
    ['邮箱 wang.li@example.com 已收到', '邮箱 w***@example.com 已收到'],
    ['电话一三八一二三四五六七八', '电话138****5678'],
    ['加我微信：shop_after_sale 谢谢', '加我微信:**** 谢谢'],
    // Greedy on purpose: a road may take up to eight characters before it, and a word too many is no leak.
    ['您家在朝阳区建国路88号3号楼2单元1502室，对吗', '****，对吗'],
  ])('%s → %s', (text, masked) => {
    expect(maskPersonalDataInText(text)).toBe(masked);
  });
});
