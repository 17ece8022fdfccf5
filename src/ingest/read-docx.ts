/**
 * Reads a Word (.docx) plan into a `TableDocument`: the paragraphs above the task table become the preamble, the
 * task table (and its continuations after a page break) becomes the grid, the text after it (a full plan's
 * signature block) `after`. Pure: a buffer in, no file access.
 *
 * mammoth turns the document into HTML (merged cells become colspan/rowspan); the grid is rebuilt from that HTML
 * so that every row has one string per column of the header, '' in the slots covered by a merged cell.
 */
import mammoth from 'mammoth';
import { HTMLElement, type Node, parse, TextNode } from 'node-html-parser';
import { toCellText } from './cell-text.ts';
import {
  countFilled,
  isLegacyOfficeFile,
  MIN_HEADER_CELLS,
  OFFICE_MESSAGES,
  toDocumentError,
  toRectangular,
} from './office-text.ts';
import { DocumentError, type TableDocument } from './types.ts';

/** Elements whose content starts on a new line (paragraph marks in Word). */
const BLOCK_TAGS = new Set(['P', 'LI', 'UL', 'OL', 'TABLE', 'TR', 'DIV', 'BLOCKQUOTE', 'PRE']);
const HEADING_TAG = /^H[1-6]$/;
const ROW_GROUP_TAGS = new Set(['THEAD', 'TBODY', 'TFOOT']);

/** A top-level element of the document: a table (as a matrix of cell texts) or a block of text lines. */
type Block = { kind: 'table'; rows: string[][] } | { kind: 'text'; lines: string[] };

export async function readDocx(buffer: Buffer): Promise<TableDocument> {
  const blocks = toBlocks(await convertToHtml(buffer));
  const start = findTaskTable(blocks);
  if (start === -1) throw new DocumentError(OFFICE_MESSAGES.docxNoTable, null);
  const preamble = blocks.slice(0, start).flatMap(toLines);
  const table = collectTableRows(blocks, start);
  const rows = table.rows.map((cells, index) => ({ line: index + 1, cells }));
  // What follows the task table: a full plan's closing and signature block ("TM. ỦY BAN NHÂN DÂN").
  const after = blocks.slice(table.end + 1).flatMap(toLines);
  return { layout: 'docx', preamble, grid: { rows: toRectangular(rows) }, after };
}

async function convertToHtml(buffer: Buffer): Promise<string> {
  if (isLegacyOfficeFile(buffer)) throw new DocumentError(OFFICE_MESSAGES.docxLegacy, null);
  try {
    // Images carry no task text: drop them instead of inlining them as base64.
    const convertImage = mammoth.images.imgElement(async () => ({ src: '' }));
    const result = await mammoth.convertToHtml({ buffer }, { convertImage, externalFileAccess: false });
    return result.value;
  } catch (error) {
    throw toDocumentError(OFFICE_MESSAGES.docxInvalid, error);
  }
}

function toBlocks(html: string): Block[] {
  return parse(html).childNodes.flatMap((node): Block[] => {
    if (!(node instanceof HTMLElement)) return [];
    if (node.tagName === 'TABLE') return [{ kind: 'table', rows: toMatrix(node) }];
    return [{ kind: 'text', lines: toCellText(textOf(node)).split('\n') }];
  });
}

function toLines(block: Block): string[] {
  const lines = block.kind === 'text' ? block.lines : block.rows.flat().flatMap((cell) => cell.split('\n'));
  return lines.filter((line) => line !== '');
}

/** Index of the first table whose first row looks like a header; else the table with the most text cells. */
function findTaskTable(blocks: readonly Block[]): number {
  const headed = blocks.findIndex(
    (block) => block.kind === 'table' && countFilled(block.rows[0] ?? []) >= MIN_HEADER_CELLS,
  );
  if (headed !== -1) return headed;
  let best = -1;
  let bestSize = -1;
  blocks.forEach((block, index) => {
    if (block.kind !== 'table') return;
    const size = countFilled(block.rows.flat());
    if (size > bestSize) {
      best = index;
      bestSize = size;
    }
  });
  return best;
}

/**
 * Rows of the task table and of its continuations: later tables with the same header row, and a table that
 * directly follows an appended one (only empty paragraphs or a page break between) with the same width.
 */
function collectTableRows(blocks: readonly Block[], start: number): { rows: string[][]; end: number } {
  const first = blocks[start];
  if (first?.kind !== 'table') return { rows: [], end: start };
  const header = first.rows[0] ?? [];
  const rows = [...first.rows];
  let adjacent = true;
  let end = start;
  for (const [offset, block] of blocks.slice(start + 1).entries()) {
    if (block.kind === 'text') {
      adjacent &&= block.lines.every((line) => line === '');
      continue;
    }
    const head = block.rows[0] ?? [];
    const sameHeader = head.length === header.length && head.every((cell, index) => cell === header[index]);
    const continues = adjacent && head.length === header.length;
    if (sameHeader || continues) {
      rows.push(...block.rows);
      end = start + 1 + offset;
    }
    adjacent = sameHeader || continues;
  }
  return { rows, end };
}

/** The table as a matrix: colspan and rowspan leave '' in the covered slots so columns stay aligned. */
function toMatrix(table: HTMLElement): string[][] {
  const rows = tableRows(table);
  const matrix: string[][] = rows.map(() => []);
  rows.forEach((row, rowIndex) => {
    const cells = matrix[rowIndex] ?? [];
    let column = 0;
    for (const cell of row.childNodes) {
      if (!(cell instanceof HTMLElement) || (cell.tagName !== 'TD' && cell.tagName !== 'TH')) continue;
      while (cells[column] !== undefined) column += 1;
      const colSpan = spanOf(cell, 'colspan');
      const rowSpan = Math.min(spanOf(cell, 'rowspan'), rows.length - rowIndex);
      for (let down = 0; down < rowSpan; down += 1) {
        const target = matrix[rowIndex + down] ?? [];
        for (let right = 0; right < colSpan; right += 1) target[column + right] = '';
      }
      cells[column] = toCellText(textOf(cell));
      column += colSpan;
    }
  });
  return matrix.map((cells) => Array.from(cells, (cell) => cell ?? ''));
}

/** The table's own rows, not those of tables nested in its cells. */
function tableRows(table: HTMLElement): HTMLElement[] {
  return table.childNodes.flatMap((child): HTMLElement[] => {
    if (!(child instanceof HTMLElement)) return [];
    if (child.tagName === 'TR') return [child];
    if (!ROW_GROUP_TAGS.has(child.tagName)) return [];
    return child.childNodes.filter(
      (row): row is HTMLElement => row instanceof HTMLElement && row.tagName === 'TR',
    );
  });
}

function spanOf(cell: HTMLElement, attribute: 'colspan' | 'rowspan'): number {
  const span = Number.parseInt(cell.getAttribute(attribute) ?? '1', 10);
  return Number.isFinite(span) && span > 1 ? span : 1;
}

/** Text with entities decoded; paragraphs and <br> become '\n', cells of a nested table are separated by a space. */
function textOf(node: Node): string {
  if (node instanceof TextNode) return node.text;
  if (!(node instanceof HTMLElement)) return '';
  if (node.tagName === 'BR') return '\n';
  const inner = node.childNodes.map(textOf).join('');
  if (BLOCK_TAGS.has(node.tagName) || HEADING_TAG.test(node.tagName)) return `\n${inner}\n`;
  if (node.tagName === 'TD' || node.tagName === 'TH') return `${inner} `;
  return inner;
}
