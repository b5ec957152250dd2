import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Empty, Form, Input, message, Row, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import {
  BUYER_REACTIONS,
  checkScriptTemplate,
  scriptProblemMessage,
  scriptTemplateShapeProblems,
  stageLabel,
  type Locale,
  type ScriptTemplate,
} from '@chaping/domain';

import { useMe } from '../auth/session';
import { fetchCase } from '../case/case-queries';
import { ScriptSteps, scriptVariablesFor } from '../case/ScriptSteps';
import { type ScriptVersion } from '../shared/api';
import { api, unwrap } from '../shared/api-client';
import { EmptyText } from '../shared/EmptyText';
import { BilingualListField } from './BilingualListField';
import { ProblemsAlert } from './ProblemsAlert';
import { SaveWithNote } from './SaveWithNote';

const scriptsKey = (shopId: string | null) => ['scripts', shopId] as const;
const versionsKey = (id: string, shopId: string | null) => ['scripts', shopId, id, 'versions'] as const;
/** The library's query: the organisation's has no shop. */
const ofLibrary = (shopId: string | null) => ({ shopId: shopId ?? undefined });

// The OpenAPI document leaves a template a free-form object; the API checks and answers the
// domain's ScriptTemplate, so templates are read here as that (and versions as ../shared/api's).
const fetchScripts = async (shopId: string | null): Promise<ScriptTemplate[]> => {
  const templates: unknown = await unwrap(api.GET('/api/scripts', { params: { query: ofLibrary(shopId) } }));
  return templates as ScriptTemplate[];
};
const fetchVersions = async (id: string, shopId: string | null): Promise<ScriptVersion[]> => {
  const versions: unknown = await unwrap(
    api.GET('/api/scripts/{id}/versions', { params: { path: { id }, query: ofLibrary(shopId) } }),
  );
  return versions as ScriptVersion[];
};

/** What is wrong with the edited template, by the same checks the API runs before it saves a version. */
function problemsOf(candidate: unknown, locale: Locale): string[] {
  const shape = scriptTemplateShapeProblems(candidate);
  if (shape.length > 0) return shape;
  return checkScriptTemplate(candidate as ScriptTemplate).map((problem) => scriptProblemMessage(problem, locale));
}

/**
 * Team lead: edit a call script of a shop's library (admins: also the organisation's, which every
 * shop follows until it edits a template itself) as a new version, with a live preview filled in
 * from a real case and the compliance checks run as you type. Every version stays readable; cases
 * keep the one they used.
 */
