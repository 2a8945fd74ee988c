// The parser's fingerprint (the cache's version) covers the npm packages that make its output.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { PARSER_PACKAGES, fingerprintOf, packageVersions } from '../../src/load/parser-code.js';

const PARSE_DIR = fileURLToPath(new URL('../../src/parse/', import.meta.url));

/** The bare package names the parser's sources import or require (`node:` modules aside). */
function importedPackages(dir: string): Set<string> {
  const names = new Set<string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) for (const n of importedPackages(full)) names.add(n);
    else if (entry.name.endsWith('.ts')) {
      const source = readFileSync(full, 'utf8');
      for (const m of source.matchAll(/(?:from\s+|import\(\s*|require\(\s*)'([^'.][^']*)'/g)) {
        const spec = m[1]!;
        if (spec.startsWith('node:')) continue;
        names.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
      }
    }
  }
  return names;
}

describe('parser fingerprint', () => {
  it('lists exactly the packages the parser imports', () => {
    expect([...importedPackages(PARSE_DIR)].sort()).toEqual([...PARSER_PACKAGES].sort());
  });

  it('changes when one of their versions does', () => {
    const code = () => createHash('sha1').update('the same parser files');
    expect(fingerprintOf(code(), 'pdfjs-dist@4.10.38')).toBe(fingerprintOf(code(), 'pdfjs-dist@4.10.38'));
    expect(fingerprintOf(code(), 'pdfjs-dist@4.10.38')).not.toBe(fingerprintOf(code(), 'pdfjs-dist@4.10.39'));
  });

  it('takes their installed versions, found as Node finds them (the nearest node_modules)', () => {
    const versions = packageVersions(PARSE_DIR, PARSER_PACKAGES).split('\n');
    expect(versions).toHaveLength(PARSER_PACKAGES.length);
    for (const v of versions) expect(v).toMatch(/^[a-z0-9-]+@\d+\.\d+\.\d+/);

    const root = mkdtempSync(path.join(os.tmpdir(), 'xxgk-versions-'));
    const install = (where: string, version: string) => {
      mkdirSync(path.join(where, 'node_modules', 'lib'), { recursive: true });
      writeFileSync(path.join(where, 'node_modules', 'lib', 'package.json'), JSON.stringify({ name: 'lib', version }));
    };
    const inner = path.join(root, 'app', 'dist', 'parse');
    mkdirSync(inner, { recursive: true });
    install(root, '1.0.0');
    expect(packageVersions(inner, ['lib', 'absent-package-xyz'])).toBe('lib@1.0.0\nabsent-package-xyz@?');
    install(path.join(root, 'app'), '2.0.0'); // a nearer copy is the one Node loads
    expect(packageVersions(inner, ['lib'])).toBe('lib@2.0.0');
  });
});
