import type { BuyerType, RootCause } from '../shared/vocabulary';
import type {
  BilingualText,
  BuyerReaction,
  ScriptBranch,
  ScriptCheck,
  ScriptLibrary,
  ScriptStep,
  ScriptSuggestion,
  ScriptTemplate,
} from './script-types';

/*
 * The shipped call scripts, version 1 of each. Written for the phone first (您, not 亲); IM steps may
 * use 亲. Every line the buyer hears is checked by `checkScriptLibrary`: nothing here ties a benefit
 * to a rating, and compensation is only ever an apology for the buyer's trouble.
 */

const t = (zh: string, en: string): BilingualText => ({ 'zh-CN': zh, en });
const check = (id: string, zh: string, en: string): ScriptCheck => ({ id, text: t(zh, en) });
type Branches = Readonly<Partial<Record<BuyerReaction, ScriptBranch>>>;

// ─── Shared guidance ───────────────────────────────────────────────────────────────────────────

const TIP_LISTEN_FIRST = t(
  '先听买家把话说完，不打断、不辩解，听完再解释。',
  "Let the buyer finish before you explain; don't interrupt or defend.",
);
const TIP_APOLOGISE_AGAIN = t(
  '道歉不止一次：开头道歉，听完问题再道歉一次，要真诚，不要套话。',
  "Apologise more than once: at the start and again after hearing the problem. Mean it; don't recite.",
);
const TIP_NEVER_ARGUE = t(
  '不争辩、不质疑买家，也不把责任推给快递、厂家或同事。',
  "Never argue or question the buyer, and don't push the blame onto the courier, the maker or a colleague.",
);
const TIP_CONFIRM_GENDER = t(
  '没确认性别之前一律称“您”，不要贸然称先生或女士。',
  'Until you have confirmed gender, say "you" (您); don\'t guess at 先生 or 女士.',
);
const TIP_ASK_CONVENIENT = t(
  '电话接通后先确认身份，再问对方现在是否方便。',
  'Once connected, confirm who you are speaking to, then ask whether now is a convenient time.',
);
const TIP_CALL_LIMITS = t(
  '每个工单最多打3次电话，两次之间留足间隔；21:00–09:00和午休时间不打电话、不发短信，晚上8点左右最容易接通。',
  'At most 3 calls per case, well spaced; no calls or texts 21:00–09:00 or over the lunch rest. Around 8 pm is usually best.',
);
const TIP_DO_NOT_CONTACT = t(
  '买家说不要再联系，就立即标记勿扰：所有渠道马上停止，不换号码再打。',
  'If the buyer asks not to be contacted again, mark do-not-contact at once: every channel stops, and no calling from another number.',
);
const TIP_NO_EXTRA = t(
  '只按规定处理，不做规定之外的承诺，也不额外补偿。',
  'Follow the policy only: make no promises beyond it and give no extra compensation.',
);
const TIP_FACTS_AND_RECORDS = t(
  '语气平和，只谈事实；优先用平台内的文字渠道，每次沟通都留记录。',
  "Stay calm and stick to facts; prefer the platform's written channels and keep a record of every exchange.",
);
const TIP_NO_REVIEW_WITH_COMPENSATION = t(
  '补偿只是为这次给买家带来的不便致歉：对话中不要提到评价，也绝不以任何好处换取评价的变化。',
  'Compensation is only an apology for the trouble caused: do not mention the review in this conversation, and never offer anything in exchange for a different rating.',
);

// ─── Shared branches ───────────────────────────────────────────────────────────────────────────

const ANGRY: ScriptBranch = {
  lines: [
    t('您说得对，这件事是我们没做好，真的很抱歉。', "You're right, we didn't get this right, and I'm truly sorry."),
    t(
      '您慢慢说，我都记下来，一定给您一个交代。',
      "Please take your time; I'm writing it all down, and I will make sure this is put right.",
    ),
  ],
  tips: [
    TIP_LISTEN_FIRST,
    t(
      '买家情绪激动时不回嘴；如果持续辱骂，可以礼貌地结束通话，并在工单里记录。',
      'Never answer back. If the abuse goes on, end the call politely and note it on the case.',
    ),
  ],
};

const HESITANT_CALL_BACK: ScriptBranch = {
  lines: [
    t('没关系，您不用现在就决定。', "That's fine, you don't need to decide now."),
    t('您看什么时候方便，我再联系您？', 'When would be a good time for me to get back to you?'),
  ],
  tips: [
    t(
      '约好具体时间并记为“稍后再联系”，等待期间处理时限暂停。',
      'Agree a concrete time and log it as "call back later"; the resolution clock pauses while you wait.',
    ),
  ],
  suggests: 'schedule_call_back',
};

const REFUSES_CONTACT: ScriptBranch = {
  lines: [
    t('好的，不打扰您了，抱歉占用了您的时间。', "Of course, I won't keep you. Sorry for taking up your time."),
    t(
      '之后如果需要帮助，随时在店铺客服里找我们。',
      "If you need any help later, you can reach us any time through the shop's customer service.",
    ),
  ],
  tips: [TIP_DO_NOT_CONTACT],
  suggests: 'log_refusal',
};

/**
 * The buyer asks for money. The agent explains what the policy allows; a demand tied to the review,
 * or a threat, is refused, written down word for word and taken down the appeal path where the stage
 * still allows it (new, contacting, apologised), otherwise to a lead.
 */
const demandsMoney = (appealOpen: boolean, canCompensate = true): ScriptBranch => ({
  lines: [
    t(
      '非常理解您的心情，这次确实给您添了麻烦，真的很抱歉。',
      'I completely understand how you feel; this really did cause you trouble, and I am very sorry.',
    ),
    canCompensate
      ? t(
          '我能为您做的是按店铺的售后规定处理：退货、换货、退款或补发都可以；为这次的不便，我也可以按规定为您申请一份补偿。',
          "What I can do is follow the shop's after-sales policy: a return, an exchange, a refund or a replacement. For the inconvenience, I can also request compensation for you within that policy.",
        )
      : t(
          '我能为您做的是按平台规则和店铺的售后规定处理：商品有问题，退货、换货或退款都可以。',
          "What I can do is follow the platform rules and the shop's after-sales policy: if the item is faulty, a return, an exchange or a refund.",
        ),
    t(
      '规定之外的金额要求，我这边没办法答应，还请您理解。',
      "I'm not able to agree to an amount beyond that policy; I hope you can understand.",
    ),
  ],
  tips: [
    t(
      '如果买家把钱和评价挂钩（例如给钱才撤掉、不给钱就再写一条），或者带有威胁：不答应、不讨价还价，记下原话，保存聊天截图。',
      'If the buyer ties money to the review (for example, pay and it comes down, or refuse and they post again) or threatens you: do not agree or bargain; note their exact words and keep screenshots.',
    ),
    appealOpen
      ? t(
          '要求与评价挂钩或带有威胁的，转申诉流程；普通的金额诉求按规定处理即可。',
          'A demand tied to the review, or a threat, goes down the appeal path; any other request is handled within policy.',
        )
      : t(
          '要求与评价挂钩或带有威胁的，记录后报主管，由主管决定是否申诉。',
          'A demand tied to the review, or a threat: record it and escalate to a lead, who decides on an appeal.',
        ),
  ],
  suggests: appealOpen ? 'appealing' : 'escalate_to_lead',
});

const cooperative = (suggests: ScriptSuggestion | undefined, ...lines: BilingualText[]): ScriptBranch =>
  suggests === undefined ? { lines } : { lines, suggests };

/** The five reactions for a conversation step; `cooperativeBranch` says where a good outcome leads. */
const conversation = (appealOpen: boolean, cooperativeBranch: ScriptBranch, overrides: Branches = {}): Branches => ({
  cooperative: cooperativeBranch,
  angry: ANGRY,
  refuses: REFUSES_CONTACT,
  hesitant: HESITANT_CALL_BACK,
  demands_money: demandsMoney(appealOpen),
  ...overrides,
});

// ─── Template builders ─────────────────────────────────────────────────────────────────────────

interface Target {
  rootCauses?: readonly RootCause[];
  buyerTypes?: readonly BuyerType[];
}

const template = (
  id: string,
  stage: ScriptTemplate['stage'],
  target: Target,
  title: BilingualText,
  steps: ScriptStep[],
): ScriptTemplate => ({
  id,
  version: 1,
  stage,
  rootCauses: target.rootCauses ?? 'any',
  buyerTypes: target.buyerTypes ?? 'any',
  title,
  steps,
});

// ─── new: preparation ──────────────────────────────────────────────────────────────────────────

const PREPARE_CHECKS: ScriptCheck[] = [
  check('read_review', '已通读评价原文和追评', 'Read the review and any follow-up in full'),
  check(
    'check_order',
    '已核对订单、物流轨迹和商品型号',
    'Checked the order, the tracking history and the product model',
  ),
  check(
    'check_history',
    '已查看买家历史订单、以往工单和性格备注',
    "Checked the buyer's order history, earlier cases and temperament notes",
  ),
  check(
    'check_triage',
    '已核对系统建议的原因、买家类型和严重程度（不对就修正）',
    "Checked triage's root cause, buyer type and severity (corrected if wrong)",
  ),
  check(
    'check_contact_rules',
    '已确认买家未标记勿扰，且当前不在免打扰时段',
    'Confirmed the buyer is not marked do-not-contact and it is not quiet hours',
  ),
  check(
    'plan_remedy',
    '已想好可以提供的处理方案和本店补偿额度',
    "Know the remedies on offer and the shop's compensation limits",
  ),
];

