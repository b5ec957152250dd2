/**
 * Solid tag colours with white text (all above 4.5:1): antd's light preset tags for orange and
 * gold fall under WCAG AA contrast.
 */
export const SEVERITY_COLORS = { low: undefined, medium: '#1554ad', high: '#ad4e00', critical: '#a8071a' } as const;
export const RATING_COLORS = { neutral: '#7c5e00', negative: '#a8071a' } as const;
export const IMPORT_STATUS_COLORS = {
  queued: undefined,
  running: '#1554ad',
  done: '#237804',
  failed: '#a8071a',
} as const;
/** A warning the agent should act on (a cause to check), dark enough for white text. */
export const WARNING_TAG_COLOR = '#7c5e00';