export function ScriptEditorPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const me = useMe();
  const client = useQueryClient();
  const [form] = Form.useForm<ScriptTemplate>();
  const [scriptId, setScriptId] = useState<string | null>(null);
  const [viewing, setViewing] = useState<number | null>(null);
  const [sampleCaseId, setSampleCaseId] = useState<string | null>(null);
  const [note, setNote] = useState('');

  const isAdmin = me.data?.role === 'admin';
  const shops = useQuery({ queryKey: ['shops'], queryFn: () => unwrap(api.GET('/api/shops')) });
  const [chosen, setChosen] = useState<string | null | undefined>(undefined);
  // Admins start on the organisation's library, leads on their first shop's.
  const shopId = chosen !== undefined ? chosen : isAdmin ? null : (shops.data?.[0]?.id ?? undefined);
  const scripts = useQuery({
    queryKey: scriptsKey(shopId ?? null),
    queryFn: () => fetchScripts(shopId ?? null),
    enabled: shopId !== undefined,
  });
  const versions = useQuery({
    queryKey: versionsKey(scriptId ?? '', shopId ?? null),
    queryFn: () => fetchVersions(scriptId ?? '', shopId ?? null),
    enabled: scriptId !== null && shopId !== undefined,
  });
  const samples = useQuery({
    queryKey: ['cases', 'script-samples'],
    queryFn: () => unwrap(api.GET('/api/cases', { params: { query: { limit: 20 } } })),
  });
  const sampleId = sampleCaseId ?? samples.data?.items[0]?.id ?? null;
  const sample = useQuery({
    queryKey: ['case', sampleId],
    queryFn: () => fetchCase(sampleId as string),
    enabled: sampleId !== null,
  });

  const history = versions.data ?? [];
  // The version this level's cases follow (a shop's own edit wins over a later organisation one).
  const latest = scripts.data?.find((template) => template.id === scriptId) ?? null;
  const shown = history.find((entry) => entry.template.version === viewing)?.template ?? latest;
  // The server numbers versions across every level; the highest one this level can read comes close.
  const nextVersion = Math.max(0, ...history.map((entry) => entry.template.version)) + 1;
  useEffect(() => {
    form.resetFields();
    if (shown) form.setFieldsValue(structuredClone(shown) as never);
  }, [shown, form]);

  const edited = Form.useWatch([], { form, preserve: true }) as ScriptTemplate | undefined;
  const candidate = edited && latest ? { ...edited, id: latest.id, version: nextVersion } : null;
  const problems = candidate ? problemsOf(candidate, locale) : [];

  const save = useMutation({
    mutationFn: async () => {
      // Saving is offered only on a template of the library (candidate).
      if (!scriptId || !candidate) throw new Error(t('error'));
      const body = { template: { ...candidate }, note, ...(shopId ? { shopId } : {}) };
      const saved: unknown = await unwrap(
        api.POST('/api/scripts/{id}/versions', { params: { path: { id: scriptId } }, body }),
      );
      // Free-form in the OpenAPI document: the saved version of the domain's ScriptTemplate.
      return saved as ScriptTemplate;
    },
    onSuccess: (saved) => {
      void message.success(t('scripts.saved', { version: saved.version }));
      setNote('');
      setViewing(null);
      // The organisation's library reaches every shop that did not edit the template.
      void client.invalidateQueries({ queryKey: ['scripts'] });
      void client.invalidateQueries({ queryKey: ['script'] });
    },
  });

  const isLead = me.data?.role === 'lead' || me.data?.role === 'admin';
  const saveBlocked = !isLead
    ? t('scripts.leadsOnly')
    : problems.length > 0
      ? t('scripts.fixProblems')
      : note.trim().length < 4
        ? t('scripts.noteNeeded')
        : null;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('scripts.title')}
      </Typography.Title>
      <Space wrap>
        <Select
          style={{ minWidth: 220 }}
          aria-label={t('scripts.level')}
          loading={shops.isLoading}
          value={shopId === undefined ? undefined : (shopId ?? '')}
          options={[
            ...(isAdmin ? [{ value: '', label: t('scripts.organisation') }] : []),
            ...(shops.data ?? []).map((shop) => ({ value: shop.id, label: shop.name })),
          ]}
          onChange={(value: string) => {
            setChosen(value === '' ? null : value);
            setViewing(null);
          }}
        />
        <Select
          showSearch
          style={{ width: 420 }}
          placeholder={t('scripts.pick')}
          aria-label={t('scripts.pick')}
          loading={scripts.isLoading}
          value={scriptId}
          optionFilterProp="label"
          onChange={(id: string) => {
            setScriptId(id);
            setViewing(null);
          }}
          options={(scripts.data ?? []).map((template) => ({
            value: template.id,
            label: `${stageLabel(template.stage, locale)} · ${template.title[locale]} (v${template.version})`,
          }))}
        />
        <Select
          style={{ width: 360 }}
          aria-label={t('scripts.sampleCase')}
          placeholder={t('scripts.sampleCase')}
          loading={samples.isLoading}
          value={sampleId}
          onChange={setSampleCaseId}
          options={(samples.data?.items ?? []).map((item) => ({
            value: item.id,
            label: `${item.buyerNickname} · ${item.reviewText.slice(0, 24)}`,
          }))}
        />
      </Space>
      {!shown ? (
        <Empty description={t('scripts.pickFirst')} />
      ) : (
        <Row gutter={16}>
          <Col xs={24} xl={13}>
            <Card
              title={
                <Space>
                  {t('scripts.editing')}
                  <Tag>{shown.id}</Tag>
                  {viewing !== null && viewing !== latest?.version && (
                    <Tag color="orange">{t('scripts.basedOn', { version: viewing })}</Tag>
                  )}
                </Space>
              }
            >
              <Form form={form} layout="vertical" data-testid="script-form">
                <Form.Item label={t('scripts.templateTitle')}>
                  <Space>
                    <Form.Item name={['title', 'zh-CN']} noStyle>
                      <Input aria-label={`${t('scripts.templateTitle')} 中文`} style={{ width: 280 }} />
                    </Form.Item>
                    <Form.Item name={['title', 'en']} noStyle>
                      <Input aria-label={`${t('scripts.templateTitle')} English`} style={{ width: 280 }} />
                    </Form.Item>
                  </Space>
                </Form.Item>
                <Tabs
                  items={shown.steps.map((step, index) => ({
                    key: step.id,
                    label: step.title[locale],
                    forceRender: true,
                    children: (
                      <Space direction="vertical" style={{ width: '100%' }}>
                        <BilingualListField
                          name={['steps', index, 'lines']}
                          label={t('scripts.lines')}
                          context={step.title[locale]}
                        />
                        <BilingualListField
                          name={['steps', index, 'tips']}
                          label={t('scripts.tips')}
                          context={step.title[locale]}
                        />
                        <BilingualListField
                          name={['steps', index, 'checks']}
                          label={t('scripts.checks')}
                          context={step.title[locale]}
                          withIds={{ prefix: step.id.replace(/[^a-z0-9._-]/g, '') || 'check' }}
                        />
                        {BUYER_REACTIONS.filter((reaction) => step.branches[reaction]).map((reaction) => (
                          <BilingualListField
                            key={reaction}
                            name={['steps', index, 'branches', reaction, 'lines']}
                            label={t('scripts.branchLines', { reaction: t(`reaction.${reaction}`) })}
                            context={step.title[locale]}
                          />
                        ))}
                      </Space>
                    ),
                  }))}
                />
              </Form>
              <Space direction="vertical" style={{ width: '100%' }}>
                {problems.length > 0 && (
                  <ProblemsAlert title={t('scripts.problems')} problems={problems} testId="script-problems" />
                )}
                <SaveWithNote
                  note={note}
                  onNoteChange={setNote}
                  noteLabel={t('scripts.note')}
                  notePlaceholder={t('scripts.notePlaceholder')}
                  saveLabel={t('scripts.save', { version: nextVersion })}
                  onSave={() => save.mutate()}
                  saving={save.isPending}
                  blockedReason={saveBlocked}
                  error={save.error}
                />
              </Space>
            </Card>
          </Col>
          <Col xs={24} xl={11}>
            <Card title={t('scripts.preview')} data-testid="script-preview">
              {candidate && sample.data ? (
                <ScriptSteps
                  steps={candidate.steps ?? []}
                  variables={scriptVariablesFor(sample.data, me.data?.displayName ?? '', locale)}
                />
              ) : (
                <Empty description={t('scripts.noSample')} />
              )}
            </Card>
            <Card title={t('scripts.versions')} style={{ marginTop: 16 }}>
              <Table<ScriptVersion>
                rowKey={(entry) => entry.template.version}
                size="small"
                pagination={false}
                locale={{ emptyText: <EmptyText>{t('scripts.noVersions')}</EmptyText> }}
                dataSource={[...history].reverse()}
                columns={[
                  { title: t('scripts.version'), render: (_, entry) => `v${entry.template.version}` },
                  {
                    title: t('scripts.level'),
                    render: (_, entry) =>
                      entry.shopId ? t('scripts.thisShop') : entry.savedByName ? t('scripts.organisation') : '—',
                  },
                  {
                    title: t('scripts.savedBy'),
                    render: (_, entry) => entry.savedByName ?? t('scripts.shipped'),
                  },
                  {
                    title: t('scripts.savedAt'),
                    dataIndex: 'savedAt',
                    render: (at: string | null) => (at ? new Date(at).toLocaleString(locale) : '—'),
                  },
                  { title: t('scripts.note'), dataIndex: 'note', render: (text: string | null) => text ?? '—' },
                  {
                    title: '',
                    render: (_, entry) => (
                      <Button size="small" onClick={() => setViewing(entry.template.version)}>
                        {t('scripts.open')}
                      </Button>
                    ),
                  },
                ]}
              />
            </Card>
          </Col>
        </Row>
      )}
    </Space>
  );
}
