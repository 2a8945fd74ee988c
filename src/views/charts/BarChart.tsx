// A horizontal bar chart: labels aligned by terminal width, bars scaled to the largest value, value and share
// right-aligned, no line wider than `width`. Layout lives in barLayout.ts; this file only paints it.
import { Box, Text } from 'ink';
import type { ReactElement } from 'react';
import { useTheme, type Theme } from '../theme.js';
import { layoutBars, type BarRow } from './barLayout.js';
import { truncateToWidth } from './textWidth.js';

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

/**
 * The chart as one element per terminal line (title first), keyed by `keyPrefix`, so a scrolling pane can
 * count and slice its lines without measuring a rendered tree.
 */
export function barChartLines(theme: Theme, { rows, width, showPercent = true, total, title }: BarChartProps, keyPrefix = 'bar'): ReactElement[] {
  const lines = layoutBars(rows, { width, showPercent, total, barChar: theme.symbols.bar });
  const titleLine =
    title === undefined
      ? []
      : [
          <Text key={`${keyPrefix}-title`} bold wrap="truncate">
            {truncateToWidth(title, width)}
          </Text>,
        ];
  return [
    ...titleLine,
    ...lines.map((line, i) => (
      <Text key={`${keyPrefix}-${i}`} wrap="truncate">
        <Text color={theme.text}>{line.label}</Text>
        <Text color={theme.accent}>{line.bar}</Text>
        <Text color={theme.text}>{line.value}</Text>
      </Text>
    )),
  ];
}

export function BarChart(props: BarChartProps) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" width={props.width}>
      {barChartLines(theme, props)}
    </Box>
  );
}
