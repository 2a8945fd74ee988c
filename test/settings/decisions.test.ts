import * as fs from 'node:fs';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DecisionStore, defaultDecisionsDir, parseDecisionFile, type DecisionFs } from '../../src/settings/decisions.js';
import { Settings } from '../../src/settings/settings.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'xxgk-decisions-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const confirmed = { status: 'confirmed' as const, at: '2024-03-01T10:00:00.000Z' };
const dismissed = { status: 'dismissed' as const, note: '表格为原文如此', at: '2024-03-01T10:05:00.000Z' };

describe('DecisionStore', () => {
  it('round-trips decisions through the file and survives a new instance', () => {
    const store = new DecisionStore({ dir });
    expect(store.problem).toBeNull();
    expect(store.all()).toEqual({});
    store.set('balance|x|2022|a', confirmed);
    store.set('row-sum|x|2022|b', dismissed);
    expect(store.get('balance|x|2022|a')).toEqual(confirmed);

    const reopened = new DecisionStore({ dir });
    expect(reopened.all()).toEqual({ 'balance|x|2022|a': confirmed, 'row-sum|x|2022|b': dismissed });
    reopened.clear('balance|x|2022|a');
    expect(new DecisionStore({ dir }).all()).toEqual({ 'row-sum|x|2022|b': dismissed });
    expect(JSON.parse(readFileSync(join(dir, 'decisions.json'), 'utf8')).version).toBe(1);
  });

  it('writes on every decision, leaving no temp files behind', () => {
    const store = new DecisionStore({ dir });
    store.set('fp1', confirmed);
    expect(parseDecisionFile(readFileSync(store.path, 'utf8'))).toMatchObject({ ok: true });
    expect(readdirSync(dir)).toEqual(['decisions.json']);
  });

  it('keeps the previous file intact and removes the temp file when a write fails half-way', () => {
    new DecisionStore({ dir }).set('fp-old', confirmed);
    const before = readFileSync(join(dir, 'decisions.json'), 'utf8');
    const failing: DecisionFs = {
      ...fs,
      writeSync: ((fd: number, buffer: Buffer, offset: number) => {
        fs.writeSync(fd, buffer, offset, 10); // part of the data reaches the temp file, then the disk fills up
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      }) as unknown as DecisionFs['writeSync'],
    };
    const store = new DecisionStore({ dir, fs: failing });
    expect(() => store.set('fp-new', dismissed)).toThrow(/ENOSPC/);
    expect(readFileSync(join(dir, 'decisions.json'), 'utf8')).toBe(before);
    expect(readdirSync(dir)).toEqual(['decisions.json']);
    // Memory did not move ahead of the disk.
    expect(store.get('fp-new')).toBeUndefined();
    expect(store.all()).toEqual({ 'fp-old': confirmed });
  });

  it('keeps a corrupt file aside, reports it, and salvages the valid entries', () => {
    const file = join(dir, 'decisions.json');
    writeFileSync(file, JSON.stringify({ version: 1, decisions: { good: confirmed, bad: { status: 'maybe' } } }));
    const store = new DecisionStore({ dir, now: () => new Date('2024-05-06T07:08:09.010Z') });
    expect(store.problem).toMatchObject({ code: 'decisions-corrupt' });
    expect(store.problem!.keptAs).toBe(`${file}.corrupt-2024-05-06T07-08-09-010Z`);
    expect(store.problem!.message).toContain('1 invalid entries');
    expect(store.all()).toEqual({ good: confirmed });
    // The damaged original is still there, byte for byte.
    expect(JSON.parse(readFileSync(store.problem!.keptAs!, 'utf8')).decisions.bad).toEqual({ status: 'maybe' });
    // The next decision writes a clean file with the salvaged entries.
    store.set('new', dismissed);
    expect(new DecisionStore({ dir }).all()).toEqual({ good: confirmed, new: dismissed });
  });

  it('keeps aside a file that is not JSON at all', () => {
    writeFileSync(join(dir, 'decisions.json'), '{"version":1,"decisions":{"a":');
    const store = new DecisionStore({ dir });
    expect(store.problem?.code).toBe('decisions-corrupt');
    expect(store.all()).toEqual({});
    expect(readdirSync(dir).some((f) => f.startsWith('decisions.json.corrupt-'))).toBe(true);
    expect(readdirSync(dir)).not.toContain('decisions.json');
  });

  it('keeps decisions another explorer wrote since this one loaded', () => {
    const first = new DecisionStore({ dir });
    const second = new DecisionStore({ dir });
    first.set('from-first', confirmed);
    second.set('from-second', dismissed);
    expect(new DecisionStore({ dir }).all()).toEqual({ 'from-first': confirmed, 'from-second': dismissed });
  });

  it('rejects an invalid decision without writing', () => {
    const store = new DecisionStore({ dir });
    expect(() => store.set('fp', { status: 'maybe', at: 'now' } as never)).toThrow(TypeError);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('lives beside the conf settings file by default', () => {
    expect(defaultDecisionsDir()).toBe(dirname(new Settings().path));
    expect(new DecisionStore().path).toBe(join(dirname(new Settings().path), 'decisions.json'));
  });
});
