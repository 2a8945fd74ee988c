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
    const checking = t(`跨报告核查中（${corpus.reports.length} 份报告）…`, `Checking ${corpus.reports.length} reports against each other…`);
    return truncate(`${checking}${tail}`, width);
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

export function LoadProgress({ corpus, width, lang, cancelKey }: LoadProgressProps) {
  const theme = useTheme();
  return (
    <Text color={theme.accent} wrap="truncate">
      {fit(progressLine(corpus, width, lang, cancelKey), width)}
    </Text>
  );
}
