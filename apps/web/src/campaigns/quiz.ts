import {
  QUIZ_MAX_CHOICES,
  QUIZ_MIN_CHOICES,
  quizAttemptRefusal,
  type QuizQuestion,
  type Refusal,
} from '@chaping/domain';

import type { useCampaign } from './use-campaign';

type Detail = NonNullable<ReturnType<typeof useCampaign>['detail']['data']>;
/** The quiz as the campaign's detail carries it: answers only for leads, the caller's own attempts. */
export type QuizView = NonNullable<Detail['quiz']>;

/** A question being written: the right answer is null until the lead marks one. */
export interface DraftQuestion {
  prompt: string;
  choices: string[];
  answer: number | null;
}

export const emptyQuestion = (): DraftQuestion => ({
  prompt: '',
  choices: Array.from({ length: QUIZ_MIN_CHOICES }, () => ''),
  answer: null,
});

export const letter = (index: number) => String.fromCharCode(65 + index);

/** The saved quiz as the editor starts it, or one empty question. */
export function draftFrom(quiz: QuizView | null): DraftQuestion[] {
  if (!quiz || quiz.questions.length === 0) return [emptyQuestion()];
  return quiz.questions.map((question) => ({
    prompt: question.prompt,
    choices: [...question.choices],
    answer: question.answer ?? null,
  }));
}

/** The draft as the domain and the API read it; an unmarked answer is -1, which the domain refuses. */
export const toQuestions = (draft: readonly DraftQuestion[]): QuizQuestion[] =>
  draft.map((question) => ({ prompt: question.prompt, choices: question.choices, answer: question.answer ?? -1 }));

export function withChoiceAdded(question: DraftQuestion): DraftQuestion {
  if (question.choices.length >= QUIZ_MAX_CHOICES) return question;
  return { ...question, choices: [...question.choices, ''] };
}

export function withChoiceRemoved(question: DraftQuestion, index: number): DraftQuestion {
  if (question.choices.length <= QUIZ_MIN_CHOICES) return question;
  const answer =
    question.answer === index
      ? null
      : question.answer !== null && question.answer > index
        ? question.answer - 1
        : question.answer;
  return { ...question, choices: question.choices.filter((_, at) => at !== index), answer };
}

/**
 * Why the caller may not answer again now, by the rule the API enforces: the count and the last
 * attempt's time come from the server, or from this page's own attempt when it is newer.
 */
export function attemptRefusal(input: {
  published: boolean;
  attempts: number;
  lastAttemptAt: number | null;
  now: number;
}): Refusal | null {
  const earlier = Array.from({ length: input.attempts }, () => new Date(0));
  if (input.lastAttemptAt !== null && earlier.length > 0) earlier[earlier.length - 1] = new Date(input.lastAttemptAt);
  return quizAttemptRefusal({ published: input.published, earlierAttemptsAt: earlier, now: new Date(input.now) });
}
