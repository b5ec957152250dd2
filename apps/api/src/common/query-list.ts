/** A query parameter given repeated (`?a=x&a=y`) or comma-separated (`?a=x,y`) arrives as a list. */
export const asQueryList = ({ value }: { value: unknown }) => (Array.isArray(value) ? value : String(value).split(','));
