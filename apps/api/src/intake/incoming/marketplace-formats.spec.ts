import { findMarketplaceFormat, jdSellerReply, type MarketplaceFormat } from './marketplace-formats';

const JD = findMarketplaceFormat('jd.getVenderCommentsForJos') as MarketplaceFormat;
const SHOP_REPLY = '您好，商品出库前均为原厂封膜，如有疑问可联系客服核实序列号激活时间。';

/** A JD comment as getVenderCommentsForJos answers it (../shared/data examples/jd-…-2.json's shape). */
const comment = (isVenderReply: boolean, replies: Array<Record<string, unknown>>) => ({
  commentId: '15730219876',
  orderId: '285123456790',
  content: '外箱有拆封痕迹',
  score: 1,
  creationTime: '2024-04-12 09:00:00',
  isVenderReply,
  replyCount: replies.length,
  replies,
});
const reply = (nickName: string, content: string, creationTime: string, parentReply: unknown = null) => ({
  content,
  replyId: 99887766,
  creationTime,
  nickName,
  parentReply,
});

describe("a JD comment's seller reply", () => {
  it('is none while JOS does not mark the comment answered by the seller, whatever others replied', () => {
    const answered = comment(false, [reply('j***8', '我的也是这样', '2024-04-12 10:00:00')]);
    expect(jdSellerReply(answered)).toBeNull();
    expect(JD.toRaw(answered, {}).sellerReply).toBeNull();
  });

  it("is the shop's, not the last reply, when other buyers answered after it", () => {
    const answered = comment(true, [
      reply('示例品牌京东自营旗舰店', SHOP_REPLY, '2024-04-13 10:15:00'),
      reply('j***8', '我也遇到了', '2024-04-13 11:00:00'),
      reply('j***3', '客服说会补发', '2024-04-13 12:00:00', { replyId: 99887766 }),
    ]);
    expect(jdSellerReply(answered)).toBe(SHOP_REPLY);
    expect(JD.toRaw(answered, {}).sellerReply).toBe(SHOP_REPLY);
  });

  it("takes the earliest reply to the comment itself when no nickname tells the shop's apart", () => {
    const answered = comment(true, [
      reply('j***3', '已经联系客服补发', '2024-04-13 12:00:00', { replyId: 1 }),
      reply('店***铺', SHOP_REPLY, '2024-04-13 10:15:00'),
      reply('j***8', '我也遇到了', '2024-04-13 11:00:00'),
    ]);
    expect(jdSellerReply(answered)).toBe(SHOP_REPLY);
    expect(jdSellerReply(comment(true, []))).toBeNull();
  });
});
