import { Card, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

import type { Promotion } from './promotion';
import { letter, type QuizView } from './quiz';
import { QuizEditor } from './QuizEditor';
import { QuizResults } from './QuizResults';
import { QuizTaker } from './QuizTaker';
import { useQuiz } from './use-quiz';

import './i18n';

interface Props {
  campaignId: string;
  quiz: QuizView | null;
  promotions: readonly Promotion[];
  mayEdit: boolean;
}

/** A published quiz as its lead reads it: every question with the right answer marked. */
function PublishedQuestions({ quiz }: { quiz: QuizView }) {
  const { t } = useTranslation();
  return (
    <ol style={{ margin: 0, paddingInlineStart: 20 }}>
      {quiz.questions.map((question, index) => (
        <li key={index}>
          {question.prompt}
          <Typography.Text type="secondary">
            {' '}
            · {t('campaigns.quiz.rightShort')}: {letter(question.answer ?? 0)}. {question.choices[question.answer ?? 0]}
          </Typography.Text>
        </li>
      ))}
    </ol>
  );
}

/**
 * The briefing quiz of a campaign: leads write and publish it and see who has passed; agents take
 * the published quiz (an agent never sees a draft).
 */
export function QuizSection({ campaignId, quiz, promotions, mayEdit }: Props) {
  const { t } = useTranslation();
  const actions = useQuiz(campaignId, { readsResults: mayEdit });
  const published = quiz?.publishedAt ? quiz : null;
  return (
    <Card title={t('campaigns.quiz.title')} data-testid="quiz-section">
      <Space direction="vertical" style={{ width: '100%' }}>
        {published && (
          <Typography.Text type="secondary">
            {t('campaigns.quiz.publishedAt', { at: dayjs(published.publishedAt).format('YYYY-MM-DD HH:mm') })}
          </Typography.Text>
        )}
        {mayEdit && !published && <QuizEditor quiz={quiz} promotions={promotions} actions={actions} />}
        {mayEdit && published && <PublishedQuestions quiz={published} />}
        {mayEdit && <QuizResults results={actions.results} />}
        {!mayEdit && !published && <Typography.Text type="secondary">{t('campaigns.quiz.none')}</Typography.Text>}
        {!mayEdit && published && <QuizTaker key={published.version} quiz={published} attempt={actions.attempt} />}
      </Space>
    </Card>
  );
}
