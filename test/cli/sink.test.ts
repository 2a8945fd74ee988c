// The atomic -o file: an interrupt at any point leaves no file, and never a message about a write error.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileSink } from '../../src/cli/sink.js';
import { removeTempDirs, tempDir } from './run.js';

afterAll(() => removeTempDirs());

describe('fileSink', () => {
  it('renames the temp file into place on finish', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'out.txt');
    const sink = await fileSink(target);
    await sink.write('a,b\n');
    await sink.finish();
    expect(readFileSync(target, 'utf8')).toBe('a,b\n');
    expect(readdirSync(dir)).toEqual(['out.txt']);
  });

  it('an abort while finish is flushing (Ctrl-C at the very end) leaves nothing, and finish does not throw', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'out.txt');
    const sink = await fileSink(target);
    await sink.write('x'.repeat(4 * 1024 * 1024));
    const finishing = sink.finish();
    await sink.abort();
    await expect(finishing).resolves.toBeUndefined();
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('after an abort, writes are dropped and finish keeps the old file', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'out.txt');
    writeFileSync(target, 'old');
    const sink = await fileSink(target);
    await sink.write('new');
    await sink.abort();
    await sink.write('more');
    await sink.finish();
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['out.txt']);
  });

  it('refuses a folder as the target before creating anything', async () => {
    const dir = tempDir();
    await expect(fileSink(dir)).rejects.toMatchObject({ code: 'EISDIR' });
    expect(readdirSync(dir)).toEqual([]);
    expect(readdirSync(path.dirname(dir)).some((n) => n.startsWith(`.${path.basename(dir)}.`))).toBe(false);
  });
});
