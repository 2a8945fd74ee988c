// The `/` search line. Filtering happens as you type; this only shows what is typed and how many match.
import { Text } from 'ink';
import { useT } from '../i18n.js';
import { useTheme } from '../theme.js';
import { truncate, widthOf } from './text.js';

export function SearchBox({ draft, matches, total, width }: { draft: string; matches: number; total: number; width: number }) {
  const theme = useTheme();
  const t = useT();
  const counter = ` ${matches}/${total}`;
  const prompt = '/ ';
  const room = Math.max(1, width - widthOf(prompt) - widthOf(counter) - 1);
  // Show the end of a long query, where the typing happens.
  let shown = draft;
  while (widthOf(shown) > room) shown = [...shown].slice(1).join('');
  const hint = draft === '' ? truncate(t('输入名称、拼音或年份…  Enter 保留  Esc 取消', 'name, pinyin or year…  Enter keep  Esc cancel'), room) : '';
  return (
    <Text wrap="truncate">
      <Text color={theme.accent} bold>
        {prompt}
      </Text>
      {shown}
      <Text inverse> </Text>
      <Text color={theme.dim}>{hint}</Text>
      <Text color={theme.dim}>{' '.repeat(Math.max(0, room - widthOf(shown) - widthOf(hint)))}</Text>
      <Text bold>{counter}</Text>
    </Text>
  );
}
