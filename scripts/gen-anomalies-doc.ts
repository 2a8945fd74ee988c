// Writes docs/anomalies.md from the rule registry: npx tsx scripts/gen-anomalies-doc.ts
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderAnomaliesDoc } from '../src/parse/checks/catalog-doc.js';

const target = fileURLToPath(new URL('../docs/anomalies.md', import.meta.url));
writeFileSync(target, renderAnomaliesDoc());
console.log(`wrote ${target}`);
