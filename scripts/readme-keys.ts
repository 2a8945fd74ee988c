// The README's key table, generated from the one keymap (src/views/keys/keyBindings.ts), like docs/keys.md.
import { COMMANDS, COMMAND_INFO, DEFAULT_KEY_BINDINGS, displayKey } from '../src/views/keys/keyBindings.js';

export const KEYS_START = '<!-- keys:start -->';
export const KEYS_END = '<!-- keys:end -->';

export function readmeKeyTable(): string {
  const rows = COMMANDS.map((c) => {
    const keys = DEFAULT_KEY_BINDINGS[c].map((s) => '`' + displayKey(s) + '`').join(' ');
    return `| ${keys} | ${COMMAND_INFO[c].zh} | ${COMMAND_INFO[c].en} |`;
  });
  return [
    '<!-- Generated from src/views/keys/keyBindings.ts by `npx tsx scripts/gen-keys-doc.ts`. -->',
    '| Keys 按键 | 说明 | Description |',
    '|---|---|---|',
    ...rows,
    '',
    'Reviewer-queue keys and how to change bindings: [docs/keys.md](docs/keys.md).',
  ].join('\n');
}

/** README text with the key table between the markers replaced by the generated one. */
export function withKeyTable(readme: string): string {
  const start = readme.indexOf(KEYS_START);
  const end = readme.indexOf(KEYS_END);
  if (start < 0 || end < start) throw new Error('README.md lacks the keys:start / keys:end markers');
  return readme.slice(0, start + KEYS_START.length) + '\n' + readmeKeyTable() + '\n' + readme.slice(end);
}
