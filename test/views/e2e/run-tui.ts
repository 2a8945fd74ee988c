// Starts the explorer on a folder without the CLI, for the tmux end-to-end test: tsx test/views/e2e/run-tui.ts DIR [en]
import path from 'node:path';
import { loadFolder } from '../../../src/load/session.js';
import { Settings } from '../../../src/settings/settings.js';
import { runTui } from '../../../src/views/index.js';
import { wantsColor } from '../../../src/views/theme.js';

const root = path.resolve(process.argv[2] ?? 'corpus/sample');
const settings = new Settings();
const lang = process.argv[3] === 'en' ? 'en' : 'zh';
const code = await runTui({
  root,
  events: loadFolder(root, { thresholds: settings.thresholds(), cache: false, workers: 0 }),
  settings,
  lang,
  color: wantsColor(process.env, false, process.stdout.isTTY === true),
});
process.exit(code);
