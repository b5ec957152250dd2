import { Alert, Card, Form, Input, Popconfirm, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import {
  APPEAL_RESULTS,
  CASE_TEXT_LIMITS,
  checkReplyText,
  draftReply,
  fieldLabel,
  fileAppeal,
  findPersonalData,
  openReplyTarget,
  publishReply,
  recordAndClose,
  recordAppealResult,
  refusalMessage,
  reopen,
  replyMaxLength,
  REVIEW_OUTCOMES,
  type AppealResult,
  type ReviewOutcome,
} from '@chaping/domain';

import { useChord } from '../use-chord';
import { useOpenNextCase } from '../use-next-case';
import { PublishedReply, ReplyInFlight } from './ReplyDeliveryStatus';
import { Choices, GuardedButton, useOutcome, type ActionProps } from './shared';

/** The one public reply: personal data and abuse checked as the agent types, published once, on purpose. */
export function ReplyComposer(props: ActionProps) {
  const published = props.state.replies.filter((reply) => reply.status === 'published');
  const target = openReplyTarget(props.state);
  const inFlight = props.state.replies.find(
    (reply) => reply.target === target && (reply.status === 'sending' || reply.status === 'refused'),
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {published.map((reply) => (
        <PublishedReply key={reply.id} reply={reply} locale={props.locale} />
      ))}
      {inFlight && <ReplyInFlight reply={inFlight} locale={props.locale} />}
      {/* A target gets one reply: once it is published or on its way there is nothing left to draft for it. */}
      {!published.some((reply) => reply.target === target) && inFlight?.status !== 'sending' && (
        <ReplyDraft key={inFlight?.id ?? 'draft'} {...props} />
      )}
    </Space>
  );
}

function ReplyDraft({ state, ctx, why, locale, run, busy }: ActionProps) {
  const { t } = useTranslation();
  const show = useOutcome();
  const target = openReplyTarget(state);
  // A reply the platform refused is the draft again.
  const draft = state.replies.find(
    (reply) => reply.target === target && (reply.status === 'draft' || reply.status === 'refused'),
  );
  const [text, setText] = useState(draft?.text ?? '');
  const problem = text.trim() ? checkReplyText(state, text, ctx) : null;
  const personal = findPersonalData(text);
  const draftRefusal = why(draftReply(state, { target, text }, ctx));
  const publishRefusal = draft
    ? why(publishReply(state, { replyId: draft.id, delivery: 'by_hand' }, ctx))
    : t('reply.draftFirst');
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Input.TextArea
        value={text}
        onChange={(event) => setText(event.target.value)}
        rows={4}
        // Counted against the platform's limit but not cut: a longer text shows the domain's refusal below.
        count={{ show: true, max: replyMaxLength(state.platform, ctx.policy) }}
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
          onConfirm={() =>
            draft ? void run('replies/{replyId}/publish', {}, { replyId: draft.id }).then(show) : undefined
          }
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

/**
 * A malicious review's appeal: filed with its evidence, then — when the platform has decided — its
 * result, which the record needs before the case can close.
 */
export function AppealForm(props: ActionProps) {
  const { t } = useTranslation();
  const appeal = props.state.appeal;
  if (!appeal) return <FileAppealForm {...props} />;
  if (!appeal.result) return <AppealResultForm {...props} />;
  return (
    <Typography.Paragraph>
      {t('appeal.decided', { result: t(`appeal.results.${appeal.result}`) })}
      {appeal.resultNote && ` · ${appeal.resultNote}`}
    </Typography.Paragraph>
  );
}

function FileAppealForm({ state, ctx, why, run, busy }: ActionProps) {
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
        maxLength={CASE_TEXT_LIMITS.appealNote}
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

function AppealResultForm({ state, ctx, why, run, busy }: ActionProps) {
  const { t } = useTranslation();
  const show = useOutcome();
  const [result, setResult] = useState<AppealResult | undefined>();
  const [note, setNote] = useState('');
  const refusal = result ? why(recordAppealResult(state, { result, note }, ctx)) : t('appeal.chooseResult');
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text>{t('appeal.filed', { count: state.appeal?.evidenceRefs.length ?? 0 })}</Typography.Text>
      <Radio.Group
        value={result}
        onChange={(event) => setResult(event.target.value as AppealResult)}
        options={APPEAL_RESULTS.map((value) => ({ value, label: t(`appeal.results.${value}`) }))}
        aria-label={t('appeal.result')}
      />
      <Input.TextArea
        value={note}
        onChange={(event) => setNote(event.target.value)}
        rows={2}
        maxLength={CASE_TEXT_LIMITS.appealResultNote}
        placeholder={t('appeal.resultNote')}
        aria-label={t('appeal.resultNote')}
      />
      <GuardedButton
        refusal={refusal}
        busy={busy}
        primary
        onClick={() => result && void run('appeal/result', { result, note: note || undefined }).then(show)}
        testId="appeal-result"
      >
        {t('appeal.recordResult')}
      </GuardedButton>
    </Space>
  );
}

/** A team lead sends a closed case back to work, with the reason kept in its history. */
export function ReopenCard({ state, ctx, why, run, busy }: ActionProps) {
  const { t } = useTranslation();
  const show = useOutcome();
  const [reason, setReason] = useState('');
  const refusal = why(reopen(state, { reason }, ctx));
  return (
    <Card title={t('reopen.title')} size="small">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Input.TextArea
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          rows={2}
          maxLength={CASE_TEXT_LIMITS.reopenReason}
          placeholder={t('reopen.reason')}
          aria-label={t('reopen.reason')}
        />
        <GuardedButton
          refusal={refusal}
          busy={busy}
          onClick={() => void run('reopen', { reason: reason.trim() }).then(show)}
          testId="reopen"
        >
          {t('reopen.submit')}
        </GuardedButton>
      </Space>
    </Card>
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
  const openNext = useOpenNextCase(state.id);
  const record = async (thenNext: boolean) => {
    const outcome = await run('record', input);
    show(outcome);
    if (outcome.ok && thenNext) await openNext();
  };
  useChord({ key: 'Enter', shift: true }, () => {
    if (refusal === null && !busy) void record(true);
  });
  return (
    <Form layout="vertical">
      <Form.Item label={t('record.actionsTaken')} required>
        <Input.TextArea
          value={actionsTaken}
          onChange={(event) => setActionsTaken(event.target.value)}
          rows={3}
          maxLength={CASE_TEXT_LIMITS.actionsTaken}
          aria-label={t('record.actionsTaken')}
        />
      </Form.Item>
      <Form.Item label={t('record.outcome')} required>
        <Choices<ReviewOutcome>
          label={t('record.outcome')}
          value={outcome}
          onChange={setOutcome}
          options={REVIEW_OUTCOMES.map((value) => ({ value, label: t(`reviewOutcome.${value}`) }))}
        />
      </Form.Item>
      <Form.Item label={t('record.specialNotes')} required>
        <Input.TextArea
          value={specialNotes}
          onChange={(event) => setSpecialNotes(event.target.value)}
          rows={2}
          maxLength={CASE_TEXT_LIMITS.specialNotes}
          aria-label={t('record.specialNotes')}
        />
      </Form.Item>
      <Typography.Paragraph type="secondary">
        {t('record.productModel', { model: state.productModel ?? '—' })}
      </Typography.Paragraph>
      <Space align="start" wrap>
        <GuardedButton refusal={refusal} busy={busy} primary onClick={() => void record(false)} testId="record-close">
          {t('record.close')}
        </GuardedButton>
        <GuardedButton refusal={refusal} busy={busy} onClick={() => void record(true)} testId="record-next">
          {t('caseView.keys.recordNext')}
        </GuardedButton>
      </Space>
    </Form>
  );
}
