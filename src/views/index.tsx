// Entry point of the explorer, called by the CLI: `runTui(options)` resolves with the exit code when the user quits.
// First import: sets NODE_ENV before React loads (see productionMode.ts).
import './productionMode.js';
import { render } from 'ink';
import { dirname } from 'node:path';
import { createElement } from 'react';
import type { LoadEvent } from '../load/types.js';
import { DecisionStore } from '../settings/decisions.js';
import type { Lang, SettingsStore } from '../settings/registry.js';
import { App } from './App.js';
import { applyKeyOverrides } from './keys/keyBindings.js';
import { takeReadyEvents } from './readyEvents.js';
import { defaultTheme, noColorTheme } from './theme.js';

export interface TuiOptions {
  root: string;
  events: AsyncIterable<LoadEvent>;
  settings: SettingsStore;
  lang: Lang;
  color: boolean;
  /** Where decisions.json is kept; default: beside the settings file. */
  decisionsDir?: string;
  /** Called once the first frame has been drawn. */
  onShown?: () => void;
}

/** The latest time after start (`performance.now()`) the first frame waits for a first report. */
const FIRST_FRAME_WAITS_UNTIL_MS = 400;
const hasReport = (events: readonly LoadEvent[]) => events.some((e) => e.kind === 'report' || e.kind === 'done');

const ENTER_ALTERNATE_SCREEN = '\u001b[?1049h\u001b[H';
const LEAVE_ALTERNATE_SCREEN = '\u001b[?1049l';
const SHOW_CURSOR = '\u001b[?25h';

/** Runs the explorer until the user quits. The CLI remembers the folder (`lastFolder`); the explorer remembers the language when it is switched. */
export async function runTui(options: TuiOptions): Promise<number> {
  const { settings } = options;
  const { bindings, errors } = applyKeyOverrides(settings.get('keys'));
  const decisions = openDecisions(options.decisionsDir ?? dirname(settings.path));
  // The reports loaded while Ink was being imported: the first frame lists them. If none is in yet (a folder being
  // parsed: a worker's first report comes a few hundred milliseconds after start), the first frame waits for it, a
  // little: drawing an empty frame first would hold this thread when the report comes, and it would be shown a frame
  // later (bench/tui.ts, empty cache: 10,000 reports 573 -> 508 ms, sample corpus 554 -> 531 ms, medians of ten).
  const { ready, rest } = await takeReadyEvents(options.events, undefined, { enough: hasReport, until: FIRST_FRAME_WAITS_UNTIL_MS });

  const stdout = process.stdout;
  // The alternate screen keeps the user's shell scrollback intact; it is left on every way out, Ctrl-C included.
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    stdout.write(SHOW_CURSOR + LEAVE_ALTERNATE_SCREEN);
  };
  const onSignal = () => {
    restore();
    process.exit(130);
  };
  stdout.write(ENTER_ALTERNATE_SCREEN);
  process.once('exit', restore);
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);

  // createElement, not JSX: JSX would make the compiler import react/jsx-runtime ahead of productionMode.js.
  const instance = render(
    createElement(App, {
      events: rest,
      initialEvents: ready,
      bindings,
      keyErrors: errors,
      lang: options.lang,
      theme: options.color ? defaultTheme : noColorTheme,
      decisions,
      onLangChange: (lang: Lang) => rememberSafely(settings, 'lang', lang),
    }),
    { exitOnCtrlC: false, patchConsole: true },
  );
  // Ink draws the first frame within render().
  options.onShown?.();
  try {
    await instance.waitUntilExit();
    return 0;
  } catch {
    return 1;
  } finally {
    instance.cleanup();
    restore();
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
    process.off('exit', restore);
  }
}

/** The reviewer's decisions; the explorer runs without them (the queue says "not saving") if they cannot be opened. */
function openDecisions(dir: string): DecisionStore | null {
  try {
    return new DecisionStore({ dir });
  } catch {
    return null;
  }
}

/** Settings are a convenience: a read-only config directory must not stop the explorer. */
function rememberSafely(settings: SettingsStore, key: string, value: unknown): void {
  try {
    // Nothing to do when it fails: the value is simply not remembered.
    settings.set(key, value)?.catch(() => undefined);
  } catch {
    // (a synchronous store fails here)
  }
}