const newGeneric = template(
  'new.generic',
  'new',
  {},
  t('准备：联系买家之前', 'Preparation: before contacting the buyer'),
  [
    {
      id: 'prepare',
      title: t('了解情况，想好方案', 'Understand the case and plan the remedy'),
      lines: [],
      tips: [
        t(
          '先弄清买家到底在哪一点上不满意，联系时才能说到点子上。',
          'Work out exactly what the buyer is unhappy about, so that your first words address it.',
        ),
        t(
          '上一位客服留下的性格备注很重要：有人只接受文字沟通，有人晚上才方便。',
          'Read the temperament notes left by the last agent: some buyers only want written contact, some are free only in the evening.',
        ),
        t(
          '速度最重要：首次联系的截止时间从评价发出时算起，不是从开单时算起。',
          'Speed matters most: the first-contact deadline runs from the time of the review, not from when the case was opened.',
        ),
        t(
          '提前想好方案和额度，联系时不临时拍板、不随口承诺。',
          "Decide the remedy and your limits beforehand, so you don't improvise or promise on the spot.",
        ),
      ],
      checks: PREPARE_CHECKS,
      branches: {},
    },
  ],
);

const newMalicious = template(
  'new.malicious',
  'new',
  { rootCauses: ['malicious'] },
  t('准备：疑似恶意评价，先保全证据', 'Preparation: suspected malicious review, secure the evidence first'),
  [
    {
      id: 'verify',
      title: t('核实并取证', 'Verify and collect evidence'),
      lines: [],
      tips: [
        t(
          '先保全证据，再决定是否联系买家；已经掌握的证据不要在沟通中透露。',
          'Secure the evidence before deciding whether to contact the buyer, and do not reveal what you hold.',
        ),
        t(
          '对照平台认定的恶意类型：索要钱财、同行恶意、第三方诈骗、泄露隐私或辱骂、无理要求。',
          "Match it to the platform's kinds of malicious review: extortion, competitor, third-party fraud, privacy leak or abuse, unreasonable demand.",
        ),
        t(
          '证据不足时按普通工单处理，不给买家贴标签。',
          "If the evidence is thin, handle it as an ordinary case and don't label the buyer.",
        ),
        t('恶意工单不支付任何补偿。', 'No compensation is ever paid on a case flagged malicious.'),
      ],
      checks: [
        check('screenshot_review', '已截图保存评价页面', 'Screenshot of the review page saved'),
        check('screenshot_chats', '已截图保存相关聊天记录', 'Screenshots of the relevant chats saved'),
        check(
          'check_facts',
          '已核对签收记录和商品实际情况',
          'Checked the delivery record and the actual state of the goods',
        ),
        check('choose_kind', '已确定恶意类型', 'Malicious kind chosen'),
        check('note_deadline', '已确认申诉截止时间（评价后30天）', 'Appeal deadline noted (30 days from the review)'),
      ],
      branches: {},
    },
  ],
);

const newCautious = template(
  'new.cautious_buyer',
  'new',
  { buyerTypes: ['repeat_complainer', 'suspected_professional'] },
  t('准备：多次投诉或疑似职业差评的买家', 'Preparation: repeat complainer or suspected professional reviewer'),
  [
    {
      id: 'prepare',
      title: t('先看历史，统一口径', 'Read the history and keep to one line'),
      lines: [],
      tips: [
        t(
          '查看该买家以往的工单和处理结果，这次的口径要与之前一致。',
          "Read the buyer's earlier cases and outcomes; what you say now must match what was said before.",
        ),
        t(
          '注意是否多次以同样理由投诉、是否有过索要钱财的记录，有就截图。',
          'Look for repeated complaints on the same grounds or earlier demands for money, and screenshot them.',
        ),
        TIP_FACTS_AND_RECORDS,
        TIP_NO_EXTRA,
        t(
          '对待方式与其他买家一样：礼貌、不带情绪，不因为投诉多就怠慢。',
          'Treat them like any other buyer: polite and even-tempered, never dismissive because they complain often.',
        ),
      ],
      checks: [
        ...PREPARE_CHECKS,
        check('read_earlier_cases', '已阅读该买家的以往工单', "Read the buyer's earlier cases"),
      ],
      branches: {},
    },
  ],
);

// ─── contacting: openers per channel ───────────────────────────────────────────────────────────

const IM_OPENER: ScriptStep = {
  id: 'im_opener',
  channel: 'im',
  title: t('平台IM首条消息（旺旺/飞鸽）', 'First message on platform IM (Wangwang / Feige)'),
  lines: [
    t(
      '亲，您好，我是{店铺}的售后{客服}。看到您对{下单日期}购买的{商品}不太满意，真的很抱歉给您添麻烦了。',
      "Hello, this is {客服} at {店铺}. I can see you weren't happy with the {商品} you bought {下单日期}, and I'm really sorry for the trouble.",
    ),
    t(
      '方便跟我说说具体是哪里出了问题吗？我来帮您处理。',
      'Could you tell me what went wrong? I would like to sort it out for you.',
    ),
  ],
  tips: [
    t(
      '买家在线时先发平台IM；消息简短，不要连发。',
      'When the buyer is online, start with platform IM; keep it short and do not send a string of messages.',
    ),
    t(
      '第一条消息只道歉、问情况，不解释原因，也不要提评价或任何补偿。',
      'The first message only apologises and asks what happened: no explanations, and do not mention the review or any compensation.',
    ),
  ],
  checks: [
    check('im_sent', '已发送IM消息', 'IM message sent'),
    check('im_logged', '已记录联系结果', 'Contact outcome logged'),
  ],
  branches: conversation(true, cooperative('apologised', t('谢谢您愿意跟我说。', 'Thank you for telling me.'))),
};

const SMS_OPENER: ScriptStep = {
  id: 'sms',
  channel: 'sms',
  title: t('短信（IM未回复时）', 'Text message (when IM gets no answer)'),
  lines: [
    t(
      '【{店铺}】您好，您{下单日期}购买的{商品}没能让您满意，非常抱歉。我们想了解情况并帮您处理，方便时请在店铺客服留言，或直接回复本短信。回复T不再接收。',
      "[{店铺}] Hello, we are very sorry the {商品} you bought {下单日期} did not live up to your expectations. We would like to hear what happened and put it right: when convenient, please message our shop's customer service or reply to this text. Reply T to stop these messages.",
    ),
  ],
  tips: [
    t(
      '买家不在线或IM没有回复时再发短信，只发一条。',
      'Text only when the buyer is offline or has not answered on IM, and send just one.',
    ),
    t(
      '免打扰时段（默认21:00–09:00和午休）不发短信。',
      'No texts in quiet hours (by default 21:00–09:00 and the lunch rest).',
    ),
    t('买家回复T即视为要求勿扰。', 'A reply of T counts as a do-not-contact request.'),
  ],
  checks: [
    check('sms_sent', '已发送短信', 'Text sent'),
    check('sms_logged', '已记录联系结果', 'Contact outcome logged'),
  ],
  branches: {
    refuses: REFUSES_CONTACT,
  },
};

const phoneOpener = (extra: BilingualText[] = [], tips: BilingualText[] = []): ScriptStep => ({
  id: 'phone_opener',
  channel: 'phone',
  title: t('电话开场', 'Phone opener'),
  lines: [
    t(
      '{称呼}好，我是{店铺}的售后{客服}。请问是{买家}本人吗？',
      'Hello {称呼}, this is {客服} at {店铺}. Am I speaking with {买家}?',
    ),
    t(
      '是关于您{下单日期}购买的{商品}，大概耽误您两三分钟，请问现在方便说话吗？',
      "It's about the {商品} you bought {下单日期}. It will take two or three minutes. Is now a convenient time?",
    ),
    ...extra,
    t(
      '这次的购物让您不满意，真的很抱歉。我想先听您说说具体是什么情况。',
      "I'm very sorry your purchase disappointed you. I'd like to hear from you first what happened.",
    ),
  ],
  tips: [TIP_ASK_CONVENIENT, TIP_CONFIRM_GENDER, TIP_CALL_LIMITS, ...tips],
  checks: [
    check('identity_confirmed', '已确认对方是买家本人', 'Confirmed you are speaking to the buyer'),
    check('asked_convenient', '已询问对方是否方便', 'Asked whether now is convenient'),
    check('call_logged', '已记录通话结果', 'Call outcome logged'),
  ],
  branches: conversation(
    true,
    cooperative('apologised', t('谢谢您愿意花时间跟我说。', 'Thank you for taking the time to talk to me.')),
    {
      hesitant: {
        lines: [
          t(
            '您现在不方便的话没关系，我换个时间再打给您。',
            "If now isn't convenient, that's no problem; I'll call you back another time.",
          ),
          t('您看几点比较合适？', 'What time would suit you?'),
        ],
        tips: HESITANT_CALL_BACK.tips ?? [],
        suggests: 'schedule_call_back',
      },
    },
  ),
});

