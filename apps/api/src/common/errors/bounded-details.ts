/** The most items of a list an error body repeats; a longer list ends with how many were left out. */
export const MAX_DETAIL_ITEMS = 20;
/** The longest text an error body repeats; longer text is cut and ends with an ellipsis. */
export const MAX_DETAIL_TEXT = 200;
/** Nesting kept in `details`; error details are shallow by construction, so this only guards. */
const MAX_DETAIL_DEPTH = 4;

/**
 * Error details cut to a size a person can read, whatever the input held: a CSV header of a
 * million commas would otherwise be echoed back as a list of a million column names.
 */
export function boundedDetails<T>(value: T, depth = 0): T {
  if (typeof value === 'string') {
    return (value.length > MAX_DETAIL_TEXT ? `${value.slice(0, MAX_DETAIL_TEXT)}…` : value) as T;
  }
  if (value === null || typeof value !== 'object' || depth >= MAX_DETAIL_DEPTH) return value;
  if (Array.isArray(value)) {
    const kept = value.slice(0, MAX_DETAIL_ITEMS).map((item: unknown) => boundedDetails(item, depth + 1));
    if (value.length > MAX_DETAIL_ITEMS) kept.push(`… (${value.length - MAX_DETAIL_ITEMS} more)`);
    return kept as T;
  }
  const entries = Object.entries(value);
  const kept = entries.slice(0, MAX_DETAIL_ITEMS).map(([key, item]) => [key, boundedDetails(item, depth + 1)]);
  return Object.fromEntries(kept) as T;
}
