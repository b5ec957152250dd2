import type { RootCause } from '@chaping/domain';

/**
 * Demo review texts, written for this project (no marketplace text is copied).
 * `{p}` is replaced by the product's short name.
 */
export const DEMO_REVIEW_TEXTS: Record<RootCause, readonly string[]> = {
  product_quality: [
    '{p}用了不到一周就坏了，开关按下去没反应，太失望了。',
    '收到的{p}边上开线了，线头一大堆，做工太粗糙。',
    '{p}一拆开就有股刺鼻的味道，放阳台晾了三天还是有味。',
    '{p}少了一个配件，说明书上写的东西根本没配齐。',
    '第二次买{p}了，这次质量明显不如上次，表面还有划痕。',
    '{p}洗了一次就起球掉色，跟宝贝详情说的完全两回事。',
    '怀疑{p}不是正品，防伪码扫出来查不到。',
  ],
  not_as_described: [
    '{p}实物和图片颜色差太多，图上是米白，到手是土黄。',
    '详情页写的是加厚款，收到的{p}薄得透光。',
    '{p}材质写的纯棉，摸起来明显是化纤，描述不符。',
    '{p}尺寸比标注的小了一大圈，页面上的参数是错的吧。',
  ],
  size_fit: [
    '{p}按尺码表选的，穿上还是太紧，腰围勒得难受。',
    '{p}偏大一码，平时穿M这次M像L，建议拍小一号。',
    '{p}鞋码不准，脚背压得疼，走路久了受不了。',
  ],
  price_value: [
    '{p}这个价格不值，超市同款便宜一半。',
    '刚买完{p}就降价了三十块，感觉被坑。',
    '{p}用料一般，对不起这个价位。',
  ],
  logistics_delay: [
    '下单一周{p}才发货，催了好几次客服都说快了。',
    '{p}物流信息三天没更新，急用的东西一直等不到。',
    '说好48小时发货，{p}拖了五天，耽误事了。',
  ],
  logistics_damage: [
    '{p}到手外箱都压扁了，里面的东西也磕坏了一角。',
    '快递太暴力，{p}包装破了，漏得到处都是。',
    '{p}收到时已经碎了，包装就一层薄袋子。',
  ],
  service_attitude: [
    '问客服{p}的问题半天不回，回了也是复制粘贴。',
    '客服态度很差，问{p}怎么用，说让我自己看说明书。',
    '售后推来推去，{p}的问题一直没人管。',
  ],
  refund_dispute: [
    '{p}申请退款一周了还没处理，一直说在审核。',
    '退货寄回去了，{p}的退款迟迟不到账。',
    '{p}有质量问题要退，商家非让我自己出运费。',
  ],
  promotion_rules: [
    '买{p}时说满减，结算时优惠券用不了，活动规则写得不清楚。',
    '{p}说好的赠品没送，问了说赠品送完了。',
    '预售{p}付了定金，尾款时间改了也没通知。',
  ],
  malicious: [
    '{p}垃圾，不给我退两百块我就天天来差评。',
    '这家{p}就是骗人的，大家去隔壁店买，那家便宜又好。',
    '{p}根本没法用，赔我五百块不然我投诉到底。',
  ],
  other: ['{p}一般般吧，没什么特别的。', '还行，{p}凑合用。', '{p}收到了，先给个中评，用用再说。'],
};

/** Phrases a buyer's neutral review tends to use instead. */
export const DEMO_NEUTRAL_SUFFIXES = ['', '，别的还行。', '，希望改进。', '，勉强能用。'] as const;

export const DEMO_AGENT_NOTES = {
  apology: '已电话致歉，买家情绪平稳，愿意沟通',
  remedy: '已和买家确认处理方式，按流程跟进',
  record: '致歉后确认问题原因，按买家意愿处理完毕，买家表示理解',
  temperament: [
    '说话直接，耐心听完再解释',
    '比较着急，晚上8点后方便接电话',
    '语气平和，喜欢旺旺文字沟通',
    '对价格敏感，解释要具体',
  ],
} as const;

export const DEMO_REPLY_TEXT =
  '感谢您的反馈，给您带来不好的体验非常抱歉。我们已核实问题并安排专人跟进，后续也会加强品控和包装，欢迎随时联系我们。';

export const DEMO_COMPENSATION_NOTE = '商品问题给您添了麻烦，补偿一张优惠券表示歉意';
