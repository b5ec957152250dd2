import { Alert, Button, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import {
  QUIZ_MAX_CHOICES,
  QUIZ_MAX_QUESTIONS,
  QUIZ_MIN_CHOICES,
  QUIZ_PASS_SHARE,
  quizPublishRefusal,
  quizRefusal,
  refusalMessage,
} from '@chaping/domain';

import { useLocale } from '../shared/use-locale';
import { underReview, type Promotion } from './promotion';
import { draftFrom, emptyQuestion, toQuestions, type QuizView } from './quiz';
import { QuizQuestionFields } from './QuizQuestionFields';
import type { useQuiz } from './use-quiz';

import './i18n';

interface Props {
  quiz: QuizView | null;
  promotions: readonly Promotion[];
  actions: Pick<ReturnType<typeof useQuiz>, 'save' | 'publish'>;
}

/**
 * The lead writes the quiz: save a draft any time it is complete, publish once every promotion is
 * signed off. Both buttons are disabled by the domain rules the API enforces, with their reason.
 */
export function QuizEditor({ quiz, promotions, actions }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [draft, setDraft] = useState(() => draftFrom(quiz));
  const { save, publish } = actions;
  const questions = toQuestions(draft);
  const invalid = quizRefusal(questions);
  const unpublishable = quizPublishRefusal({ questions, promotions: promotions.map(underReview) });
  const saved = quiz !== null && JSON.stringify(toQuestions(draftFrom(quiz))) === JSON.stringify(questions);
  const body = { questions, ...(quiz ? { version: quiz.version } : {}) };
  const busy = save.isPending || publish.isPending;
  // Publishing goes out with what is on screen: an unsaved change is saved first.
  const publishNow = async () => {
    if (!saved) await save.mutateAsync(body);
    await publish.mutateAsync();
  };
  const error = save.error?.message ?? publish.error?.message;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        {t('campaigns.quiz.editorHint', { min: QUIZ_MIN_CHOICES, max: QUIZ_MAX_CHOICES, share: QUIZ_PASS_SHARE * 100 })}
      </Typography.Text>
      {draft.map((question, index) => (
        <QuizQuestionFields
          key={index}
          index={index}
          question={question}
          removable={draft.length > 1}
          onChange={(changed) => setDraft(draft.map((each, at) => (at === index ? changed : each)))}
          onRemove={() => setDraft(draft.filter((_, at) => at !== index))}
        />
      ))}
      <Space wrap>
        <Button disabled={draft.length >= QUIZ_MAX_QUESTIONS} onClick={() => setDraft([...draft, emptyQuestion()])}>
          {t('campaigns.quiz.addQuestion')}
        </Button>
        <Tooltip title={invalid ? refusalMessage(invalid, locale) : undefined}>
          <Button
            disabled={invalid !== null || saved || busy}
            loading={save.isPending}
            onClick={() => save.mutate(body)}
          >
            {t('campaigns.quiz.saveDraft')}
          </Button>
        </Tooltip>
        <Button
          type="primary"
          disabled={unpublishable !== null || busy}
          loading={publish.isPending}
          onClick={() => void publishNow().catch(() => undefined)}
        >
          {t('campaigns.quiz.publish')}
        </Button>
        {saved && !busy && <Typography.Text type="success">{t('campaigns.quiz.saved')}</Typography.Text>}
      </Space>
      {unpublishable && (
        <Typography.Text type="secondary" data-testid="quiz-publish-refusal">
          {refusalMessage(unpublishable, locale)}
        </Typography.Text>
      )}
      {error && <Alert type="error" showIcon message={error} />}
    </Space>
  );
}
