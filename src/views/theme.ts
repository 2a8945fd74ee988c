// Semantic colour tokens. Components ask for a role (selection, error…), never a colour, so the no-colour
// theme (NO_COLOR, TERM=dumb, --no-color) can show the same roles with inverse video and symbols instead.
import { createContext, useContext } from 'react';

export interface Theme {
  name: 'default' | 'no-color';
  /** Ink colour names, or undefined for the terminal's default. */
  text: string | undefined;
  dim: string | undefined;
  accent: string | undefined;
  border: string | undefined;
  borderFocused: string | undefined;
  error: string | undefined;
  warning: string | undefined;
  info: string | undefined;
  success: string | undefined;
  /** Highlight of a cell an anomaly names. */
  highlight: string | undefined;
  /** Whether selection is shown with inverse video (always true without colour). */
  inverseSelection: boolean;
  /** Symbols that carry severity when colour cannot. */
  symbols: { error: string; warning: string; info: string; selected: string; bar: string; barHalf: string };
}

export const defaultTheme: Theme = {
  name: 'default',
  text: undefined,
  dim: 'gray',
  accent: 'cyan',
  border: 'gray',
  borderFocused: 'cyan',
  error: 'red',
  warning: 'yellow',
  info: 'blue',
  success: 'green',
  highlight: 'magenta',
  inverseSelection: true,
  symbols: { error: '✖', warning: '▲', info: '●', selected: '›', bar: '█', barHalf: '▌' },
};

export const noColorTheme: Theme = {
  name: 'no-color',
  text: undefined,
  dim: undefined,
  accent: undefined,
  border: undefined,
  borderFocused: undefined,
  error: undefined,
  warning: undefined,
  info: undefined,
  success: undefined,
  highlight: undefined,
  inverseSelection: true,
  symbols: { error: 'E', warning: 'W', info: 'i', selected: '>', bar: '#', barHalf: '#' },
};

/** Colour is off for --no-color, NO_COLOR (any value), TERM=dumb, or output that is not a terminal. */
export function wantsColor(env: NodeJS.ProcessEnv, flagNoColor: boolean, isTTY: boolean): boolean {
  if (flagNoColor || !isTTY) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return true;
}

export const ThemeContext = createContext<Theme>(defaultTheme);
export const useTheme = (): Theme => useContext(ThemeContext);
