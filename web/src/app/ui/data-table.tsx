import type { ReactNode } from 'react';

/**
 * A list as a table: a caption for screen readers, a header per column and, when `actionsLabel` is given, a last
 * column for row actions whose header only screen readers hear. The rows are the children.
 */
export function DataTable({
  caption,
  columns,
  actionsLabel,
  children,
}: {
  caption: string;
  columns: readonly string[];
  actionsLabel?: string;
  children: ReactNode;
}) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
            {actionsLabel && (
              <th scope="col">
                <span className="visually-hidden">{actionsLabel}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
