import { Alert, Button, Descriptions, Space, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

import type { Role } from '@chaping/domain';

import { ForecastSection } from './ForecastSection';
import type { Promotion } from './promotion';
import { PromotionsSection } from './PromotionsSection';
import { QuizSection } from './QuizSection';
import { ReviewSection } from './ReviewSection';
import { useCampaign } from './use-campaign';

import './i18n';

const when = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

/** One campaign: its window, its promotions' sign-offs, the briefing quiz, the forecast and roster, the review after. */
export function CampaignDetail({ id, me, onBack }: { id: string; me: { id: string; role: Role }; onBack: () => void }) {
  const { t } = useTranslation();
  const mayEdit = me.role !== 'agent';
  const campaign = useCampaign(id);
  const { detail } = campaign;
  if (detail.isError) return <Alert type="error" showIcon message={detail.error.message} />;
  if (!detail.data) return <Spin />;
  const data = detail.data;
  const promotions = data.promotions as Promotion[];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Button onClick={onBack}>{t('campaigns.back')}</Button>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {data.name}
      </Typography.Title>
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('campaigns.columns.window')}>
          {when(data.startsAt)} – {when(data.endsAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('campaigns.columns.peak')}>
          {when(data.peakStartsAt)} – {when(data.peakEndsAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('campaigns.columns.status')}>
          {t(data.active ? 'campaigns.running' : 'campaigns.notRunning')}
        </Descriptions.Item>
      </Descriptions>
      <PromotionsSection promotions={promotions} me={me} mayEdit={mayEdit} campaign={campaign} />
      <QuizSection campaignId={id} quiz={data.quiz} promotions={promotions} mayEdit={mayEdit} />
      <ForecastSection campaignId={id} shopId={data.shopId} mayAdopt={mayEdit} peakStartsAt={data.peakStartsAt} />
      <ReviewSection campaignId={id} />
    </Space>
  );
}
