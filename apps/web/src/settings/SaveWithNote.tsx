import { Alert, Button, Input, Space, Typography } from 'antd';
import type { ReactNode } from 'react';

interface SaveWithNoteProps {
  note: string;
  onNoteChange: (note: string) => void;
  noteLabel: string;
  notePlaceholder: string;
  saveLabel: string;
  onSave: () => void;
  saving: boolean;
  /** Why saving is not possible yet, shown beside the disabled button; null when it is. */
  blockedReason: string | null;
  error: Error | null;
  /** More buttons after the save button (undo, …). */
  extra?: ReactNode;
}

/** The foot of an audited settings form: why this change, then save — or why not yet. */
export function SaveWithNote(props: SaveWithNoteProps) {
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Input.TextArea
        value={props.note}
        onChange={(event) => props.onNoteChange(event.target.value)}
        placeholder={props.notePlaceholder}
        aria-label={props.noteLabel}
        maxLength={500}
        autoSize
      />
      {props.error && <Alert type="error" message={props.error.message} />}
      <Space>
        <Button type="primary" disabled={props.blockedReason !== null} loading={props.saving} onClick={props.onSave}>
          {props.saveLabel}
        </Button>
        {props.extra}
        {props.blockedReason && <Typography.Text type="secondary">{props.blockedReason}</Typography.Text>}
      </Space>
    </Space>
  );
}
