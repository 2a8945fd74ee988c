import { Box, Text } from 'ink';
import type { Report } from '../../parse/model.js';
import { fit, truncate, widthOf } from '../components/text.js';
import { useLang } from '../i18n.js';
import { useTheme } from '../theme.js';
import { overviewLines } from './overviewLines.js';

/** Scrolls by its top line: `top` is the cursor row of the overview tab. */
export function OverviewTab({ report, width, height, top }: { report: Report; width: number; height: number; top: number }) {
  const theme = useTheme();
  const lang = useLang();
  const lines = overviewLines(report, lang);
  const start = Math.max(0, Math.min(top, lines.length - height));
  const labelWidth = Math.min(14, Math.max(...lines.filter((l) => l.kind === 'field').map((l) => widthOf(l.label)), 4));
  return (
    <Box flexDirection="column">
      {lines.slice(start, start + height).map((line, i) =>
        line.kind === 'heading' ? (
          <Text key={i} bold color={theme.accent} wrap="truncate">
            {truncate(line.label, width)}
          </Text>
        ) : line.kind === 'field' ? (
          <Text key={i} wrap="truncate">
            <Text color={theme.dim}>{fit(line.label, labelWidth)}</Text> {truncate(line.value, Math.max(0, width - labelWidth - 1))}
          </Text>
        ) : (
          <Text key={i} wrap="truncate">
            <Text bold>{truncate(line.label, Math.min(width, 24))}</Text> {truncate(line.value, Math.max(0, width - Math.min(widthOf(line.label), 24) - 1))}
          </Text>
        ),
      )}
    </Box>
  );
}

export const overviewLineCount = (report: Report, lang: 'zh' | 'en') => overviewLines(report, lang).length;
