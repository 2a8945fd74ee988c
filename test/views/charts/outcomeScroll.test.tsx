import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import type { LoadEvent } from '../../../src/load/types.js';
import { App } from '../../../src/views/App.js';
import { DEFAULT_KEY_BINDINGS } from '../../../src/views/keys/keyBindings.js';
import { defaultTheme } from '../../../src/views/theme.js';
import { makeReport, sampleReport } from '../fixtures/reports.js';

const tick = (ms = 150) => new Promise((r) => setTimeout(r, ms));

function corpusEvents(): AsyncIterable<LoadEvent> {
  const reports = [sampleReport(), makeReport({ file: 'b.txt', jurisdiction: '沙依巴克区人民政府', level: 'district', year: 2022 })];
  return (async function* () {
    for (const report of reports) yield { kind: 'report', report } as LoadEvent;
    yield { kind: 'done', corpus: { root: '/r', reports, problems: [] } };
  })();
}

describe('outcome tab at 80×24', () => {
  it('debug', async () => {
    const app = render(<App events={corpusEvents()} bindings={DEFAULT_KEY_BINDINGS} lang="zh" theme={defaultTheme} size={{ columns: 80, rows: 24 }} />);
    await tick(250);
    app.stdin.write('6');
    await tick();
    console.log(app.lastFrame());
    app.stdin.write('G');
    await tick();
    console.log(app.lastFrame());
  });
});
