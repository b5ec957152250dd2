import type { RootCause } from '../shared/vocabulary';
import { classifyRootCause, CONTRAST_BOOST, findEvidence } from './root-cause';

describe('root cause', () => {
  it.each<[string, RootCause, string | null]>([
    ['充电器用了三天就坏了，插上没反应', 'product_quality', 'broken'],
    ['洗完头皮特别痒，头皮屑也变多了', 'product_quality', 'side_effect'],
    ['橙子一半都烂了，还有股霉味', 'product_quality', 'spoiled'],
    ['包装上的防伪码查不到，怀疑是假货', 'product_quality', 'suspected_fake'],
    ['这本书内容空洞，翻译也很生硬', 'product_quality', 'content'],
    ['平板玩一会儿就卡顿，电池也不耐用', 'product_quality', 'performance'],
    ['下单选的灰色，发来的是黑色，货不对板', 'not_as_described', 'misleading_listing'],
    ['实物和图片差距太大，颜色偏暗', 'not_as_described', 'misleading_listing'],
    ['平时穿M这次买M偏大一码，裤腿太长', 'size_fit', 'too_large'],
    ['刚买三天就降价八十，心塞', 'price_value', 'price_drop'],
    ['热水器师傅上门安装还另收了两百材料费', 'price_value', 'extra_charges'],
    ['下单一个星期才到，物流太慢了', 'logistics_delay', 'slow_delivery'],
    ['显示已签收，可我根本没收到货', 'logistics_delay', 'not_received'],
    ['箱子压扁了，里面的梨也压坏了好几个', 'logistics_damage', 'crushed'],
    ['沐浴露在快递里漏了一半，袋子里全是', 'logistics_damage', 'leaked'],
    ['问了客服三次都不回复，态度也很差', 'service_attitude', 'unresponsive'],
    ['申请退货一直不给退，还说商品已拆封', 'refund_dispute', 'return_refused'],
    ['下单时备注要发票，到现在发票也没寄来', 'refund_dispute', 'invoice'],
    ['页面写着送保温杯，收到赠品也没有', 'promotion_rules', 'missing_gift'],
    ['刚买就降价了，找客服申请价保说不支持', 'promotion_rules', 'price_protection'],
    ['不给我退两百块钱我就天天差评', 'malicious', 'extortion'],
    ['大家别买了，推荐去隔壁店买，便宜又好', 'malicious', 'competitor'],
    ['抵制这个牌子，不买了+1', 'malicious', 'boycott'],
    ['。。。', 'other', 'unclear'],
  ])('%p → %s / %s', (text, rootCause, subCause) => {
    const result = classifyRootCause(text);
    expect({ rootCause: result.rootCause, subCause: result.subCause }).toEqual({ rootCause, subCause });
  });

  it.each([
    ['衣服没有异味，就是有点偏大', '异味'],
    ['包装完好没有破损，就是发货慢', '破损'],
    ['系统流畅不卡，屏幕很清楚，但是电池不耐用', '卡'],
    ['快递一点也不慢，可惜苹果不甜', '慢'],
    ['用了两周没坏，只是外壳容易刮花', '坏'],
    ['一点也不臭，但是尺码偏小', '臭'],
  ])('%p has no evidence at the negated %p', (text, negated) => {
    const at = text.indexOf(negated);
    const evidence = findEvidence(text);
    expect(evidence.length).toBeGreaterThan(0);
    expect(evidence.filter((item) => item.start <= at && at < item.end)).toEqual([]);
  });

  it('keeps phrases that carry their own negation', () => {
    expect(classifyRootCause('桃子不甜，还不新鲜').subCause).toBe('taste');
    expect(classifyRootCause('收到就开不了机').rootCause).toBe('product_quality');
  });

  it('weighs the complaint after a contrast marker higher', () => {
    const text = '东西还可以，但是物流太慢了';
    const slow = findEvidence(text).find((item) => item.rootCause === 'logistics_delay');
    expect(slow?.weight).toBe(1.5 * CONTRAST_BOOST);
    expect(classifyRootCause('做工一般，不过主要是物流太慢了').rootCause).toBe('logistics_delay');
  });

  it('lets a specific cause beat a generic complaint', () => {
    expect(classifyRootCause('质量差，物流也慢得要死').rootCause).toBe('logistics_delay');
    expect(classifyRootCause('垃圾，买完第二天就降价').rootCause).toBe('price_value');
    expect(classifyRootCause('太坑了，说好的赠品没有').rootCause).toBe('promotion_rules');
  });

  it('breaks a tie in favour of the cause mentioned first', () => {
    expect(classifyRootCause('尺码偏大，客服态度差').rootCause).toBe('size_fit');
    expect(classifyRootCause('客服态度差，尺码偏大').rootCause).toBe('service_attitude');
  });

  it('points every piece of evidence at its exact phrase', () => {
    const text = '快递太慢了，打开发现瓶子漏了，客服也不回复';
    const evidence = findEvidence(text);
    expect(evidence.length).toBeGreaterThanOrEqual(3);
    for (const item of evidence) expect(text.slice(item.start, item.end)).toBe(item.phrase);
  });

  it('returns other/unclear with low confidence when nothing matches', () => {
    const result = classifyRootCause('就这样吧');
    expect(result).toMatchObject({ rootCause: 'other', subCause: 'unclear', evidence: [], alternatives: [] });
    expect(result.confidence).toBeLessThan(0.2);
  });

  it('is more confident about a clear case than a close call', () => {
    const clear = classifyRootCause('发错货了，颜色不对，和图片不一样');
    const close = classifyRootCause('有点偏大，物流也慢');
    expect(clear.confidence).toBeGreaterThan(close.confidence);
    expect(clear.confidence).toBeLessThanOrEqual(1);
    expect(close.alternatives.map((item) => item.rootCause)).toEqual(['size_fit', 'logistics_delay']);
  });
});
