// The folder's index (src/load/folder-index.ts): which chunks a lookup reads, and that it finds a file whose
// position moved by less than a chunk either way.
import { describe, expect, it } from 'vitest';
import { INDEX_CHUNK, type ParseCache } from '../../src/load/cache.js';
import type { Entry } from '../../src/load/entry.js';
import { FolderIndex } from '../../src/load/folder-index.js';

/** A store whose index chunks hold the given paths (each with a dummy entry), recording which chunks were read. */
function storeWith(chunks: string[][]): { cache: ParseCache; reads: number[] } {
  const reads: number[] = [];
  const cache = {
    readIndexChunk: async (_root: string, chunk: number) => {
      reads.push(chunk);
      return (chunks[chunk] ?? []).map((path) => ({ path, entry: { path } as unknown as Entry }));
    },
  } as unknown as ParseCache;
  return { cache, reads };
}

const names = (from: number, count: number) => Array.from({ length: count }, (_, i) => `f${from + i}`);
const pathOf = (hit: Awaited<ReturnType<FolderIndex['lookup']>>) => (hit ? (hit.entry as unknown as { path: string }).path : undefined);

describe('FolderIndex.lookup', () => {
  it('answers the first files from the first chunk alone, and reads the next from the middle of a chunk on', async () => {
    const { cache, reads } = storeWith([names(0, INDEX_CHUNK), names(INDEX_CHUNK, INDEX_CHUNK), names(2 * INDEX_CHUNK, 10)]);
    const index = new FolderIndex(cache, '/root');
    expect(pathOf(await index.lookup('f0', 0))).toBe('f0');
    expect(reads).toEqual([0]); // not the next chunk, nor one after it: the first screen waits for one chunk
    const again = index.lookup('f1', 1);
    expect(again).not.toBeInstanceOf(Promise); // a chunk read: answered at once
    expect(pathOf(again as Awaited<typeof again>)).toBe('f1');
    expect(pathOf(await index.lookup(`f${INDEX_CHUNK / 2}`, INDEX_CHUNK / 2))).toBe(`f${INDEX_CHUNK / 2}`);
    expect(reads).toEqual([0, 1]); // read ahead from the middle on
  });

  it('finds a file moved into the previous or the next chunk (files added or removed before it), and not one in none', async () => {
    // The last load had f0…; since then files were added early in the folder (f10 is now a chunk later) and removed
    // (f1500 is now in the first chunk).
    const { cache, reads } = storeWith([names(0, INDEX_CHUNK), names(INDEX_CHUNK, INDEX_CHUNK)]);
    const index = new FolderIndex(cache, '/root');
    expect(pathOf(await index.lookup('f1500', 10))).toBe('f1500'); // in the next chunk
    expect(reads).toEqual([0, 1]);
    expect(pathOf(await index.lookup('f10', INDEX_CHUNK + 10))).toBe('f10'); // in the previous chunk
    expect(await index.lookup('nowhere', 20)).toBeUndefined();
    expect(await index.lookup('nowhere', INDEX_CHUNK + 20)).toBeUndefined();
    expect(reads).toEqual([0, 1, 2]); // the chunk after the last file's own was looked in too, once
  });
});
