/**
 * The explorer's map reads who fought where page by page (explorer/src/paging.ts): to the end of
 * the connection, or to its cap, and it says when the cap cut it short.
 */
import { describe, expect, it } from 'vitest';
import { readAllPages, type ConnectionPage } from '../../explorer/src/paging.js';

/** A connection of `total` numbered items served `size` at a time, recording the cursors asked. */
function connection(total: number, size: number) {
  const asked: (string | null)[] = [];
  const fetchPage = (after: string | null): Promise<ConnectionPage<number>> => {
    asked.push(after);
    const start = after === null ? 0 : Number(after) + 1;
    const nodes = Array.from({ length: Math.max(0, Math.min(size, total - start)) }, (_, i) => start + i);
    const last = nodes[nodes.length - 1];
    return Promise.resolve({
      totalCount: total,
      pageInfo: { hasNextPage: start + size < total, endCursor: last === undefined ? null : String(last) },
      edges: nodes.map((node) => ({ node })),
    });
  };
  return { asked, fetchPage };
}

describe('reading a connection to its end', () => {
  it('follows the end cursors until the last page, in order, and is not capped', async () => {
    const { asked, fetchPage } = connection(450, 200);
    const result = await readAllPages(fetchPage, 2_000);
    expect(result.items).toEqual(Array.from({ length: 450 }, (_, i) => i));
    expect(result).toMatchObject({ total: 450, capped: false });
    expect(asked).toEqual([null, '199', '399']);
  });

  it('stops at the cap and says so, with the total the server counts', async () => {
    const { asked, fetchPage } = connection(5_000, 200);
    const result = await readAllPages(fetchPage, 1_000);
    expect(result.items).toHaveLength(1_000);
    expect(result).toMatchObject({ total: 5_000, capped: true });
    expect(asked).toHaveLength(5);
  });

  it('cuts a page that runs past the cap, and is not capped when the cap is exactly the total', async () => {
    expect(await readAllPages(connection(300, 200).fetchPage, 250)).toMatchObject({ capped: true, total: 300 });
    expect((await readAllPages(connection(300, 200).fetchPage, 250)).items).toHaveLength(250);
    expect(await readAllPages(connection(400, 200).fetchPage, 400)).toMatchObject({ capped: false });
  });

  it('reads an empty connection in one request', async () => {
    const { asked, fetchPage } = connection(0, 200);
    expect(await readAllPages(fetchPage, 2_000)).toEqual({ items: [], total: 0, capped: false });
    expect(asked).toEqual([null]);
  });
});