const NO_ANSWER_FOLLOW_UP: ScriptStep = {
  id: 'no_answer',
  channel: 'sms',
  title: t('电话未接通后的跟进', 'Follow-up after an unanswered call'),
  lines: [
    t(
      '{称呼}好，我是{店铺}的售后{客服}，刚才给您打电话没能接通。关于{商品}的问题我们想帮您处理，您方便时在店铺客服留言就好，不用回电。',
      "Hello {称呼}, this is {客服} at {店铺}. I tried to call you just now but couldn't get through. We'd like to help with the {商品}: whenever it suits you, just leave a message with the shop's customer service; there's no need to call back.",
    ),
  ],
  tips: [
    t(
      '不留语音留言，改发一条文字说明来意。',
      'Do not leave voicemail; send one written message saying why you called.',
    ),
    t(
      '记录未接通的时间和渠道；下次电话换个时段，并与上次保持规定的间隔。',
      'Log the time and channel of the missed call; try a different time next, keeping the required spacing.',
    ),
    t(
      '三次电话都未接通，或买家明确拒绝后，不再联系，改为公开回复。',
      'After three unanswered calls, or once the buyer refuses, stop contacting and move to a public reply.',
    ),
  ],
  checks: [
    check('no_answer_logged', '已记录未接通', 'Unanswered call logged'),
    check('follow_up_sent', '已发送文字说明', 'Written follow-up sent'),
  ],
  branches: {
    refuses: {
      lines: [
        t('收到，不再打扰您了。', "Understood, we won't disturb you again."),
        t(
          '之后有任何需要，随时在店铺客服找我们。',
          "If you need anything later, the shop's customer service is always there.",
        ),
      ],
      tips: [TIP_DO_NOT_CONTACT],
      suggests: 'replying',
    },
  },
};

const contactingGeneric = template(
  'contacting.generic',
  'contacting',
  {},
  t('联系买家：先IM，再短信，再电话', 'Contacting the buyer: IM first, then text, then phone'),
  [IM_OPENER, SMS_OPENER, phoneOpener(), NO_ANSWER_FOLLOW_UP],
);

const contactingVeteran = template(
  'contacting.veteran',
  'contacting',
  { buyerTypes: ['veteran'] },
  t('联系老顾客', 'Contacting a loyal customer'),
  [
    IM_OPENER,
    SMS_OPENER,
    phoneOpener(
      [
        t(
          '您在我们店买了很多次，一直很感谢您的支持，这次让您失望了，我们心里很过意不去。',
          'You have bought from us many times and we are really grateful for your support, so we feel very bad about letting you down this time.',
        ),
      ],
      [t('先感谢老顾客的长期支持，再道歉。', 'Thank a loyal customer for their support first, then apologise.')],
    ),
    NO_ANSWER_FOLLOW_UP,
  ],
);

const contactingCautious = template(
  'contacting.cautious_buyer',
  'contacting',
  { buyerTypes: ['repeat_complainer', 'suspected_professional'] },
  t('联系：多次投诉或疑似职业差评的买家', 'Contacting a repeat complainer or suspected professional reviewer'),
  [
    {
      id: 'written_opener',
      channel: 'im',
      title: t('平台IM文字沟通', 'Written contact on platform IM'),
      lines: [
        t(
          '您好，我是{店铺}的售后{客服}。关于您{下单日期}购买的{商品}，想了解您遇到的具体问题。',
          'Hello, this is {客服} at {店铺}. About the {商品} you bought {下单日期}: I would like to understand the exact problem you had.',
        ),
        t(
          '您反馈的情况我们会认真核实，并按平台规则和店铺的售后规定为您处理。',
          'We will look into what you reported carefully and handle it under the platform rules and our after-sales policy.',
        ),
      ],
      tips: [TIP_FACTS_AND_RECORDS, TIP_NO_EXTRA, TIP_CALL_LIMITS],
      checks: [
        check('message_sent', '已发送消息', 'Message sent'),
        check('chat_saved', '已保存完整聊天记录', 'Full chat record saved'),
        check('contact_logged', '已记录联系结果', 'Contact outcome logged'),
      ],
      branches: conversation(
        true,
        cooperative('apologised', t('好的，谢谢您说明情况。', 'Thank you for explaining.')),
        { demands_money: demandsMoney(true, false) },
      ),
    },
    NO_ANSWER_FOLLOW_UP,
  ],
);

// ─── apologised: apology and the confirmed root cause ──────────────────────────────────────────

interface ApologyContent {
  readonly apology: readonly BilingualText[];
  readonly questions: readonly BilingualText[];
  readonly tips?: readonly BilingualText[];
  readonly checks?: readonly ScriptCheck[];
  readonly canCompensate?: boolean;
  /** The last line of the confirm step; by default the agent apologises again and moves on to the remedy. */
  readonly closing?: BilingualText;
}

const CONFIRM_CAUSE_LINES: BilingualText[] = [
  t(
    '我跟您确认一下：问题主要是……，我理解得对吗？',
    'Let me make sure I have understood: the main problem is …, is that right?',
  ),
  t('除了这一点，还有别的让您不满意的地方吗？', 'Apart from that, is there anything else you were unhappy with?'),
];

const CONFIRM_CLOSING = t(
  '明白了，给您添了这么多麻烦，再次向您道歉。接下来我跟您说说我们能怎么处理。',
  "I understand. I'm sorry again for all the trouble. Let me tell you how we can put it right.",
);

/** For cautious cases: apologise for the inconvenience without conceding facts not yet checked. */
const NEUTRAL_CLOSING = t(
  '好的，情况我都记下了，给您带来不便，再次说声抱歉。核实之后，我会按规定跟您说明处理方式。',
  'All right, I have noted everything. Again, I am sorry for the inconvenience. Once I have checked, I will explain how we will handle it under our policy.',
);

const apologySteps = (content: ApologyContent): ScriptStep[] => [
  {
    id: 'apologise',
    title: t('道歉并倾听', 'Apologise and listen'),
    lines: [...content.apology],
    tips: [TIP_LISTEN_FIRST, TIP_APOLOGISE_AGAIN, TIP_NEVER_ARGUE],
    checks: [
      check('apologised', '已真诚道歉', 'Apologised sincerely'),
      check('listened', '已让买家完整说明情况', 'Let the buyer explain in full'),
    ],
    branches: conversation(
      true,
      cooperative(undefined, t('谢谢您跟我说这些。', 'Thank you for telling me all this.')),
      content.canCompensate === false ? { demands_money: demandsMoney(true, false) } : {},
    ),
  },
  {
    id: 'confirm_cause',
    title: t('与买家确认问题原因', 'Confirm the cause with the buyer'),
    lines: [...content.questions, ...CONFIRM_CAUSE_LINES, content.closing ?? CONFIRM_CLOSING],
    tips: [
      t(
        '以买家确认的原因为准，在工单里确认原因（替换系统的猜测），并记下细分原因。',
        "The cause the buyer confirms is the one that counts: confirm it on the case (it replaces triage's guess) and note the sub-cause.",
      ),
      t(
        '复述一遍买家的问题，确认双方理解一致。',
        'Repeat the problem back to the buyer to make sure you both mean the same thing.',
      ),
      ...(content.tips ?? []),
    ],
    checks: [
      check('restated', '已向买家复述问题', 'Repeated the problem back to the buyer'),
      check('cause_confirmed', '已在工单中确认原因和细分原因', 'Root cause and sub-cause confirmed on the case'),
      ...(content.checks ?? []),
    ],
    branches: conversation(
      true,
      cooperative('resolving', t('好的，那我们来看看怎么处理。', "Good, let's look at how to put it right.")),
      content.canCompensate === false ? { demands_money: demandsMoney(true, false) } : {},
    ),
  },
];

const apologyTemplate = (key: string, target: Target, title: BilingualText, content: ApologyContent): ScriptTemplate =>
  template(`apologised.${key}`, 'apologised', target, title, apologySteps(content));

const PHOTO_CHECK = check('photos_received', '已收到买家的照片或视频', "Received the buyer's photos or video");

