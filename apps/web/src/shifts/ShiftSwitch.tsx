import { Switch, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

import { useMe } from '../auth/session';
import { useSetShift } from './use-set-shift';

/** The agent's own on/off-shift switch in the header (loaded on demand, so the shell stays small). */
export function ShiftSwitch() {
  const { t } = useTranslation();
  const me = useMe();
  const setShift = useSetShift();
  if (!me.data || me.data.role !== 'agent') return null;
  const { id, onShift } = me.data;
  return (
    <Tooltip title={t('shift.hint')}>
      <Switch
        checked={onShift}
        loading={setShift.isPending}
        checkedChildren={t('shift.on')}
        unCheckedChildren={t('shift.off')}
        aria-label={t('shift.label')}
        onChange={(checked) => setShift.mutate({ userId: id, onShift: checked })}
        data-testid="my-shift"
      />
    </Tooltip>
  );
}
