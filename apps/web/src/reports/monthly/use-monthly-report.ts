import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { message } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { ActionItemStatus, Platform } from '@chaping/domain';

import type { ActionEffect } from '../../shared/api';
import { api, unwrap } from '../../shared/api-client';
import { useLocale } from '../../shared/use-locale';
import type { ActionItemDraft } from '../ActionItemForm';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const lastMonth = () => dayjs().subtract(1, 'month').format('YYYY-MM');

/** What the lead narrows the report to: one month, and optionally some shops and platforms. */
export interface ReportFilters {
  month: string;
  setMonth: (month: string) => void;
  shopIds: string[];
  setShopIds: (shopIds: string[]) => void;
  platforms: Platform[];
  setPlatforms: (platforms: Platform[]) => void;
}

/**
 * The monthly report page's data: the filters, the report and the shops, the export links, the
 * action item being drafted, and the status change of an existing one.
 */
export function useMonthlyReport() {
  const { i18n } = useTranslation();
  const locale = useLocale();
  const [month, setMonth] = useState(lastMonth);
  const [shopIds, setShopIds] = useState<string[]>([]);
  const [platforms, setPlatforms] = useState<Platform[]>([]);
  const [draft, setDraft] = useState<ActionItemDraft | null>(null);
  // The same filters as a query string: the cache key, and the export links (downloads, not fetches).
  const params = new URLSearchParams({ month });
  shopIds.forEach((id) => params.append('shopId', id));
  platforms.forEach((platform) => params.append('platform', platform));
  const query = params.toString();
  const shops = useQuery({ queryKey: ['shops'], queryFn: () => unwrap(api.GET('/api/shops')) });
  const report = useQuery({
    queryKey: ['report', query, locale],
    queryFn: () =>
      unwrap(api.GET('/api/reports/monthly', { params: { query: { month, shopId: shopIds, platform: platforms } } })),
  });
  const client = useQueryClient();
  const setStatus = useMutation({
    mutationFn: ({ item, status }: { item: ActionEffect; status: ActionItemStatus }) =>
      unwrap(
        api.PATCH('/api/action-items/{id}', {
          params: { path: { id: item.id } },
          body: { expectedVersion: item.version, status },
        }),
      ),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['report'] }),
    onError: (error) => void message.error(error.message),
  });
  const exportHref = (format: ExportFormat) =>
    `/api/reports/monthly/export?${query}&format=${format}&lang=${i18n.language}`;
  const filters: ReportFilters = { month, setMonth, shopIds, setShopIds, platforms, setPlatforms };
  return { filters, shops: shops.data ?? [], report, exportHref, draft, setDraft, setStatus };
}
