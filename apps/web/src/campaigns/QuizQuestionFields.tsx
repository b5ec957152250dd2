import { Button, Card, Input, Radio, Space } from 'antd';
import { useTranslation } from 'react-i18next';

import { QUIZ_CHOICE_MAX_LENGTH, QUIZ_MAX_CHOICES, QUIZ_MIN_CHOICES, QUIZ_PROMPT_MAX_LENGTH } from '@chaping/domain';

import { letter, withChoiceAdded, withChoiceRemoved, type DraftQuestion } from './quiz';

import './i18n';

interface Props {
  index: number;
  question: DraftQuestion;
  removable: boolean;
  onChange: (question: DraftQuestion) => void;
  onRemove: () => void;
}

/**
 * One question being written: its prompt, 2–6 choices and the right one marked. Every field has its
 * own label and the right answer is a native radio group (arrow keys move the mark).
 */
export function QuizQuestionFields({ index, question, removable, onChange, onRemove }: Props) {
  const { t } = useTranslation();
  const number = index + 1;
  const setChoice = (at: number, text: string) =>
    onChange({ ...question, choices: question.choices.map((choice, each) => (each === at ? text : choice)) });
  return (
    <Card
      size="small"
      title={t('campaigns.quiz.question', { number })}
      data-testid="quiz-question"
      extra={
        removable && (
          <Button size="small" onClick={onRemove}>
            {t('campaigns.quiz.removeQuestion', { number })}
          </Button>
        )
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Input.TextArea
          aria-label={t('campaigns.quiz.prompt', { number })}
          autoSize={{ minRows: 1, maxRows: 4 }}
          maxLength={QUIZ_PROMPT_MAX_LENGTH}
          value={question.prompt}
          onChange={(event) => onChange({ ...question, prompt: event.target.value })}
        />
        <div role="radiogroup" aria-label={t('campaigns.quiz.right', { number })}>
          <Radio.Group
            name={`quiz-${index}-answer`}
            value={question.answer}
            onChange={(event) => onChange({ ...question, answer: event.target.value as number })}
            style={{ width: '100%' }}
          >
            <Space direction="vertical" style={{ width: '100%' }}>
              {question.choices.map((choice, at) => (
                // The choice's field takes the rest of the row: a choice may run to 100 characters.
                <div key={at} style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
                  <Radio value={at} aria-label={`${t('campaigns.quiz.rightShort')} ${letter(at)}`}>
                    {letter(at)}
                  </Radio>
                  <Input
                    aria-label={t('campaigns.quiz.choice', { number, letter: letter(at) })}
                    maxLength={QUIZ_CHOICE_MAX_LENGTH}
                    style={{ flex: 1, minWidth: 0 }}
                    value={choice}
                    onChange={(event) => setChoice(at, event.target.value)}
                  />
                  {question.choices.length > QUIZ_MIN_CHOICES && (
                    <Button size="small" onClick={() => onChange(withChoiceRemoved(question, at))}>
                      {t('campaigns.quiz.removeChoice', { letter: letter(at) })}
                    </Button>
                  )}
                </div>
              ))}
            </Space>
          </Radio.Group>
        </div>
        {question.choices.length < QUIZ_MAX_CHOICES && (
          <Button size="small" onClick={() => onChange(withChoiceAdded(question))}>
            {t('campaigns.quiz.addChoice')}
          </Button>
        )}
      </Space>
    </Card>
  );
}
