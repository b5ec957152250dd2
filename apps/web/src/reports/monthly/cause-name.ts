import { useTranslation } from 'react-i18next';

import { rootCauseLabel, type RootCause } from '@chaping/domain';

import { useLocale } from '../../shared/use-locale';

/** A root cause as people read it; cases nobody classified yet count under their own name. */
export function useCauseName() {
  const { t } = useTranslation();
  const locale = useLocale();
  return (cause: string | null) => (cause ? rootCauseLabel(cause as RootCause, locale) : t('report.unclassified'));
}
