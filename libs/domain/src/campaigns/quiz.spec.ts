import { refusalMessage } from '../refusals/messages';
import { isRefusal } from '../refusals/refusal';
import type { PromotionUnderReview } from './promotion-sign-off';
import {
  campaignRefusal,
  gradeQuiz,
  quizAttemptRefusal,
  quizPublishRefusal,
  quizRefusal,
  type CampaignWindow,
  type QuizQuestion,
} from './quiz';

const question = (overrides: Partial<QuizQuestion> = {}): QuizQuestion => ({
  prompt: '满300减30按什么金额计算？',
  choices: ['实付金额', '标价'],
  answer: 0,
  ...overrides,
});

const signed: PromotionUnderReview = {
  wording: '全场满300元（按实付金额）减30元',
  writtenBy: 'setter',
  signOffs: [
    { step: 'setter', by: 'setter' },
    { step: 'self_review', by: 'setter' },
    { step: 'teammate', by: 'mate' },
    { step: 'experience', by: 'lead' },
  ],
  acknowledgements: [],
};
const unsigned: PromotionUnderReview = { ...signed, signOffs: signed.signOffs.slice(0, 3) };

describe('quizRefusal', () => {
  it('accepts a quiz at its limits', () => {
    expect(quizRefusal([question()])).toBeNull();
    const longest = question({
      prompt: '问'.repeat(200),
      choices: Array.from({ length: 6 }, (_, index) => `${index}`.padEnd(100, '选')),
      answer: 5,
    });
    expect(quizRefusal(Array.from({ length: 20 }, () => longest))).toBeNull();
  });

  it.each<[string, QuizQuestion[]]>([
    ['no question', []],
    ['21 questions', Array.from({ length: 21 }, () => question())],
  ])('refuses %s', (_, questions) => {
    expect(quizRefusal(questions)).toEqual({ code: 'quiz.invalid_count', params: { max: 20 } });
  });

  it.each<[string, QuizQuestion]>([
    ['an empty prompt', question({ prompt: '  ' })],
    ['a 201-character prompt', question({ prompt: '问'.repeat(201) })],
    ['one choice', question({ choices: ['实付金额'] })],
    ['seven choices', question({ choices: ['1', '2', '3', '4', '5', '6', '7'] })],
    ['an empty choice', question({ choices: ['实付金额', ' '] })],
    ['a 101-character choice', question({ choices: ['实付金额', '选'.repeat(101)] })],
    ['duplicate choices', question({ choices: ['实付金额', ' 实付金额'] })],
    ['an answer past the choices', question({ answer: 2 })],
    ['a negative answer', question({ answer: -1 })],
    ['a fractional answer', question({ answer: 0.5 })],
  ])('refuses %s, naming the question', (_, bad) => {
    const result = quizRefusal([question(), bad]);
    expect(result?.code).toBe('quiz.invalid_question');
    expect(result?.params['number']).toBe(2);
  });
});

describe('quizPublishRefusal', () => {
  it('publishes when every promotion has its four sign-offs', () => {
    expect(quizPublishRefusal({ questions: [question()], promotions: [signed, signed] })).toBeNull();
  });

  it('refuses while a promotion is not signed off four times, counting them', () => {
    expect(quizPublishRefusal({ questions: [question()], promotions: [signed, unsigned] })).toEqual({
      code: 'campaign.promotions_not_signed_off',
      params: { count: 1 },
    });
  });

  it('refuses a campaign without promotions, and an invalid quiz first', () => {
    expect(quizPublishRefusal({ questions: [question()], promotions: [] })?.code).toBe('campaign.no_promotions');
    expect(quizPublishRefusal({ questions: [], promotions: [unsigned] })?.code).toBe('quiz.invalid_count');
  });
});

describe('gradeQuiz', () => {
  const five = Array.from({ length: 5 }, () => question());

  it('passes at 80% (4 of 5) and fails below, listing the wrong questions', () => {
    expect(gradeQuiz(five, [0, 0, 0, 0, 1])).toEqual({ correct: 4, total: 5, passed: true, wrong: [4] });
    expect(gradeQuiz(five, [1, 0, 1, 0, 0])).toEqual({ correct: 3, total: 5, passed: false, wrong: [0, 2] });
    expect(gradeQuiz(five, [0, 0, 0, 0, 0])).toEqual({ correct: 5, total: 5, passed: true, wrong: [] });
  });

  it.each<[string, number[]]>([
    ['too few answers', [0, 0, 0, 0]],
    ['too many answers', [0, 0, 0, 0, 0, 0]],
    ['a choice that does not exist', [0, 0, 0, 0, 2]],
    ['a fractional choice', [0, 0, 0, 0, 0.5]],
  ])('refuses %s', (_, answers) => {
    const result = gradeQuiz(five, answers);
    expect(isRefusal(result) && result.code).toBe('quiz.answers_mismatch');
  });
});

