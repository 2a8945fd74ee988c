// A table measured with string-width, so Chinese labels line up and numbers stay right-aligned.
// (ink-table cannot load under Ink 6 and counts a CJK character as one column.)
import { Box, Text } from 'ink';
import { useTheme } from '../theme.js';
import { fit } from './text.js';
import { GAP, layoutColumns, windowStart, type TableCell, type TableColumn, type TableRow } from './tableLayout.js';

export type { TableCell, TableColumn, TableRow };

export interface TableProps {
  labelHeader: string;
  columns: TableColumn[];
  rows: TableRow[];
  width: number;
  /** Lines available, header and rule included. */
  height: number;
  /** Cell under the cursor (row index, data-column index); shown only when focused. */
  cursor?: { row: number; col: number };
  focused?: boolean;
}

export function Table({ labelHeader, columns, rows, width, height, cursor, focused = false }: TableProps) {
  const theme = useTheme();
  const layout = layoutColumns(labelHeader, columns, rows, width);
  const bodyHeight = Math.max(1, height - 2);
  const start = windowStart(cursor?.row ?? 0, rows.length, bodyHeight);
  const shown = rows.slice(start, start + bodyHeight);
  const hidden = columns.length - layout.visible.length;
  const position = rows.length > bodyHeight ? ` ${start + 1}-${start + shown.length}/${rows.length}` : '';
  const more = hidden > 0 ? ` +${hidden}→` : '';
  const ruleTail = `${position}${more}`;
  const rule = '─'.repeat(Math.max(0, layout.lineWidth - ruleTail.length)) + ruleTail;

  return (
    <Box flexDirection="column" width={width}>
      <Text bold wrap="truncate">
        {fit(labelHeader, layout.labelWidth)}
        {layout.visible.map((c) => ' '.repeat(GAP) + fit(columns[c]!.header, layout.widths[c]!, columns[c]!.align)).join('')}
      </Text>
      <Text color={theme.border} wrap="truncate">
        {rule}
      </Text>
      {shown.map((row, i) => {
        const rowIndex = start + i;
        const onRow = focused && cursor?.row === rowIndex;
        return (
          <Text key={row.key} wrap="truncate">
            <Text inverse={onRow && cursor?.col === -1} bold={onRow} color={row.highlight ? theme.highlight : undefined} underline={row.highlight}>
              {fit(row.label, layout.labelWidth)}
            </Text>
            {layout.visible.map((c) => (
              <CellText key={c} cell={row.cells[c]} width={layout.widths[c]!} align={columns[c]!.align} selected={onRow && cursor?.col === c} />
            ))}
          </Text>
        );
      })}
    </Box>
  );
}

function CellText({ cell, width, align, selected }: { cell: TableCell | undefined; width: number; align: 'left' | 'right'; selected: boolean }) {
  const theme = useTheme();
  const text = fit(cell?.text ?? '', width, align);
  const dim = cell?.kind === 'null';
  const blank = cell?.kind === 'blank';
  const highlight = cell?.highlight === true;
  // Without colour the terminal may drop inverse video too (TERM=dumb): a `>` in the gap still marks the cell.
  const gap = selected && theme.name === 'no-color' ? theme.symbols.selected + ' '.repeat(GAP - 1) : ' '.repeat(GAP);
  return (
    <>
      {gap}
      <Text
        inverse={selected}
        dimColor={dim && !highlight}
        color={highlight ? theme.highlight : blank ? theme.warning : undefined}
        bold={highlight}
        underline={highlight}
      >
        {text}
      </Text>
    </>
  );
}
