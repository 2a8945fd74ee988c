// Writes docs/keys.md and the README's key table from the keymap (src/views/keys/keyBindings.ts).
// Run: npx tsx scripts/gen-keys-doc.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { keysMarkdown } from '../src/views/keys/keyDocs.js';
import { withKeyTable } from './readme-keys.js';

const keysDoc = fileURLToPath(new URL('../docs/keys.md', import.meta.url));
writeFileSync(keysDoc, keysMarkdown());
const readme = fileURLToPath(new URL('../README.md', import.meta.url));
writeFileSync(readme, withKeyTable(readFileSync(readme, 'utf8')));
process.stdout.write(`wrote ${keysDoc} and the key table of ${readme}\n`);
