import { useQuery } from '@tanstack/react-query';
import { Switch, Table, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { refusalMessage, shiftChangeRefusal } from '@chaping/domain';

import { useMe } from '../auth/session';
import type { UserSummary } from '../shared/api';
import { api, unwrap } from '../shared/api-client';
import { useLocale } from '../shared/use-locale';
import { useSetShift } from './use-set-shift';

import './i18n';

/**
 * The lead's team on the SLA board: each agent of the lead's shops on or off shift. A switch the
 * lead may not move is disabled with the domain's reason, the check the API makes.
 */
export function ShiftPanel() {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const setShift = useSetShift();
  const users = useQuery({ queryKey: ['users'], queryFn: () => unwrap(api.GET('/api/users')) });
  const agents = (users.data ?? []).filter((user) => user.role === 'agent' && user.disabledAt === null);
  const viewer = me.data;
  return (
    <>
      <Typography.Title level={3}>{t('shift.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('shift.note')}</Typography.Paragraph>
      <Table<UserSummary>
        rowKey="id"
        size="small"
        loading={users.isLoading}
        dataSource={agents}
        pagination={false}
        columns={[
          { title: t('shift.agent'), dataIndex: 'displayName' },
          {
            title: t('shift.label'),
            dataIndex: 'onShift',
            render: (onShift: boolean, agent) => {
              const refused = viewer ? shiftChangeRefusal(viewer, agent) : null;
              return (
                <Tooltip title={refused ? refusalMessage(refused, locale) : undefined}>
                  <Switch
                    checked={onShift}
                    disabled={!viewer || refused !== null}
                    loading={setShift.isPending && setShift.variables?.userId === agent.id}
                    checkedChildren={t('shift.on')}
                    unCheckedChildren={t('shift.off')}
                    aria-label={`${t('shift.label')}：${agent.displayName}`}
                    onChange={(checked) => setShift.mutate({ userId: agent.id, onShift: checked })}
                    data-testid={`shift-${agent.username}`}
                  />
                </Tooltip>
              );
            },
          },
        ]}
      />
    </>
  );
}
