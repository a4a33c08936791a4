import { Table } from '@mantine/core';
import { CSSProperties, Key, ReactNode } from 'react';
import { QueryState } from './QueryState';
import { MorePages, ShowMore } from './ShowMore';

/** One column of a PagedTable: its header and what each row shows in it. */
export interface Column<T> {
  /** The column header (`scope="col"`): text, or hidden text for a column of buttons. */
  header: ReactNode;
  cell(item: T): ReactNode;
  style?: CSSProperties;
}

/**
 * What a PagedTable lists: a paged list of `usePages` as it is, or an unpaged answer as
 * `{ items, isPending, error }` (no "Visa fler" then).
 */
export interface ListState<T> extends Partial<MorePages> {
  items: T[];
  isPending: boolean;
  error: unknown;
}

/**
 * The list table of every screen: the states before it (loading, an error in words, and the
 * `empty` text when there are no items; without `empty` the table shows with no rows), a caption,
 * column headers, one row per item whose first cell is the row's header (`scope="row"`, so a
 * screen reader names the row by it), and "Visa fler" under it while the list has more pages.
 * `bordered` tables (settings and logs) have a border and no scroll container; the others are
 * striped and scroll sideways below `minWidth`.
 */
export function PagedTable<T>({
  list,
  columns,
  rowKey,
  caption,
  empty,
  testId,
  minWidth = 700,
  bordered = false,
  moreLabel,
}: {
  list: ListState<T>;
  columns: Column<T>[];
  rowKey(item: T): Key;
  caption: ReactNode;
  empty?: string;
  testId?: string;
  minWidth?: number;
  bordered?: boolean;
  moreLabel?: string;
}) {
  const [first, ...rest] = columns;
  const table = (
    <Table striped={!bordered} withTableBorder={bordered} data-testid={testId}>
      <Table.Caption>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          {columns.map((column, i) => (
            <Table.Th scope="col" key={i}>
              {column.header}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {list.items.map((item) => (
          <Table.Tr key={rowKey(item)}>
            <Table.Th scope="row" fw={500} style={first.style}>
              {first.cell(item)}
            </Table.Th>
            {rest.map((column, i) => (
              <Table.Td key={i} style={column.style}>
                {column.cell(item)}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
  return (
    <QueryState query={list} empty={empty ?? ''} isEmpty={empty !== undefined && list.items.length === 0}>
      {bordered ? table : <Table.ScrollContainer minWidth={minWidth}>{table}</Table.ScrollContainer>}
      {list.loadMore && (
        <ShowMore
          list={{ ...list, hasMore: !!list.hasMore, loadingMore: !!list.loadingMore, loadMore: list.loadMore }}
          label={moreLabel}
          justify="center"
        />
      )}
    </QueryState>
  );
}