const apologisedTemplates: ScriptTemplate[] = [
  apologyTemplate('generic', {}, t('致歉并确认原因', 'Apologise and confirm the cause'), {
    apology: [
      t(
        '这次让您不满意，我代表{店铺}向您郑重道歉。',
        'On behalf of {店铺}, I sincerely apologise for letting you down.',
      ),
      t(
        '您能具体说说遇到了什么问题吗？我先把情况记下来。',
        "Could you tell me exactly what happened? I'll note it all down first.",
      ),
    ],
    questions: [],
  }),
  apologyTemplate(
    'product_quality',
    { rootCauses: ['product_quality'] },
    t('质量问题：致歉并确认原因', 'Product quality: apologise and confirm the cause'),
    {
      apology: [
        t(
          '收到的{商品}有问题，是我们品控没有做好，真的非常抱歉。',
          'The {商品} you received has a problem. Our quality control let you down, and I am truly sorry.',
        ),
        t('您能具体说说是什么情况吗？', 'Could you tell me exactly what is wrong?'),
      ],
      questions: [
        t(
          '方便说一下具体是哪里有问题吗？比如破损、缺少配件、有异味，还是用了一段时间才出的问题？',
          'Could you tell me exactly what is wrong? For example, is it broken, missing a part, does it smell, or did the problem appear after some use?',
        ),
        t(
          '如果方便的话，能拍几张照片或一段小视频给我吗？我们要反馈给品控部门，也能更快给您处理。',
          'If you can, would you send me a few photos or a short video? We pass them to quality control, and it helps us sort this out faster.',
        ),
      ],
      tips: [
        t(
          '请买家拍照是为了处理和改进，不是质疑买家；买家不方便时不强求。',
          'Photos are for fixing the problem and improving the product, not for doubting the buyer; if it is inconvenient, do not insist.',
        ),
        t(
          '细分原因：破损、缺件、瑕疵、异味、线头，或疑似假货。疑似假货的投诉立即报主管。',
          'Sub-causes: broken, missing part, defect, smell, loose threads, or suspected fake. Escalate a suspected-fake complaint to a lead at once.',
        ),
      ],
      checks: [PHOTO_CHECK],
    },
  ),
  apologyTemplate(
    'product_quality.veteran',
    { rootCauses: ['product_quality'], buyerTypes: ['veteran'] },
    t('老顾客遇到质量问题：致谢、致歉并确认原因', 'Loyal customer, product quality: thank, apologise, confirm'),
    {
      apology: [
        t(
          '您是我们的老顾客了，一直很感谢您的信任。这次的{商品}出了质量问题，辜负了您的信任，真的非常抱歉。',
          'You have been with us a long time and we are grateful for your trust. This {商品} had a quality problem and let that trust down; I am truly sorry.',
        ),
        t('您能具体说说是什么情况吗？', 'Could you tell me exactly what is wrong?'),
      ],
      questions: [
        t(
          '具体是哪里有问题呢？方便的话拍几张照片给我，我们马上反馈给品控。',
          'What exactly is wrong with it? If you can, send me a few photos and we will pass them straight to quality control.',
        ),
      ],
      tips: [
        t(
          '老顾客更在意被重视：感谢要具体，例如“您在我们店买了很多次”。',
          'Loyal customers care about being valued: make the thanks specific, e.g. "you have bought from us many times".',
        ),
      ],
      checks: [PHOTO_CHECK],
    },
  ),
  apologyTemplate(
    'logistics_delay',
    { rootCauses: ['logistics_delay'] },
    t('物流慢：致歉并确认原因', 'Slow delivery: apologise and confirm the cause'),
    {
      apology: [
        t('让您等了这么久，真的很抱歉。', 'I am very sorry you had to wait so long.'),
        t(
          '我已经查了物流，包裹目前的情况是……。请问您现在收到了吗？',
          'I have checked the tracking: the parcel is currently …. Have you received it yet?',
        ),
      ],
      questions: [
        t(
          '这次延误有没有耽误您的安排？比如是买来送人或者急着用的？',
          'Did the delay upset any plans? For example, was it a gift, or something you needed urgently?',
        ),
      ],
      tips: [
        t('联系之前先查好物流轨迹。', 'Check the tracking history before you make contact.'),
        t(
          '是我们发货晚就直接承认；是运输慢也不推给快递公司，由我们去跟进。',
          'If we shipped late, say so plainly; if transit was slow, do not blame the courier: we chase it.',
        ),
      ],
      checks: [check('tracking_checked', '已核对物流轨迹', 'Tracking history checked')],
    },
  ),
  apologyTemplate(
    'logistics_damage',
    { rootCauses: ['logistics_damage'] },
    t('运输破损：致歉并确认原因', 'Damaged in transit: apologise and confirm the cause'),
    {
      apology: [
        t(
          '包裹送到您手上时已经损坏了，让您收到这样的东西，真的很抱歉。',
          'I am very sorry the parcel reached you damaged. You should never have received it like that.',
        ),
        t('您人没有被划伤吧？', 'I hope you were not hurt opening it?'),
      ],
      questions: [
        t(
          '是外包装破了，还是里面的{商品}也坏了？方便拍几张照片给我吗？',
          'Was it just the outer box, or is the {商品} itself damaged too? Could you send me a few photos?',
        ),
        t(
          '照片是我们向快递公司索赔用的，索赔由我们来办，不需要您再跑一趟。',
          'We use the photos to claim from the courier. We handle the claim; you will not need to do anything more.',
        ),
      ],
      tips: [
        t(
          '不要因为买家没有当场验货就拒绝处理。',
          'Do not refuse to help because the buyer did not inspect the parcel on delivery.',
        ),
        t(
          '易碎品反复破损要反馈给仓库改进包装。',
          'If fragile goods keep arriving broken, report it to the warehouse so the packing changes.',
        ),
      ],
      checks: [PHOTO_CHECK],
    },
  ),
  apologyTemplate(
    'size_fit',
    { rootCauses: ['size_fit'] },
    t('尺码不合适：致歉并确认原因', 'Size or fit: apologise and confirm the cause'),
    {
      apology: [
        t(
          '尺码不合适，还要麻烦您来回折腾，真的很抱歉。',
          'I am sorry the size was wrong and that it means more hassle for you.',
        ),
        t('您能说说是哪里不合适吗？', 'Could you tell me how it fits?'),
      ],
      questions: [
        t('是偏大还是偏小？您平时一般穿什么尺码？', 'Is it too big or too small? What size do you usually wear?'),
        t(
          '如果您愿意告诉我身高体重，我帮您对照尺码表，推荐一个更合适的尺码。',
          'If you are happy to tell me your height and weight, I will check them against our size chart and suggest a better size.',
        ),
      ],
      tips: [
        t(
          '身高体重由买家自愿提供，只用于推荐尺码，不写进公开回复。',
          'Height and weight are offered by the buyer only to find a size; never put them in a public reply.',
        ),
        t(
          '如果是尺码表或详情页描述不准，记下来反馈给运营修改。',
          'If the size chart or the listing is wrong, note it for operations to fix.',
        ),
      ],
    },
  ),
  apologyTemplate(
    'not_as_described',
    { rootCauses: ['not_as_described'] },
    t('与描述不符：致歉并确认原因', 'Not as described: apologise and confirm the cause'),
    {
      apology: [
        t(
          '收到的东西和页面上看到的不一样，换了谁都会失望，真的很抱歉。',
          'What arrived is not what the page showed. Anyone would be disappointed, and I am really sorry.',
        ),
        t('您能具体说说是哪里不一样吗？', 'Could you tell me what exactly is different?'),
      ],
      questions: [
        t(
          '是颜色、材质、尺寸，还是功能和页面上不一样？',
          'Is it the colour, the material, the size, or what it does that differs from the page?',
        ),
        t(
          '方便的话拍一张实物照片给我，我对照页面核实；确实是我们描述的问题，我们会改。',
          'If you can, send me a photo of the item and I will compare it with the page; if our description is wrong, we will correct it.',
        ),
      ],
      tips: [
        t(
          '先承认差异，不用“以实物为准”“存在色差”之类的话推脱。',
          'Acknowledge the difference first; do not hide behind "the item itself is the standard" or "colours may vary".',
        ),
        t(
          '描述问题转给运营修改详情页，避免下一位买家遇到同样的事。',
          'Pass description errors to operations to fix the listing before the next buyer runs into them.',
        ),
      ],
      checks: [PHOTO_CHECK],
    },
  ),
  apologyTemplate(
    'service_attitude',
    { rootCauses: ['service_attitude'] },
    t('服务态度：致歉并确认原因', 'Service attitude: apologise and confirm the cause'),
    {
      apology: [
        t(
          '之前客服的回复让您不舒服了，我代表{店铺}向您道歉，这是我们的问题。',
          'On behalf of {店铺}, I apologise that our earlier reply upset you. That is our fault.',
        ),
        t(
          '您方便说说当时是怎么回事吗？我会如实反馈给主管。',
          'Could you tell me what happened? I will report it to my team lead exactly as you tell it.',
        ),
      ],
      questions: [
        t('您原本想解决的问题，现在处理好了吗？', 'Has the problem you originally contacted us about been solved yet?'),
        t(
          '这件事接下来由我一个人跟进到底，不会再让您重复解释。',
          'From now on I will handle this myself from start to finish, so you will not have to explain it again.',
        ),
      ],
      tips: [
        t(
          '不替同事辩解，也不在买家面前批评同事；调取聊天记录交主管处理。',
          "Don't defend your colleague, and don't criticise them in front of the buyer; pull the chat log and pass it to a lead.",
        ),
        t(
          '态度问题背后往往还有一个没解决的问题，先把它解决。',
          'Behind a complaint about attitude there is usually an unsolved problem: solve that first.',
        ),
      ],
      checks: [check('chat_log_to_lead', '已将原聊天记录交主管', 'Original chat log passed to a lead')],
    },
  ),
  apologyTemplate(
    'refund_dispute',
    { rootCauses: ['refund_dispute'] },
    t('退款纠纷：致歉并确认原因', 'Refund dispute: apologise and confirm the cause'),
    {
      apology: [
        t(
          '退款的事让您等了这么久、来回沟通了这么多次，真的很抱歉。',
          'I am very sorry the refund has taken so long and needed so much back and forth.',
        ),
        t('我先把情况理清楚，接下来由我跟进。', 'Let me get the facts straight first; I will take it from here.'),
      ],
      questions: [
        t(
          '我核对一下：您申请的是仅退款，还是退货退款？现在卡在哪一步？',
          'Let me check: did you ask for a refund only, or a return and refund? Where is it stuck now?',
        ),
        t(
          '我这边查到的进度是……，下一步是……，预计……之前完成。',
          'What I can see is …; the next step is …, and it should be done by ….',
        ),
      ],
      tips: [
        t(
          '联系之前先查清退款申请和退货物流的时间线。',
          'Before making contact, establish the timeline of the refund request and any return shipment.',
        ),
        t(
          '按平台规则该退的马上退，不拖延；说清下一步和时间，不含糊。',
          'If the platform rules say refund, refund now; state the next step and the timing plainly.',
        ),
      ],
      checks: [check('timeline_checked', '已核对退款和退货时间线', 'Refund and return timeline checked')],
    },
  ),
  apologyTemplate(
    'price_value',
    { rootCauses: ['price_value'] },
    t('觉得不值：致歉并确认原因', 'Poor value: apologise and confirm the cause'),
    {
      apology: [
        t(
          '您觉得这次花的钱不值，我们很重视您的感受，抱歉让您失望了。',
          'You feel it was not worth the money. We take that seriously, and I am sorry we disappointed you.',
        ),
        t('您能说说是哪方面让您觉得不值吗？', 'Could you tell me what made it feel not worth it?'),
      ],
      questions: [
        t(
          '是质量、分量和预期不一样，还是和别处的价格比较之后？',
          'Was it the quality or quantity against what you expected, or a comparison with prices elsewhere?',
        ),
        t(
          '如果是下单后不久就降价了，我帮您查一下是否符合价格保护的规定。',
          'If the price dropped soon after you ordered, I will check whether our price-protection rules apply.',
        ),
      ],
      tips: [
        t(
          '不争论价格高低，先弄清落差在哪里；意见转给运营。',
          "Don't debate whether the price is high; find where the gap is, and pass the feedback to operations.",
        ),
        t(
          '价格保护按平台和店铺规则执行，不临时承诺。',
          'Price protection follows the platform and shop rules; make no promises on the spot.',
        ),
      ],
    },
  ),
  apologyTemplate(
    'malicious',
    { rootCauses: ['malicious'] },
    t('疑似恶意：礼貌沟通，只谈事实', 'Suspected malicious: stay polite, stick to facts'),
    {
      apology: [
        t(
          '您好，您反馈的情况我们很重视，想先了解一下具体经过。',
          'Hello, we take what you reported seriously and would first like to understand what happened.',
        ),
        t('如果给您带来了不便，我们先说声抱歉。', 'If this has caused you any inconvenience, we apologise.'),
      ],
      questions: [
        t(
          '您提到的问题，我需要核实一下订单和物流记录，核实后会按平台规则处理。',
          'I need to check the order and delivery records for the problem you mentioned; after that, we will handle it under the platform rules.',
        ),
      ],
      tips: [
        t(
          '不指责、不贴标签，礼貌但不松口；是否恶意由证据和平台判断。',
          'Do not accuse or label; stay polite but firm. Whether it is malicious is for the evidence and the platform to decide.',
        ),
        t(
          '对方索要钱财或威胁时，记下原话并截图。',
          'If the buyer demands money or threatens you, note the exact words and take screenshots.',
        ),
        t('恶意工单不支付任何补偿。', 'No compensation is ever paid on a case flagged malicious.'),
      ],
      closing: NEUTRAL_CLOSING,
      checks: [check('exact_words_noted', '已记录对方原话并截图', 'Exact words noted and screenshots kept')],
      canCompensate: false,
    },
  ),
  apologyTemplate(
    'veteran',
    { buyerTypes: ['veteran'] },
    t('老顾客：致谢、致歉并确认原因', 'Loyal customer: thank, apologise, confirm'),
    {
      apology: [
        t(
          '您是我们的老顾客了，一直以来谢谢您的支持。这次让您失望了，真的很抱歉。',
          'You have been a customer of ours for a long time, and we thank you for your support. I am truly sorry we let you down this time.',
        ),
        t('您能具体说说遇到了什么问题吗？', 'Could you tell me exactly what went wrong?'),
      ],
      questions: [],
      tips: [
        t(
          '老顾客更在意被重视：感谢要具体，处理要快。',
          'Loyal customers care about being valued: make the thanks specific and the fix fast.',
        ),
      ],
    },
  ),
  apologyTemplate(
    'cautious_buyer',
    { buyerTypes: ['repeat_complainer', 'suspected_professional'] },
    t('多次投诉或疑似职业差评：平和、只谈事实', 'Repeat complainer or suspected professional: calm and factual'),
    {
      apology: [
        t('您好，给您带来不便，我们先说声抱歉。', 'Hello, we are sorry for the inconvenience.'),
        t(
          '您反馈的情况我都记下了，我们会按规定处理，处理方式和进度我会跟您说清楚。',
          'I have noted everything you reported. We will handle it under our policy, and I will keep you clearly informed of how and when.',
        ),
      ],
      questions: [],
      tips: [TIP_FACTS_AND_RECORDS, TIP_NO_EXTRA],
      closing: NEUTRAL_CLOSING,
      checks: [check('chat_saved', '已保存完整沟通记录', 'Full record of the exchange saved')],
      canCompensate: false,
    },
  ),
];

