import { Button, Card } from 'antd';
import { useTranslation } from 'react-i18next';

import type { Policy } from '@chaping/domain';

import { SaveWithNote } from '../SaveWithNote';
import { ChangeList } from './ChangeList';

interface SaveChangesCardProps {
  inForce: Policy;
  edited: Policy | undefined;
  changeCount: number;
  note: string;
  onNoteChange: (note: string) => void;
  onSave: () => void;
  saving: boolean;
  blockedReason: string | null;
  error: Error | null;
  onUndo: () => void;
}

/** What the edits change against the values in force, and saving them with why — or undoing them. */
export function SaveChangesCard(props: SaveChangesCardProps) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('policy.changes', { count: props.changeCount })}>
      <ChangeList before={props.inForce} after={props.edited} testId="policy-changes" />
      <div style={{ marginTop: 12 }}>
        <SaveWithNote
          note={props.note}
          onNoteChange={props.onNoteChange}
          noteLabel={t('policy.note')}
          notePlaceholder={t('policy.notePlaceholder')}
          saveLabel={t('policy.save')}
          onSave={props.onSave}
          saving={props.saving}
          blockedReason={props.blockedReason}
          error={props.error}
          extra={<Button onClick={props.onUndo}>{t('policy.undo')}</Button>}
        />
      </div>
    </Card>
  );
}
