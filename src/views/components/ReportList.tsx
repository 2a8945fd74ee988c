// The list of reports, windowed: only the rows that fit are rendered, however many reports are loaded.
import { Box, Text } from 'ink';
import type { Level, Report } from '../../parse/model.js';
import { useT } from '../i18n.js';
import type { ListState } from '../state/listState.js';
import { visibleRange } from '../state/listState.js';
import { useTheme } from '../theme.js';
import { SeverityBadge, badgeText } from './SeverityBadge.js';
import { clean, fit, widthOf } from './text.js';

export interface ReportListProps {
  reports: readonly Report[];
  list: ListState;
  width: number;
  focused: boolean;
  /** Shown when the list is empty. */
  emptyMessage: string;
}

const LEVEL_LABELS: Record<Level, { zh: string; en: string }> = {
  province: { zh: '省', en: 'prov' },
  prefecture: { zh: '市', en: 'pref' },
  county: { zh: '县', en: 'cnty' },
  district: { zh: '区', en: 'dist' },
  department: { zh: '部门', en: 'dept' },
  unknown: { zh: '', en: '' },
};

export const reportName = (r: Report): string => clean(r.jurisdiction ?? r.title ?? r.file);

export function ReportList({ reports, list, width, focused, emptyMessage }: ReportListProps) {
  const theme = useTheme();
  const t = useT();
  if (reports.length === 0) {
    return <Text color={theme.dim}>{fit(emptyMessage, width)}</Text>;
  }
  const { start, end } = visibleRange(list);
  const shown = reports.slice(start, end);
  // One badge width for the rows in view, so years and levels line up in columns.
  const badgeWidth = Math.max(0, ...shown.map((r) => widthOf(badgeText(r.anomalies, theme))));
  return (
    <Box flexDirection="column">
      {shown.map((report, i) => {
        const index = start + i;
        const selected = index === list.cursor;
        const level = t(LEVEL_LABELS[report.level].zh, LEVEL_LABELS[report.level].en);
        const badge = badgeText(report.anomalies, theme);
        const year = report.year === null ? '----' : String(report.year);
        const fixed = 2 + 1 + widthOf(year) + 1 + 4 + (badgeWidth > 0 ? 1 + badgeWidth : 0);
        const nameWidth = Math.max(1, width - fixed);
        const marker = selected ? theme.symbols.selected + ' ' : '  ';
        return (
          <Text key={report.file} wrap="truncate">
            <Text inverse={selected && focused} bold={selected}>
              {marker + fit(reportName(report), nameWidth) + ' ' + year + ' ' + fit(level, 4)}
            </Text>
            {badge ? ' ' : ''}
            <SeverityBadge anomalies={report.anomalies} />
          </Text>
        );
      })}
    </Box>
  );
}
