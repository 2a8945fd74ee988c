// Writes docs/keys.md from the keymap (src/views/keys/keyBindings.ts). Run: npx tsx scripts/gen-keys-doc.ts
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { keysMarkdown } from '../src/views/keys/keyDocs.js';

const target = fileURLToPath(new URL('../docs/keys.md', import.meta.url));
writeFileSync(target, keysMarkdown());
process.stdout.write(`wrote ${target}\n`);
