// One line at the bottom: where you are, a passing message, how many reports match, and the keys that work here.
import { Box, Text } from 'ink';
import { useTheme } from '../theme.js';
import { fit, truncate, widthOf } from './text.js';

export interface StatusBarProps {
  breadcrumb: string;
  message: string | null;
  /** `12/345` */
  count: string;
  hints: Array<{ key: string; label: string }>;
  width: number;
}

export function StatusBar({ breadcrumb, message, count, hints, width }: StatusBarProps) {
  const theme = useTheme();
  const right = ` ${count}`;
  const hintText = hints.map((h) => `${h.key} ${h.label}`).join('  ');
  const leftRoom = Math.max(0, width - widthOf(right));
  // A message takes the breadcrumb's place while it shows; hints get what is left.
  const lead = truncate(message ?? breadcrumb, Math.max(0, Math.min(leftRoom, message ? leftRoom : Math.ceil(leftRoom / 2))));
  const hintRoom = Math.max(0, leftRoom - widthOf(lead) - 2);
  const hintShown = message ? '' : truncate(hintText, hintRoom);
  return (
    <Box width={width}>
      <Text wrap="truncate">
        <Text color={message ? theme.accent : undefined} bold={!!message}>
          {lead}
        </Text>
        {hintShown ? '  ' : ''}
        <Text color={theme.dim}>{fit(hintShown, Math.max(0, leftRoom - widthOf(lead) - (hintShown ? 2 : 0)))}</Text>
        <Text bold>{right}</Text>
      </Text>
    </Box>
  );
}
