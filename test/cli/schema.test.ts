// The published schema rejects what it should: a guard against a schema that accepts anything.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import { parseReport } from '../../src/parse/index.js';
import { ROOT, SEEDS, removeTempDirs } from './run.js';

afterAll(() => removeTempDirs());

const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
const validate = ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'docs/report.schema.json'), 'utf8')));
const seed = (name: string) => JSON.parse(JSON.stringify(parseReport({ file: name, bytes: readFileSync(path.join(SEEDS, name)) })));

describe('docs/report.schema.json', () => {
  it('accepts a parsed seed', () => {
    expect(validate(seed('000_81e12db4ab5ce8f0.txt')), ajv.errorsText(validate.errors)).toBe(true);
  });

  it('rejects a figure written as text, a missing row, an unknown level and a bad date', () => {
    const cases: Array<(r: Record<string, any>) => void> = [
      (r) => (r.applications.newReceived.total = '703'),
      (r) => delete r.applications.denied.stateSecret,
      (r) => (r.level = 'city'),
      (r) => (r.publishedAt = '2022/01/05'),
      (r) => (r.reviews.review.extra = 1),
      (r) => delete r.anomalies,
    ];
    for (const corrupt of cases) {
      const r = seed('000_81e12db4ab5ce8f0.txt');
      corrupt(r);
      expect(validate(r), corrupt.toString()).toBe(false);
    }
  });
});
