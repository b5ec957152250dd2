import type { BuyerType, RootCause, Stage } from '../shared/vocabulary';
import { SCRIPT_LIBRARY } from './script-library';
import type { ScriptLibrary, ScriptTemplate } from './script-types';
import {
  latestVersions,
  matchingScripts,
  scriptsInForce,
  scriptVersion,
  scriptVersions,
  selectScript,
  type ScriptLevels,
} from './select-script';

const fixture = (
  id: string,
  rootCauses: ScriptTemplate['rootCauses'],
  buyerTypes: ScriptTemplate['buyerTypes'],
  version = 1,
  stage: Stage = 'apologised',
): ScriptTemplate => ({
  id,
  version,
  stage,
  rootCauses,
  buyerTypes,
  title: { 'zh-CN': id, en: id },
  steps: [],
});

const LIBRARY: ScriptTemplate[] = [
  fixture('generic', 'any', 'any'),
  fixture('quality', ['product_quality'], 'any'),
  fixture('quality-or-fit', ['product_quality', 'size_fit'], 'any'),
  fixture('veteran', 'any', ['veteran']),
  fixture('quality-veteran', ['product_quality'], ['veteran']),
  fixture('other-stage', ['product_quality'], ['veteran'], 1, 'resolving'),
];

describe('selectScript', () => {
  it.each<[string, RootCause | null, BuyerType | null, string]>([
    ['root cause and buyer type both named beat everything', 'product_quality', 'veteran', 'quality-veteran'],
    ['root cause beats buyer type', 'product_quality', 'new_buyer', 'quality'],
    ['the narrower root-cause template wins among equals', 'product_quality', null, 'quality'],
    ['a template naming several causes still matches each', 'size_fit', 'new_buyer', 'quality-or-fit'],
    ['buyer type beats generic', 'logistics_delay', 'veteran', 'veteran'],
    ['generic when nothing specific fits', 'logistics_delay', 'new_buyer', 'generic'],
    ['an unknown root cause only matches templates for any cause', null, 'veteran', 'veteran'],
    ['nothing known: generic', null, null, 'generic'],
  ])('%s', (_name, rootCause, buyerType, expected) => {
    expect(selectScript(LIBRARY, { stage: 'apologised', rootCause, buyerType })?.id).toBe(expected);
  });

  it('only considers templates of the requested stage', () => {
    expect(selectScript(LIBRARY, { stage: 'resolving', rootCause: 'product_quality', buyerType: 'veteran' })?.id).toBe(
      'other-stage',
    );
    expect(selectScript(LIBRARY, { stage: 'resolving', rootCause: 'size_fit', buyerType: 'veteran' })).toBeNull();
    expect(selectScript(LIBRARY, { stage: 'recorded', rootCause: null, buyerType: null })).toBeNull();
  });

  it('uses the latest version of a template, and an old version never competes', () => {
    const library = [
      ...LIBRARY,
      fixture('quality-veteran', ['product_quality'], ['veteran'], 3),
      fixture('quality-veteran', ['product_quality'], ['veteran'], 2),
    ];
    expect(
      selectScript(library, { stage: 'apologised', rootCause: 'product_quality', buyerType: 'veteran' })?.version,
    ).toBe(3);

    // Version 2 of "quality" narrows it to veterans: version 1 no longer answers for new buyers.
    const narrowed = [...LIBRARY, fixture('quality', ['product_quality'], ['veteran'], 2)];
    expect(
      selectScript(narrowed, { stage: 'apologised', rootCause: 'product_quality', buyerType: 'new_buyer' })?.id,
    ).toBe('quality-or-fit');
  });

  it('lists every fitting template best first', () => {
    expect(
      matchingScripts(LIBRARY, { stage: 'apologised', rootCause: 'product_quality', buyerType: 'veteran' }).map(
        (template) => template.id,
      ),
    ).toEqual(['quality-veteran', 'quality', 'quality-or-fit', 'veteran', 'generic']);
  });
});

