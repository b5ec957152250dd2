/** Amounts are kept in fen (integers); people read yuan. */
export const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;
