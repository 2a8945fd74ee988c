import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withKeyTable } from '../scripts/readme-keys.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('keeps the two quick-start commands', () => {
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm install && npm test');
  });
  it('has the key table generated from the keymap (run npx tsx scripts/gen-keys-doc.ts)', () => {
    expect(readme).toBe(withKeyTable(readme));
    expect(readme).toMatch(/\| `\/` \| /);
  });
  it('documents every flag the CLI accepts', async () => {
    const help = readFileSync(new URL('../docs/cli.md', import.meta.url), 'utf8');
    for (const flag of ['--json', '--jsonl', '--csv', '--check', '--fail-on', '--summary', '--stats', '--query', '--year', '--level', '--lang', '--no-color']) {
      expect(help).toContain(flag);
    }
  });
});
