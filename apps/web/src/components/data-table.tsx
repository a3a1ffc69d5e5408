import type { ReactNode } from 'react';
import ui from './ui.module.css';

export interface Column<T> {
  /** The column's header; also its React key, so unique within a table. */
  readonly header: string;
  /** For columns of buttons: the header is there for screen readers only. */
  readonly hiddenHeader?: boolean;
  readonly className?: string;
  readonly cell: (row: T) => ReactNode;
}

interface DataTableProps<T> {
  readonly rows: readonly T[];
  readonly rowKey: (row: T) => string;
  readonly columns: ReadonlyArray<Column<T> | false>;
  /** Read by screen readers only: what the rows are. */
  readonly caption?: string;
}

/**
 * The list tables of the signed-in pages: a horizontally scrolling wrapper (so a wide table never widens
 * the page on a phone), header cells with `scope`, one row per item. A server component: the `cell`
 * functions run on the server and only the HTML reaches the browser. `false` columns are left out, for
 * columns only some viewers get.
 */
export function DataTable<T>({ rows, rowKey, columns, caption }: DataTableProps<T>) {
  const shown = columns.filter((column): column is Column<T> => column !== false);
  return (
    <div className={ui.tableWrap}>
      <table className={ui.table}>
        {caption && <caption className="visually-hidden">{caption}</caption>}
        <thead>
          <tr>
            {shown.map((column) => (
              <th scope="col" key={column.header}>
                {column.hiddenHeader ? <span className="visually-hidden">{column.header}</span> : column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {shown.map((column) => (
                <td key={column.header} className={column.className}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
