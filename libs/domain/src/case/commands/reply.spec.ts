import { aCase, contextAt, REVIEWED_AT } from '../../testing';
import type { CommandResult } from '../command-context';
import {
  checkReplyText,
  draftReply,
  openReplyTarget,
  publishReply,
  recordReplyDelivery,
  replyDelivery,
  replyFailureMessage,
  replyMaxLength,
} from './reply';

const code = (result: CommandResult) => (result.ok ? null : result.refusal.code);
const polite = '非常抱歉给您带来不好的体验，问题已经安排处理，欢迎随时联系我们。';

describe('public replies', () => {
  it('drafts and publishes one reply per review', () => {
    const drafted = draftReply(aCase().inStage('replying').build(), { target: 'review', text: polite }, contextAt());
    if (!drafted.ok) throw new Error(drafted.refusal.code);
    const replyId = drafted.state.replies[0]!.id;
    const published = publishReply(drafted.state, { replyId, delivery: 'by_hand' }, contextAt());
    if (!published.ok) throw new Error(published.refusal.code);
    expect(published.state.replies[0]).toMatchObject({ status: 'published', text: polite });

    expect(code(draftReply(published.state, { target: 'review', text: polite }, contextAt()))).toBe(
      'reply.already_published',
    );
    expect(code(publishReply(published.state, { replyId, delivery: 'by_hand' }, contextAt()))).toBe(
      'reply.already_published',
    );
  });

  it('replaces an unpublished draft instead of stacking drafts', () => {
    const first = draftReply(aCase().inStage('replying').build(), { target: 'review', text: polite }, contextAt());
    if (!first.ok) throw new Error(first.refusal.code);
    const second = draftReply(first.state, { target: 'review', text: '感谢反馈，我们会改进包装。' }, contextAt());
    if (!second.ok) throw new Error(second.refusal.code);
    expect(second.state.replies).toHaveLength(1);
    expect(second.events[0]?.data).toMatchObject({ textBefore: polite, text: '感谢反馈，我们会改进包装。' });
  });

  it('allows one more reply for a follow-up review, and only when there is one', () => {
    const watching = aCase().inStage('watching').withReply({ status: 'published' });
    expect(code(draftReply(watching.build(), { target: 'follow_up', text: polite }, contextAt()))).toBe(
      'reply.no_follow_up',
    );
    expect(
      draftReply(watching.with({ hasFollowUp: true }).build(), { target: 'follow_up', text: polite }, contextAt()).ok,
    ).toBe(true);
  });

  it.each([
    ['a mobile number', '有问题请拨打13812345678联系售后', ['phone']],
    ['a spaced mobile number', '您的电话 138 1234 5678 已登记', ['phone']],
    ['a full-width mobile number (issue 13)', '您的电话１３８１２３４５６７８已登记', ['phone']],
    ['a +86 mobile number', '请回电 +86-138-1234-5678', ['phone']],
    ['an e-mail address (issue 13)', '发票已发到 wang.li@example.com', ['email']],
    ['an ID number', '身份证11010519491231002X已核实', ['id_number']],
    ['a landline', '客服热线 021-62345678', ['landline']],
    ['an address', '已寄到浙江省杭州市西湖区文三路 90 号', ['address']],
    ['an order number', '订单 3012345678901234567 已退款', ['order_number']],
    ['the buyer real name', '张伟您好，已为您处理', ['full_name']],
  ] as const)('refuses a reply containing %s', (_label, text, kinds) => {
    const state = aCase()
      .inStage('replying')
      .with({ buyerKnownNames: ['张伟'] })
      .build();
    const result = draftReply(state, { target: 'review', text }, contextAt());
    expect(result.ok ? null : result.refusal).toEqual({ code: 'reply.personal_data', params: { kinds } });
  });

  it.each(['你是不是有病吧', '傻逼买家', 'what an idiot'])('refuses abusive wording: %s', (text) => {
    expect(code(draftReply(aCase().inStage('replying').build(), { target: 'review', text }, contextAt()))).toBe(
      'reply.abusive',
    );
  });

  // The phrase is the linked wording as typed, from the review words to the benefit.
  it.each([
    ['联系客服改好评返5元', '改好评返', 'review.change_for_benefit'],
    ['亲，删评后给您发红包', '删评后给您发红包', 'review.change_for_benefit'],
    ['晒图返现10元，欢迎再来', '晒图返现', 'review.benefit_for_reviewing'],
    [
      'Update your review and we will send a coupon',
      'Update your review and we will send a coupon',
      'review.change_for_benefit',
    ],
    // issue 13: worded differently from the old phrase list, each got through.
    ['亲，删除差评后返您5元', '删除差评后返', 'review.change_for_benefit'],
    ['修改差评后返5元', '修改差评后返', 'review.change_for_benefit'],
    ['麻烦您修改一下评价', '修改一下评价', 'review.asks_for_review'],
  ])('refuses a reply that ties a benefit or a request to the review: %s', (text, phrase, rule) => {
    const result = draftReply(aCase().inStage('replying').build(), { target: 'review', text }, contextAt());
    expect(result.ok ? null : result.refusal).toEqual({ code: 'reply.tied_to_review', params: { phrase, rule } });
  });

  it.each(['垃圾买家，滚', '爱买不买，滚！', '你这种人就是脑残'])(
    'refuses abusive wording the old list missed: %s',
    (text) => {
      expect(code(draftReply(aCase().inStage('replying').build(), { target: 'review', text }, contextAt()))).toBe(
        'reply.abusive',
      );
    },
  );

  it.each([
    '感谢您的评价，我们已为您退款25元',
    '您说商品是垃圾，我们非常抱歉，马上为您处理',
    '已补发新的配件，运费由我们承担',
  ])('accepts an ordinary apology or remedy: %s', (text) => {
    expect(draftReply(aCase().inStage('replying').build(), { target: 'review', text }, contextAt()).ok).toBe(true);
  });

  it.each(['', '   ', '好'.repeat(501)])('refuses a reply of the wrong length', (text) => {
    expect(code(draftReply(aCase().inStage('replying').build(), { target: 'review', text }, contextAt()))).toBe(
      'reply.invalid_length',
    );
  });

  it("holds a reply to its platform's limit when that is shorter than the policy's (抖店: 100)", () => {
    const douyin = aCase().inStage('replying').onPlatform('douyin').build();
    const refused = draftReply(douyin, { target: 'review', text: '好'.repeat(101) }, contextAt());
    expect(refused.ok ? null : refused.refusal).toEqual({ code: 'reply.invalid_length', params: { max: 100 } });
    expect(draftReply(douyin, { target: 'review', text: '好'.repeat(100) }, contextAt()).ok).toBe(true);
    // Counted in characters, not UTF-16 units: 100 emoji fit.
    expect(checkReplyText(douyin, '😀'.repeat(100), contextAt())).toBeNull();
    expect(replyMaxLength('jd', contextAt().policy)).toBe(500);
    expect(replyMaxLength('douyin', { reply: { maxLength: 80 } })).toBe(80);
    expect(replyMaxLength('taobao', { reply: { maxLength: 800 } })).toBe(500);
  });

  it('accepts ordinary replies with numbers that are not personal data', () => {
    const text = '亲，这款保温杯保温6小时，500ml容量，2天内发出，7天无理由退换。';
    expect(draftReply(aCase().inStage('replying').build(), { target: 'review', text }, contextAt()).ok).toBe(true);
  });

  it('re-checks the text when publishing', () => {
    const state = aCase().inStage('replying').withReply({ id: 'r1', text: '请拨打13812345678' }).build();
    expect(code(publishReply(state, { replyId: 'r1', delivery: 'by_hand' }, contextAt()))).toBe('reply.personal_data');
  });
});

