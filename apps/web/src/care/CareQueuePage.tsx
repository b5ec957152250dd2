import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import {
  careActionSendsMessage,
  careScriptFor,
  checkCareText,
  CONTACT_CHANNELS,
  refusalMessage,
  renderLine,
  type CareOutcome,
  type ContactChannel,
} from '@chaping/domain';

import { useMe } from '../auth/session';
import { api, unwrap } from '../shared/api-client';
import type { components } from '../shared/api-schema';
import { EmptyText } from '../shared/EmptyText';
import { useLocale } from '../shared/use-locale';

import './i18n';

type CareTask = components['schemas']['CareTaskDto'];

const CARE_QUEUE = ['care', 'tasks'] as const;
const OUTCOMES: readonly CareOutcome[] = ['contacted', 'no_answer', 'problem_found', 'fine'];

/** Working one care task: its script, the message checked as it is typed, and the outcome. */
function CareTaskPanel({ task, onDone }: { task: CareTask; onDone: (task: CareTask) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const script = careScriptFor(task.day);
  const variables = {
    称呼: task.buyerNickname,
    商品: task.productTitle,
    店铺: task.shopName,
    客服: me.data?.displayName ?? null,
  };
  const firstLine = script.steps[0]?.lines[0];
  const [message, setMessage] = useState(firstLine ? renderLine(firstLine, variables, locale) : '');
  const [channel, setChannel] = useState<ContactChannel>('im');
  const [note, setNote] = useState('');
  // The same check the API makes before anything is sent.
  const problem = useMemo(() => checkCareText(message), [message]);
  const work = useMutation({
    mutationFn: (outcome: CareOutcome) =>
      unwrap(
        api.POST('/api/care/tasks/{id}/work', {
          params: { path: { id: task.id } },
          body: {
            outcome,
            channel,
            ...(careActionSendsMessage(task.status, outcome) ? { message } : {}),
            ...(outcome === 'problem_found' ? { note } : {}),
          },
        }),
      ),
    onSuccess: onDone,
  });
  const sends = task.status === 'open';
  return (
    <Card title={`${t('care.work')} · ${task.buyerNickname} · ${t('care.day', { day: task.day })}`}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <section aria-label={t('care.script')}>
          <Typography.Title level={4}>
            {t('care.script')}: {script.title[locale]}
          </Typography.Title>
          <ol>
            {script.steps.map((step) => (
              <li key={step.id}>
                <Typography.Text strong>{step.title[locale]}</Typography.Text>
                {step.lines.map((line, index) => (
                  <Typography.Paragraph key={index}>{renderLine(line, variables, locale)}</Typography.Paragraph>
                ))}
                {step.tips.map((tip, index) => (
                  <Typography.Paragraph key={index} type="secondary">
                    {tip[locale]}
                  </Typography.Paragraph>
                ))}
              </li>
            ))}
          </ol>
        </section>
        <label>
          {t('care.channel')}{' '}
          <Select<ContactChannel>
            aria-label={t('care.channel')}
            value={channel}
            onChange={setChannel}
            style={{ minWidth: 160 }}
            options={CONTACT_CHANNELS.map((value) => ({ value, label: t(`channel.${value}`) }))}
          />
        </label>
        {sends ? (
          <>
            <label htmlFor="care-message">{t('care.message')}</label>
            <Input.TextArea
              id="care-message"
              value={message}
              onChange={(event) => setMessage(event.target.value)}
              autoSize={{ minRows: 2 }}
            />
            {problem ? (
              <Alert
                type="error"
                showIcon
                message={t('care.checkFailed')}
                description={refusalMessage(problem, locale)}
              />
            ) : (
              <Alert type="success" showIcon message={t('care.checkPassed')} />
            )}
          </>
        ) : (
          <Alert type="info" message={t('care.replyOnly')} />
        )}
        <label htmlFor="care-note">{t('care.note')}</label>
        <Input.TextArea
          id="care-note"
          value={note}
          placeholder={t('care.notePlaceholder')}
          onChange={(event) => setNote(event.target.value)}
          autoSize={{ minRows: 2 }}
        />
        {work.isError && <Alert type="error" message={work.error.message} />}
        <Space wrap>
          {OUTCOMES.map((outcome) => {
            const blockedByText = careActionSendsMessage(task.status, outcome) && (problem !== null || !message.trim());
            const blockedByNote = outcome === 'problem_found' && !note.trim();
            return (
              <Button
                key={outcome}
                type={outcome === 'problem_found' ? 'primary' : 'default'}
                danger={outcome === 'problem_found'}
                disabled={blockedByText || blockedByNote}
                loading={work.isPending && work.variables === outcome}
                onClick={() => work.mutate(outcome)}
              >
                {t(`care.outcome.${outcome}`)}
              </Button>
            );
          })}
        </Space>
      </Space>
    </Card>
  );
}

/** The care queue beside the case queue: care tasks due, oldest first. */
export function CareQueuePage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [selected, setSelected] = useState<CareTask | null>(null);
  const [finished, setFinished] = useState<CareTask | null>(null);
  const tasks = useQuery({
    queryKey: CARE_QUEUE,
    queryFn: () => unwrap(api.GET('/api/care/tasks')),
    refetchInterval: 60_000,
  });
  const done = (task: CareTask) => {
    setFinished(task);
    setSelected(null);
    void client.invalidateQueries({ queryKey: CARE_QUEUE });
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('care.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('care.intro')}</Typography.Paragraph>
      <CareSettingsLink />
      {tasks.isError && <Alert type="error" message={t('error')} description={tasks.error.message} />}
      {finished && (
        <Alert
          type="success"
          showIcon
          message={finished.caseId ? t('care.caseOpened') : t('care.done')}
          action={finished.caseId ? <Link to={`/cases/${finished.caseId}`}>{t('care.openCase')}</Link> : undefined}
        />
      )}
      <Table<CareTask>
        rowKey="id"
        loading={tasks.isLoading}
        dataSource={tasks.data ?? []}
        pagination={false}
        locale={{ emptyText: <EmptyText>{t('care.empty')}</EmptyText> }}
        columns={[
          { title: t('care.columns.shop'), dataIndex: 'shopName' },
          {
            title: t('care.columns.buyer'),
            render: (_: unknown, task) => (
              <Button type="link" onClick={() => setSelected(task)}>
                {task.buyerNickname}
              </Button>
            ),
          },
          {
            title: t('care.columns.product'),
            render: (_: unknown, task) => [task.productTitle, task.skuName].filter(Boolean).join(' · ') || '—',
          },
          { title: t('care.columns.day'), render: (_: unknown, task) => t('care.day', { day: task.day }) },
          {
            title: t('care.columns.reasons'),
            render: (_: unknown, task) =>
              task.reasons.map((reason) => <Tag key={reason}>{t(`care.reason.${reason}`)}</Tag>),
          },
          { title: t('care.columns.status'), render: (_: unknown, task) => t(`care.status.${task.status}`) },
        ]}
      />
      {selected && <CareTaskPanel key={selected.id} task={selected} onDone={done} />}
    </Space>
  );
}

/** Leads reach the care settings from the queue they shape (the header has no room for another link). */
function CareSettingsLink() {
  const { t } = useTranslation();
  const me = useMe();
  if (!me.data || me.data.role === 'agent') return null;
  return <Link to="/settings/care">{t('care.settings.title')}</Link>;
}
