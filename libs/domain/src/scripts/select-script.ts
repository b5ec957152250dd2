import type { BuyerType, RootCause, Stage } from '../shared/vocabulary';
import type { ScriptLibrary, ScriptTemplate } from './script-types';

export interface ScriptSelection {
  readonly stage: Stage;
  /** The confirmed root cause, else triage's suggestion; null when neither is known. */
  readonly rootCause: RootCause | null;
  readonly buyerType: BuyerType | null;
}

/** The highest version of every template id: old versions stay in the library only to be read. */
export function latestVersions(library: ScriptLibrary): ScriptTemplate[] {
  const latest = new Map<string, ScriptTemplate>();
  for (const template of library) {
    const known = latest.get(template.id);
    if (!known || template.version > known.version) latest.set(template.id, template);
  }
  return [...latest.values()];
}

/** Every version of one template, oldest first. */
export function scriptVersions(library: ScriptLibrary, id: string): ScriptTemplate[] {
  return library.filter((template) => template.id === id).sort((a, b) => a.version - b.version);
}

/** The exact version a case recorded, so a closed case shows the script its agent actually saw. */
export function scriptVersion(library: ScriptLibrary, id: string, version: number): ScriptTemplate | null {
  return library.find((template) => template.id === id && template.version === version) ?? null;
}

const specificity = (template: ScriptTemplate): number =>
  (template.rootCauses === 'any' ? 0 : 2) + (template.buyerTypes === 'any' ? 0 : 1);

const breadth = (template: ScriptTemplate): number =>
  (template.rootCauses === 'any' ? 0 : template.rootCauses.length) +
  (template.buyerTypes === 'any' ? 0 : template.buyerTypes.length);

const matches = (template: ScriptTemplate, selection: ScriptSelection): boolean =>
  template.stage === selection.stage &&
  (template.rootCauses === 'any' ||
    (selection.rootCause !== null && template.rootCauses.includes(selection.rootCause))) &&
  (template.buyerTypes === 'any' ||
    (selection.buyerType !== null && template.buyerTypes.includes(selection.buyerType)));

/**
 * Every latest template that fits the case, best first: root cause and buyer type both named >
 * root cause named > buyer type named > generic; among equals the narrower template, then the id.
 */
export function matchingScripts(library: ScriptLibrary, selection: ScriptSelection): ScriptTemplate[] {
  return latestVersions(library)
    .filter((template) => matches(template, selection))
    .sort(
      (a, b) => specificity(b) - specificity(a) || breadth(a) - breadth(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
}

/** The script the case view shows: the most specific latest template for the stage, or null if none fits. */
export function selectScript(library: ScriptLibrary, selection: ScriptSelection): ScriptTemplate | null {
  return matchingScripts(library, selection)[0] ?? null;
}

/** The versions of one shop's library by where they were saved. */
export interface ScriptLevels {
  /** Shipped with the product. */
  readonly shipped: ScriptLibrary;
  /** Saved by admins for every shop. */
  readonly organisation: ScriptLibrary;
  /** Saved by the shop's leads for that shop. */
  readonly shop: ScriptLibrary;
}

/**
 * The library a shop's cases follow: a template the shop edited follows the shop's versions only
 * (a later organisation edit does not replace it); every other template the organisation's latest,
 * else the shipped one. Version numbers are unique per template across all levels, so the
 * `id@version` a case records always names one text.
 */
export function scriptsInForce({ shipped, organisation, shop }: ScriptLevels): ScriptLibrary {
  const ownIds = new Set(shop.map((template) => template.id));
  return [...shipped, ...organisation.filter((template) => !ownIds.has(template.id)), ...shop];
}
