import diff from 'microdiff';
import { useTranslation } from 'react-i18next';

import { yuan } from '../../shared/money';
import { settingLabel } from './setting-label';

/** The settings that differ between two policies, as "setting: old → new" lines. */
export function ChangeList({ before, after, testId }: { before: object; after: object | undefined; testId?: string }) {
  const { t } = useTranslation();
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid={testId}>
      {(after ? diff(before, after) : []).map((change) => {
        const path = change.path.join('.');
        const shown = (value: unknown) =>
          path.startsWith('compensation.limitsFen.') ? yuan(Number(value)) : String(value);
        return (
          <li key={path}>
            {settingLabel(path, t)}: {'oldValue' in change ? shown(change.oldValue) : '—'} →{' '}
            {'value' in change ? shown(change.value) : '—'}
          </li>
        );
      })}
    </ul>
  );
}
