import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { checkPromotionWording, PROMOTION_WORDING_MAX_LENGTH } from '@chaping/domain';

import { HighlightedWording, TrapList } from './WordingFindings';

import './i18n';

const TITLE_MAX_LENGTH = 60;

interface Props {
  busy: boolean;
  error: string | null;
  onAdd: (promotion: { title: string; wording: string }) => Promise<unknown>;
}

/** A new promotion's name and wording, its traps shown while it is typed. */
export function AddPromotionForm({ busy, error, onAdd }: Props) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [wording, setWording] = useState('');
  const findings = checkPromotionWording(wording);
  const ready = title.trim() !== '' && wording.trim() !== '';
  const submit = () => {
    if (!ready) return;
    void onAdd({ title: title.trim(), wording }).then(
      () => {
        setTitle('');
        setWording('');
      },
      () => undefined,
    );
  };
  return (
    <Card size="small" title={t('campaigns.promotions.add')}>
      <Form layout="vertical" onFinish={submit} component="form">
        <Form.Item label={t('campaigns.promotions.titleLabel')} htmlFor="promotion-title">
          <Input
            id="promotion-title"
            maxLength={TITLE_MAX_LENGTH}
            placeholder={t('campaigns.promotions.titlePlaceholder')}
            value={title}
            onChange={(event) => setTitle(event.target.value)}
          />
        </Form.Item>
        <Form.Item label={t('campaigns.promotions.wording')} htmlFor="promotion-wording">
          <Input.TextArea
            id="promotion-wording"
            rows={3}
            maxLength={PROMOTION_WORDING_MAX_LENGTH}
            placeholder={t('campaigns.promotions.wordingPlaceholder')}
            value={wording}
            onChange={(event) => setWording(event.target.value)}
          />
        </Form.Item>
        {wording.trim() !== '' && (
          <>
            <HighlightedWording text={wording} findings={findings} />
            <TrapList findings={findings} />
          </>
        )}
        {error && <Alert style={{ marginTop: 8 }} type="error" showIcon message={error} />}
        <Button
          style={{ marginTop: 12, display: 'block' }}
          type="primary"
          htmlType="submit"
          loading={busy}
          disabled={!ready}
        >
          {t('campaigns.promotions.save')}
        </Button>
      </Form>
    </Card>
  );
}
