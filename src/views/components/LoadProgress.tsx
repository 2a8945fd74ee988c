// The line above the status bar while a folder loads: files done of the total (unknown until discovery ends),
// the read rate, the file being read, and how to stop; then, once every file is read, that the cross-report checks
// are running. The explorer is usable meanwhile.
import { Text } from 'ink';
import type { Lang } from '../../settings/settings.js';
import { readRate, type CorpusState } from '../state/corpusState.js';
import { useTheme } from '../theme.js';
import { clean, fit, truncate, truncateStart, widthOf } from './text.js';

export interface LoadProgressProps {
  corpus: CorpusState;
  width: number;
  lang: Lang;
  /** The key that cancels, as help shows it (`Esc`). */
  cancelKey: string;
}

/** The parts of the line, each already in the interface language; the file name is cut to what is left. */
export function progressLine(corpus: CorpusState, width: number, lang: Lang, cancelKey: string): string {
  const t = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const tail = `  ${cancelKey} ${t('取消读取', 'cancels')}`;
  if (corpus.checking) {
    return truncate(`${checkingLine(corpus.checking, corpus.reports.length, t)}${tail}`, width);
  }
  const count = corpus.total === null ? `${corpus.done}/?` : `${corpus.done}/${corpus.total}`;
  const share = corpus.total ? ` ${Math.floor((100 * corpus.done) / corpus.total)}%` : '';
  const rate = readRate(corpus);
  const head = `${t('读取中', 'Loading')} ${count}${share}${rate === null ? '' : ` · ${rate.toFixed(1)} MB/s`}`;
  const file = clean(corpus.current);
  const room = width - widthOf(head) - widthOf(tail) - 3;
  const shownFile = file && room >= 6 ? ` · ${truncateStart(file, room)}` : '';
  return truncate(`${head}${shownFile}${tail}`, width);
}

/** What the cross-report checks are doing: reading what the last load stored, or checking changed bodies or all. */
function checkingLine(checking: NonNullable<CorpusState['checking']>, reports: number, t: (zh: string, en: string) => string): string {
  switch (checking.stage) {
    case 'stored':
      return t(`跨报告核查：读取上次的结果（${reports} 份报告）…`, `Cross-report checks: reading the last load's findings (${reports} reports)…`);
    case 'changed': {
      const bodies = checking.changedBodies;
      return t(`跨报告核查中（${reports} 份报告，${bodies} 个主体有改动）…`, `Checking ${reports} reports against each other (${bodies} ${bodies === 1 ? 'body' : 'bodies'} changed)…`);
    }
    case 'all':
      return t(`跨报告核查中（${reports} 份报告）…`, `Checking ${reports} reports against each other…`);
  }
}

export function LoadProgress({ corpus, width, lang, cancelKey }: LoadProgressProps) {
  const theme = useTheme();
  return (
    <Text color={theme.accent} wrap="truncate">
      {fit(progressLine(corpus, width, lang, cancelKey), width)}
    </Text>
  );
}
