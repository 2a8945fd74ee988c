// The right-hand pane: tab titles and the open tab for the selected report.
import { Box, Text } from 'ink';
import type { LoadProblem } from '../../load/types.js';
import type { Report } from '../../parse/model.js';
import type { KeyBindings } from '../keys/keyBindings.js';
import { useT } from '../i18n.js';
import { ExplorerContext, type ExplorerActions } from '../navigationContext.js';
import type { NavigationState } from '../state/navigation.js';
import { useTheme } from '../theme.js';
import { OutcomePane } from '../charts/OutcomePane.js';
import { AnomaliesPane } from '../review/AnomaliesPane.js';
import { OverviewTab } from '../tabs/OverviewTab.js';
import { ProblemsTab } from '../tabs/ProblemsTab.js';
import { tableForTab } from '../tabs/tableTabs.js';
import { Pane, paneInner } from './Pane.js';
import { Table } from './Table.js';
import { TabBar } from './TabBar.js';
import { reportName } from './ReportList.js';
import { clean, truncate } from './text.js';

export interface DetailPaneProps {
  report: Report | null;
  /** The reports the list shows, for panes that compare (outcomes). */
  reports: readonly Report[];
  /** Every loaded report (the outcome pane's trend of the selected body). */
  allReports: readonly Report[];
  problems: readonly LoadProblem[];
  nav: NavigationState;
  bindings: KeyBindings;
  width: number;
  height: number;
  actions: ExplorerActions;
  lang: 'zh' | 'en';
}

export function DetailPane({ report, reports, allReports, problems, nav, bindings, width, height, actions, lang }: DetailPaneProps) {
  const t = useT();
  const focused = nav.focus === 'detail';
  const inner = paneInner(width, height);
  const contentHeight = Math.max(1, inner.height - 1);
  const title = report ? `[2-9] ${reportName(report)}${report.year ? ' ' + report.year : ''}` : `[2-9] ${t('详情', 'Details')}`;
  return (
    <Pane title={title} width={width} height={height} focused={focused}>
      <TabBar active={nav.tab} bindings={bindings} width={inner.width} focused={focused} />
      <ExplorerContext.Provider value={{ ...actions, focused }}>
        <TabContent report={report} reports={reports} allReports={allReports} bindings={bindings} actions={actions} problems={problems} nav={nav} width={inner.width} height={contentHeight} lang={lang} />
      </ExplorerContext.Provider>
    </Pane>
  );
}

function TabContent({ report, reports, allReports, bindings, actions, problems, nav, width, height, lang }: Omit<DetailPaneProps, 'height'> & { height: number }) {
  const theme = useTheme();
  const t = useT();
  const focused = nav.focus === 'detail';
  const cursor = nav.cursors[nav.tab];
  if (nav.tab === 'problems') return <ProblemsTab problems={problems} width={width} height={height} cursor={cursor.row} focused={focused} />;
  // The queue covers every report, so it opens over the whole screen (App) rather than inside this pane.
  if (nav.tab === 'review') return <Text color={theme.dim}>{truncate(t('审阅队列：按 Enter 打开（整个文件夹的异常）。', 'Review queue: press Enter to open it (every anomaly of the folder).'), width)}</Text>;
  if (!report) return <Text color={theme.dim}>{truncate(t('没有选中的报告。', 'No report selected.'), width)}</Text>;
  switch (nav.tab) {
    case 'overview':
      return <OverviewTab report={report} width={width} height={height} top={cursor.row} />;
    case 'outcomes':
      return <OutcomePane reports={reports} report={report} allReports={allReports} width={width} height={height} isActive={focused} bindings={bindings} />;
    case 'anomalies':
      return (
        <AnomaliesPane
          report={report}
          width={width}
          height={height}
          isActive={focused}
          onJump={(anomaly) => {
            if (anomaly.cells[0]) actions.jumpToCell(anomaly.cells[0]);
            actions.notify(clean(lang === 'zh' ? anomaly.messageZh : anomaly.message));
          }}
        />
      );
    default: {
      const table = tableForTab(nav.tab, report, lang, width);
      if (!table) return <Text color={theme.dim}>{truncate(t('这份报告没有此表（2019年前的报告只有文字）。', 'This report has no such table (reports before 2019 are prose only).'), width)}</Text>;
      return (
        <Box flexDirection="column">
          <Table labelHeader={table.labelHeader} columns={table.columns} rows={table.rows} width={width} height={height} cursor={cursor} focused={focused} />
        </Box>
      );
    }
  }
}
