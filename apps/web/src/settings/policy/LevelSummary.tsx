import { Alert, Button } from 'antd';
import { useContext } from 'react';
import { useTranslation } from 'react-i18next';

import { MarksContext } from './policy-fields';

/** Which level is edited and, on a shop's page, how many values the shop sets itself, with a reset of them all. */
export function LevelSummary({ onResetAll }: { onResetAll: () => void }) {
  const { t } = useTranslation();
  const { shopMode, canEdit, overridden } = useContext(MarksContext);
  return (
    <Alert
      type="info"
      showIcon
      data-testid="policy-level"
      message={shopMode ? t('policy.shopLevel', { count: overridden.size }) : t('policy.organisationLevel')}
      action={
        shopMode && canEdit && overridden.size > 0 ? (
          <Button size="small" onClick={onResetAll}>
            {t('policy.resetAll')}
          </Button>
        ) : undefined
      }
    />
  );
}
