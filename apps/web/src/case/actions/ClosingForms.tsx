import { Alert, Form, Input, Popconfirm, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import {
  checkReplyText,
  draftReply,
  fieldLabel,
  fileAppeal,
  findPersonalData,
  openReplyTarget,
  publishReply,
  recordAndClose,
  refusalMessage,
  REVIEW_OUTCOMES,
  type ReviewOutcome,
} from '@chaping/domain';

import { GuardedButton, useOutcome, type ActionProps } from './shared';

/** The one public reply: personal data and abuse checked as the agent types, published once, on purpose. */
export function ReplyComposer({ state, ctx, why, locale, run, busy }: ActionProps) {
  const { t } = useTranslation();
  const show = useOutcome();
  const target = openReplyTarget(state);
  const draft = state.replies.find((reply) => reply.target === target && reply.status === 'draft');
  const [text, setText] = useState(draft?.text ?? '');
  const problem = text.trim() ? checkReplyText(state, text, ctx) : null;
  const personal = findPersonalData(text);
  const draftRefusal = why(draftReply(state, { target, text }, ctx));
  const publishRefusal = draft ? why(publishReply(state, { replyId: draft.id }, ctx)) : t('reply.draftFirst');
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Input.TextArea
        value={text}
        onChange={(event) => setText(event.target.value)}
        rows={4}
        maxLength={ctx.policy.reply.maxLength}
        showCount
        aria-label={t('reply.text')}
        placeholder={t('reply.placeholder')}
      />
      {problem && (
        <Alert type="warning" showIcon message={refusalMessage(problem, locale)} data-testid="reply-problem" />
      )}
      {!problem && personal.length > 0 && (
        <Alert
          type="warning"
          showIcon
          message={t('reply.personal', { kinds: personal.map((kind) => fieldLabel(kind, locale)).join('、') })}
        />
      )}
      <Space align="start" wrap>
        <GuardedButton
          refusal={draftRefusal}
          busy={busy}
          onClick={() => void run('replies', { target, text }).then(show)}
          testId="draft-reply"
        >
          {t('reply.saveDraft')}
        </GuardedButton>
        <Popconfirm
          title={t('reply.confirmTitle')}
          description={t('reply.confirmText')}
          okText={t('reply.publish')}
          cancelText={t('actions.cancel')}
          disabled={publishRefusal !== null || busy}
          onConfirm={() => (draft ? void run(`replies/${draft.id}/publish`).then(show) : undefined)}
        >
          <span>
            <GuardedButton
              refusal={publishRefusal}
              busy={busy}
              primary
              onClick={() => undefined}
              testId="publish-reply"
            >
              {t('reply.publish')}
            </GuardedButton>
          </span>
        </Popconfirm>
      </Space>
    </Space>
  );
}

export function AppealForm({ state, ctx, why, run, busy }: ActionProps) {
  const { t } = useTranslation();
  const show = useOutcome();
  const [evidenceRefs, setEvidenceRefs] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const refusal = why(fileAppeal(state, { evidenceRefs, note }, ctx));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Select<string[]>
        mode="tags"
        value={evidenceRefs}
        onChange={setEvidenceRefs}
        placeholder={t('appeal.evidence')}
        style={{ width: '100%' }}
        aria-label={t('appeal.evidence')}
        open={false}
      />
      <Input.TextArea
        value={note}
        onChange={(event) => setNote(event.target.value)}
        rows={2}
        placeholder={t('appeal.note')}
        aria-label={t('appeal.note')}
      />
      <GuardedButton
        refusal={refusal}
        busy={busy}
        primary
        onClick={() => void run('appeal', { evidenceRefs, note: note || undefined }).then(show)}
        testId="file-appeal"
      >
        {t('appeal.file')}
      </GuardedButton>
    </Space>
  );
}

/** The record a lead reviews later: every required field named, the close refused until it is complete. */
export function RecordForm({ state, ctx, why, run, busy }: ActionProps) {
  const { t } = useTranslation();
  const show = useOutcome();
  const [actionsTaken, setActionsTaken] = useState('');
  const [outcome, setOutcome] = useState<ReviewOutcome | undefined>(state.reviewOutcome ?? undefined);
  const [specialNotes, setSpecialNotes] = useState('');
  const input = { actionsTaken, outcome, specialNotes };
  const refusal = why(recordAndClose(state, input, ctx));
  return (
    <Form layout="vertical">
      <Form.Item label={t('record.actionsTaken')} required>
        <Input.TextArea
          value={actionsTaken}
          onChange={(event) => setActionsTaken(event.target.value)}
          rows={3}
          aria-label={t('record.actionsTaken')}
        />
      </Form.Item>
      <Form.Item label={t('record.outcome')} required>
        <Select<ReviewOutcome>
          value={outcome}
          onChange={setOutcome}
          style={{ width: 220 }}
          options={REVIEW_OUTCOMES.map((value) => ({ value, label: t(`reviewOutcome.${value}`) }))}
          aria-label={t('record.outcome')}
        />
      </Form.Item>
      <Form.Item label={t('record.specialNotes')} required>
        <Input.TextArea
          value={specialNotes}
          onChange={(event) => setSpecialNotes(event.target.value)}
          rows={2}
          aria-label={t('record.specialNotes')}
        />
      </Form.Item>
      <Typography.Paragraph type="secondary">
        {t('record.productModel', { model: state.productModel ?? '—' })}
      </Typography.Paragraph>
      <GuardedButton
        refusal={refusal}
        busy={busy}
        primary
        onClick={() => void run('record', input).then(show)}
        testId="record-close"
      >
        {t('record.close')}
      </GuardedButton>
    </Form>
  );
}
