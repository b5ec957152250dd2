/** How report figures read on screen. */
export const percent = (ratio: number | null | undefined) =>
  ratio === null || ratio === undefined ? '—' : `${(ratio * 100).toFixed(1)}%`;

export const signedPercent = (ratio: number | null | undefined) =>
  ratio === null || ratio === undefined ? '—' : `${ratio > 0 ? '+' : ''}${(ratio * 100).toFixed(0)}%`;

export const decimal = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined ? '—' : value.toFixed(digits);
