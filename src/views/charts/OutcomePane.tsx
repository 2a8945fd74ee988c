// The outcome breakdown pane: for the selected report and for the filtered set, how requests ended (予以公开 …
// 其他处理) and who made them, with counts and shares; the rate signals of format.md §9 (uncoloured below 30
// cases); and, for a body with several years loaded, its new requests and grant rate by year.
// The content is built as one element per terminal line, so when it is taller than the pane (80×24 shows about
// half of it) the pane scrolls by whole lines with the keymap's move commands and shows where it is (`1-18/42`).
import { Box, Text, useInput } from 'ink';
import { useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { APPLICANT_COLUMN_LABELS, OUTCOME_GROUP_LABELS } from '../../parse/dictionary.js';
import type { Report } from '../../parse/model.js';
import { sanitizeInline } from '../../parse/sanitize.js';
import { useLang, useT, type Lang } from '../i18n.js';
import { buildKeyMap, DEFAULT_KEY_BINDINGS, type Command, type KeyBindings } from '../keys/keyBindings.js';
import { commandFor } from '../keys/matchKey.js';
import { useExplorer } from '../navigationContext.js';
import { useTheme, type Theme } from '../theme.js';
import { barChartLines, type BarRow } from './BarChart.js';
import {
  SIGNAL_LABELS,
  SMALL_SAMPLE_CASES,
  applicantBreakdown,
  bodyTrend,
  outcomeBreakdown,
  reportSignals,
  setBreakdown,
  type ApplicantBasis,
  type ApplicantType,
  type Breakdown,
  type Signal,
  type TrendPoint,
} from './breakdown.js';
import type { OutcomeGroup } from '../../parse/dictionary.js';
import { formatPercent, padEndToWidth, padStartToWidth, stringWidth, truncateToWidth } from './textWidth.js';

export interface OutcomePaneProps {
  /** The filtered set. */
  reports: readonly Report[];
  /** The selected report. */
  report: Report | null;
  width: number;
  height: number;
  /** Every loaded report, for the selected body's trend (default: `reports`). */
  allReports?: readonly Report[];
  /** Which table-3 row counts applicants by type (default: newReceived). */
  applicantBasis?: ApplicantBasis;
  /** Whether keys scroll the pane (default: whether the explorer says the detail pane has focus). */
  isActive?: boolean;
  /** The keymap whose move commands scroll the pane (default: the built-in one). */
  bindings?: KeyBindings;
}

/** Below this width the two halves (report, set) stack instead of standing side by side. */
const SIDE_BY_SIDE_MIN_WIDTH = 100;

/** What a section needs to paint itself without hooks (sections are plain functions returning lines). */
interface Paint {
  theme: Theme;
  t: (zh: string, en: string) => string;
  lang: Lang;
}

export function outcomeRows(b: Breakdown<OutcomeGroup>, lang: Lang): BarRow[] {
  return b.counts.map((c) => ({ label: OUTCOME_GROUP_LABELS[c.key][lang], value: c.value, partial: c.partial }));
}

export function applicantRows(b: Breakdown<ApplicantType>, lang: Lang): BarRow[] {
  return b.counts.map((c) => ({ label: lang === 'zh' ? APPLICANT_COLUMN_LABELS[c.key].short : APPLICANT_COLUMN_LABELS[c.key].en, value: c.value, partial: c.partial }));
}

export type ScrollCommand = Extract<Command, 'up' | 'down' | 'pageUp' | 'pageDown' | 'top' | 'bottom'>;
const SCROLL_COMMANDS: readonly Command[] = ['up', 'down', 'pageUp', 'pageDown', 'top', 'bottom'];

/** The first shown line after a move, for `total` lines in a window of `viewport` lines; never past the end. */
export function scrollTop(top: number, command: ScrollCommand, viewport: number, total: number): number {
  const maxTop = Math.max(0, total - viewport);
  const page = Math.max(1, viewport - 1); // one line of overlap keeps the reader's place
  const next = { up: top - 1, down: top + 1, pageUp: top - page, pageDown: top + page, top: 0, bottom: maxTop }[command];
  return Math.min(maxTop, Math.max(0, next));
}

/** `1-18/42`: the shown lines (1-based, inclusive) of all. */
export function scrollPosition(top: number, viewport: number, total: number): string {
  return `${top + 1}-${Math.min(total, top + viewport)}/${total}`;
}

export function OutcomePane({ reports, report, width, height, allReports, applicantBasis = 'newReceived', isActive, bindings = DEFAULT_KEY_BINDINGS }: OutcomePaneProps) {
  const theme = useTheme();
  const t = useT();
  const lang = useLang();
  const explorer = useExplorer();
  const paint: Paint = { theme, t, lang };
  const sideBySide = width >= SIDE_BY_SIDE_MIN_WIDTH;
  const columnWidth = sideBySide ? Math.floor((width - 2) / 2) : width;
  const everyReport = allReports ?? reports;
  const trend = useMemo(() => (report ? bodyTrend(report, everyReport) : []), [report, everyReport]);
  const set = useMemo(() => setBreakdown(reports, applicantBasis), [reports, applicantBasis]);
  const reportLines = reportSection(paint, report, columnWidth, trend, applicantBasis);
  const setLines = setSection(paint, reports.length, set, columnWidth, applicantBasis);
  const lines = sideBySide ? zipColumns(reportLines, setLines, columnWidth) : [...reportLines, <Text key="gap"> </Text>, ...setLines];

  const viewportHeight = Math.max(1, Math.floor(height));
  const scrolls = lines.length > viewportHeight;
  // The last line shows the position, so the content gets one line less when it scrolls.
  const viewport = scrolls ? Math.max(1, viewportHeight - 1) : viewportHeight;
  const [top, setTop] = useState(0);
  // Keys may arrive before the handler of the latest render is subscribed; read the sizes through a ref.
  const size = useRef({ viewport, total: lines.length });
  size.current = { viewport, total: lines.length };
  const keymap = useMemo(() => buildKeyMap(bindings), [bindings]);
  useEffect(() => setTop(0), [report]);

  useInput(
    (input, key) => {
      const command = commandFor(keymap, input, key);
      if (!command || !SCROLL_COMMANDS.includes(command)) return;
      setTop((current) => scrollTop(current, command as ScrollCommand, size.current.viewport, size.current.total));
    },
    { isActive: isActive ?? explorer.focused },
  );

  const start = Math.min(top, Math.max(0, lines.length - viewport));
  return (
    <Box flexDirection="column" width={width} height={viewportHeight} overflow="hidden">
      {lines.slice(start, start + viewport)}
      {scrolls && (
        <Text color={theme.dim} wrap="truncate">
          {padStartToWidth(truncateToWidth(`↑↓ ${scrollPosition(start, viewport, lines.length)}`, width), width)}
        </Text>
      )}
    </Box>
  );
}

/** The two halves side by side, line by line, with a two-column gutter. */
function zipColumns(left: ReactElement[], right: ReactElement[], columnWidth: number): ReactElement[] {
  const rows = Math.max(left.length, right.length);
  return Array.from({ length: rows }, (_, i) => (
    <Box key={`row-${i}`} flexDirection="row" height={1}>
      <Box width={columnWidth} flexShrink={0}>
        {left[i] ?? <Text> </Text>}
      </Box>
      <Box width={2} flexShrink={0} />
      <Box width={columnWidth} flexShrink={0}>
        {right[i] ?? <Text> </Text>}
      </Box>
    </Box>
  ));
}

function basisTitle(basis: ApplicantBasis, t: Paint['t']): string {
  return basis === 'newReceived' ? t('申请人类型（本年新收）', 'Applicants (new this year)') : t('申请人类型（办理结果总计）', 'Applicants (concluded)');
}

function reportSection(p: Paint, report: Report | null, width: number, trend: readonly TrendPoint[], basis: ApplicantBasis): ReactElement[] {
  const { theme, t, lang } = p;
  if (!report) {
    return [
      <Text key="r-none" color={theme.dim} wrap="truncate">
        {truncateToWidth(t('未选择报告', 'No report selected'), width)}
      </Text>,
    ];
  }
  const name = sanitizeInline(`${report.jurisdiction ?? report.file}${report.year === null ? '' : ` ${report.year}`}`);
  const table = report.applications;
  const heading = (
    <Text key="r-head" bold wrap="truncate">
      {truncateToWidth(`${t('本报告：', 'This report: ')}${name}`, width)}
    </Text>
  );
  const body = table
    ? [
        ...barChartLines(theme, { title: t('办理结果', 'Outcomes'), rows: outcomeRows(outcomeBreakdown(table), lang), width }, 'r-out'),
        ...barChartLines(theme, { title: basisTitle(basis, t), rows: applicantRows(applicantBreakdown(table, basis), lang), width }, 'r-app'),
        ...signalLines(p, reportSignals(report), width, 'r-sig'),
      ]
    : [noTable3Line(p, report, width)];
  return [heading, ...body, ...(trend.length >= 2 ? trendLines(p, trend, width) : [])];
}

function noTable3Line({ theme, t }: Paint, report: Report, width: number): ReactElement {
  const reason =
    report.format === 'legacy'
      ? t('2019年以前的旧版报告，没有统计表', 'a pre-2019 report: it has no tables')
      : t('表三缺失、为空或未能识别', 'table 3 is missing, empty, or could not be read');
  return (
    <Text key="r-notable" color={theme.warning} wrap="truncate">
      {truncateToWidth(`${theme.symbols.warning} ${t(`无表三数据（${reason}）`, `No table 3 figures (${reason})`)}`, width)}
    </Text>
  );
}

function setSection(p: Paint, count: number, set: ReturnType<typeof setBreakdown>, width: number, basis: ApplicantBasis): ReactElement[] {
  const { theme, t, lang } = p;
  const without = set.withoutTable > 0 ? t(`，${set.withoutTable} 份无表三`, `, ${set.withoutTable} without table 3`) : '';
  const heading = (
    <Text key="s-head" bold wrap="truncate">
      {truncateToWidth(t(`筛选集合：${count} 份报告${without}`, `Filtered set: ${count} reports${without}`), width)}
    </Text>
  );
  if (set.withTable === 0) {
    return [
      heading,
      <Text key="s-none" color={theme.dim} wrap="truncate">
        {truncateToWidth(t('集合中没有表三数据', 'No table 3 figures in the set'), width)}
      </Text>,
    ];
  }
  return [
    heading,
    ...barChartLines(theme, { title: t('办理结果（合计）', 'Outcomes (sum)'), rows: outcomeRows(set.outcomes, lang), width }, 's-out'),
    ...barChartLines(theme, { title: `${basisTitle(basis, t)}${t('（合计）', ' (sum)')}`, rows: applicantRows(set.applicants, lang), width }, 's-app'),
    ...signalLines(p, set.signals, width, 's-sig'),
  ];
}

/** One line per rate: label, percentage, numerator/base; a small sample is dimmed and marked, never coloured. */
function signalLines({ theme, t, lang }: Paint, signals: readonly Signal[], width: number, keyPrefix: string): ReactElement[] {
  if (signals.length === 0) return [];
  const labels = signals.map((s) => SIGNAL_LABELS[s.id][lang]);
  const labelWidth = Math.min(Math.max(...labels.map((l) => stringWidth(l))), Math.max(0, width - 1));
  return signals.map((s, i) => {
    const value = `${formatPercent(s.rate).padStart(5)}  ${s.numerator}/${s.base}`;
    const note = s.smallSample ? `  ~ ${t(`样本少于${SMALL_SAMPLE_CASES}`, `n<${SMALL_SAMPLE_CASES}`)}` : '';
    const valueRoom = Math.max(0, width - labelWidth - 1);
    const shownValue = truncateToWidth(value, valueRoom);
    return (
      <Text key={`${keyPrefix}-${s.id}`} wrap="truncate">
        <Text>{padEndToWidth(truncateToWidth(labels[i]!, labelWidth), labelWidth)} </Text>
        <Text color={s.smallSample ? theme.dim : theme.accent} bold={!s.smallSample}>
          {shownValue}
        </Text>
        <Text color={theme.dim}>{truncateToWidth(note, Math.max(0, valueRoom - stringWidth(shownValue)))}</Text>
      </Text>
    );
  });
}

/** New requests per year as bars, with the year's grant rate beside each. */
function trendLines({ theme, t }: Paint, points: readonly TrendPoint[], width: number): ReactElement[] {
  const rows: BarRow[] = points.map((p) => ({
    label: String(p.year),
    value: p.newReceived,
    suffix: p.grantRate?.rate == null ? '' : `${t('公开率', 'granted')} ${formatPercent(p.grantRate.rate)}${p.grantRate.smallSample ? '~' : ''}`,
  }));
  return barChartLines(theme, { title: t('历年新收申请与实质公开率', 'New requests and grant rate by year'), rows, width, showPercent: false }, 'r-trend');
}