// ─── resolving: the remedy ─────────────────────────────────────────────────────────────────────

interface RemedyContent {
  readonly options: readonly BilingualText[];
  readonly tips?: readonly BilingualText[];
  readonly canCompensate?: boolean;
}

const followThrough = (canCompensate: boolean): ScriptStep => ({
  id: 'follow_through',
  title: t('跟进到完成', 'Follow through to done'),
  lines: [
    t(
      '{称呼}好，我是{店铺}的售后{客服}，跟您同步一下进度：……（例如：款项已原路退回 / 新的商品已经发出）。',
      'Hello {称呼}, this is {客服} at {店铺} with an update: … (for example: the money has gone back to your original payment method / the new item has shipped).',
    ),
    t('还有什么需要我帮您的吗？', 'Is there anything else I can help you with?'),
  ],
  tips: [
    t(
      '退货寄回途中处理时限暂停；到货后立即处理并告知买家。',
      'While a return is in transit the resolution clock pauses; act as soon as it arrives and tell the buyer.',
    ),
    t('方案完成后在工单中标记为已完成。', 'Mark the remedy done on the case once it is complete.'),
  ],
  checks: [
    check('remedy_done', '方案已执行完成并记录', 'Remedy carried out and recorded as done'),
    check('buyer_informed', '已告知买家结果', 'Buyer told of the result'),
  ],
  branches: {
    cooperative: cooperative(undefined, t('好的，谢谢您的耐心。', 'Thank you for your patience.')),
    angry: ANGRY,
    demands_money: demandsMoney(false, canCompensate),
  },
});

const remedySteps = (content: RemedyContent): ScriptStep[] => [
  {
    id: 'options',
    title: t('说明处理方案', 'Explain the remedy options'),
    lines: [
      ...content.options,
      t(
        '处理进度我会一直跟进，有结果第一时间告诉您。',
        'I will follow it through and tell you as soon as there is news.',
      ),
    ],
    tips: [
      t(
        '把选择权交给买家，说清每个方案要多久、买家需要做什么。',
        'Let the buyer choose; say how long each option takes and what, if anything, they need to do.',
      ),
      t('在工单中记录选定的方案，并跟进到完成。', 'Record the chosen remedy on the case and track it to done.'),
      ...(content.tips ?? []),
    ],
    checks: [
      check('remedy_agreed', '买家已选定方案', 'Buyer has chosen a remedy'),
      check('remedy_recorded', '已在工单中记录方案', 'Remedy recorded on the case'),
      check('timeline_told', '已告知买家预计时间', 'Buyer told the expected timing'),
    ],
    branches: {
      cooperative: cooperative(undefined, t('好的，我现在就为您安排。', "Good, I'll arrange it right away.")),
      angry: ANGRY,
      hesitant: HESITANT_CALL_BACK,
      refuses: {
        lines: [
          t('好的，尊重您的决定。', 'Of course, I respect your decision.'),
          t('如果之后改变主意，随时找我。', 'If you change your mind later, just get in touch with me.'),
        ],
        tips: [
          t(
            '买家不接受任何方案时，记录原因，改为公开回复说明情况。',
            'If the buyer accepts no remedy, record why and move to a public reply.',
          ),
        ],
        suggests: 'replying',
      },
      demands_money: demandsMoney(false, content.canCompensate ?? true),
    },
  },
  followThrough(content.canCompensate ?? true),
];

const remedyTemplate = (key: string, target: Target, title: BilingualText, content: RemedyContent): ScriptTemplate =>
  template(`resolving.${key}`, 'resolving', target, title, remedySteps(content));

