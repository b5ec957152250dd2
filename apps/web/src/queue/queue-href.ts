// Kept apart from queue-search.ts: the app shell links here, and this must not pull the domain into the entry.
/** Where the queue keeps the search it last showed (the query string of its URL). */
export const SAVED_QUEUE_SEARCH = 'queue.search';

/** The queue as the person left it: "back to the queue" from a case lands on the same list. */
export function queueHref(): string {
  const saved = typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(SAVED_QUEUE_SEARCH);
  return saved ? `/?${saved}` : '/';
}
