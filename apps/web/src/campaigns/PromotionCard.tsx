import { Button, Card, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import {
  checkPromotionWording,
  PROMOTION_WORDING_MAX_LENGTH,
  type PromotionAcknowledgement,
  type PromotionSignOffStep,
  type Role,
} from '@chaping/domain';

import type { Promotion } from './promotion';
import { SignOffStepper } from './SignOffStepper';
import { HighlightedWording, TrapList } from './WordingFindings';

import './i18n';

export interface PromotionActions {
  busy: boolean;
  error: string | null;
  sign: (promotion: Promotion, step: PromotionSignOffStep, acknowledgements: PromotionAcknowledgement[]) => void;
  changeWording: (promotion: Promotion, wording: string) => Promise<unknown>;
}

/** New wording, checked as it is typed; saving it starts every sign-off again. */
function WordingEditor({
  promotion,
  actions,
  onDone,
}: {
  promotion: Promotion;
  actions: PromotionActions;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [wording, setWording] = useState(promotion.wording);
  const findings = checkPromotionWording(wording);
  const id = `wording-${promotion.id}`;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <label htmlFor={id}>{t('campaigns.promotions.wording')}</label>
      <Input.TextArea
        id={id}
        rows={3}
        maxLength={PROMOTION_WORDING_MAX_LENGTH}
        value={wording}
        onChange={(event) => setWording(event.target.value)}
      />
      <HighlightedWording text={wording} findings={findings} />
      <TrapList findings={findings} />
      <Space>
        <Button
          type="primary"
          loading={actions.busy}
          disabled={wording.trim() === '' || wording === promotion.wording}
          onClick={() => void actions.changeWording(promotion, wording).then(onDone, () => undefined)}
        >
          {t('campaigns.promotions.saveWording')}
        </Button>
        <Button onClick={onDone}>{t('campaigns.promotions.cancel')}</Button>
      </Space>
    </Space>
  );
}

/** One promotion: its wording with the traps marked, and its four sign-offs. */
export function PromotionCard({
  promotion,
  me,
  mayEdit,
  actions,
}: {
  promotion: Promotion;
  me: { id: string; role: Role };
  mayEdit: boolean;
  actions: PromotionActions;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const findings = checkPromotionWording(promotion.wording);
  return (
    <Card
      size="small"
      title={promotion.title}
      data-testid="promotion-card"
      extra={
        mayEdit && !editing ? (
          <Button size="small" onClick={() => setEditing(true)}>
            {t('campaigns.promotions.edit')}
          </Button>
        ) : null
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          {t('campaigns.promotions.writtenBy', { name: promotion.writtenBy.displayName })}
        </Typography.Text>
        {editing ? (
          <WordingEditor promotion={promotion} actions={actions} onDone={() => setEditing(false)} />
        ) : (
          <>
            <HighlightedWording text={promotion.wording} findings={findings} />
            <TrapList findings={findings} />
            <SignOffStepper
              key={promotion.version}
              promotion={promotion}
              me={me}
              busy={actions.busy}
              error={actions.error}
              onSign={(step, acknowledgements) => actions.sign(promotion, step, acknowledgements)}
            />
          </>
        )}
      </Space>
    </Card>
  );
}
