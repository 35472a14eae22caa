import { EventIdIndex, type IndexPage } from './kurrentdb-id-index';
import type { ReadStart } from './kurrentdb-positions';

/** A log of ids at commits 10, 20, 30, ... read in pages, counting the reads. */
function fakeLog(ids: string[]) {
  const reads: ReadStart[] = [];
  const readPage = (from: ReadStart, limit: number): Promise<IndexPage> => {
    reads.push(from);
    const entries = ids
      .map((id, n) => ({ id, commit: BigInt((n + 1) * 10) }))
      .filter((e) => (from.inclusive ? e.commit >= from.commit : e.commit > from.commit))
      .slice(0, limit);
    const last = entries[entries.length - 1];
    return Promise.resolve({
      entries: entries.map((e) => ({ id: e.id, position: Number(e.commit * 2n + 1n) })),
      next: last ? { commit: last.commit, inclusive: false } : from,
      atEnd: entries.length < limit,
    });
  };
  return { ids, reads, readPage };
}

describe('EventIdIndex', () => {
  it('finds ids by reading the log once, then only what was committed since', async () => {
    const log = fakeLog(['a', 'b']);
    const index = new EventIdIndex(log.readPage);
    expect(await index.find('b')).toBe(41);
    expect(await index.find('a')).toBe(21);
    expect(log.reads).toHaveLength(1);
    expect(await index.find('c')).toBeUndefined();
    log.ids.push('c');
    expect(await index.find('c')).toBe(61);
    expect(log.reads.slice(1)).toEqual([
      { commit: 20n, inclusive: false },
      { commit: 20n, inclusive: false },
    ]);
  });

  it('reports which of several ids are stored, with one scan', async () => {
    const log = fakeLog(['a', 'b', 'c']);
    const index = new EventIdIndex(log.readPage);
    expect([...(await index.findAll(['a', 'x', 'c']))]).toEqual([
      ['a', 21],
      ['c', 61],
    ]);
    expect(log.reads).toHaveLength(1);
  });

  it('knows a remembered id without reading', async () => {
    const log = fakeLog([]);
    const index = new EventIdIndex(log.readPage);
    index.remember('mine', 99);
    expect(await index.find('mine')).toBe(99);
    expect(log.reads).toHaveLength(0);
  });

  it('a lookup that begins during a scan waits for a scan that begins after it', async () => {
    const log = fakeLog(['a']);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let first = true;
    const index = new EventIdIndex(async (from, limit) => {
      if (first) {
        first = false;
        const page = await log.readPage(from, limit);
        await gate;
        return page;
      }
      return log.readPage(from, limit);
    });
    const early = index.find('a');
    await new Promise((resolve) => setImmediate(resolve));
    log.ids.push('late');
    const late = index.find('late');
    const alsoLate = index.find('late');
    release();
    expect(await early).toBe(21);
    expect(await late).toBe(41);
    expect(await alsoLate).toBe(41);
    expect(log.reads).toHaveLength(2);
  });

  it('a failed scan fails its lookups, and the next lookup scans again', async () => {
    const log = fakeLog(['a']);
    let fail = true;
    const index = new EventIdIndex((from, limit) => {
      if (fail) return Promise.reject(new Error('unavailable'));
      return log.readPage(from, limit);
    });
    await expect(index.find('a')).rejects.toThrow('unavailable');
    fail = false;
    expect(await index.find('a')).toBe(21);
  });

  it('pages through a long log', async () => {
    const ids = Array.from({ length: 12_000 }, (_, n) => `id-${n}`);
    const log = fakeLog(ids);
    const index = new EventIdIndex(log.readPage);
    expect(await index.find('id-11999')).toBe(240_001);
    expect(log.reads).toHaveLength(3);
  });
});
