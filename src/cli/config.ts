// `xxgk config get|set|list|path` over the settings registry.
import { SETTINGS, type Lang } from '../settings/registry.js';
import type { Settings } from '../settings/settings.js';
import { table } from './stats.js';

export interface ConfigResult {
  code: number;
  stdout: string;
  stderr: string;
}

const show = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));

export function runConfig(
  settings: Settings,
  action: 'get' | 'set' | 'list' | 'path',
  key: string | null,
  value: string | null,
  lang: Lang,
): ConfigResult {
  switch (action) {
    case 'path':
      return { code: 0, stdout: settings.path + '\n', stderr: '' };
    case 'list': {
      const rows = SETTINGS.map((s) => [s.key, show(settings.get(s.key)) || '-', lang === 'zh' ? s.descriptionZh : s.description]);
      return { code: 0, stdout: table(rows), stderr: '' };
    }
    case 'get': {
      if (!SETTINGS.some((s) => s.key === key)) return unknownKey(key!);
      return { code: 0, stdout: show(settings.get(key!)) + '\n', stderr: '' };
    }
    case 'set': {
      const error = settings.setFromString(key!, value!);
      return error ? { code: 2, stdout: '', stderr: `xxgk: ${error}\n` } : { code: 0, stdout: '', stderr: '' };
    }
  }
}

function unknownKey(key: string): ConfigResult {
  return { code: 2, stdout: '', stderr: `xxgk: unknown setting "${key}" (see: xxgk config list)\n` };
}
