// Turns what Ink reports for a key press into the normalised form the keymap is indexed by.
import type { Key } from 'ink';
import type { Command, KeyMap } from './keyBindings.js';

type InkKey = Pick<Key, 'upArrow' | 'downArrow' | 'leftArrow' | 'rightArrow' | 'pageUp' | 'pageDown' | 'home' | 'end' | 'return' | 'escape' | 'tab' | 'backspace' | 'delete' | 'ctrl' | 'shift' | 'meta'>;

/** `up`, `shift+tab`, `ctrl+c`, `G`, `/`…; null for input that is not one key (an IME commit, a paste). */
export function normaliseKey(input: string, key: InkKey): string | null {
  const named = namedKey(key);
  const mods = (shift: boolean) => [key.ctrl ? 'ctrl' : '', shift ? 'shift' : '', key.meta && !key.escape ? 'meta' : ''].filter(Boolean);
  if (named) return [...mods(key.shift), named].join('+');
  if (input === ' ') return [...mods(false), 'space'].join('+');
  if ([...input].length !== 1) return null;
  // A printable character carries its own case, so shift is not a separate modifier.
  return [...mods(false), input].join('+');
}

function namedKey(key: InkKey): string | null {
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageUp) return 'pageup';
  if (key.pageDown) return 'pagedown';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.return) return 'return';
  if (key.escape) return 'escape';
  if (key.tab) return 'tab';
  if (key.backspace) return 'backspace';
  if (key.delete) return 'delete';
  return null;
}

export function commandFor(keymap: KeyMap, input: string, key: InkKey): Command | null {
  const normalised = normaliseKey(input, key);
  return normalised === null ? null : (keymap.get(normalised) ?? null);
}
