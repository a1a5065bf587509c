import type { ReactNode } from 'react';

export interface TableRow {
  key: string;
  cells: ReactNode[];
}

interface TableProps {
  caption: string;
  /** Hide the caption when a heading just above already says the same. */
  captionHidden?: boolean;
  headers: string[];
  rows: TableRow[];
}

/** NHS.UK table; the caption names it for screen readers and heads it on the page. */
export function Table({ caption, captionHidden = false, headers, rows }: TableProps) {
  // On narrow screens a wide table scrolls sideways inside a focusable region, so
  // keyboard users can scroll it too, instead of widening the whole page.
  return (
    <div className="app-table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="nhsuk-table">
        <caption
          className={
            captionHidden
              ? 'nhsuk-u-visually-hidden'
              : 'nhsuk-table__caption nhsuk-table__caption--m'
          }
        >
          {caption}
        </caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            {headers.map((header) => (
              <th scope="col" className="nhsuk-table__header" key={header}>
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {rows.map((row) => (
            <tr className="nhsuk-table__row" key={row.key}>
              {row.cells.map((cell, index) => (
                <td className="nhsuk-table__cell" key={headers[index] ?? index}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