const resolvingTemplates: ScriptTemplate[] = [
  remedyTemplate('generic', {}, t('处理方案', 'The remedy'), {
    options: [
      t(
        '针对这个问题，我们可以为您退货退款、换货，或者补发、维修，您看哪种方式更方便？',
        'For this problem we can offer a return and refund, an exchange, or a replacement or repair. Which would suit you best?',
      ),
      t(
        '退回的运费按平台规则处理，是我们的问题就由我们承担。',
        'Return shipping follows the platform rules; where the fault is ours, we pay it.',
      ),
    ],
  }),
  remedyTemplate(
    'product_quality',
    { rootCauses: ['product_quality'] },
    t('质量问题的处理方案', 'Remedy for a quality problem'),
    {
      options: [
        t(
          '这是我们的问题，您可以选择换一件新的，或者退货退款；如果只是缺少配件，我今天就给您补发。',
          'This is our fault. You can have a new one in exchange, or return it for a refund; if it is only a missing part, I will send it out today.',
        ),
        t(
          '退回的运费由我们承担，上门取件我帮您预约好。',
          'We pay the return shipping, and I will book the pickup for you.',
        ),
      ],
      tips: [
        t(
          '换货前确认新发的这一件已检查过同样的问题。',
          'Before sending a replacement, make sure it has been checked for the same fault.',
        ),
      ],
    },
  ),
  remedyTemplate(
    'logistics_delay',
    { rootCauses: ['logistics_delay'] },
    t('物流慢的处理方案', 'Remedy for a slow delivery'),
    {
      options: [
        t(
          '如果包裹还没到，我现在就催快递，每天帮您盯着进度；如果确认丢件，我们马上给您补发或者退款，您来选。',
          'If the parcel has not arrived, I will chase the courier now and watch it every day; if it turns out to be lost, we will send a replacement or refund you straight away, whichever you prefer.',
        ),
        t(
          '如果已经收到了，东西有没有问题？有问题我们一并处理。',
          'If it has arrived, is everything all right with it? If not, we will sort that out too.',
        ),
      ],
      tips: [
        t(
          '到货晚但商品没问题时，方案记为“无需处理”，为延误致歉即可。',
          'If it arrived late but the goods are fine, record the remedy as "none needed" and apologise for the delay.',
        ),
      ],
    },
  ),
  remedyTemplate(
    'logistics_damage',
    { rootCauses: ['logistics_damage'] },
    t('运输破损的处理方案', 'Remedy for damage in transit'),
    {
      options: [
        t(
          '我们可以马上给您补发一件新的，或者直接退款，您看哪种更方便？',
          'We can send you a new one right away, or refund you directly. Which is easier for you?',
        ),
        t(
          '坏的那件不用您寄回，和快递公司的索赔由我们来处理。',
          'You do not need to send the damaged one back; we will handle the claim with the courier.',
        ),
      ],
      tips: [
        t(
          '补发的商品加强包装，并在发货前拍照留存。',
          'Pack the replacement more securely and photograph it before it ships.',
        ),
      ],
    },
  ),
  remedyTemplate('size_fit', { rootCauses: ['size_fit'] }, t('尺码不合适的处理方案', 'Remedy for size or fit'), {
    options: [
      t(
        '我们可以给您换一个尺码，按您刚才说的情况，建议选……码；也可以退货退款。',
        'We can exchange it for another size (from what you told me, I would suggest size …), or you can return it for a refund.',
      ),
      t(
        '退换的运费按平台规则处理，订单有运费险的会自动理赔。',
        'Return shipping follows the platform rules; if the order has shipping insurance, it pays out automatically.',
      ),
    ],
    tips: [
      t(
        '推荐尺码要有依据（尺码表、买家提供的信息），拿不准就说明，不要随口保证合适。',
        'Base the size advice on the chart and what the buyer told you; if unsure, say so rather than promising a fit.',
      ),
    ],
  }),
  remedyTemplate(
    'not_as_described',
    { rootCauses: ['not_as_described'] },
    t('与描述不符的处理方案', 'Remedy for an item not as described'),
    {
      options: [
        t(
          '是我们的描述出了问题，您可以退货退款，运费由我们承担；如果您还想要，也可以换成符合描述的那一款。',
          'Our description was wrong: you can return it for a refund and we pay the shipping, or, if you still want it, exchange it for one that matches.',
        ),
        t(
          '详情页的问题我已经反馈给运营修改了，谢谢您告诉我们。',
          'I have already asked our operations team to correct the page. Thank you for telling us.',
        ),
      ],
    },
  ),
  remedyTemplate(
    'service_attitude',
    { rootCauses: ['service_attitude'] },
    t('服务态度问题的处理', 'Putting right a service-attitude complaint'),
    {
      options: [
        t('您原来的问题，我现在就帮您处理：……。', 'I will deal with your original problem right now: ….'),
        t(
          '之前的沟通我已经交给主管，我们会在内部认真改进。',
          'I have passed the earlier conversation to my team lead, and we will work on it seriously.',
        ),
      ],
      tips: [
        t(
          '不向买家透露对同事的处理细节，只说明会改进。',
          'Do not share how the colleague is dealt with; only say that the team will improve.',
        ),
      ],
    },
  ),
  remedyTemplate(
    'refund_dispute',
    { rootCauses: ['refund_dispute'] },
    t('退款纠纷的处理方案', 'Remedy for a refund dispute'),
    {
      options: [
        t(
          '您的退款我现在就为您处理，一般……个工作日内原路退回。',
          'I am processing your refund now; it normally goes back to your original payment method within … working days.',
        ),
        t(
          '到账之前如果有任何问题，直接找我就行，不用再从头说一遍。',
          'If anything comes up before it arrives, come straight to me; you will not have to start from the beginning.',
        ),
      ],
      tips: [
        t(
          '款项退出后把退款记录截图保存到工单。',
          'Once the money is sent, save a screenshot of the refund record on the case.',
        ),
      ],
    },
  ),
  remedyTemplate(
    'price_value',
    { rootCauses: ['price_value'] },
    t('觉得不值的处理方案', 'Remedy for a poor-value complaint'),
    {
      options: [
        t(
          '如果符合价格保护的规定，我马上为您申请差价退款。',
          'If it falls under our price-protection rules, I will apply for the price difference to be refunded to you right away.',
        ),
        t(
          '如果您觉得还是不合适，在平台规定的期限内也可以退货退款。',
          "If it still does not feel right, you can also return it for a refund within the platform's time limit.",
        ),
      ],
      tips: [
        t(
          '不符合价保也不争辩，说明规则，尊重买家的选择。',
          "If price protection does not apply, explain the rule without arguing and respect the buyer's choice.",
        ),
      ],
    },
  ),
  remedyTemplate(
    'cautious_buyer',
    { buyerTypes: ['repeat_complainer', 'suspected_professional'] },
    t('多次投诉或疑似职业差评：按规定处理', 'Repeat complainer or suspected professional: by the policy'),
    {
      options: [
        t(
          '按平台规则和店铺的售后规定，您这个情况可以……（退货退款 / 换货 / 补发）。',
          'Under the platform rules and our after-sales policy, in your case we can … (return and refund / exchange / replacement).',
        ),
        t('整个处理过程我都会在平台上留好记录。', 'I will keep a record of every step on the platform.'),
      ],
      tips: [TIP_FACTS_AND_RECORDS, TIP_NO_EXTRA],
      canCompensate: false,
    },
  ),
];

// ─── compensating: an apology for the inconvenience ────────────────────────────────────────────

const COMPENSATION_POLICY_TIPS: BilingualText[] = [
  TIP_NO_REVIEW_WITH_COMPENSATION,
  t(
    '说清补偿的形式和金额，不含糊、不附加任何条件。',
    'State the form and amount clearly, with no conditions of any kind attached.',
  ),
  t(
    '超出额度，或该买家近期已经获得过补偿的，先提交主管审批。',
    'Above the limit, or if this buyer was compensated recently, submit it to a lead for approval first.',
  ),
  t('恶意工单不支付任何补偿。', 'No compensation is ever paid on a case flagged malicious.'),
];

const offerStep = (opening: BilingualText[]): ScriptStep => ({
  id: 'offer',
  title: t('为不便致歉的补偿', 'Compensation for the inconvenience'),
  lines: [
    ...opening,
    t(
      '这次给您添了不少麻烦，为表歉意，我按店铺规定为您申请了一份补偿：……（例如优惠券、小额红包或下次包邮），您看哪种更合适？',
      "This caused you a lot of trouble, so as an apology I have requested compensation for you under the shop's policy: … (for example a coupon, a small red packet, or free shipping next time). Which would suit you?",
    ),
    t('这份补偿不需要您做任何事情。', 'There is nothing you need to do in return.'),
    t(
      '预计三个工作日内到账，到账后我再跟您说一声。',
      'It should reach you within three working days, and I will let you know when it has.',
    ),
  ],
  tips: COMPENSATION_POLICY_TIPS,
  checks: [
    check('within_policy', '补偿在额度内，或已获主管批准', 'Within the limit, or approved by a lead'),
    check('offer_recorded', '已在工单中记录补偿', 'Compensation recorded on the case'),
    check('payout_told', '已告知买家到账时间', 'Buyer told when it will arrive'),
  ],
  branches: {
    cooperative: cooperative(
      'watching',
      t('好的，我这就为您办理，到账后通知您。', "Good, I'll arrange it now and let you know when it arrives."),
    ),
    angry: ANGRY,
    hesitant: {
      lines: [
        t(
          '没关系，您不用马上决定；如果这种形式不方便，也可以换成……，您看哪种更合适？',
          "That's fine, there's no rush; if this form isn't convenient, it could be … instead. Which would suit you?",
        ),
      ],
    },
    refuses: {
      lines: [
        t(
          '好的，尊重您的意见。给您带来的不便，再次向您道歉。',
          'Of course, I respect that. Once again, I am sorry for the inconvenience.',
        ),
      ],
      tips: [t('买家不接受补偿时如实记录，不反复劝说。', 'If the buyer declines, record it and do not press.')],
      suggests: 'watching',
    },
    demands_money: demandsMoney(false),
  },
});

const compensatingTemplates: ScriptTemplate[] = [
  template(
    'compensating.generic',
    'compensating',
    {},
    t('补偿：为不便致歉', 'Compensation: an apology for the trouble'),
    [offerStep([])],
  ),
  template(
    'compensating.veteran',
    'compensating',
    { buyerTypes: ['veteran'] },
    t('老顾客的补偿：致谢并致歉', 'Compensation for a loyal customer: thanks and apology'),
    [
      offerStep([
        t(
          '您一直照顾我们的生意，这次却让您失望了，我们很过意不去。',
          'You have supported us for so long, and this time we let you down. We feel really bad about it.',
        ),
      ]),
    ],
  ),
  template(
    'compensating.cautious_buyer',
    'compensating',
    { buyerTypes: ['repeat_complainer', 'suspected_professional'] },
    t(
      '多次投诉或疑似职业差评：只按规定处理',
      'Repeat complainer or suspected professional: the policy and nothing more',
    ),
    [
      {
        id: 'explain',
        title: t('说明已按规定处理', 'Explain that the policy has been applied'),
        lines: [
          t(
            '您的问题我们已经按规定处理完毕：……。给您带来的不便，我们再次表示歉意。',
            'Your problem has been handled under our policy: …. Again, we are sorry for the inconvenience.',
          ),
          t(
            '规定之外的补偿我这边没办法提供，还请您理解。',
            'I am not able to offer compensation beyond the policy; I hope you can understand.',
          ),
        ],
        tips: [TIP_NO_EXTRA, TIP_FACTS_AND_RECORDS],
        checks: [
          check('policy_applied', '已核对处理符合规定', 'Checked the handling follows the policy'),
          check('chat_saved', '已保存完整沟通记录', 'Full record of the exchange saved'),
        ],
        branches: {
          cooperative: cooperative('watching', t('谢谢您的理解。', 'Thank you for understanding.')),
          angry: ANGRY,
          refuses: { lines: [t('好的，理解您的想法。', 'All right, I understand.')], suggests: 'watching' },
          hesitant: HESITANT_CALL_BACK,
          demands_money: demandsMoney(false, false),
        },
      },
    ],
  ),
];

