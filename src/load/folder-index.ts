// The loader's side of a folder's index (cache.ts): finds the entry the last load stored for a file without a lookup
// of its own, and stores the index again where this load found the folder changed.
//
// The index is cut by discovery position: chunk c holds the entries of files c·N … c·N+N−1 (N = INDEX_CHUNK). A file
// is looked for in the chunks up to one past its own, so files added or removed earlier in the folder (which shift
// the rest by less than a chunk) are still found; anything else falls back to the per-file entry.
import { INDEX_CHUNK, type ParseCache } from './cache.js';
import type { Entry } from './entry.js';

export interface IndexHit {
  entry: Entry;
  chunk: number;
  slot: number;
}

export class FolderIndex {
  private readonly known = new Map<string, IndexHit>();
  private readonly chunks: Array<Promise<void>> = [];
  private readonly loaded: boolean[] = [];
  /** Chunks 0 … ready−1 have been read. */
  private ready = 0;
  private readonly oldSizes: number[] = [];
  /** Entries of the chunk being filled, and whether each is exactly what the stored chunk holds at that slot. */
  private current: Array<{ path: string; entry: Uint8Array; same: boolean }> = [];
  private currentChunk = 0;

  constructor(
    private readonly cache: ParseCache,
    private readonly root: string,
  ) {}

  /**
   * The entry the index holds for the file at `position` of the discovery order, if any: at once when the chunks
   * it could be in have been read (nearly every call), else once they have.
   */
  lookup(path: string, position: number): IndexHit | undefined | Promise<IndexHit | undefined> {
    const own = Math.floor(position / INDEX_CHUNK);
    const last = own + 1;
    // The next chunk is read from the middle of this one on, in time for the files there; not sooner, so that the
    // first reports of a load (the explorer's first screen) wait for one chunk's read and decoding, not three.
    if (position % INDEX_CHUNK >= INDEX_CHUNK / 2) this.chunks[last] ??= this.load(last);
    // Nearly every file is in its own chunk: found there, it need not wait for the next one.
    if (own < this.ready) {
      const hit = this.known.get(path);
      if (hit !== undefined || last < this.ready) return hit;
    }
    for (let c = 0; c <= own; c++) this.chunks[c] ??= this.load(c);
    return Promise.all(this.chunks.slice(0, own + 1)).then(() => {
      const hit = this.known.get(path);
      if (hit !== undefined) return hit;
      return (this.chunks[last] ??= this.load(last)).then(() => this.known.get(path));
    });
  }

  /** Whether the last load of this folder stored an index (its first chunk holds any entry made by this parser). */
  async stored(): Promise<boolean> {
    this.chunks[0] ??= this.load(0);
    await this.chunks[0];
    return (this.oldSizes[0] ?? 0) > 0;
  }

  private async load(chunk: number): Promise<void> {
    const files = await this.cache.readIndexChunk(this.root, chunk);
    this.oldSizes[chunk] = files.length;
    files.forEach(({ path, entry }, slot) => {
      if (!this.known.has(path)) this.known.set(path, { entry, chunk, slot });
    });
    this.loaded[chunk] = true;
    while (this.loaded[this.ready]) this.ready++;
  }

  /**
   * Adds the file at `position` (in order; a position with no report is simply skipped). `unchanged` says the entry
   * is the index's own, used as stored.
   */
  add(position: number, path: string, entry: Uint8Array, hit: IndexHit | undefined, unchanged: boolean): void {
    this.advanceTo(Math.floor(position / INDEX_CHUNK));
    const slot = this.current.length;
    this.current.push({ path, entry, same: unchanged && hit !== undefined && hit.chunk === this.currentChunk && hit.slot === slot });
    this.known.delete(path); // what is left at the end was not seen by this load
  }

  /** Stores what changed. Call once, after the last file of a complete load (a cancelled load stores no index). */
  async finish(files: number): Promise<void> {
    const chunks = Math.ceil(files / INDEX_CHUNK);
    this.advanceTo(chunks);
    await this.cache.trimIndex(this.root, chunks);
  }

  private advanceTo(chunk: number): void {
    while (this.currentChunk < chunk) {
      const stored = this.oldSizes[this.currentChunk];
      if (stored !== this.current.length || this.current.some((f) => !f.same)) this.cache.putIndexChunk(this.root, this.currentChunk, this.current);
      this.current = [];
      this.currentChunk++;
    }
  }
}
