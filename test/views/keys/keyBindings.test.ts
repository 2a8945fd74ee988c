import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applyKeyOverrides, buildKeyMap, COMMANDS, COMMAND_INFO, DEFAULT_KEY_BINDINGS, displayKey, parseKeySpec } from '../../../src/views/keys/keyBindings.js';
import { hints, keysMarkdown } from '../../../src/views/keys/keyDocs.js';
import { commandFor, normaliseKey } from '../../../src/views/keys/matchKey.js';

const noKey = { upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageUp: false, pageDown: false, home: false, end: false, return: false, escape: false, tab: false, backspace: false, delete: false, ctrl: false, shift: false, meta: false };

describe('keymap', () => {
  it('binds every default key to exactly one command, and every command has zh and en descriptions', () => {
    const map = buildKeyMap(DEFAULT_KEY_BINDINGS);
    const specs = COMMANDS.flatMap((c) => DEFAULT_KEY_BINDINGS[c]);
    expect(map.size).toBe(specs.length);
    for (const c of COMMANDS) {
      expect(COMMAND_INFO[c].zh).not.toBe('');
      expect(COMMAND_INFO[c].en).not.toBe('');
    }
  });

  it('turns what Ink reports into commands', () => {
    const map = buildKeyMap(DEFAULT_KEY_BINDINGS);
    expect(commandFor(map, 'j', noKey)).toBe('down');
    expect(commandFor(map, '', { ...noKey, downArrow: true })).toBe('down');
    expect(commandFor(map, 'G', { ...noKey, shift: true })).toBe('bottom');
    expect(commandFor(map, '', { ...noKey, tab: true, shift: true })).toBe('prevTab');
    expect(commandFor(map, 'c', { ...noKey, ctrl: true })).toBe('forceQuit');
    expect(commandFor(map, 'N', { ...noKey, shift: true })).toBe('prevAnomaly');
    expect(commandFor(map, '4', noKey)).toBe('tabApplications');
    // An IME commit or a paste is not a key.
    expect(normaliseKey('乌鲁木齐', noKey)).toBeNull();
  });

  it('parses and shows key specs', () => {
    expect(parseKeySpec('ctrl+c')).toEqual({ name: 'c', ctrl: true, shift: false, meta: false });
    expect(parseKeySpec('shift+tab')).toEqual({ name: 'tab', ctrl: false, shift: true, meta: false });
    expect(parseKeySpec('+')).toEqual({ name: '+', ctrl: false, shift: false, meta: false });
    expect(parseKeySpec('ctrl++')).toEqual({ name: '+', ctrl: true, shift: false, meta: false });
    expect(parseKeySpec('hyper+x')).toHaveProperty('error');
    expect(parseKeySpec('shift+g')).toHaveProperty('error');
    expect(parseKeySpec('jj')).toHaveProperty('error');
    expect(displayKey('shift+tab')).toBe('Shift-Tab');
    expect(displayKey('ctrl+c')).toBe('Ctrl-C');
    expect(displayKey('pagedown')).toBe('PgDn');
  });

  it('applies valid overrides from settings', () => {
    const { bindings, errors } = applyKeyOverrides({ nextAnomaly: ['n', ']'], prevAnomaly: '[' });
    expect(errors).toEqual([]);
    expect(bindings.nextAnomaly).toEqual(['n', ']']);
    expect(bindings.prevAnomaly).toEqual(['[']);
    expect(commandFor(buildKeyMap(bindings), ']', noKey)).toBe('nextAnomaly');
  });

  it('rejects bad overrides with a clear error and keeps the defaults', () => {
    const unknown = applyKeyOverrides({ jump: ['x'] });
    expect(unknown.errors[0]).toMatch(/^keys\.jump: unknown command/);
    expect(unknown.bindings).toBe(DEFAULT_KEY_BINDINGS);
    expect(applyKeyOverrides({ down: ['hyper+j'] }).errors[0]).toMatch(/keys\.down: "hyper\+j": unknown modifier/);
    expect(applyKeyOverrides({ down: 5 }).errors[0]).toMatch(/keys\.down: expected a key or a list of keys/);
    expect(applyKeyOverrides({ search: ['q'] }).errors).toContain('keys: "q" is bound to both search and quit');
    expect(applyKeyOverrides({ forceQuit: ['x'] }).errors[0]).toMatch(/Ctrl-C must stay bound/);
    expect(applyKeyOverrides('j').errors[0]).toMatch(/keys: expected an object/);
    expect(applyKeyOverrides(undefined).errors).toEqual([]);
  });

  it('generates status-bar hints from the bindings', () => {
    expect(hints(DEFAULT_KEY_BINDINGS, ['search', 'help', 'quit'], 'zh')).toEqual([
      { key: '/', label: '搜索' },
      { key: '?', label: '帮助' },
      { key: 'q', label: '退出' },
    ]);
    expect(hints(DEFAULT_KEY_BINDINGS, ['nextTab'], 'en')).toEqual([{ key: 'Tab', label: 'tab' }]);
  });

  it('docs/keys.md is generated from the keymap and up to date (regenerate: npx tsx scripts/gen-keys-doc.ts)', () => {
    const committed = readFileSync(fileURLToPath(new URL('../../../docs/keys.md', import.meta.url)), 'utf8');
    expect(committed).toBe(keysMarkdown());
    for (const c of COMMANDS) expect(committed).toContain(COMMAND_INFO[c].zh);
  });
});
