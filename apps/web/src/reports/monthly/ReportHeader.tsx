import { Button, DatePicker, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

import { PLATFORMS } from '@chaping/domain';

import type { Shop } from '../../shared/api';
import { EXPORT_FORMATS, type ExportFormat, type ReportFilters } from './use-monthly-report';

interface Props {
  filters: ReportFilters;
  shops: Shop[];
  exportHref: (format: ExportFormat) => string;
}

/** The title, the month / shop / platform filters, and the export downloads of what is shown. */
export function ReportHeader({ filters, shops, exportHref }: Props) {
  const { t } = useTranslation();
  return (
    <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('report.title')}
      </Typography.Title>
      <Space wrap>
        <DatePicker
          picker="month"
          allowClear={false}
          aria-label={t('report.month')}
          value={dayjs(`${filters.month}-01`)}
          onChange={(value) => value && filters.setMonth(value.format('YYYY-MM'))}
        />
        <Select
          mode="multiple"
          allowClear
          style={{ minWidth: 200 }}
          placeholder={t('report.allShops')}
          aria-label={t('queue.columns.shop')}
          value={filters.shopIds}
          onChange={filters.setShopIds}
          options={shops.map((shop) => ({ value: shop.id, label: shop.name }))}
        />
        <Select
          mode="multiple"
          allowClear
          style={{ minWidth: 160 }}
          placeholder={t('report.allPlatforms')}
          aria-label={t('queue.columns.platform')}
          value={filters.platforms}
          onChange={filters.setPlatforms}
          options={PLATFORMS.map((platform) => ({ value: platform, label: t(`platform.${platform}`) }))}
        />
        {EXPORT_FORMATS.map((format) => (
          <Button key={format} href={exportHref(format)} download>
            {t('report.export', { format: format.toUpperCase() })}
          </Button>
        ))}
      </Space>
    </Space>
  );
}
