import { refusal, type Refusal } from '../refusals/refusal';
import { HOUR_MS, MAX_ORDERS_PER_HOUR, type HourlyOrders } from './forecast';
import { promotionSignedOff, type PromotionUnderReview } from './promotion-sign-off';

export const QUIZ_MAX_QUESTIONS = 20;
export const QUIZ_MIN_CHOICES = 2;
export const QUIZ_MAX_CHOICES = 6;
export const QUIZ_PROMPT_MAX_LENGTH = 200;
export const QUIZ_CHOICE_MAX_LENGTH = 100;
/** Share of right answers that passes the briefing quiz. */
export const QUIZ_PASS_SHARE = 0.8;
export const CAMPAIGN_NAME_MAX_LENGTH = 60;
export const CAMPAIGN_MAX_DAYS = 31;

export interface QuizQuestion {
  readonly prompt: string;
  readonly choices: readonly string[];
  /** Index of the right choice. */
  readonly answer: number;
}

export interface QuizGrade {
  readonly correct: number;
  readonly total: number;
  readonly passed: boolean;
  /** Indexes of the questions answered wrongly. */
  readonly wrong: readonly number[];
}

const filled = (text: unknown, max: number) => typeof text === 'string' && text.trim().length > 0 && text.length <= max;

function questionValid(question: QuizQuestion): boolean {
  const { prompt, choices, answer } = question;
  if (!filled(prompt, QUIZ_PROMPT_MAX_LENGTH) || !Array.isArray(choices)) return false;
  if (choices.length < QUIZ_MIN_CHOICES || choices.length > QUIZ_MAX_CHOICES) return false;
  if (!choices.every((choice) => filled(choice, QUIZ_CHOICE_MAX_LENGTH))) return false;
  if (new Set(choices.map((choice) => choice.trim())).size !== choices.length) return false;
  return Number.isInteger(answer) && answer >= 0 && answer < choices.length;
}

/** Why these questions are not a quiz an agent can take, or null. */
export function quizRefusal(questions: readonly QuizQuestion[]): Refusal | null {
  if (!Array.isArray(questions) || questions.length < 1 || questions.length > QUIZ_MAX_QUESTIONS) {
    return refusal('quiz.invalid_count', { max: QUIZ_MAX_QUESTIONS });
  }
  const bad = questions.findIndex((question) => !questionValid(question));
  return bad < 0
    ? null
    : refusal('quiz.invalid_question', {
        number: bad + 1,
        maxPrompt: QUIZ_PROMPT_MAX_LENGTH,
        minChoices: QUIZ_MIN_CHOICES,
        maxChoices: QUIZ_MAX_CHOICES,
        maxChoice: QUIZ_CHOICE_MAX_LENGTH,
      });
}

export interface QuizPublishInput {
  readonly questions: readonly QuizQuestion[];
  readonly promotions: readonly PromotionUnderReview[];
}

/** The briefing teaches signed rules only: no quiz goes out while a promotion still waits for a sign-off. */
export function quizPublishRefusal(input: QuizPublishInput): Refusal | null {
  const invalid = quizRefusal(input.questions);
  if (invalid) return invalid;
  if (input.promotions.length === 0) return refusal('campaign.no_promotions');
  const open = input.promotions.filter((promotion) => !promotionSignedOff(promotion)).length;
  return open > 0 ? refusal('campaign.promotions_not_signed_off', { count: open }) : null;
}

/** Grades one attempt; `answers[i]` is the chosen index for question i. */
export function gradeQuiz(questions: readonly QuizQuestion[], answers: readonly number[]): QuizGrade | Refusal {
  const valid =
    Array.isArray(answers) &&
    answers.length === questions.length &&
    answers.every(
      (answer, index) => Number.isInteger(answer) && answer >= 0 && answer < questions[index]!.choices.length,
    );
  if (!valid) return refusal('quiz.answers_mismatch', { total: questions.length });
  const wrong = questions.flatMap((question, index) => (answers[index] === question.answer ? [] : [index]));
  const total = questions.length;
  const correct = total - wrong.length;
  // Compared in whole numbers so 4 of 5 passes at 0.8 without float noise.
  return { correct, total, passed: total > 0 && correct * 10 >= QUIZ_PASS_SHARE * 10 * total, wrong };
}

