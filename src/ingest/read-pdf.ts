/**
 * Reads a plan published as PDF. The text layer is checked first (a scan, or an old TCVN3/VNI font, is refused
 * with its reason). A PDF with a task table is rebuilt into the grid the .docx and .xlsx readers produce and goes
 * through the same table reader; a PDF without one is read as text by the narrative reader.
 */
import { parseText } from './parse-text.ts';
import { loadPdf } from './pdf/load-pdf.ts';
import { findTableFrame } from './pdf/table-frame.ts';
import { readTableRows } from './pdf/table-rows.ts';
import { checkTextLayer } from './pdf/text-layer.ts';
import { pagesToText } from './pdf/text-lines.ts';
import { normaliseTable } from './table/normalise.ts';
import type { ParsedDocument } from './types.ts';

export async function readPdf(bytes: Buffer): Promise<ParsedDocument> {
  const pages = await loadPdf(bytes);
  checkTextLayer(pages);
  const frame = findTableFrame(pages);
  if (!frame) {
    const { text, linePages } = pagesToText(pages);
    return { ...parseText(text), linePages };
  }
  const { preamble, rows, after, linePages } = readTableRows(pages, frame);
  return { ...normaliseTable({ layout: 'pdf', preamble, grid: { rows }, after }), linePages };
}