describe('versions', () => {
  const library = [fixture('a', 'any', 'any', 2), fixture('a', 'any', 'any', 1), fixture('b', 'any', 'any', 1)];

  it('lists the versions of one template oldest first', () => {
    expect(scriptVersions(library, 'a').map((template) => template.version)).toEqual([1, 2]);
    expect(scriptVersions(library, 'missing')).toEqual([]);
  });

  it('finds the exact version a case recorded', () => {
    expect(scriptVersion(library, 'a', 1)?.version).toBe(1);
    expect(scriptVersion(library, 'a', 9)).toBeNull();
  });

  it('keeps one latest version per id', () => {
    expect(latestVersions(library).map((template) => `${template.id}@${template.version}`)).toEqual(['a@2', 'b@1']);
  });
});

describe('selectScript on the shipped library', () => {
  it.each<[Stage, RootCause | null, BuyerType | null, string]>([
    ['new', 'product_quality', 'new_buyer', 'new.generic'],
    ['new', 'malicious', 'new_buyer', 'new.malicious'],
    ['new', 'size_fit', 'suspected_professional', 'new.cautious_buyer'],
    ['contacting', 'logistics_delay', 'veteran', 'contacting.veteran'],
    ['contacting', 'logistics_delay', 'repeat_complainer', 'contacting.cautious_buyer'],
    ['apologised', 'product_quality', 'veteran', 'apologised.product_quality.veteran'],
    ['apologised', 'product_quality', 'new_buyer', 'apologised.product_quality'],
    ['apologised', 'promotion_rules', 'veteran', 'apologised.veteran'],
    ['apologised', 'other', null, 'apologised.generic'],
    ['apologised', 'refund_dispute', 'suspected_professional', 'apologised.refund_dispute'],
    ['resolving', 'logistics_damage', 'new_buyer', 'resolving.logistics_damage'],
    ['resolving', 'other', 'suspected_professional', 'resolving.cautious_buyer'],
    ['compensating', 'product_quality', 'repeat_complainer', 'compensating.cautious_buyer'],
    ['compensating', 'product_quality', 'veteran', 'compensating.veteran'],
    ['replying', 'logistics_delay', null, 'replying.logistics'],
    ['replying', 'malicious', 'suspected_professional', 'replying.malicious'],
    ['watching', 'size_fit', 'veteran', 'watching.veteran'],
    ['appealing', 'malicious', 'suspected_professional', 'appealing.suspected_professional'],
    ['recorded', 'malicious', null, 'recorded.malicious'],
    ['recorded', null, null, 'recorded.generic'],
  ])('%s / %s / %s → %s', (stage, rootCause, buyerType, expected) => {
    expect(selectScript(SCRIPT_LIBRARY, { stage, rootCause, buyerType })?.id).toBe(expected);
  });
});

describe('a shop library over the organisation library', () => {
  const generic = SCRIPT_LIBRARY.find((template) => template.id === 'contacting.generic') as ScriptTemplate;
  const edit = (version: number, greeting: string): ScriptTemplate => ({
    ...generic,
    version,
    title: { 'zh-CN': greeting, en: greeting },
  });
  const byId = (library: ScriptLibrary) => latestVersions(library).find((template) => template.id === generic.id);

  it.each<[string, ScriptLevels, number]>([
    [
      'the shipped version when nobody edited it',
      { shipped: SCRIPT_LIBRARY, organisation: [], shop: [] },
      generic.version,
    ],
    [
      'the organisation edit where the shop has none',
      { shipped: SCRIPT_LIBRARY, organisation: [edit(2, 'org')], shop: [] },
      2,
    ],
    [
      'the shop edit over an older organisation edit',
      { shipped: SCRIPT_LIBRARY, organisation: [edit(2, 'org')], shop: [edit(3, 'shop')] },
      3,
    ],
    [
      'the shop edit over a later organisation edit',
      { shipped: SCRIPT_LIBRARY, organisation: [edit(2, 'org'), edit(4, 'org')], shop: [edit(3, 'shop')] },
      3,
    ],
  ])('follows %s', (_, levels, version) => {
    expect(byId(scriptsInForce(levels))?.version).toBe(version);
  });
});
