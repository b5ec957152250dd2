import { Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { Role } from '@chaping/domain';

import { AddPromotionForm } from './AddPromotionForm';
import type { Promotion } from './promotion';
import { PromotionCard } from './PromotionCard';
import type { useCampaign } from './use-campaign';

import './i18n';

interface Props {
  promotions: readonly Promotion[];
  me: { id: string; role: Role };
  mayEdit: boolean;
  campaign: ReturnType<typeof useCampaign>;
}

/** The campaign's promotions, each through its four sign-offs; leads add and reword them. */
export function PromotionsSection({ promotions, me, mayEdit, campaign }: Props) {
  const { t } = useTranslation();
  const { sign, changeWording, addPromotion } = campaign;
  // A failed sign-off or rewording shows on the card it was for.
  const errorFor = (promotion: Promotion) =>
    (sign.variables?.promotion.id === promotion.id ? sign.error?.message : undefined) ??
    (changeWording.variables?.promotion.id === promotion.id ? changeWording.error?.message : undefined) ??
    null;
  return (
    <Card title={t('campaigns.promotions.title')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {promotions.length === 0 && (
          <Typography.Text type="secondary">{t('campaigns.promotions.empty')}</Typography.Text>
        )}
        {promotions.map((promotion) => (
          <PromotionCard
            key={promotion.id}
            promotion={promotion}
            me={me}
            mayEdit={mayEdit}
            actions={{
              busy: (sign.isPending && sign.variables.promotion.id === promotion.id) || changeWording.isPending,
              error: errorFor(promotion),
              sign: (target, step, acknowledgements) => sign.mutate({ promotion: target, step, acknowledgements }),
              changeWording: (target, wording) => changeWording.mutateAsync({ promotion: target, wording }),
            }}
          />
        ))}
        {mayEdit && (
          <AddPromotionForm
            busy={addPromotion.isPending}
            error={addPromotion.error?.message ?? null}
            onAdd={(promotion) => addPromotion.mutateAsync(promotion)}
          />
        )}
      </Space>
    </Card>
  );
}
