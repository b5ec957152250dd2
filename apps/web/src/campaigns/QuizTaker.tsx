import { Alert, Button, Card, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { refusal, refusalMessage } from '@chaping/domain';

import { useLocale } from '../shared/use-locale';
import { useNow } from '../shared/use-now';
import { attemptRefusal, letter, type QuizView } from './quiz';
import { QuizGradeSummary } from './QuizGradeSummary';
import type { useQuiz } from './use-quiz';

import './i18n';

interface Props {
  quiz: QuizView;
  attempt: ReturnType<typeof useQuiz>['attempt'];
}

/**
 * An agent answers the published quiz: one choice a question, handed in for a grade that names the
 * questions answered wrongly. Another try waits for the domain's spacing and cap, said in words.
 */
export function QuizTaker({ quiz, attempt }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const now = useNow();
  const [answers, setAnswers] = useState<Array<number | null>>(() => quiz.questions.map(() => null));
  const graded = attempt.data;
  const wrong = new Set(graded?.grade.wrong ?? []);
  const { mine } = quiz;
  const incomplete = answers.some((answer) => answer === null);
  const refused =
    attemptRefusal({
      published: quiz.publishedAt !== null,
      attempts: mine.attempts,
      lastAttemptAt: graded?.at ?? (mine.lastAttemptAt === null ? null : Date.parse(mine.lastAttemptAt)),
      now,
    }) ?? (incomplete ? refusal('quiz.answers_mismatch', { total: quiz.questions.length }) : null);

  if (mine.passed) return <QuizGradeSummary quiz={quiz} grade={graded?.grade ?? null} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {graded && <QuizGradeSummary quiz={quiz} grade={graded.grade} />}
      {quiz.questions.map((question, index) => {
        const number = index + 1;
        return (
          <Card
            key={index}
            size="small"
            data-testid="quiz-take-question"
            title={t('campaigns.quiz.question', { number })}
            extra={wrong.has(index) && <Tag color="error">{t('campaigns.quiz.wrongMark')}</Tag>}
          >
            <Typography.Paragraph>{question.prompt}</Typography.Paragraph>
            <div role="radiogroup" aria-label={t('campaigns.quiz.choose', { number })}>
              <Radio.Group
                name={`quiz-take-${index}`}
                value={answers[index]}
                onChange={(event) =>
                  setAnswers(answers.map((each, at) => (at === index ? (event.target.value as number) : each)))
                }
              >
                <Space direction="vertical">
                  {question.choices.map((choice, at) => (
                    <Radio key={at} value={at}>
                      {letter(at)}. {choice}
                    </Radio>
                  ))}
                </Space>
              </Radio.Group>
            </div>
          </Card>
        );
      })}
      <Space wrap>
        <Button
          type="primary"
          disabled={refused !== null || attempt.isPending}
          loading={attempt.isPending}
          onClick={() => attempt.mutate(answers.map((answer) => answer ?? -1))}
        >
          {t('campaigns.quiz.submit')}
        </Button>
        <Typography.Text type="secondary">
          {t('campaigns.quiz.attemptsLeft', { count: mine.attemptsLeft })}
        </Typography.Text>
      </Space>
      {refused && (
        <Typography.Text type="secondary" data-testid="quiz-attempt-refusal">
          {refusalMessage(refused, locale)}
        </Typography.Text>
      )}
      {attempt.error && <Alert type="error" showIcon message={attempt.error.message} />}
    </Space>
  );
}
