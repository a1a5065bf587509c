import { decode } from 'iconv-lite';
import { BadRequest } from '../../../base/errors';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The text of an uploaded CSV file. Spreadsheets save UTF-8 with or without a byte order
 * mark, or Windows-1252 (Excel's "CSV" on a UK Windows machine): bytes that are not
 * UTF-8 are read as Windows-1252, where every byte is a character. A file with NUL bytes
 * is not text at all (a spreadsheet saved as .xlsx, an image) and is refused.
 */
export function decodeCsv(bytes: Buffer): string {
  if (bytes.length === 0)
    throw new BadRequest('The file is empty. Choose a CSV file with a header row.');
  if (bytes.includes(0)) {
    throw new BadRequest(
      'This file is not a CSV file (it may be an Excel workbook or a document). Save it from your spreadsheet as “CSV UTF-8” and try again.',
    );
  }
  const withoutBom =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return UTF8.decode(withoutBom);
  } catch {
    // Not Node's TextDecoder: it reads "windows-1252" as Latin-1, turning “–” and “£” into controls.
    return decode(withoutBom, 'windows-1252');
  }
}
