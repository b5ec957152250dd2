import { Card, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { Locale } from '@chaping/domain';

import type { CaseView } from '../shared/api';
import { eventDetails } from './event-details';

/** The case's history, newest first, each event with what it carried (note, amount, text, outcome). */
export function HistoryCard({ view, locale }: { view: CaseView; locale: Locale }) {
  const { t } = useTranslation();
  const time = (iso: string) => new Date(iso).toLocaleString(locale);
  return (
    <Card title={t('case.history')} size="small" data-testid="case-history">
      <Timeline
        items={[...view.events].reverse().map((event) => ({
          key: event.id,
          children: (
            <>
              <Typography.Text type="secondary">{time(event.at)}</Typography.Text>
              <br />
              <Typography.Text strong>{t(`event.${event.type}`)}</Typography.Text>
              {eventDetails(event, t, locale).map((line, index) => (
                <Typography.Paragraph key={index} style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                  {line}
                </Typography.Paragraph>
              ))}
            </>
          ),
        }))}
      />
    </Card>
  );
}
