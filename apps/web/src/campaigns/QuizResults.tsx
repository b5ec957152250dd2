import { Alert, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { EmptyText } from '../shared/EmptyText';
import { ToneTag } from './ToneTag';
import type { useQuiz } from './use-quiz';

import './i18n';

type Row = NonNullable<ReturnType<typeof useQuiz>['results']['data']>['items'][number];

/** Every agent of the shop: passed or not, how many attempts, the best score, or not yet taken. */
export function QuizResults({ results }: { results: ReturnType<typeof useQuiz>['results'] }) {
  const { t } = useTranslation();
  if (results.isError) return <Alert type="error" showIcon message={results.error.message} />;
  return (
    <>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('campaigns.quiz.results')}
      </Typography.Title>
      <Table<Row>
        size="small"
        rowKey={(row) => row.user.id}
        loading={results.isLoading}
        dataSource={results.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="quiz-results"
        locale={{ emptyText: <EmptyText>{t('campaigns.quiz.noAgents')}</EmptyText> }}
        columns={[
          { title: t('campaigns.quiz.columns.user'), key: 'user', render: (_, row) => row.user.displayName },
          { title: t('campaigns.quiz.columns.attempts'), key: 'attempts', render: (_, row) => row.attempts },
          {
            title: t('campaigns.quiz.columns.best'),
            key: 'best',
            render: (_, row) =>
              row.bestCorrect === null
                ? '—'
                : t('campaigns.quiz.result', { correct: row.bestCorrect, total: row.total }),
          },
          {
            title: t('campaigns.quiz.columns.passed'),
            key: 'passed',
            render: (_, row) =>
              row.attempts === 0 ? (
                t('campaigns.quiz.notTried')
              ) : row.passed ? (
                <ToneTag tone="success">{t('campaigns.quiz.passed')}</ToneTag>
              ) : (
                <ToneTag tone="warning">{t('campaigns.quiz.failed')}</ToneTag>
              ),
          },
        ]}
      />
    </>
  );
}
