/**
 * Helpers shared by the .docx and .xlsx readers: cell text clean-up, rectangular rows, and the typed errors
 * a clerk sees when a file cannot be read.
 */
import { DocumentError, type GridRow } from './types.ts';

/** Messages shown to the user (Vietnamese lives here, not in the readers). */
export const OFFICE_MESSAGES = {
  docxNoTable: 'Không tìm thấy bảng nhiệm vụ trong tệp Word',
  docxInvalid: 'Tệp này không phải tệp Word hợp lệ (.docx)',
  docxLegacy: 'Tệp này là định dạng Word cũ (.doc); hãy mở bằng Word và lưu lại dưới dạng .docx',
  xlsxNoTable: 'Không tìm thấy bảng nhiệm vụ trong tệp Excel',
  xlsxInvalid: 'Tệp này không phải tệp Excel hợp lệ (.xlsx)',
  xlsxLegacy: 'Tệp này là định dạng Excel cũ (.xls); hãy mở bằng Excel và lưu lại dưới dạng .xlsx',
} as const;

/** A row of the task table needs at least this many cells with text to count as the header. */
export const MIN_HEADER_CELLS = 4;

// Compound File Binary signature: legacy .doc and .xls files.
const OLE2_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export function countFilled(cells: readonly string[]): number {
  return cells.filter((cell) => cell !== '').length;
}

/** Pads every row with '' to the widest row, so all rows line up with the header. */
export function toRectangular(rows: readonly GridRow[]): GridRow[] {
  const width = Math.max(0, ...rows.map((row) => row.cells.length));
  return rows.map((row) => ({
    line: row.line,
    cells: Array.from({ length: width }, (_, index) => row.cells[index] ?? ''),
  }));
}

export function isLegacyOfficeFile(buffer: Buffer): boolean {
  return buffer.subarray(0, OLE2_SIGNATURE.length).equals(OLE2_SIGNATURE);
}

/** A `DocumentError` for the user, carrying the library's error as `cause` for the log. */
export function toDocumentError(message: string, cause: unknown): DocumentError {
  const error = new DocumentError(message, null);
  error.cause = cause;
  return error;
}
