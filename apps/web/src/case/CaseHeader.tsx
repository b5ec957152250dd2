import { Alert, Button, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { stageLabel, type Locale } from '@chaping/domain';

import { queueHref } from '../queue/queue-href';
import type { CaseView } from '../shared/api';
import { SEVERITY_COLORS, WARNING_TAG_COLOR } from '../shared/tag-colors';

import './triage-i18n';

interface Props {
  view: CaseView;
  locale: Locale;
  stale: boolean;
  onReload: () => void;
  /** Shown at the end of the line (the shortcut hint). */
  children?: ReactNode;
}

/**
 * One line above the panes: back to the queue, shop, stage, severity, platform, the cause to check (lexicon and
 * model disagreed) and assignee.
 */
export function CaseHeader({ view, locale, stale, onReload, children }: Props) {
  const { t } = useTranslation();
  return (
    <>
      {stale && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          message={t('case.stale')}
          action={
            <Button size="small" onClick={onReload}>
              {t('case.reload')}
            </Button>
          }
        />
      )}
      <Space wrap align="center">
        <Link to={queueHref()} data-testid="back-to-queue">
          ← {t('case.back')}
        </Link>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
          {view.shopName}
        </Typography.Title>
        <Tag color="processing" data-testid="case-stage">
          {stageLabel(view.stage, locale)}
        </Tag>
        <Tag color={SEVERITY_COLORS[view.severity]}>{t('severityTag', { level: t(`severity.${view.severity}`) })}</Tag>
        <Tag>{t(`platform.${view.platform}`)}</Tag>
        {view.triage?.needsChecking && (
          <Tag color={WARNING_TAG_COLOR} title={t('triageHint.disagreement')} data-testid="case-cause-flag">
            {t('triageHint.flag')}
          </Tag>
        )}
        <Typography.Text type="secondary">
          {t('case.assignee')}: {view.assignee?.displayName ?? t('queue.pool')}
        </Typography.Text>
        {children}
      </Space>
    </>
  );
}