describe('openReplyTarget', () => {
  it('is the review until its reply is published and a follow-up exists', () => {
    expect(openReplyTarget(aCase().inStage('replying').build())).toBe('review');
    expect(openReplyTarget(aCase().inStage('replying').with({ hasFollowUp: true }).build())).toBe('review');
    const answered = aCase().inStage('replying').withReply({ status: 'published', publishedAt: REVIEWED_AT });
    expect(openReplyTarget(answered.build())).toBe('review');
    expect(openReplyTarget(answered.with({ hasFollowUp: true }).build())).toBe('follow_up');
  });

  describe('through the platform', () => {
    const sendingCase = () => {
      const drafted = draftReply(aCase().inStage('replying').build(), { target: 'review', text: polite }, contextAt());
      if (!drafted.ok) throw new Error(drafted.refusal.code);
      const replyId = drafted.state.replies[0]!.id;
      const sent = publishReply(drafted.state, { replyId, delivery: 'platform' }, contextAt());
      if (!sent.ok) throw new Error(sent.refusal.code);
      return { state: sent.state, replyId, events: sent.events };
    };

    it('is sending, not published, until the platform answers; nothing else may go out meanwhile', () => {
      const { state, replyId, events } = sendingCase();
      expect(state.replies[0]).toMatchObject({ status: 'sending', delivery: 'platform', publishedAt: null });
      expect(state.reviewSellerReply).toBeNull();
      expect(events.map((event) => event.type)).toEqual(['reply_sending']);
      expect(code(publishReply(state, { replyId, delivery: 'platform' }, contextAt()))).toBe('reply.sending');
      expect(code(draftReply(state, { target: 'review', text: polite }, contextAt()))).toBe('reply.sending');
    });

    it("records the platform's acceptance as the publication", () => {
      const { state, replyId } = sendingCase();
      const answered = recordReplyDelivery(
        state,
        { replyId, answer: { ok: true, platformRequestId: 'req-1' } },
        contextAt(),
      );
      if (!answered.ok) throw new Error(answered.refusal.code);
      expect(answered.state.replies[0]).toMatchObject({ status: 'published', delivery: 'platform' });
      expect(answered.state.reviewSellerReply).toBe(polite);
      expect(answered.events[0]).toMatchObject({
        type: 'reply_published',
        data: { delivery: 'platform', platformRequestId: 'req-1' },
      });
      // An answer heard twice is recorded once.
      expect(
        code(
          recordReplyDelivery(answered.state, { replyId, answer: { ok: true, platformRequestId: null } }, contextAt()),
        ),
      ).toBe('reply.not_found');
    });

    it('keeps a refused reply unpublished, says why, and lets it be edited and sent again', () => {
      const { state, replyId } = sendingCase();
      const refused = recordReplyDelivery(
        state,
        { replyId, answer: { ok: false, reason: 'window_closed', platformMessage: '评价已超过30天' } },
        contextAt(),
      );
      if (!refused.ok) throw new Error(refused.refusal.code);
      expect(refused.state.replies[0]).toMatchObject({ status: 'refused', publishedAt: null });
      expect(refused.state.reviewSellerReply).toBeNull();
      expect(refused.events[0]).toMatchObject({ type: 'reply_refused', data: { reason: 'window_closed' } });
      const failure = refused.state.replies[0]!.failure!;
      expect(replyFailureMessage(failure, 'zh-CN')).toBe(
        '平台拒绝：评价已过平台允许回复的期限，不能再回复（平台提示：评价已超过30天）',
      );
      expect(replyFailureMessage({ ...failure, platformMessage: null }, 'en')).toBe(
        'The platform refused: the review is past the time the platform allows for a reply',
      );
      const redrafted = draftReply(refused.state, { target: 'review', text: '感谢反馈，问题已处理。' }, contextAt());
      if (!redrafted.ok) throw new Error(redrafted.refusal.code);
      expect(redrafted.state.replies).toHaveLength(1);
      expect(redrafted.state.replies[0]).toMatchObject({ id: replyId, status: 'draft', failure: null });
    });

    it('goes through the platform only for a connected Taobao/Tmall/JD shop and a reply to the review', () => {
      expect(replyDelivery({ platform: 'taobao', connected: true, target: 'review' })).toBe('platform');
      expect(replyDelivery({ platform: 'tmall', connected: true, target: 'review' })).toBe('platform');
      expect(replyDelivery({ platform: 'jd', connected: true, target: 'review' })).toBe('platform');
      expect(replyDelivery({ platform: 'jd', connected: false, target: 'review' })).toBe('by_hand');
      expect(replyDelivery({ platform: 'taobao', connected: false, target: 'review' })).toBe('by_hand');
      expect(replyDelivery({ platform: 'taobao', connected: true, target: 'follow_up' })).toBe('by_hand');
      expect(replyDelivery({ platform: 'douyin', connected: true, target: 'review' })).toBe('platform');
      expect(replyDelivery({ platform: 'pinduoduo', connected: true, target: 'review' })).toBe('by_hand');
    });

    it('marks a reply published by hand at once', () => {
      const drafted = draftReply(aCase().inStage('replying').build(), { target: 'review', text: polite }, contextAt());
      if (!drafted.ok) throw new Error(drafted.refusal.code);
      const published = publishReply(
        drafted.state,
        { replyId: drafted.state.replies[0]!.id, delivery: 'by_hand' },
        contextAt(),
      );
      if (!published.ok) throw new Error(published.refusal.code);
      expect(published.state.replies[0]).toMatchObject({ status: 'published', delivery: 'by_hand' });
      expect(published.events[0]?.data).toMatchObject({ delivery: 'by_hand' });
    });
  });
});
