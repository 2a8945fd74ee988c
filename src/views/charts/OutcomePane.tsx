// The outcome breakdown pane: for the selected report and for the filtered set, how requests ended (予以公开 …
// 其他处理) and who made them, with counts and shares; the rate signals of format.md §9 (uncoloured below 30
// cases); and, for a body with several years loaded, its new requests and grant rate by year.
import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { APPLICANT_COLUMN_LABELS, OUTCOME_GROUP_LABELS } from '../../parse/dictionary.js';
import type { Report } from '../../parse/model.js';
import { sanitizeInline } from '../../parse/sanitize.js';
import { useLang, useT, type Lang } from '../i18n.js';
import { useTheme } from '../theme.js';
import { BarChart, type BarRow } from './BarChart.js';
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
import { formatPercent, padEndToWidth, stringWidth, truncateToWidth } from './textWidth.js';

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
}

/** Below this width the two halves (report, set) stack instead of standing side by side. */
const SIDE_BY_SIDE_MIN_WIDTH = 100;

export function outcomeRows(b: Breakdown<OutcomeGroup>, lang: Lang): BarRow[] {
  return b.counts.map((c) => ({ label: OUTCOME_GROUP_LABELS[c.key][lang], value: c.value, partial: c.partial }));
}

export function applicantRows(b: Breakdown<ApplicantType>, lang: Lang): BarRow[] {
  return b.counts.map((c) => ({ label: lang === 'zh' ? APPLICANT_COLUMN_LABELS[c.key].short : APPLICANT_COLUMN_LABELS[c.key].en, value: c.value, partial: c.partial }));
}

export function OutcomePane({ reports, report, width, height, allReports, applicantBasis = 'newReceived' }: OutcomePaneProps) {
  const sideBySide = width >= SIDE_BY_SIDE_MIN_WIDTH;
  const columnWidth = sideBySide ? Math.floor((width - 2) / 2) : width;
  return (
    <Box flexDirection={sideBySide ? 'row' : 'column'} width={width} height={height} overflow="hidden">
      <Box flexDirection="column" width={columnWidth} flexShrink={0}>
        <ReportSection report={report} width={columnWidth} allReports={allReports ?? reports} basis={applicantBasis} />
      </Box>
      {sideBySide ? <Box width={2} flexShrink={0} /> : <Text> </Text>}
      <Box flexDirection="column" width={columnWidth} flexShrink={0}>
        <SetSection reports={reports} width={columnWidth} basis={applicantBasis} />
      </Box>
    </Box>
  );
}

function basisTitle(basis: ApplicantBasis, t: (zh: string, en: string) => string): string {
  return basis === 'newReceived' ? t('申请人类型（本年新收）', 'Applicants (new this year)') : t('申请人类型（办理结果总计）', 'Applicants (concluded)');
}

function ReportSection({ report, width, allReports, basis }: { report: Report | null; width: number; allReports: readonly Report[]; basis: ApplicantBasis }) {
  const theme = useTheme();
  const t = useT();
  const lang = useLang();
  const trend = useMemo(() => (report ? bodyTrend(report, allReports) : []), [report, allReports]);
  if (!report) return <Text color={theme.dim}>{t('未选择报告', 'No report selected')}</Text>;
  const name = sanitizeInline(`${report.jurisdiction ?? report.file}${report.year === null ? '' : ` ${report.year}`}`);
  const table = report.applications;
  return (
    <>
      <Text bold wrap="truncate">
        {truncateToWidth(`${t('本报告：', 'This report: ')}${name}`, width)}
      </Text>
      {table ? (
        <>
          <BarChart title={t('办理结果', 'Outcomes')} rows={outcomeRows(outcomeBreakdown(table), lang)} width={width} />
          <BarChart title={basisTitle(basis, t)} rows={applicantRows(applicantBreakdown(table, basis), lang)} width={width} />
          <Signals signals={reportSignals(report)} width={width} />
        </>
      ) : (
        <NoTable3 report={report} width={width} />
      )}
      {trend.length >= 2 && <Trend points={trend} width={width} />}
    </>
  );
}

