import { Alert, Checkbox, List, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import {
  BUYER_REACTIONS,
  formatOrderDate,
  renderLine,
  salutation,
  stageLabel,
  type BuyerReaction,
  type Locale,
  type ScriptChecklist,
  type ScriptStep,
  type ScriptVariables,
} from '@chaping/domain';

import type { CaseView } from '../shared/api';

/** The placeholder values of a script, from what the case knows (unknown ones fall back to neutral words). */
export function scriptVariablesFor(view: CaseView, agentName: string, locale: Locale): ScriptVariables {
  return {
    称呼: salutation(null, null, locale),
    买家: view.buyer.nickname,
    商品: view.product?.title ?? view.productModel,
    下单日期: view.order?.orderedAt ? formatOrderDate(new Date(view.order.orderedAt), locale) : null,
    店铺: view.shopName,
    客服: agentName,
  };
}

interface Props {
  steps: readonly ScriptStep[];
  variables: ScriptVariables;
  /** How far the case has followed the script; omitted in a preview, where nothing is ticked. */
  checklist?: ScriptChecklist;
  onToggle?: (checkId: string, on: boolean) => void;
}

/**
 * The steps of a call script as the agent reads them: lines with the case's values filled in,
 * tips, the buyer's possible reactions, check-offs. The case view and the script editor's
 * preview show the same thing.
 */
export function ScriptSteps({ steps, variables, checklist, onToggle }: Props) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const [reaction, setReaction] = useState<BuyerReaction>('cooperative');
  return (
    <List
      itemLayout="vertical"
      dataSource={[...steps]}
      renderItem={(step) => {
        const branch = step.branches[reaction];
        const followed = checklist?.steps.find((item) => item.step.id === step.id);
        return (
          <List.Item key={step.id} style={followed && !followed.taken ? { opacity: 0.75 } : undefined}>
            <Typography.Title level={5}>
              {step.title[locale]}
              {followed && !followed.taken && (
                <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal', marginInlineStart: 8 }}>
                  {t('caseView.script.notTaken')}
                </Typography.Text>
              )}
            </Typography.Title>
            {step.lines.map((line, index) => (
              <Typography.Paragraph key={index} className="script-line">
                “{renderLine(line, variables, locale)}”
              </Typography.Paragraph>
            ))}
            {step.tips.length > 0 && (
              <Alert
                type="info"
                showIcon
                message={t('script.tips')}
                description={
                  <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                    {step.tips.map((tip, index) => (
                      <li key={index}>{tip[locale]}</li>
                    ))}
                  </ul>
                }
              />
            )}
            {Object.keys(step.branches).length > 0 && (
              <div style={{ marginTop: 8 }}>
                <Segmented<BuyerReaction>
                  size="small"
                  value={reaction}
                  onChange={setReaction}
                  options={BUYER_REACTIONS.filter((option) => step.branches[option]).map((option) => ({
                    value: option,
                    label: t(`reaction.${option}`),
                  }))}
                />
                {branch?.lines.map((line, index) => (
                  <Typography.Paragraph key={index} style={{ marginTop: 8 }}>
                    “{renderLine(line, variables, locale)}”
                  </Typography.Paragraph>
                ))}
                {branch?.suggests && (
                  <Typography.Text type="secondary">
                    {t('script.suggests', {
                      what: t(`scriptAction.${branch.suggests}`, {
                        defaultValue: stageLabel(branch.suggests, locale),
                      }),
                    })}
                  </Typography.Text>
                )}
              </div>
            )}
            <Space direction="vertical" style={{ marginTop: 8 }}>
              {step.checks.map((check) => {
                const item = followed?.items.find((candidate) => candidate.check.id === check.id);
                return (
                  <Checkbox
                    key={check.id}
                    checked={item?.done ?? false}
                    disabled={!onToggle || (item?.byAction ?? false)}
                    onChange={(event) => onToggle?.(check.id, event.target.checked)}
                  >
                    {check.text[locale]}
                    {item?.byAction && (
                      <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
                        {t('caseView.script.byAction')}
                      </Typography.Text>
                    )}
                  </Checkbox>
                );
              })}
            </Space>
          </List.Item>
        );
      }}
    />
  );
}