export interface CampaignWindow {
  readonly name: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly peakStartsAt: string;
  readonly peakEndsAt: string;
  readonly expectedOrders: readonly HourlyOrders[];
}

const wholeHour = (ms: number) => Number.isFinite(ms) && ms % HOUR_MS === 0;

function expectedOrdersRefusal(expected: readonly HourlyOrders[], starts: number, ends: number): Refusal | null {
  const times = expected.map((entry) => Date.parse(entry.hour));
  if (!times.every(wholeHour) || new Set(times).size !== times.length) return refusal('forecast.invalid_hour');
  if (times.some((time) => time < starts || time >= ends)) return refusal('campaign.hour_outside');
  const validOrders = expected.every(
    ({ orders }) => Number.isInteger(orders) && orders >= 0 && orders <= MAX_ORDERS_PER_HOUR,
  );
  return validOrders ? null : refusal('forecast.invalid_orders', { max: MAX_ORDERS_PER_HOUR });
}

/** Why a campaign's name, dates, peak window or expected orders cannot be saved, or null. */
export function campaignRefusal(campaign: CampaignWindow): Refusal | null {
  if (!filled(campaign.name, CAMPAIGN_NAME_MAX_LENGTH)) {
    return refusal('campaign.invalid_name', { max: CAMPAIGN_NAME_MAX_LENGTH });
  }
  const [starts, ends, peakStarts, peakEnds] = [
    campaign.startsAt,
    campaign.endsAt,
    campaign.peakStartsAt,
    campaign.peakEndsAt,
  ].map((time) => Date.parse(time)) as [number, number, number, number];
  const validWindow =
    Number.isFinite(starts) &&
    Number.isFinite(ends) &&
    ends > starts &&
    ends - starts <= CAMPAIGN_MAX_DAYS * 24 * HOUR_MS;
  if (!validWindow) return refusal('campaign.invalid_window', { maxDays: CAMPAIGN_MAX_DAYS });
  const validPeak =
    Number.isFinite(peakStarts) &&
    Number.isFinite(peakEnds) &&
    peakEnds > peakStarts &&
    peakStarts >= starts &&
    peakEnds <= ends;
  if (!validPeak) return refusal('campaign.invalid_peak');
  return expectedOrdersRefusal(campaign.expectedOrders, starts, ends);
}

/** Attempts one person may make at a campaign's quiz: enough to learn the rules, too few to guess through them. */
export const QUIZ_MAX_ATTEMPTS = 10;
/** Least time between two attempts of one person, so answers are read rather than cycled. */
export const QUIZ_ATTEMPT_SPACING_SECONDS = 10;

export interface QuizAttemptContext {
  readonly published: boolean;
  /** The person's earlier attempts at this quiz, oldest first. */
  readonly earlierAttemptsAt: readonly Date[];
  readonly now: Date;
}

/** Why this person may not take the quiz now, or null. */
export function quizAttemptRefusal(context: QuizAttemptContext): Refusal | null {
  if (!context.published) return refusal('quiz.not_published');
  const attempts = context.earlierAttemptsAt.length;
  if (attempts >= QUIZ_MAX_ATTEMPTS) return refusal('quiz.attempts_exhausted', { max: QUIZ_MAX_ATTEMPTS });
  const last = context.earlierAttemptsAt[attempts - 1];
  const waitMs = last ? last.getTime() + QUIZ_ATTEMPT_SPACING_SECONDS * 1000 - context.now.getTime() : 0;
  return waitMs > 0 ? refusal('quiz.too_soon', { seconds: Math.ceil(waitMs / 1000) }) : null;
}