// ─── replying: the one public reply ────────────────────────────────────────────────────────────

const REPLY_TIPS: BilingualText[] = [
  t(
    '只写事实和已经做的改进；不写买家的姓名、电话、地址、订单号，也不复述私下沟通的内容。',
    "Write only facts and what has been improved. Never include the buyer's name, phone, address or order number, or repeat what was said in private.",
  ),
  t(
    '不指责买家、不争辩、不嘲讽；这条回复是写给以后的买家看的。',
    'Do not blame, argue with or mock the buyer: this reply is written for future buyers to read.',
  ),
  t(
    '每条评价只能回复一次，发布后不能修改；发布前再读一遍，需要审批的先提交主管。',
    'Each review gets one reply and it cannot be edited once published: read it again before publishing, and submit it to a lead first where approval is required.',
  ),
  t('简短、具体、有礼貌，控制在平台字数限制内。', "Short, specific and polite, within the platform's length limit."),
];

const REPLY_CHECKS: ScriptCheck[] = [
  check('facts_only', '只写了事实和改进', 'Only facts and improvements'),
  check('no_personal_data', '没有任何个人信息', 'No personal data at all'),
  check('no_blame', '没有指责或争辩', 'No blame and no argument'),
  check('read_before_publish', '发布前已复读（需要时已获批准）', 'Reread before publishing (approved where required)'),
];

const replyTemplate = (
  key: string,
  target: Target,
  title: BilingualText,
  lines: BilingualText[],
  tips: BilingualText[] = [],
) =>
  template(`replying.${key}`, 'replying', target, title, [
    {
      id: 'draft',
      title: t('撰写公开回复', 'Write the public reply'),
      lines,
      tips: [...REPLY_TIPS, ...tips],
      checks: REPLY_CHECKS,
      branches: {},
    },
  ]);

const REPLY_CLOSING = t(
  '如果还有任何需要，欢迎随时联系店铺客服，我们会负责到底。',
  'If you need anything further, please contact our customer service at any time; we will see it through.',
);

const replyingTemplates: ScriptTemplate[] = [
  replyTemplate(
    'generic',
    {},
    t('公开回复', 'Public reply'),
    [
      t('您好，非常抱歉这次没能让您满意。', 'Hello, we are very sorry we did not meet your expectations this time.'),
      t(
        '关于您提到的……，我们已经……（说明已采取的处理或改进）。',
        'About the … you mentioned, we have … (say what was done or changed).',
      ),
      REPLY_CLOSING,
    ],
    [
      t(
        '如果多次联系都没有联系上买家，不要在回复里写“联系不上”之类的话，只说明已做的改进和联系方式。',
        'If the buyer could not be reached, do not say so in the reply; state what has been improved and how to reach us.',
      ),
    ],
  ),
  replyTemplate(
    'product_quality',
    { rootCauses: ['product_quality'] },
    t('公开回复：质量问题', 'Public reply: quality problem'),
    [
      t(
        '您好，非常抱歉{商品}让您遇到了质量问题。',
        'Hello, we are very sorry you had a quality problem with the {商品}.',
      ),
      t(
        '您反馈的问题我们已经交给品控部门逐一排查，并加强了发货前的检查。',
        'We have passed the problem to our quality-control team to investigate, and we have tightened checks before dispatch.',
      ),
      REPLY_CLOSING,
    ],
  ),
  replyTemplate(
    'logistics',
    { rootCauses: ['logistics_delay', 'logistics_damage'] },
    t('公开回复：物流问题', 'Public reply: delivery problem'),
    [
      t(
        '您好，非常抱歉这次的配送让您久等或收到了受损的包裹。',
        'Hello, we are very sorry this delivery kept you waiting or arrived damaged.',
      ),
      t(
        '运输环节同样是我们的责任，我们已经……（例如加强包装、调整快递合作方）。',
        'Delivery is our responsibility too, and we have … (for example improved packing or changed courier).',
      ),
      REPLY_CLOSING,
    ],
    [t('不把责任推给快递公司，只说明我们的改进。', "Don't blame the courier; say what we have changed.")],
  ),
  replyTemplate(
    'size_fit',
    { rootCauses: ['size_fit'] },
    t('公开回复：尺码问题', 'Public reply: size problem'),
    [
      t('您好，非常抱歉尺码没有合适您。', 'Hello, we are very sorry the size did not work for you.'),
      t(
        '我们已经核对并完善了详情页的尺码说明；拿不准尺码时，欢迎先咨询客服，我们会根据您的情况推荐。',
        'We have checked and improved the size guide on the product page. If you are unsure of a size, ask our customer service first and we will suggest one for you.',
      ),
    ],
    [
      t(
        '不要在回复里写买家提供的身高、体重或尺码。',
        'Never put the height, weight or size the buyer gave you in the reply.',
      ),
    ],
  ),
  replyTemplate(
    'not_as_described',
    { rootCauses: ['not_as_described', 'price_value'] },
    t('公开回复：与描述不符或觉得不值', 'Public reply: not as described, or poor value'),
    [
      t('您好，非常抱歉{商品}与您的预期有差距。', 'Hello, we are very sorry the {商品} was not what you expected.'),
      t(
        '我们已经核对了详情页的描述和图片，并对……做了更清楚的说明。',
        'We have checked the description and photos on the product page and made … clearer.',
      ),
      REPLY_CLOSING,
    ],
  ),
  replyTemplate(
    'service_attitude',
    { rootCauses: ['service_attitude', 'refund_dispute'] },
    t('公开回复：服务与售后', 'Public reply: service and after-sales'),
    [
      t('您好，非常抱歉我们的服务让您感到不满意。', 'Hello, we are very sorry our service let you down.'),
      t(
        '我们已经对相关流程和服务做了改进，以后会更及时、更耐心地处理每一位顾客的问题。',
        "We have improved the process and our service, and will handle every customer's problem more promptly and patiently.",
      ),
      REPLY_CLOSING,
    ],
  ),
  replyTemplate(
    'malicious',
    { rootCauses: ['malicious'] },
    t('公开回复：疑似恶意', 'Public reply: suspected malicious'),
    [
      t('您好，感谢您的反馈。', 'Hello, thank you for your feedback.'),
      t(
        '经核实，该订单的商品和物流记录完整，我们也已将情况提交平台核查。',
        'We have checked: the records for the goods and delivery on this order are complete, and we have also referred the matter to the platform.',
      ),
      t(
        '如果商品确实有任何问题，欢迎联系店铺客服，我们会按平台规则处理。',
        'If there is a genuine problem with the item, please contact our customer service and we will handle it under the platform rules.',
      ),
    ],
    [
      t(
        '不在公开回复里说对方恶意或敲诈，由平台判定；也不公开任何沟通细节。',
        'Never call the buyer malicious or an extortionist in public; the platform decides. Do not publish any details of the exchange.',
      ),
    ],
  ),
];

// ─── watching: the follow-up ───────────────────────────────────────────────────────────────────

const followUpStep = (opening: BilingualText[]): ScriptStep => ({
  id: 'follow_up',
  title: t('回访：问题解决了吗', 'Follow-up: is the problem solved?'),
  lines: [
    t(
      '{称呼}好，我是{店铺}的售后{客服}。想跟您确认一下，{商品}的问题现在解决了吗？',
      'Hello {称呼}, this is {客服} at {店铺}. I wanted to check: has the problem with the {商品} been sorted out?',
    ),
    ...opening,
    t('之后使用中还有哪里不顺手，随时找我们。', 'If anything else is not right while you use it, just let us know.'),
  ],
  tips: [
    t('只回访一次，选买家方便的渠道和时间。', 'Follow up once, on a channel and at a time that suit the buyer.'),
    t(
      '问题没有解决就先解决问题，其余的都放一放。',
      'If the problem is not solved, solving it comes before anything else.',
    ),
  ],
  checks: [
    check('followed_up', '已回访买家', 'Followed up with the buyer'),
    check('solved_noted', '已记录问题是否解决', 'Noted whether the problem is solved'),
  ],
  branches: {
    cooperative: cooperative(
      undefined,
      t(
        '太好了，谢谢您的耐心，也谢谢您给我们改进的机会。',
        'Great. Thank you for your patience, and for giving us the chance to improve.',
      ),
    ),
    angry: {
      lines: [
        t(
          '真的很抱歉还没有给您处理好，我马上跟进，今天之内给您答复。',
          'I am really sorry it still is not sorted. I will follow it up straight away and get back to you today.',
        ),
      ],
      tips: [
        t(
          '问题没解决时报主管，决定是否重新处理。',
          'If the problem is not solved, escalate to a lead to decide on a new remedy.',
        ),
      ],
      suggests: 'escalate_to_lead',
    },
    refuses: REFUSES_CONTACT,
    hesitant: {
      lines: [
        t(
          '没关系，您再用几天看看，有问题随时找我。',
          'No problem, use it for a few more days and come to me any time if something is wrong.',
        ),
      ],
    },
    demands_money: demandsMoney(false),
  },
});

