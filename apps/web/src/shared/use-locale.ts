import { useTranslation } from 'react-i18next';

import type { Locale } from '@chaping/domain';

/** The language the person reads the app in, as the domain's labels and messages expect it. */
export const toLocale = (language: string | undefined): Locale => (language === 'en' ? 'en' : 'zh-CN');

/** The current locale; re-renders the component when the person switches language. */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return toLocale(i18n.language);
}
