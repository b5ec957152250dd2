import type { RootCause } from '../shared/vocabulary';
import { classifyRootCause, CONTRAST_BOOST, findEvidence, TONE_CAP } from './root-cause';

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

  it.each<[string, RootCause, string | null]>([
    // phrase families (2026.11.2)
    ['收到的外套和详情页上的完全不一样', 'not_as_described', 'misleading_listing'],
    ['店里把我要的型号搞错了', 'not_as_described', 'wrong_item'],
    ['标着五斤，称了一下重量差了不少', 'not_as_described', 'spec_mismatch'],
    ['说是大果，其实根本没有80mm', 'not_as_described', 'spec_mismatch'],
    ['运输途中被摔过，外箱都是破的', 'logistics_damage', 'crushed'],
    ['雨天送来，纸箱全打湿了', 'logistics_damage', 'crushed'],
    ['这条裤子裤腿太长了', 'size_fit', 'too_large'],
    ['鞋子穿上去太小了', 'size_fit', 'too_small'],
    ['不到一年就坏了，售后说不给保修', 'refund_dispute', 'warranty_repair'],
    ['超市里同样的东西才卖一半的价钱', 'price_value', 'too_expensive'],
    ['连接口都接触不良', 'product_quality', 'defect'],
    ['讲来讲去没什么新意，学不到东西', 'product_quality', 'content'],
    // phrase families (2026.11.3)
    ['商品页说有蓝牙功能，拿到手根本没有', 'not_as_described', 'misleading_listing'],
    ['收到的台灯跟宣传图天差地别', 'not_as_described', 'misleading_listing'],
    ['盒子上标着64G，实际才有50多G能用', 'not_as_described', 'spec_mismatch'],
    ['这件毛衣根本不是纯羊毛的', 'not_as_described', 'misleading_listing'],
    ['明明拍的是直筒款，给我寄来的是阔腿款', 'not_as_described', 'wrong_item'],
    ['客服热线一直打不通，问题没人管', 'service_attitude', 'unresponsive'],
    ['垃圾客服，问了也白问', 'service_attitude', 'rude'],
    ['耳机坏了，本地没地方修', 'refund_dispute', 'warranty_repair'],
    ['申请退款三次都被驳回，不同意退', 'refund_dispute', 'return_refused'],
    ['下单后没两天就卖99了，白白多花钱', 'price_value', 'price_drop'],
    ['说实话这价格一点不便宜', 'price_value', 'too_expensive'],
    ['卖家发货后九天才到', 'logistics_delay', 'slow_delivery'],
    ['快递寄错网点，害我多跑一趟', 'logistics_delay', 'not_received'],
    ['一箱梨有一半被砸坏了', 'logistics_damage', 'crushed'],
    ['还没拆开，里面的玻璃杯就碎了', 'logistics_damage', 'leaked'],
    ['拖鞋穿了三天就开胶了', 'product_quality', 'broken'],
    ['新买的卡插不进去', 'product_quality', 'broken'],
    ['平时穿29，这次29的腰还是紧', 'size_fit', 'too_small'],
    ['不小心买大了，腰围能塞个拳头', 'size_fit', 'poor_fit'],
  ])('%p → %s / %s', (text, rootCause, subCause) => {
    const result = classifyRootCause(text);
    expect({ rootCause: result.rootCause, subCause: result.subCause }).toEqual({ rootCause, subCause });
  });

  it.each([['屏幕太小了，看着累'], ['这个盒子太大了，占地方'], ['音量调到最大也太小']])(
    '%p is not a size complaint without something worn',
    (text) => {
      expect(findEvidence(text).filter((item) => item.rootCause === 'size_fit')).toEqual([]);
    },
  );

  it.each([
    ['这本书我会慢慢看完的，很喜欢'],
    ['女儿拿到后自己拿着翻个不停'],
    ['用了一周，暂时还没发现缺点'],
    ['这件衣服穿一次就丢了，不想要了'],
  ])('%p has no logistics_delay evidence', (text) => {
    expect(findEvidence(text).filter((item) => item.rootCause === 'logistics_delay')).toEqual([]);
  });

  it('reads 尺码不对 as a size complaint, not a wrong item', () => {
    expect(classifyRootCause('尺码不对，小了一码').rootCause).toBe('size_fit');
  });

  it.each<[string, RootCause]>([
    // complaint tone and nothing else: the product, weakly
    ['这次真的很失望，用起来一般', 'product_quality'],
    ['买回来的杯子不推荐大家入手', 'product_quality'],
    // a bare rating stays other
    ['差评！', 'other'],
    ['垃圾垃圾垃圾', 'other'],
    ['不满意，差评', 'other'],
  ])('tone alone: %p → %s', (text, rootCause) => {
    const result = classifyRootCause(text);
    expect(result.rootCause).toBe(rootCause);
    expect(result.confidence).toBeLessThan(0.3);
    if (rootCause === 'product_quality') {
      expect(result.subCause).toBeNull();
      expect(result.evidence.length).toBeGreaterThan(0);
      expect(result.alternatives).toEqual([{ rootCause: 'product_quality', score: expect.any(Number) }]);
      expect(result.alternatives[0]?.score).toBeLessThanOrEqual(TONE_CAP);
    }
  });

  it('lets any cause phrase beat complaint tone, and leaves the tone out of the evidence', () => {
    const result = classifyRootCause('太失望了，太差了，不推荐，物流慢');
    expect(result.rootCause).toBe('logistics_delay');
    expect(result.evidence.map((item) => item.rootCause)).toEqual(['logistics_delay']);
  });

  it.each<[string, RootCause]>([
    // no phrase at all, but something to say: guessed product_quality, lowest confidence, no evidence
    ['用了一个礼拜这个锅底就黑乎乎一片', 'product_quality'],
    // praise, "not tried yet", filler and short texts stay other
    ['孩子看了很喜欢，下次还来买', 'other'],
    ['还没用，先收藏一下等以后再说', 'other'],
    ['。。。。。。', 'other'],
    ['就这样吧', 'other'],
  ])('no phrase: %p → %s', (text, rootCause) => {
    const result = classifyRootCause(text);
    expect(result.rootCause).toBe(rootCause);
    expect(result.evidence).toEqual([]);
    expect(result.confidence).toBeLessThan(0.2);
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