function NoTable3({ report, width }: { report: Report; width: number }) {
  const theme = useTheme();
  const t = useT();
  const reason =
    report.format === 'legacy'
      ? t('2019年以前的旧版报告，没有统计表', 'a pre-2019 report: it has no tables')
      : t('表三缺失、为空或未能识别', 'table 3 is missing, empty, or could not be read');
  return (
    <Text color={theme.warning} wrap="truncate">
      {truncateToWidth(`${theme.symbols.warning} ${t(`无表三数据（${reason}）`, `No table 3 figures (${reason})`)}`, width)}
    </Text>
  );
}

function SetSection({ reports, width, basis }: { reports: readonly Report[]; width: number; basis: ApplicantBasis }) {
  const theme = useTheme();
  const t = useT();
  const lang = useLang();
  const set = useMemo(() => setBreakdown(reports, basis), [reports, basis]);
  const without = set.withoutTable > 0 ? t(`，${set.withoutTable} 份无表三`, `, ${set.withoutTable} without table 3`) : '';
  return (
    <>
      <Text bold wrap="truncate">
        {truncateToWidth(t(`筛选集合：${reports.length} 份报告${without}`, `Filtered set: ${reports.length} reports${without}`), width)}
      </Text>
      {set.withTable === 0 ? (
        <Text color={theme.dim} wrap="truncate">
          {truncateToWidth(t('集合中没有表三数据', 'No table 3 figures in the set'), width)}
        </Text>
      ) : (
        <>
          <BarChart title={t('办理结果（合计）', 'Outcomes (sum)')} rows={outcomeRows(set.outcomes, lang)} width={width} />
          <BarChart title={`${basisTitle(basis, t)}${t('（合计）', ' (sum)')}`} rows={applicantRows(set.applicants, lang)} width={width} />
          <Signals signals={set.signals} width={width} />
        </>
      )}
    </>
  );
}

/** One line per rate: label, percentage, numerator/base; a small sample is dimmed and marked, never coloured. */
export function Signals({ signals, width }: { signals: readonly Signal[]; width: number }) {
  const theme = useTheme();
  const t = useT();
  const lang = useLang();
  if (signals.length === 0) return null;
  const labels = signals.map((s) => SIGNAL_LABELS[s.id][lang]);
  const labelWidth = Math.max(...labels.map((l) => stringWidth(l)));
  return (
    <Box flexDirection="column" width={width}>
      {signals.map((s, i) => {
        const value = `${formatPercent(s.rate).padStart(5)}  ${s.numerator}/${s.base}`;
        const note = s.smallSample ? `  ~ ${t(`样本少于${SMALL_SAMPLE_CASES}`, `n<${SMALL_SAMPLE_CASES}`)}` : '';
        return (
          <Text key={s.id} wrap="truncate">
            <Text>{padEndToWidth(labels[i]!, labelWidth)} </Text>
            <Text color={s.smallSample ? theme.dim : theme.accent} bold={!s.smallSample}>
              {truncateToWidth(value, Math.max(0, width - labelWidth - 1))}
            </Text>
            <Text color={theme.dim}>{note}</Text>
          </Text>
        );
      })}
    </Box>
  );
}

/** New requests per year as bars, with the year's grant rate beside each. */
export function Trend({ points, width }: { points: readonly TrendPoint[]; width: number }) {
  const t = useT();
  const rows: BarRow[] = points.map((p) => ({
    label: String(p.year),
    value: p.newReceived,
    suffix: p.grantRate?.rate == null ? '' : `${t('公开率', 'granted')} ${formatPercent(p.grantRate.rate)}${p.grantRate.smallSample ? '~' : ''}`,
  }));
  return <BarChart title={t('历年新收申请与实质公开率', 'New requests and grant rate by year')} rows={rows} width={width} showPercent={false} />;
}
