import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

import { signedPercent } from '../format';

/** Change against the previous month, red when complaints went up. */
export function ChangeTag({ ratio, delta }: { ratio: number | null; delta: number }) {
  const { t } = useTranslation();
  if (ratio === null) return delta > 0 ? <Tag color="red">{t('report.new')}</Tag> : <span>—</span>;
  return <Tag color={ratio > 0 ? 'red' : ratio < 0 ? 'green' : 'default'}>{signedPercent(ratio)}</Tag>;
}
