import { extname } from 'node:path';
import { parseText } from './parse-text.ts';
import { readDocx } from './read-docx.ts';
import { readPdf } from './read-pdf.ts';
import { readXlsx } from './read-xlsx.ts';
import { normaliseTable } from './table/normalise.ts';
import { DocumentError, type ParsedDocument } from './types.ts';

export const SUPPORTED_EXTENSIONS = ['.txt', '.docx', '.xlsx', '.pdf'] as const;

export { parseText };

export function isSupportedFile(name: string): boolean {
  return (SUPPORTED_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase());
}

/** Bytes of one plan file → its rows, whichever of the supported layouts it is in. */
export async function parseDocument(name: string, bytes: Buffer): Promise<ParsedDocument> {
  if (bytes.length === 0) throw new DocumentError('Tệp rỗng');
  switch (extname(name).toLowerCase()) {
    case '.docx':
      return normaliseTable(await readDocx(bytes));
    case '.xlsx':
      return normaliseTable(await readXlsx(bytes));
    case '.pdf':
      return readPdf(bytes);
    case '.txt':
      return parseText(decodeUtf8(bytes));
    default:
      throw new DocumentError(
        `Định dạng ${extname(name) || '(không có đuôi)'} chưa được hỗ trợ (chỉ nhận .txt, .docx, .xlsx, .pdf)`,
      );
  }
}

function decodeUtf8(bytes: Buffer): string {
  if (bytes[0] === 0xff || bytes[0] === 0xfe) {
    throw new DocumentError('Tệp được lưu dạng UTF-16; hãy lưu lại dạng UTF-8');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes).replace(/\r\n?/g, '\n');
  } catch {
    throw new DocumentError(
      'Tệp không phải văn bản UTF-8 (có thể là bảng mã cũ TCVN3/VNI); hãy lưu lại dạng UTF-8',
    );
  }
}
