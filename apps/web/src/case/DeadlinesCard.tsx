import { Card, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';

import type { Locale } from '@chaping/domain';

import type { CaseView } from '../shared/api';
import { Countdown } from '../shared/Countdown';

/** The case's clocks: first contact and resolution count down; the platform's windows are dates. */
export function DeadlinesCard({ view, locale }: { view: CaseView; locale: Locale }) {
  const { t } = useTranslation();
  const time = (iso: string) => new Date(iso).toLocaleString(locale);
  const { deadlines } = view;
  return (
    <Card title={t('case.deadlines')} size="small">
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('deadline.firstContact')}>
          {deadlines.firstContactAt ? time(deadlines.firstContactAt) : <Countdown to={deadlines.firstContactDueAt} />}
        </Descriptions.Item>
        <Descriptions.Item label={t('deadline.resolution')}>
          <Countdown to={deadlines.resolutionDueAt} paused={deadlines.resolutionPaused} />
        </Descriptions.Item>
        <Descriptions.Item label={t('deadline.revisionWindow')}>
          {time(deadlines.revisionWindowEndsAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('deadline.appeal')}>{time(deadlines.appealDeadlineAt)}</Descriptions.Item>
        {deadlines.nextPayoutDueAt && (
          <Descriptions.Item label={t('deadline.payout')}>
            <span data-testid="payout-due">
              <Countdown to={deadlines.nextPayoutDueAt} />
            </span>
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}
