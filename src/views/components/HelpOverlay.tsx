// `?`: every command with its keys, generated from the keymap.
import { Box, Text } from 'ink';
import { helpSections } from '../keys/keyDocs.js';
import type { KeyBindings } from '../keys/keyBindings.js';
import { useLang, useT } from '../i18n.js';
import { useTheme } from '../theme.js';
import { fit, truncate } from './text.js';

export function HelpOverlay({ bindings, width, height }: { bindings: KeyBindings; width: number; height: number }) {
  const theme = useTheme();
  const lang = useLang();
  const t = useT();
  const sections = helpSections(bindings, lang);
  // Side-by-side columns of sections, so the whole list fits on a 24-line terminal.
  const columns = width >= 150 ? 3 : width >= 60 ? 2 : 1;
  const colWidth = Math.floor((width - 4) / columns);
  const keyWidth = Math.min(16, Math.floor(colWidth * 0.4));
  const perColumn = Math.ceil(sections.length / columns);
  const groups = Array.from({ length: columns }, (_, i) => sections.slice(i * perColumn, (i + 1) * perColumn));
  return (
    <Box flexDirection="column" width={width} height={height} borderStyle="double" borderColor={theme.borderFocused} paddingX={1} overflow="hidden">
      <Text bold wrap="truncate">
        {truncate(t('按键帮助  (? 或 Esc 关闭)', 'Keys  (? or Esc to close)'), width - 4)}
      </Text>
      <Box flexDirection="row">
        {groups.map((group, gi) => (
          <Box key={gi} flexDirection="column" width={colWidth}>
            {group.map((section) => (
              <Box key={section.category} flexDirection="column" flexShrink={0}>
                <Text bold color={theme.accent} wrap="truncate">
                  {section.title}
                </Text>
                {section.rows.map((row) => (
                  <Text key={row.description} wrap="truncate">
                    <Text bold>{fit(row.keys, keyWidth)}</Text> {truncate(row.description, Math.max(0, colWidth - keyWidth - 2))}
                  </Text>
                ))}
              </Box>
            ))}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