describe('campaignRefusal', () => {
  const campaign: CampaignWindow = {
    name: '双11',
    startsAt: '2026-11-10T20:00:00+08:00',
    endsAt: '2026-11-12T00:00:00+08:00',
    peakStartsAt: '2026-11-11T00:00:00+08:00',
    peakEndsAt: '2026-11-11T02:00:00+08:00',
    expectedOrders: [
      { hour: '2026-11-10T20:00:00+08:00', orders: 100 },
      { hour: '2026-11-11T23:00:00+08:00', orders: 0 },
    ],
  };

  it('accepts a campaign with hours from its first to its last hour', () => {
    expect(campaignRefusal(campaign)).toBeNull();
    expect(campaignRefusal({ ...campaign, endsAt: '2026-12-11T20:00:00+08:00' })).toBeNull();
  });

  it.each<[string, Partial<CampaignWindow>, string]>([
    ['an empty name', { name: ' ' }, 'campaign.invalid_name'],
    ['a 61-character name', { name: 'x'.repeat(61) }, 'campaign.invalid_name'],
    ['an end before the start', { endsAt: '2026-11-10T19:00:00+08:00' }, 'campaign.invalid_window'],
    ['a bad date', { startsAt: 'tomorrow' }, 'campaign.invalid_window'],
    ['more than 31 days', { endsAt: '2026-12-11T21:00:00+08:00' }, 'campaign.invalid_window'],
    ['a peak before the start', { peakStartsAt: '2026-11-10T19:00:00+08:00' }, 'campaign.invalid_peak'],
    ['a peak after the end', { peakEndsAt: '2026-11-12T01:00:00+08:00' }, 'campaign.invalid_peak'],
    ['an empty peak', { peakEndsAt: '2026-11-11T00:00:00+08:00' }, 'campaign.invalid_peak'],
    [
      'an hour not whole',
      { expectedOrders: [{ hour: '2026-11-11T10:30:00+08:00', orders: 1 }] },
      'forecast.invalid_hour',
    ],
    [
      'an hour twice',
      {
        expectedOrders: [
          { hour: '2026-11-11T10:00:00+08:00', orders: 1 },
          { hour: '2026-11-11T02:00:00Z', orders: 1 },
        ],
      },
      'forecast.invalid_hour',
    ],
    [
      'an hour at the end',
      { expectedOrders: [{ hour: '2026-11-12T00:00:00+08:00', orders: 1 }] },
      'campaign.hour_outside',
    ],
    [
      'an hour before the start',
      { expectedOrders: [{ hour: '2026-11-10T19:00:00+08:00', orders: 1 }] },
      'campaign.hour_outside',
    ],
    [
      'negative orders',
      { expectedOrders: [{ hour: '2026-11-11T10:00:00+08:00', orders: -1 }] },
      'forecast.invalid_orders',
    ],
    [
      'fractional orders',
      { expectedOrders: [{ hour: '2026-11-11T10:00:00+08:00', orders: 1.5 }] },
      'forecast.invalid_orders',
    ],
    [
      'too many orders',
      { expectedOrders: [{ hour: '2026-11-11T10:00:00+08:00', orders: 10_000_001 }] },
      'forecast.invalid_orders',
    ],
  ])('refuses %s', (_, change, code) => {
    expect(campaignRefusal({ ...campaign, ...change })?.code).toBe(code);
  });

  it('says what to fix in both languages', () => {
    const refused = campaignRefusal({ ...campaign, endsAt: '2026-12-31T00:00:00+08:00' })!;
    expect(refusalMessage(refused, 'zh-CN')).toBe('活动结束时间需晚于开始时间，且活动最长31天');
    expect(refusalMessage(refused, 'en')).toBe('A campaign ends after it starts and lasts at most 31 days');
  });
});

describe('quizAttemptRefusal', () => {
  const now = new Date('2026-11-01T10:00:00Z');
  const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

  it('lets a person take a published quiz up to ten times, ten seconds apart', () => {
    expect(quizAttemptRefusal({ published: true, earlierAttemptsAt: [], now })).toBeNull();
    expect(quizAttemptRefusal({ published: true, earlierAttemptsAt: [ago(60), ago(10)], now })).toBeNull();
    expect(quizAttemptRefusal({ published: true, earlierAttemptsAt: [ago(3)], now })).toEqual({
      code: 'quiz.too_soon',
      params: { seconds: 7 },
    });
    const nine = Array.from({ length: 9 }, (_, index) => ago(1000 - index * 60));
    expect(quizAttemptRefusal({ published: true, earlierAttemptsAt: nine, now })).toBeNull();
    expect(quizAttemptRefusal({ published: true, earlierAttemptsAt: [...nine, ago(500)], now })).toEqual({
      code: 'quiz.attempts_exhausted',
      params: { max: 10 },
    });
  });

  it('refuses a quiz that is not published', () => {
    expect(quizAttemptRefusal({ published: false, earlierAttemptsAt: [], now })?.code).toBe('quiz.not_published');
  });
});