const REVISION_REQUEST_STEP: ScriptStep = {
  id: 'revision_request',
  onlyIf: 'platform_allows_revision_request',
  title: t('礼貌询问（仅限平台规则允许时）', 'A polite request (only where the platform allows it)'),
  lines: [
    t(
      '还想麻烦您一件事：如果您觉得这次的问题已经处理好了，方便时可以按您的真实感受重新评价一下；不方便也完全没关系。',
      'One more thing, if I may: if you feel the problem has been sorted out, you are welcome to rate the order again based on how you really feel. It is completely fine if you would rather not.',
    ),
  ],
  tips: [
    t(
      '仅在店铺所在平台的规则允许时使用：淘宝/天猫、京东的规则禁止卖家要求买家变更评价，默认关闭。',
      "Use only where the shop's platform allows it: Taobao/Tmall and JD forbid sellers to ask buyers for a different rating, so it is off by default.",
    ),
    t(
      '绝不附带任何补偿、红包、优惠券或其他好处，也不暗示之前的补偿与此有关。',
      'Never attach compensation, a red packet, a coupon or any other benefit, and never hint that an earlier compensation depends on it.',
    ),
    t('只问一次；买家犹豫或拒绝，就到此为止。', 'Ask once only; if the buyer hesitates or says no, leave it there.'),
    t(
      '在工单里记录约定的时间和方式，记录中不写任何好处。',
      'Record the agreed time and method on the case, with no benefit mentioned in the record.',
    ),
  ],
  checks: [
    check('platform_allows', '已确认平台规则允许', 'Confirmed the platform rules allow it'),
    check('asked_once', '只询问了一次，没有附带任何好处', 'Asked once, with nothing offered'),
    check('request_recorded', '已在工单中记录', 'Recorded on the case'),
  ],
  branches: {
    cooperative: cooperative(undefined, t('谢谢您。', 'Thank you.')),
    angry: {
      lines: [t('抱歉打扰您了，您别介意。', "I'm sorry to have bothered you; please don't mind it.")],
    },
    refuses: { lines: [t('好的，完全理解，打扰您了。', 'Of course, I completely understand. Sorry to bother you.')] },
    hesitant: { lines: [t('没关系，您按自己的感受来就好。', "That's fine, just go with how you feel.")] },
    demands_money: {
      lines: [
        t(
          '抱歉，这个要求我没办法答应。{商品}的售后问题我们会继续负责。',
          'I am sorry, I cannot agree to that. We will keep taking care of any after-sales problem with the {商品}.',
        ),
      ],
      tips: [
        t(
          '买家提出用钱换评价时：不答应，记下原话并截图，报主管。',
          'If the buyer wants money for the rating: do not agree; note the exact words, keep screenshots and escalate to a lead.',
        ),
      ],
      suggests: 'escalate_to_lead',
    },
  },
};

const WATCH_OUTCOME_STEP: ScriptStep = {
  id: 'watch_outcome',
  title: t('观察评价结果', 'Watch the outcome on the platform'),
  lines: [],
  tips: [
    t(
      '平台窗口：淘宝的中差评30天内可由买家修改一次，追评在180天内。',
      'Platform windows: on Taobao a buyer may revise a neutral or negative rating once within 30 days; a follow-up may come within 180 days.',
    ),
    t(
      '结果以平台数据为准，导入后自动记录到工单。',
      "The platform's data is what counts; imports record the outcome on the case automatically.",
    ),
  ],
  checks: [check('outcome_recorded', '已记录评价的最终结果', 'Final outcome of the review recorded')],
  branches: {},
};

const watchingTemplates: ScriptTemplate[] = [
  template('watching.generic', 'watching', {}, t('回访与观察', 'Follow-up and watch'), [
    followUpStep([]),
    REVISION_REQUEST_STEP,
    WATCH_OUTCOME_STEP,
  ]),
  template(
    'watching.veteran',
    'watching',
    { buyerTypes: ['veteran'] },
    t('老顾客的回访', 'Follow-up with a loyal customer'),
    [
      followUpStep([
        t(
          '谢谢您一直以来的支持，这次的事也谢谢您的包容。',
          'Thank you for your support all this time, and for your patience over this.',
        ),
      ]),
      REVISION_REQUEST_STEP,
      WATCH_OUTCOME_STEP,
    ],
  ),
];

// ─── appealing: evidence for a malicious review ────────────────────────────────────────────────

const appealSteps = (extraTips: BilingualText[], extraChecks: ScriptCheck[]): ScriptStep[] => [
  {
    id: 'evidence',
    title: t('收集证据', 'Collect evidence'),
    lines: [],
    tips: [
      t(
        '按恶意类型收集：索要钱财的聊天截图、同行的证据、诈骗链接、泄露隐私或辱骂的内容。',
        'Collect by kind: chat screenshots of demands for money, evidence of a competitor, fraud links, leaked private data or abusive content.',
      ),
      t(
        '优先使用平台内可核验的记录：聊天、订单、物流轨迹、签收信息。',
        'Prefer records the platform can verify: chats, the order, tracking history, proof of delivery.',
      ),
      t(
        '不与对方私下交易，也不再回应金额；恶意工单不支付任何补偿。',
        'Make no private deals and answer no more demands for money; no compensation is ever paid on a malicious case.',
      ),
      ...extraTips,
    ],
    checks: [
      check('chat_screenshots', '已保存聊天截图', 'Chat screenshots saved'),
      check('order_records', '已保存订单和物流记录', 'Order and delivery records saved'),
      check('kind_confirmed', '已确认恶意类型', 'Malicious kind confirmed'),
      check('evidence_refs', '已在工单中登记证据编号', 'Evidence references entered on the case'),
      ...extraChecks,
    ],
    branches: {},
  },
  {
    id: 'file',
    title: t('提交申诉并记录结果', 'File the appeal and record the result'),
    lines: [],
    tips: [
      t(
        '申诉说明只陈述事实：发生了什么、什么时间、对应哪几份证据。',
        'The appeal states facts only: what happened, when, and which evidence shows it.',
      ),
      t('在申诉截止时间前提交（评价后30天）。', 'File before the appeal deadline (30 days from the review).'),
      t(
        '收到平台结果后立即记录；申诉失败的，按普通工单的公开回复思路处理。',
        "Record the platform's result as soon as it arrives; if the appeal is lost, handle the public side as for an ordinary case.",
      ),
    ],
    checks: [
      check('appeal_filed', '已在截止时间前提交申诉', 'Appeal filed before the deadline'),
      check('appeal_result', '已记录申诉结果', 'Appeal result recorded'),
    ],
    branches: {},
  },
];

const appealingTemplates: ScriptTemplate[] = [
  template(
    'appealing.generic',
    'appealing',
    {},
    t('申诉：收集证据并提交', 'Appeal: collect the evidence and file'),
    appealSteps([], []),
  ),
  template(
    'appealing.suspected_professional',
    'appealing',
    { buyerTypes: ['suspected_professional'] },
    t('申诉：疑似职业差评', 'Appeal: suspected professional reviewer'),
    appealSteps(
      [
        t(
          '整理该账号在本店的历史：多次同类投诉、相同的索要话术，一并作为证据。',
          "Gather the account's history with the shop: repeated complaints of the same kind and the same wording of demands, as evidence.",
        ),
      ],
      [check('pattern_documented', '已整理该账号的历史记录', "Account's history documented")],
    ),
  ),
];

// ─── recorded: what the record needs ───────────────────────────────────────────────────────────

const RECORD_CHECKS: ScriptCheck[] = [
  check('record_time', '已记录时间', 'Time recorded'),
  check('record_buyer', '已记录买家ID', 'Buyer id recorded'),
  check('record_product', '已记录商品及型号', 'Product and model recorded'),
  check('record_cause', '已记录确认的问题原因', 'Confirmed root cause recorded'),
  check('record_actions', '已记录处理过程与沟通内容', 'What was done and said recorded'),
  check('record_outcome', '已记录处理结果', 'Outcome recorded'),
  check(
    'record_notes',
    '已填写特别备注（买家性格、沟通偏好）',
    "Special notes written (buyer's temperament, preferences)",
  ),
];

const RECORD_TIPS: BilingualText[] = [
  t(
    '这份记录是写给下一个联系这位买家的人看的：写清做了什么、说了什么、结果如何。',
    'Write the record for whoever contacts this buyer next: what was done, what was said, and how it ended.',
  ),
  t(
    '特别备注写买家的性格和偏好，例如“只接受文字沟通”“晚上方便”；用事实描述，不用贬义标签。',
    'Special notes describe temperament and preferences, e.g. "written contact only", "evenings are best"; describe facts, never use derogatory labels.',
  ),
  t('不写与处理无关的个人信息。', 'Leave out personal data that has nothing to do with the case.'),
];

const recordedTemplates: ScriptTemplate[] = [
  template('recorded.generic', 'recorded', {}, t('工单记录', 'The case record'), [
    {
      id: 'record',
      title: t('完成工单记录', 'Complete the record'),
      lines: [],
      tips: RECORD_TIPS,
      checks: RECORD_CHECKS,
      branches: {},
    },
  ]),
  template(
    'recorded.malicious',
    'recorded',
    { rootCauses: ['malicious'] },
    t('恶意工单的记录', 'Record of a malicious case'),
    [
      {
        id: 'record',
        title: t('完成工单记录', 'Complete the record'),
        lines: [],
        tips: [
          ...RECORD_TIPS,
          t(
            '写清恶意类型、证据编号和申诉结果，方便以后遇到同一账号时参考。',
            'State the malicious kind, the evidence references and the appeal result, for the next time this account appears.',
          ),
        ],
        checks: [
          ...RECORD_CHECKS,
          check('record_appeal', '已记录申诉结果和证据编号', 'Appeal result and evidence references recorded'),
        ],
        branches: {},
      },
    ],
  ),
];

/** The shipped library: every stage has a generic template; variants where the conversation differs. */
export const SCRIPT_LIBRARY: ScriptLibrary = [
  newGeneric,
  newMalicious,
  newCautious,
  contactingGeneric,
  contactingVeteran,
  contactingCautious,
  ...apologisedTemplates,
  ...resolvingTemplates,
  ...compensatingTemplates,
  ...replyingTemplates,
  ...watchingTemplates,
  ...appealingTemplates,
  ...recordedTemplates,
];
