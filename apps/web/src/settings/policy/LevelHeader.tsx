import { Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { Shop } from '../../shared/api';

interface LevelHeaderProps {
  isAdmin: boolean;
  shops: Shop[] | undefined;
  loading: boolean;
  /** null: the organisation's default; undefined: not known yet. */
  shopId: string | null | undefined;
  /** '' chooses the organisation's default. */
  onChoose: (value: string) => void;
}

/** The page's title and which level it edits: the organisation's default (admins) or one shop's. */
export function LevelHeader({ isAdmin, shops, loading, shopId, onChoose }: LevelHeaderProps) {
  const { t } = useTranslation();
  const levels = [
    ...(isAdmin ? [{ value: '', label: t('policy.organisation') }] : []),
    ...(shops ?? []).map((shop) => ({ value: shop.id, label: shop.name })),
  ];
  return (
    <Space wrap align="center">
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('policy.title')}
      </Typography.Title>
      <Select
        style={{ minWidth: 220 }}
        aria-label={t('policy.level')}
        loading={loading}
        value={shopId === undefined ? undefined : (shopId ?? '')}
        options={levels}
        onChange={onChoose}
      />
    </Space>
  );
}
