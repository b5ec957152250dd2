import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { replyFailureMessage, type Locale, type PublicReply } from '@chaping/domain';

import { addTranslations } from '../../app/i18n';

addTranslations({
  'zh-CN': {
    replyDelivery: {
      sending: '正在通过平台发送，平台确认后即为已发布',
      viaPlatform: '已通过平台发布',
      byHand: '请手动发布：此店铺未连接平台接口，或平台不支持接口回复。复制回复，到平台后台发布。',
      copy: '复制回复',
      copied: '已复制',
      refused: '平台未接受这条回复，未发布',
    },
    event: { reply_sending: '回复发送中', reply_refused: '平台拒绝回复' },
  },
  en: {
    replyDelivery: {
      sending: 'Sending through the platform; it is published once the platform confirms',
      viaPlatform: 'Published through the platform',
      byHand:
        "Post by hand: this shop is not connected to the platform's API, or the platform takes no replies by API. Copy the reply and post it in the seller back-office.",
      copy: 'Copy reply',
      copied: 'Copied',
      refused: 'The platform did not take this reply; nothing was published',
    },
    event: { reply_sending: 'reply sending', reply_refused: 'reply refused by the platform' },
  },
});

/** A published reply and how it reached the platform: by API, or still to be pasted by hand (with a copy button). */
export function PublishedReply({ reply, locale }: { reply: PublicReply; locale: Locale }) {
  const { t } = useTranslation();
  const byHand = reply.delivery === 'by_hand';
  return (
    <Alert
      type={byHand ? 'warning' : 'success'}
      showIcon
      data-testid="published-reply"
      message={t('caseView.reply.published', {
        date: reply.publishedAt ? reply.publishedAt.toLocaleString(locale) : '',
      })}
      description={
        <>
          <Typography.Paragraph
            style={{ marginBottom: 4 }}
            copyable={
              byHand ? { text: reply.text, tooltips: [t('replyDelivery.copy'), t('replyDelivery.copied')] } : false
            }
          >
            {reply.text}
          </Typography.Paragraph>
          <Typography.Text type="secondary" data-testid="reply-delivery">
            {byHand ? t('replyDelivery.byHand') : t('replyDelivery.viaPlatform')}
          </Typography.Text>
        </>
      }
    />
  );
}

/** A reply on its way to the platform, or refused by it (with the platform's reason in words). */
export function ReplyInFlight({ reply, locale }: { reply: PublicReply; locale: Locale }) {
  const { t } = useTranslation();
  if (reply.status === 'sending') {
    return (
      <Alert
        type="info"
        showIcon
        data-testid="reply-sending"
        message={t('replyDelivery.sending')}
        description={reply.text}
      />
    );
  }
  if (reply.status === 'refused' && reply.failure) {
    return (
      <Alert
        type="error"
        showIcon
        data-testid="reply-refused"
        message={t('replyDelivery.refused')}
        description={replyFailureMessage(reply.failure, locale)}
      />
    );
  }
  return null;
}
