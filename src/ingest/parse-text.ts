import { looksNarrative, parseNarrative } from './layout-narrative.ts';
import { detectTableLayout, readCellPerLine, readTabSeparated } from './layout-text.ts';
import { normaliseTable } from './table/normalise.ts';
import { DocumentError, type ParsedDocument } from './types.ts';

/** Plain text of a plan (a .txt file, or the text of a PDF without a table) → its rows. */
export function parseText(text: string): ParsedDocument {
  if (text.trim() === '') throw new DocumentError('Tệp không có nội dung');
  switch (detectTableLayout(text)) {
    case 'tab-separated':
      return normaliseTable(readTabSeparated(text));
    case 'cell-per-line':
      return normaliseTable(readCellPerLine(text));
    case null:
      if (looksNarrative(text)) return parseNarrative(text);
      throw new DocumentError(
        'Không nhận ra bố cục kế hoạch: không có bảng nhiệm vụ (STT, Nhiệm vụ, Cơ quan chủ trì…) ' +
          'và không có các mục "Cơ quan chủ trì tham mưu"',
      );
  }
}
