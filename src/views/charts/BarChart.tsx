// A horizontal bar chart: labels aligned by terminal width, bars scaled to the largest value, value and share
// right-aligned, no line wider than `width`. Layout lives in barLayout.ts; this file only paints it.
import { Box, Text } from 'ink';
import { useTheme } from '../theme.js';
import { layoutBars, type BarRow } from './barLayout.js';

export type { BarRow };

export interface BarChartProps {
  rows: readonly BarRow[];
  width: number;
  /** Show each value's share (default true). */
  showPercent?: boolean;
  /** Base of the shares; default: the sum of the values. */
  total?: number;
  title?: string;
}

export function BarChart({ rows, width, showPercent = true, total, title }: BarChartProps) {
  const theme = useTheme();
  const lines = layoutBars(rows, { width, showPercent, total, barChar: theme.symbols.bar });
  return (
    <Box flexDirection="column" width={width}>
      {title !== undefined && (
        <Text bold wrap="truncate">
          {title}
        </Text>
      )}
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate">
          <Text color={theme.text}>{line.label}</Text>
          <Text color={theme.accent}>{line.bar}</Text>
          <Text color={theme.text}>{line.value}</Text>
        </Text>
      ))}
    </Box>
  );
}
