import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Input, message, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { api, unwrap } from '../shared/api-client';

/** A lead moves the selected cases to one agent (or back to the pool) with one reason. */
export function BulkReassign({ caseIds, onDone }: { caseIds: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [assigneeId, setAssigneeId] = useState<string>('pool');
  const [reason, setReason] = useState('');
  const users = useQuery({
    queryKey: ['users'],
    queryFn: () => unwrap(api.GET('/api/users')),
    enabled: open,
  });
  const submit = async () => {
    try {
      const result = await unwrap(
        api.POST('/api/cases/assignment', {
          body: { caseIds, assigneeId: assigneeId === 'pool' ? null : assigneeId, reason: reason.trim() },
        }),
      );
      void message.info(t('reassign.result', { moved: result.moved.length, refused: result.refused.length }));
      setOpen(false);
      setReason('');
      onDone();
      void client.invalidateQueries({ queryKey: ['cases'] });
      void client.invalidateQueries({ queryKey: ['case-counts'] });
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <>
      <Button disabled={caseIds.length === 0} onClick={() => setOpen(true)}>
        {t('reassign.button', { count: caseIds.length })}
      </Button>
      <Modal
        open={open}
        title={t('reassign.title', { count: caseIds.length })}
        okText={t('reassign.confirm')}
        cancelText={t('actions.cancel')}
        okButtonProps={{ disabled: reason.trim().length === 0 }}
        onCancel={() => setOpen(false)}
        onOk={() => void submit()}
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Select<string>
            value={assigneeId}
            onChange={setAssigneeId}
            style={{ width: '100%' }}
            aria-label={t('reassign.to')}
            options={[
              { value: 'pool', label: t('queue.pool') },
              ...(users.data ?? [])
                .filter((user) => user.role === 'agent')
                .map((user) => ({ value: user.id, label: `${user.displayName} (${user.username})` })),
            ]}
          />
          <Input.TextArea
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            rows={2}
            aria-label={t('reassign.reason')}
            placeholder={t('reassign.reason')}
          />
        </Space>
      </Modal>
    </>
  );
}
