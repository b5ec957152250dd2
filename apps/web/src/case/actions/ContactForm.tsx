import { Form, Input, message, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import {
  buyerLocalTimeOf,
  CASE_TEXT_LIMITS,
  CONTACT_CHANNELS,
  CONTACT_OUTCOMES,
  logContactAttempt,
  phoneCallCount,
  type ContactChannel,
  type ContactOutcome,
} from '@chaping/domain';

import { Choices, GuardedButton, type ActionProps } from './shared';

/**
 * Logs a contact attempt; "no answer" on the phone is one keystroke (Alt+N) or one click. IM comes
 * first (the buyer answers when they choose), and the calls used, the buyer's local time and the
 * suggested time to call are in view before anyone dials.
 */
export function ContactForm({ state, ctx, why, run, busy }: ActionProps) {
  const { t } = useTranslation();
  const [channel, setChannel] = useState<ContactChannel>('im');
  const [outcome, setOutcome] = useState<ContactOutcome>('reached');
  const [note, setNote] = useState('');
  const refusal = why(logContactAttempt(state, { channel, outcome, note }, ctx));
  const noAnswerRefusal = why(logContactAttempt(state, { channel: 'phone', outcome: 'no_answer' }, ctx));

  const log = async (body: { channel: ContactChannel; outcome: ContactOutcome; note?: string }) => {
    const result = await run('contact-attempts', body);
    if (result.ok) {
      setNote('');
      void message.success(t('actions.saved'));
    } else if (!result.stale) void message.error(result.message);
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey && event.key.toLowerCase() === 'n' && noAnswerRefusal === null && !busy) {
        event.preventDefault();
        void log({ channel: 'phone', outcome: 'no_answer' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const guidance = t('contact.guidance', {
    used: phoneCallCount(state),
    max: ctx.policy.contact.maxPhoneCallsPerCase,
    local: buyerLocalTimeOf(state, ctx.now, ctx.policy.contact).label,
    suggested: ctx.policy.contact.suggestedCallTime,
  });

  return (
    <Form layout="vertical" onFinish={() => void log({ channel, outcome, note: note || undefined })}>
      <Typography.Paragraph type="secondary" data-testid="contact-guidance">
        {guidance}
      </Typography.Paragraph>
      <Space wrap>
        <Form.Item label={t('contact.channel')}>
          <Select<ContactChannel>
            value={channel}
            onChange={setChannel}
            style={{ width: 160 }}
            options={CONTACT_CHANNELS.map((value) => ({ value, label: t(`channel.${value}`) }))}
            aria-label={t('contact.channel')}
          />
        </Form.Item>
      </Space>
      <Form.Item label={t('contact.outcome')}>
        <Choices<ContactOutcome>
          label={t('contact.outcome')}
          value={outcome}
          onChange={setOutcome}
          options={CONTACT_OUTCOMES.map((value) => ({ value, label: t(`outcome.${value}`) }))}
        />
      </Form.Item>
      <Form.Item label={t('contact.note')}>
        <Input.TextArea
          value={note}
          onChange={(event) => setNote(event.target.value)}
          rows={2}
          maxLength={CASE_TEXT_LIMITS.contactNote}
          aria-label={t('contact.note')}
        />
      </Form.Item>
      <Space align="start" wrap>
        <GuardedButton
          refusal={refusal}
          busy={busy}
          primary
          onClick={() => void log({ channel, outcome, note: note || undefined })}
          testId="log-contact"
        >
          {t('contact.log')}
        </GuardedButton>
        <GuardedButton
          refusal={noAnswerRefusal}
          busy={busy}
          onClick={() => void log({ channel: 'phone', outcome: 'no_answer' })}
          testId="log-no-answer"
        >
          {t('contact.noAnswer')}
        </GuardedButton>
      </Space>
    </Form>
  );
}
