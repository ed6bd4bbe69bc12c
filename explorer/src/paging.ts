/**
 * Reading a Relay connection to its end, page after page, up to a cap: the map of who fought
 * where runs to thousands of actor-place pairs at UCDP scale, more than one page holds. Whatever
 * the cap leaves out is counted, so the page can say "showing N of M" instead of truncating.
 * No imports: the unit tests run it under Node.
 */

export interface ConnectionPage<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  edges: readonly { node: T }[];
}

export interface PagedResult<T> {
  items: T[];
  /** What the server counts, read from the last page. */
  total: number;
  /** True when the cap stopped the reading before the last page. */
  capped: boolean;
}

/**
 * Calls `fetchPage` with each page's end cursor (null first) until a page says there is no
 * next one, or until `cap` items are held (the items are cut to the cap).
 */
export async function readAllPages<T>(
  fetchPage: (after: string | null) => Promise<ConnectionPage<T>>,
  cap: number,
): Promise<PagedResult<T>> {
  const items: T[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await fetchPage(after);
    items.push(...page.edges.map((edge) => edge.node));
    const more = page.pageInfo.hasNextPage && page.edges.length > 0 && !!page.pageInfo.endCursor;
    if (items.length >= cap) {
      return { items: items.slice(0, cap), total: page.totalCount, capped: more || items.length > cap };
    }
    if (!more) return { items, total: page.totalCount, capped: false };
    after = page.pageInfo.endCursor ?? null;
  }
}
