// `?`: every command with its keys, generated from the keymap. Laid out in side-by-side columns; when even that
// does not fit (80×24), the columns scroll together (j/k, PgUp/PgDn, g/G — handled by App through `top`).
import { Box, Text } from 'ink';
import type { Lang } from '../../settings/settings.js';
import { helpSections } from '../keys/keyDocs.js';
import type { KeyBindings } from '../keys/keyBindings.js';
import { useLang, useT } from '../i18n.js';
import { useTheme } from '../theme.js';
import { fit, truncate } from './text.js';

/** One line of the overlay: a section title or a key with its description. */
export type HelpLine = { kind: 'title'; text: string } | { kind: 'row'; keys: string; description: string };

export interface HelpLayout {
  columns: number;
  colWidth: number;
  keyWidth: number;
  /** Lines per column, each column `perColumn` long; the overlay shows `bodyHeight` of them from `top`. */
  groups: HelpLine[][];
  bodyHeight: number;
  maxTop: number;
}

/** Border (2) and the heading line. */
const CHROME_ROWS = 3;

export function helpLayout(bindings: KeyBindings, lang: Lang, width: number, height: number): HelpLayout {
  const lines: HelpLine[] = helpSections(bindings, lang).flatMap((section) => [
    { kind: 'title' as const, text: section.title },
    ...section.rows.map((row) => ({ kind: 'row' as const, keys: row.keys, description: row.description })),
  ]);
  const columns = width >= 150 ? 3 : width >= 60 ? 2 : 1;
  const colWidth = Math.floor((width - 4) / columns);
  const keyWidth = Math.min(16, Math.floor(colWidth * 0.4));
  const perColumn = Math.ceil(lines.length / columns);
  const groups = Array.from({ length: columns }, (_, i) => lines.slice(i * perColumn, (i + 1) * perColumn));
  const bodyHeight = Math.max(1, height - CHROME_ROWS);
  return { columns, colWidth, keyWidth, groups, bodyHeight, maxTop: Math.max(0, perColumn - bodyHeight) };
}

export function HelpOverlay({ bindings, width, height, top = 0 }: { bindings: KeyBindings; width: number; height: number; top?: number }) {
  const theme = useTheme();
  const lang = useLang();
  const t = useT();
  const { colWidth, keyWidth, groups, bodyHeight, maxTop } = helpLayout(bindings, lang, width, height);
  const from = Math.min(Math.max(0, top), maxTop);
  const scroll = maxTop === 0 ? '' : t(`  j/k 滚动 ${from + 1}-${from + bodyHeight}/${maxTop + bodyHeight}`, `  j/k scroll ${from + 1}-${from + bodyHeight}/${maxTop + bodyHeight}`);
  return (
    <Box flexDirection="column" width={width} height={height} borderStyle="double" borderColor={theme.borderFocused} paddingX={1} overflow="hidden">
      <Text bold wrap="truncate">
        {truncate(t('按键帮助  (? 或 Esc 关闭)', 'Keys  (? or Esc to close)') + scroll, width - 4)}
      </Text>
      <Box flexDirection="row">
        {groups.map((group, gi) => (
          <Box key={gi} flexDirection="column" width={colWidth}>
            {group.slice(from, from + bodyHeight).map((line, li) =>
              line.kind === 'title' ? (
                <Text key={li} bold color={theme.accent} wrap="truncate">
                  {truncate(line.text, colWidth)}
                </Text>
              ) : (
                <Text key={li} wrap="truncate">
                  <Text bold>{fit(line.keys, keyWidth)}</Text> {truncate(line.description, Math.max(0, colWidth - keyWidth - 2))}
                </Text>
              ),
            )}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
