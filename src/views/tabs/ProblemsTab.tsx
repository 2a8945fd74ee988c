// Files that failed to load, with the reason.
import { Box, Text } from 'ink';
import type { LoadProblem } from '../../load/types.js';
import { clean, truncate, widthOf } from '../components/text.js';
import { windowStart } from '../components/tableLayout.js';
import { useLang, useT } from '../i18n.js';
import { useTheme } from '../theme.js';

export function ProblemsTab({ problems, width, height, cursor, focused }: { problems: readonly LoadProblem[]; width: number; height: number; cursor: number; focused: boolean }) {
  const theme = useTheme();
  const lang = useLang();
  const t = useT();
  if (problems.length === 0) return <Text color={theme.dim}>{truncate(t('所有文件都已读取。', 'Every file loaded.'), width)}</Text>;
  const start = windowStart(cursor, problems.length, height);
  return (
    <Box flexDirection="column">
      {problems.slice(start, start + height).map((p, i) => {
        const file = clean(p.file);
        const reason = clean(lang === 'zh' ? p.messageZh : p.message);
        const selected = focused && start + i === cursor;
        return (
          <Text key={p.file + i} wrap="truncate" inverse={selected}>
            <Text color={theme.error}>{theme.symbols.error} </Text>
            <Text bold>{truncate(file, Math.max(8, Math.floor(width / 2)))}</Text> {truncate(`${reason} (${p.code})`, Math.max(0, width - 3 - Math.min(widthOf(file), Math.max(8, Math.floor(width / 2)))))}
          </Text>
        );
      })}
    </Box>
  );
}
