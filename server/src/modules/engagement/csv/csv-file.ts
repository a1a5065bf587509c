import { parse } from 'csv-parse/sync';
import { BadRequest } from '../../../base/errors';
import { decodeCsv } from './decode-csv';

/** The largest file an import takes; the browser says so before uploading a larger one. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** The most rows one file may import: a year of surveys, and still checked in seconds. */
export const MAX_IMPORT_ROWS = 50_000;

/** One record of the file with the line it starts on. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export interface RowProblem {
  /** The line of the file, as a spreadsheet numbers it (the header is line 1). */
  row: number;
  message: string;
}

/** A survey tool's CSV file as read: its headings and its records. */
export interface CsvFile {
  headers: string[];
  records: CsvRecord[];
}

/**
 * Reads an uploaded file as CSV with a header row, whatever its encoding (decodeCsv).
 * Cells stay text: nothing in them is ever evaluated, so a formula is only words here.
 * A file that is not CSV, has no header or too many rows is a 400 saying what to do.
 */
export function readCsvFile(bytes: Buffer): CsvFile {
  const [header, ...records] = parseCsv(decodeCsv(bytes));
  if (!header)
    throw new BadRequest('The file has no header row. The first line must name the columns.');
  if (records.length > MAX_IMPORT_ROWS) {
    throw new BadRequest(
      `The file has ${records.length.toLocaleString('en-GB')} rows; import at most ${MAX_IMPORT_ROWS.toLocaleString('en-GB')} at a time. Split it into smaller files.`,
    );
  }
  return { headers: header.cells.map((cell) => cell.trim()), records };
}

/** Records with the line each starts on; a file that is not CSV is a 400 naming the line. */
function parseCsv(text: string): CsvRecord[] {
  try {
    const records = parse(text, {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return records.map(({ record, info }) => ({ line: info.lines, cells: record }));
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new BadRequest(
      `The file could not be read as CSV${line ? ` at line ${line}` : ''}: a quote may be left open. Save it again from your spreadsheet as CSV.`,
    );
  }
}
