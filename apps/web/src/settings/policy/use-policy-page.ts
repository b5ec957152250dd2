import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Form, message } from 'antd';
import diff from 'microdiff';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import {
  checkPolicy,
  checkPolicyOverride,
  overriddenFields,
  shopOverrideFrom,
  type Locale,
  type Policy,
  type PolicyProblem,
} from '@chaping/domain';

import { useMe } from '../../auth/session';
import { type PolicyChange, type PolicyLevel } from '../../shared/api';
import { api, unwrap } from '../../shared/api-client';
import type { LevelMarks } from './policy-fields';
import { settingLabel } from './setting-label';

const levelKey = (shopId: string | null) => ['policy', 'level', shopId] as const;
const historyKey = (shopId: string | null) => ['policy', 'history', shopId] as const;
/** The level's query: the organisation's default has no shop. */
const atLevel = (shopId: string | null) => ({ params: { query: { shopId: shopId ?? undefined } } });

// The OpenAPI document leaves a policy a free-form object; the API builds it with the domain's
// Policy, so the level and its history are read here as the shapes of ../../shared/api.
const fetchLevel = async (shopId: string | null): Promise<PolicyLevel> => {
  const level: unknown = await unwrap(api.GET('/api/policy/level', atLevel(shopId)));
  return level as PolicyLevel;
};
const fetchHistory = async (shopId: string | null): Promise<PolicyChange[]> => {
  const history: unknown = await unwrap(api.GET('/api/policy/history', atLevel(shopId)));
  return history as PolicyChange[];
};

/** The level on screen — the organisation's default or one shop's — with its values and its history. */
export function usePolicyLevel() {
  const me = useMe();
  const isAdmin = me.data?.role === 'admin';
  const shops = useQuery({ queryKey: ['shops'], queryFn: () => unwrap(api.GET('/api/shops')) });
  const [chosen, setChosen] = useState<string | null | undefined>(undefined);
  // Admins start on the organisation's default, leads on their first shop.
  const shopId = chosen !== undefined ? chosen : isAdmin ? null : (shops.data?.[0]?.id ?? undefined);
  const level = useQuery({
    queryKey: levelKey(shopId ?? null),
    queryFn: () => fetchLevel(shopId ?? null),
    enabled: shopId !== undefined,
  });
  const history = useQuery({
    queryKey: historyKey(shopId ?? null),
    queryFn: () => fetchHistory(shopId ?? null),
    enabled: shopId !== undefined,
  });
  const shopMode = shopId !== null && shopId !== undefined;
  const canEdit = me.data?.role === 'lead' || isAdmin;
  return { isAdmin, canEdit, shops, shopId, shopMode, setChosen, level, history };
}

/**
 * The form over one level's values: what was edited, what a shop keeps setting itself, and what
 * the domain's checks (the same the API applies) find wrong with it.
 */
export function usePolicyForm(level: PolicyLevel | undefined, shopMode: boolean) {
  const [form] = Form.useForm<Policy>();
  // The shop's values it keeps setting itself (those saved, less the ones reset to inherited).
  const [kept, setKept] = useState<string[]>([]);
  useEffect(() => {
    if (!level) return;
    form.setFieldsValue(structuredClone(level.policy));
    setKept(overriddenFields(level.own));
  }, [level, form]);

  const watched = Form.useWatch([], { form, preserve: true }) as Partial<Policy> | undefined;
  // Until the loaded policy reaches the form, the watched values are empty.
  const edited = watched?.platforms ? (watched as Policy) : undefined;
  const inherited = level?.inherited;
  const override = edited && inherited && shopMode ? shopOverrideFrom(edited, inherited, kept) : null;
  const problems = !edited
    ? []
    : override && inherited
      ? checkPolicyOverride(override, inherited)
      : checkPolicy(edited);
  const changes = edited && level ? diff(level.policy, edited) : [];
  // A reset can change nothing in force (the shop's value equalled the organisation's) yet must be saved.
  const changed = changes.length > 0 || (override !== null && level ? diff(level.own, override).length > 0 : false);
  const overridden: ReadonlySet<string> = new Set(override ? overriddenFields(override) : []);
  const reset = (field: string) => {
    setKept((fields) => fields.filter((kept) => kept !== field));
    const path = field.split('.');
    const value = path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], inherited);
    form.setFieldValue(path as never, value);
  };
  const resetAll = () => {
    setKept([]);
    if (inherited) form.setFieldsValue(structuredClone(inherited));
  };
  const undo = () => {
    if (!level) return;
    form.setFieldsValue(structuredClone(level.policy));
    setKept(overriddenFields(level.own));
  };
  return { form, edited, inherited, override, problems, changes, changed, overridden, reset, resetAll, undo };
}

/** Everything the policy page shows and does: the level, its form, and saving it with a note. */
export function usePolicyPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const client = useQueryClient();
  const scope = usePolicyLevel();
  const { shopId, shopMode, canEdit } = scope;
  const editing = usePolicyForm(scope.level.data, shopMode);
  const [note, setNote] = useState('');

  const save = useMutation({
    mutationFn: (): Promise<unknown> => {
      const { override, edited } = editing;
      // Saving is offered only once the form holds the level's values (saveBlocked).
      if (shopMode && shopId && override)
        return unwrap(
          api.PUT('/api/policy/shops/{shopId}', { params: { path: { shopId } }, body: { policy: override, note } }),
        );
      if (!shopMode && edited) return unwrap(api.PUT('/api/policy', { body: { policy: { ...edited }, note } }));
      return Promise.reject(new Error(t('policy.noChanges')));
    },
    onSuccess: () => {
      void message.success(t('policy.saved'));
      setNote('');
      // Every level beneath may have changed (the organisation's reaches every shop).
      void client.invalidateQueries({ queryKey: ['policy'] });
    },
  });
  const saveBlocked =
    editing.problems.length > 0
      ? t('policy.fixProblems')
      : !editing.changed
        ? t('policy.noChanges')
        : note.trim().length < 4
          ? t('policy.noteNeeded')
          : null;
  const chooseLevel = (value: string) => {
    scope.setChosen(value === '' ? null : value);
    setNote('');
  };
  const problemText = (problem: PolicyProblem) =>
    `${settingLabel(problem.field, t)}: ${locale === 'zh-CN' ? problem.messageZh : problem.message}`;
  const marks: LevelMarks = { shopMode, canEdit, overridden: editing.overridden, reset: editing.reset };
  return { ...scope, ...editing, locale, marks, note, setNote, save, saveBlocked, chooseLevel, problemText };
}
