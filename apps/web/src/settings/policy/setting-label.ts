import type { TFunction } from 'i18next';

/** A policy setting's name for people, e.g. 补偿限额 · 现金 · 高 for compensation.limitsFen.cash.high. */
export function settingLabel(path: string, t: TFunction): string {
  const [group, key, ...rest] = path.split('.');
  if (group === 'compensation' && key === 'limitsFen')
    return `${t('policy.compensation')} · ${t(`compensationType.${rest[0]}`)} · ${t(`severity.${rest[1]}`)}`;
  if (group === 'sla') return `${t(`policy.${key}`)} · ${t(`severity.${rest[0]}`)}`;
  if (group === 'platforms') return `${t(`platform.${key}`)} · ${t(`policy.${rest[0]}`)}`;
  if (group === 'assignment') return t('policy.weight', { severity: t(`severity.${rest[0]}`) });
  if (group === 'kpi') return `${t('policy.kpiWeights')} · ${t(`kpi.metrics.${rest[0]}`)}`;
  if (group === 'contact' && (key === 'quietHours' || key === 'lunchRest'))
    return t(`policy.${key === 'quietHours' ? 'quiet' : 'lunch'}${rest[0] === 'start' ? 'From' : 'To'}`);
  return t(`policy.fields.${path}`, { defaultValue: path });
}
