// A query typed before any report has arrived loads the search module at once.
import { Text } from 'ink';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../../src/parse/model.js';
import { useFilteredReports } from '../../../src/views/hooks/useFilteredReports.js';
import { loadSearch, searchRequested } from '../../../src/views/search/reportSearch.js';

function Names({ reports, query }: { reports: Report[]; query: string }) {
  const shown = useFilteredReports(reports, query);
  return <Text>{shown.map((r) => r.file).join(',') || 'none'}</Text>;
}

describe('search module loading', () => {
  it('starts on a query even with no reports yet', async () => {
    const app = render(<Names reports={[]} query="sybk" />);
    await new Promise((r) => setTimeout(r, 20));
    expect(searchRequested()).toBe(true);
    app.unmount();
    await loadSearch(); // the import it started ends inside the test (see searchDeferred.test.tsx)
  });
});
