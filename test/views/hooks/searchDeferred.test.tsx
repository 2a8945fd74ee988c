// The search module is not imported while the list has no reports: importing it holds the JavaScript thread for
// tens of milliseconds, which would delay the first reports when the explorer's first frame had none.
import { Text } from 'ink';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../../src/parse/model.js';
import { useFilteredReports } from '../../../src/views/hooks/useFilteredReports.js';
import { loadSearch, searchRequested } from '../../../src/views/search/reportSearch.js';
import { makeReport } from '../fixtures/reports.js';

function Names({ reports, query }: { reports: Report[]; query: string }) {
  const shown = useFilteredReports(reports, query);
  return <Text>{shown.map((r) => r.file).join(',') || 'none'}</Text>;
}

const tick = () => new Promise((r) => setTimeout(r, 20));

describe('search module loading', () => {
  it('waits for the first reports, then loads', async () => {
    const app = render(<Names reports={[]} query="" />);
    await tick();
    expect(app.lastFrame()).toBe('none');
    expect(searchRequested()).toBe(false);
    app.rerender(<Names reports={[makeReport({ file: 'a.txt' })]} query="" />);
    await tick();
    expect(app.lastFrame()).toBe('a.txt');
    expect(searchRequested()).toBe(true);
    app.unmount();
    // The import it started finishes before the test does: cut short by the test environment's teardown, it failed
    // the run (an unhandled EnvironmentTeardownError) on a busy machine.
    await loadSearch();
  });
});
