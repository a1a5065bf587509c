import { stringify } from 'csv-stringify/sync';

/**
 * CSV that opens cleanly in a spreadsheet: a byte order mark so Excel reads UTF-8, a
 * header row, and every cell a spreadsheet would take for a formula (=, +, -, @, a tab
 * or carriage return first) written as text instead (CSV injection).
 */
export function spreadsheetCsv(columns: string[], rows: (string | number)[][]): string {
  return `\uFEFF${stringify(rows, {
    header: true,
    columns,
    cast: { string: (value) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value) },
  })}`;
}
