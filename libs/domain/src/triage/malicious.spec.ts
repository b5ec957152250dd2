import { detectMaliciousSignals } from './malicious';
import { classifyRootCause } from './root-cause';

describe('malicious signals', () => {
  it.each([
    ['不赔我五百块钱我就一直给你差评', 'extortion'],
    ['给我200元就改好评', 'extortion'],
    ['再不处理就曝光你们，让你们店开不下去', 'extortion'],
    ['必须赔我1000元', 'unreasonable_demand'],
    ['这家太差了，推荐去对面那家店买', 'competitor'],
    ['质量不如隔壁店', 'competitor'],
    ['加微信abc12345领返现', 'third_party_fraud'],
    ['专业代刷信誉，QQ:12345678', 'third_party_fraud'],
    ['抵制某某品牌，大家转发', 'boycott'],
    ['新闻说这个牌子被抽检不合格', 'boycott'],
    ['卖家是傻逼', 'privacy_or_abuse'],
    ['退我一半钱我就改好评', 'extortion'],
    ['给我返现20元我就改好评', 'extortion'],
  ])('%p signals %s', (text, kind) => {
    const signals = detectMaliciousSignals(text);
    expect(signals.map((signal) => signal.kind)).toContain(kind);
    for (const signal of signals) expect(text.slice(signal.start, signal.end)).toBe(signal.phrase);
  });

  it.each([
    '再不处理我就投诉到12315',
    '已经向工商局投诉了',
    '假一赔十是你们自己写的，请兑现',
    '东西坏了，希望能换一个',
    '只有两个USB接口，不够用',
    '东西就是垃圾，赠送的垃圾袋也破了',
    // Swearing is not aimed at anyone: an angry genuine buyer, not an abusive one.
    '他妈的，用了一天就坏了',
    'tmd 快递送了一个星期',
  ])('%p is a consumer right, not a malicious signal', (text) => {
    expect(detectMaliciousSignals(text)).toEqual([]);
  });

  it('files a post with no purchase in it as malicious', () => {
    expect(classifyRootCause('抵制抵制，不买了+1').rootCause).toBe('malicious');
    expect(classifyRootCause('给我300元就删差评').subCause).toBe('extortion');
  });

  it('keeps a profane product complaint on its product cause', () => {
    expect(classifyRootCause('什么破手机，傻逼才买，用两天就坏了，开不了机').rootCause).toBe('product_quality');
  });
});
