// The search module is loaded after the explorer's first frame: the list shows every report until it arrives,
// then filters, and a list mounted once it is loaded filters from its first frame.
import { Text } from 'ink';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../../src/parse/model.js';
import { useFilteredReports } from '../../../src/views/hooks/useFilteredReports.js';
import { loadSearch, loadedSearch } from '../../../src/views/search/reportSearch.js';
import { makeReport } from '../fixtures/reports.js';

const reports: Report[] = [
  makeReport({ file: 'a.txt', jurisdiction: '乌鲁木齐市人民政府', year: 2021 }),
  makeReport({ file: 'b.txt', jurisdiction: '沙依巴克区人民政府', year: 2022 }),
];

function Names({ query }: { query: string }) {
  const shown = useFilteredReports(reports, query);
  return <Text>{shown.map((r) => r.file).join(',')}</Text>;
}

const until = async (test: () => boolean) => {
  for (let i = 0; i < 100 && !test(); i++) await new Promise((r) => setTimeout(r, 50));
};

describe('useFilteredReports', () => {
  it('shows every report until the search module has loaded, then only the matches', async () => {
    expect(loadedSearch()).toBeNull();
    const app = render(<Names query="sybk" />);
    expect(app.lastFrame()).toBe('a.txt,b.txt');
    await loadSearch();
    await until(() => app.lastFrame() === 'b.txt');
    expect(app.lastFrame()).toBe('b.txt');
    app.unmount();
  });

  it('filters from the first frame once the module is loaded', async () => {
    await loadSearch();
    const app = render(<Names query="乌鲁木齐" />);
    expect(app.lastFrame()).toBe('a.txt');
    app.unmount();
  });
});
