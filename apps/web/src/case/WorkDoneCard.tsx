import { Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { CaseView } from '../shared/api';
import { yuan } from '../shared/money';

/** What was done on a closed case, on one card: what a lead reviews before scoring the record. */
export function WorkDoneCard({ view }: { view: CaseView }) {
  const { t } = useTranslation();
  const published = view.replies.filter((reply) => reply.status === 'published');
  return (
    <Card title={t('caseView.done.title')} size="small" data-testid="work-done">
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('actions.contact')}>
          {t('caseView.done.contacts', { count: view.contactAttempts.length })}
        </Descriptions.Item>
        {view.remedy && (
          <Descriptions.Item label={t('caseView.done.remedy')}>
            {t(`remedy.${view.remedy.type}`)} · {t(`remedyStatus.${view.remedy.status}`)}
            {view.remedy.note && ` · ${view.remedy.note}`}
          </Descriptions.Item>
        )}
        {view.compensations.map((compensation) => (
          <Descriptions.Item key={compensation.id} label={t('caseView.done.compensation')}>
            {t(`compensationType.${compensation.type}`)} {yuan(compensation.amountFen)} ·{' '}
            {t(`compensationStatus.${compensation.status}`)}
            {compensation.note && ` · ${compensation.note}`}
          </Descriptions.Item>
        ))}
        {published.map((reply) => (
          <Descriptions.Item key={reply.id} label={t('caseView.done.reply')}>
            “{reply.text}”
          </Descriptions.Item>
        ))}
        {view.appeal && (
          <Descriptions.Item label={t('caseView.done.appeal')}>
            {t(`malicious.${view.appeal.kind}`)}
            {view.appeal.result && ` · ${t(`appeal.results.${view.appeal.result}`)}`}
          </Descriptions.Item>
        )}
        {view.record && (
          <Descriptions.Item label={t('caseView.done.actionsTaken')}>
            <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{view.record.actionsTaken}</Typography.Text>
          </Descriptions.Item>
        )}
        {view.record && (
          <Descriptions.Item label={t('caseView.done.outcome')}>
            {t(`reviewOutcome.${view.record.outcome}`)}
          </Descriptions.Item>
        )}
        {view.record && (
          <Descriptions.Item label={t('caseView.done.notes')}>{view.record.specialNotes}</Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}
