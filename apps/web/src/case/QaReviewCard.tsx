import { Card, Checkbox, Input, message, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { QA_CHECKLIST, qaScore, reviewRecord, type QaCheck } from '@chaping/domain';

import { GuardedButton, type ActionProps } from './actions/shared';

/** A lead scores a closed case's record on the checklist; the score is the share of it met. */
export function QaReviewCard({ state, ctx, why, run, busy }: ActionProps) {
  const { t } = useTranslation();
  const [checks, setChecks] = useState<Record<QaCheck, boolean>>(() => ({
    apologised: state.qaReview?.apologised ?? false,
    rootCauseConfirmed: state.qaReview?.rootCauseConfirmed ?? false,
    policyFollowed: state.qaReview?.policyFollowed ?? false,
    recordComplete: state.qaReview?.recordComplete ?? false,
  }));
  const [comment, setComment] = useState(state.qaReview?.comment ?? '');
  const refusal = why(reviewRecord(state, { checks, comment }, ctx));
  const submit = async () => {
    const result = await run('qa-review', { ...checks, comment: comment || undefined });
    if (result.ok) void message.success(t('actions.saved'));
    else if (!result.stale) void message.error(result.message);
  };
  return (
    <Card title={t('qa.title')} size="small" data-testid="qa-review">
      {state.qaReview && (
        <Typography.Paragraph>
          {t('qa.current', { score: state.qaReview.score })}
          {state.qaReview.comment && ` · ${state.qaReview.comment}`}
        </Typography.Paragraph>
      )}
      <Space direction="vertical">
        {QA_CHECKLIST.map((check) => (
          <Checkbox
            key={check}
            checked={checks[check]}
            onChange={(event) => setChecks((current) => ({ ...current, [check]: event.target.checked }))}
          >
            {t(`qa.${check}`)}
          </Checkbox>
        ))}
        <Input.TextArea
          value={comment}
          onChange={(event) => setComment(event.target.value)}
          rows={2}
          aria-label={t('qa.comment')}
          placeholder={t('qa.comment')}
        />
        <Typography.Text type="secondary">{t('qa.score', { score: qaScore(checks) })}</Typography.Text>
        <GuardedButton refusal={refusal} busy={busy} primary onClick={() => void submit()} testId="qa-submit">
          {t('qa.submit')}
        </GuardedButton>
      </Space>
    </Card>
  );
}
