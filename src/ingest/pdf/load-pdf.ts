/**
 * Opens a PDF with pdfjs (the legacy build, the one meant for Node) and reads each page's text pieces and ruling
 * lines. Nothing is rendered, so no canvas is needed; fonts are never loaded into a page, only decoded.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { toNfc } from '../../vi/fold.ts';
import { DocumentError } from '../types.ts';
import { PDF_MESSAGES } from './messages.ts';
import { findRules } from './page-rules.ts';
import type { PdfItem, PdfPage } from './types.ts';

/** A plan is a few dozen pages; a file of thousands is not a plan, and reading it would hold the importer up. */
export const MAX_PDF_PAGES = 500;

// Character maps and the standard fonts ship inside pdfjs-dist; some PDFs need them to map glyphs to text.
const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

export async function loadPdf(bytes: Buffer): Promise<PdfPage[]> {
  const document = await open(bytes);
  try {
    if (document.numPages > MAX_PDF_PAGES)
      throw new DocumentError(PDF_MESSAGES.tooManyPages(document.numPages));
    const pages: PdfPage[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      pages.push(await readPage(await document.getPage(number), number));
    }
    return pages;
  } finally {
    await document.destroy();
  }
}

async function open(bytes: Buffer): Promise<PDFDocumentProxy> {
  // pdfjs takes ownership of the array it is given: hand it a copy, never the caller's buffer.
  const data = new Uint8Array(bytes);
  const task = getDocument({
    data,
    cMapUrl: join(PDFJS_DIR, 'cmaps/'),
    cMapPacked: true,
    standardFontDataUrl: join(PDFJS_DIR, 'standard_fonts/'),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    return await task.promise;
  } catch (error) {
    await task.destroy();
    const name = error instanceof Error ? error.name : '';
    const message = name === 'PasswordException' ? PDF_MESSAGES.encrypted : PDF_MESSAGES.invalid;
    const failure = new DocumentError(message);
    failure.cause = error;
    throw failure;
  }
}

async function readPage(page: PDFPageProxy, number: number): Promise<PdfPage> {
  const viewport = page.getViewport({ scale: 1 });
  const toPage = (x: number, y: number): [number, number] => {
    const [px = 0, py = 0] = viewport.convertToViewportPoint(x, y);
    return [px, py];
  };
  const content = await page.getTextContent();
  const items = content.items.flatMap((item) => ('str' in item ? toItem(item, toPage) : []));
  const operators = await page.getOperatorList();
  const rules = findRules(operators.fnArray, operators.argsArray, toPage);
  page.cleanup();
  return { number, width: viewport.width, height: viewport.height, items, ...rules };
}

/** Horizontal text only (on the page as shown); a stamp or a rotated margin note is not part of a table. */
function toItem(item: TextItem, toPage: (x: number, y: number) => [number, number]): PdfItem[] {
  const text = toNfc(item.str);
  if (text.trim() === '') return [];
  const [a = 1, b = 0, , , e = 0, f = 0] = item.transform as number[];
  const norm = Math.hypot(a, b) || 1;
  const [x0, y0] = toPage(e, f);
  const [x1, y1] = toPage(e + (item.width * a) / norm, f + (item.width * b) / norm);
  if (Math.abs(y1 - y0) > 1) return [];
  const h = item.height > 0 ? item.height : norm;
  return [{ text, x0: Math.min(x0, x1), x1: Math.max(x0, x1), y: y0, h }];
}
