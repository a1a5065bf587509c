// The words and rules of the feedback import page, kept apart from its markup.
import {
  MAX_IMPORT_BYTES,
  type FeedbackImportColumn,
  type FeedbackImportField,
} from '../../api/feedback-import';

/** What each field of an imported row is, as the page names it. */
export const IMPORT_FIELD_NAMES: Record<FeedbackImportField, string> = {
  text: 'What was said',
  audience: 'Who said it (audience)',
  ageBand: 'Age band',
  themes: 'Themes',
  event: 'Engagement event',
  source: 'Where it came from',
  verbatim: 'Their own words (yes or no)',
};

/** Why a chosen file cannot be sent, before any of it is uploaded; undefined when it can. */
export function fileProblem(file: { size: number } | null): string | undefined {
  if (!file) return 'Select a CSV file to import';
  if (file.size === 0) return 'The selected file is empty. Choose a CSV file with a header row';
  if (file.size > MAX_IMPORT_BYTES) {
    return `The selected file is ${megabytes(file.size)}. It must be 20 MB or smaller: split it into smaller files`;
  }
  return undefined;
}

/** "21.5 MB", for a file's size. */
export function megabytes(bytes: number): string {
  const value = bytes / (1024 * 1024);
  return `${value.toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`;
}

/** A whole percentage, 0 to 100, of an upload's fraction. */
export function percentOf(fraction: number): number {
  return Math.max(0, Math.min(100, Math.floor(fraction * 100)));
}

/**
 * The columns to remember after the person chose `header` for `field`: each heading
 * holds one field only, so a field that had it before lets it go; '' is "not in the file".
 */
export function chooseColumn(
  columns: readonly FeedbackImportColumn[],
  field: FeedbackImportField,
  header: string,
): FeedbackImportColumn[] {
  return columns.map((column) => {
    if (column.field === field) return { field, header: header === '' ? null : header };
    if (header !== '' && column.header === header) return { ...column, header: null };
    return column;
  });
}

/** The columns as the server remembers them: only the fields a heading holds. */
export function rememberedColumns(
  columns: readonly FeedbackImportColumn[],
): { field: FeedbackImportField; header: string }[] {
  return columns.flatMap(({ field, header }) => (header === null ? [] : [{ field, header }]));
}

/** "1 row" or "1,204 rows". */
export function rowsWord(count: number): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? 'row' : 'rows'}`;
}

/**
 * The headings of a CSV file's first line (quotes and a byte order mark allowed for),
 * so columns can be chosen even when the server found none it knows.
 */
export function headerRow(text: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (let index = 0; index < source.length; index += 1) {
    const char = source[index]!;
    if (quoted) {
      if (char === '"' && source[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      cells.push(cell.trim());
      cell = '';
    } else if (char === '\n' || char === '\r') break;
    else cell += char;
  }
  cells.push(cell.trim());
  return cells.filter((header) => header !== '');
}

/** The first line of a file, read on the device: as UTF-8, or else as Windows-1252. */
export async function readHeaders(file: Blob): Promise<string[]> {
  const bytes = await file.slice(0, 64 * 1024).arrayBuffer();
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // The slice may end inside a character, or the file is Windows-1252.
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  return headerRow(text);
}
