// A bordered pane with its jump number in the title (`[1] 报告`). The focused pane gets a double border,
// which shows focus with or without colour.
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { useTheme } from '../theme.js';
import { truncate, widthOf } from './text.js';

export interface PaneProps {
  title: string;
  /** Shown at the right of the title line, e.g. a count. */
  info?: string;
  width: number;
  height: number;
  focused: boolean;
  children: ReactNode;
}

export function Pane({ title, info = '', width, height, focused, children }: PaneProps) {
  const theme = useTheme();
  const color = focused ? theme.borderFocused : theme.border;
  const [corner, line, cornerRight] = focused ? ['╔', '═', '╗'] : ['╭', '─', '╮'];
  const room = Math.max(0, width - 3);
  const titleText = truncate(` ${title} `, room);
  const infoText = truncate(info ? ` ${info} ` : '', Math.max(0, room - widthOf(titleText)));
  const fill = line.repeat(Math.max(0, room - widthOf(titleText) - widthOf(infoText)));
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text color={color} wrap="truncate">
        {corner + line}
        <Text bold={focused} inverse={focused && theme.name === 'no-color'}>
          {titleText}
        </Text>
        {fill}
        {infoText}
        {cornerRight}
      </Text>
      {/* Keyed by focus: Ink applies a changed borderStyle without the borderTop={false} beside it, which
          would reserve an empty top line; a fresh box gets both. */}
      <Box
        key={focused ? 'focused' : 'idle'}
        borderStyle={focused ? 'double' : 'round'}
        borderTop={false}
        borderColor={color}
        width={width}
        height={Math.max(1, height - 1)}
        flexDirection="column"
        overflow="hidden"
      >
        {children}
      </Box>
    </Box>
  );
}

/** Inner size of a pane of the given outer size. */
export const paneInner = (width: number, height: number) => ({ width: Math.max(0, width - 2), height: Math.max(0, height - 2) });
