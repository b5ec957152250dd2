/** Runs one SQL statement and gives its rows: a TypeORM manager or data source, or a pg client wrapped. */
export type RowsOf = (sql: string) => Promise<unknown[]>;

/** The queue counters (appended changes, summed) equal a count of the cases themselves. */
export async function expectQueueCountsToMatchCases(rowsOf: RowsOf): Promise<void> {
  const [kept, counted] = await Promise.all([
    rowsOf(
      `SELECT shop_id, assignee_id, stage, sum(cases)::int AS cases FROM queue_count
        GROUP BY 1, 2, 3 HAVING sum(cases) <> 0 ORDER BY 1, 2, 3`,
    ),
    rowsOf(
      `SELECT shop_id, assignee_id, stage, count(*)::int AS cases FROM support_case GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    ),
  ]);
  expect(kept).toEqual(counted);
}
