import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';

import { useLocale } from '../shared/use-locale';
import type { QuizView } from './quiz';

import './i18n';

interface Grade {
  correct: number;
  total: number;
  passed: boolean;
  wrong: number[];
}

/** The grade just handed in (which questions were wrong), or the caller's best once passed. */
export function QuizGradeSummary({ quiz, grade }: { quiz: QuizView; grade: Grade | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const correct = grade?.correct ?? quiz.mine.bestCorrect ?? 0;
  const total = grade?.total ?? quiz.questions.length;
  const passed = grade?.passed ?? quiz.mine.passed;
  const result = `${t(passed ? 'campaigns.quiz.passed' : 'campaigns.quiz.failed')} · ${t('campaigns.quiz.result', { correct, total })}`;
  const wrong =
    grade && grade.wrong.length > 0 ? grade.wrong.map((index) => index + 1).join(locale === 'en' ? ', ' : '、') : null;
  return (
    <Alert
      data-testid="quiz-grade"
      type={passed ? 'success' : 'warning'}
      showIcon
      message={result}
      description={wrong ? t('campaigns.quiz.wrong', { numbers: wrong }) : undefined}
    />
  );
}
