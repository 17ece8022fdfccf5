/**
 * Writes a composed plan as text, in the two table layouts the importer reads from .txt files:
 * - 'tab-separated': one row per line; a page break repeats the header and may cut a row in two, its tail
 *   continuing on a row with an empty STT (as when a PDF or Word table is copied page by page);
 * - 'cell-per-line': every cell on its own tab-indented line, a blank line between rows, and a section row
 *   written as two cells ("I" and its title).
 */
import type { Prng } from './prng.ts';

export const FIELDS = ['stt', 'content', 'lead', 'coordinate', 'deadline', 'product'] as const;
export type Field = (typeof FIELDS)[number];

export type TaskRow = { kind: 'task' } & Record<Field, string>;
export type PlanRow = { kind: 'section'; code: string; title: string } | TaskRow;

/** Header wordings and column orders of the shipped plans; STT and the content always come first. */
export const HEADER_VARIANTS: { label: string; field: Field }[][] = [
  [
    { label: 'STT', field: 'stt' },
    { label: 'Nhiệm vụ cụ thể', field: 'content' },
    { label: 'Cơ quan chủ trì', field: 'lead' },
    { label: 'Cơ quan phối hợp', field: 'coordinate' },
    { label: 'Thời gian hoàn thành', field: 'deadline' },
    { label: 'Sản phẩm/Kết quả dự kiến', field: 'product' },
  ],
  [
    { label: 'STT', field: 'stt' },
    { label: 'NỘI DUNG', field: 'content' },
    { label: 'SẢN PHẨM', field: 'product' },
    { label: 'ĐƠN VỊ/ CÁ NHÂN CHỦ TRÌ', field: 'lead' },
    { label: 'ĐƠN VỊ/ CÁ NHÂN PHỐI HỢP', field: 'coordinate' },
    { label: 'THỜI GIAN THỰC HIỆN', field: 'deadline' },
  ],
  [
    { label: 'STT', field: 'stt' },
    { label: 'Nhiệm vụ cụ thể', field: 'content' },
    { label: 'Tiến độ', field: 'deadline' },
    { label: 'Cơ quan chủ trì', field: 'lead' },
    { label: 'Cơ quan phối hợp', field: 'coordinate' },
    { label: 'Kết quả/sản phẩm', field: 'product' },
  ],
];

export type TextLayout = 'tab-separated' | 'cell-per-line';

export interface PlanText {
  layout: TextLayout;
  preamble: string[];
  header: { label: string; field: Field }[];
  rows: PlanRow[];
}

export function renderPlan(plan: PlanText, rng: Prng): string {
  const lines = plan.layout === 'tab-separated' ? renderTabSeparated(plan, rng) : renderCellPerLine(plan);
  return `${lines.join('\n')}\n`;
}

function cellsOf(row: PlanRow, plan: PlanText): string[] {
  if (row.kind === 'task') return plan.header.map((h) => row[h.field]);
  return plan.header.map((h) => (h.field === 'stt' ? row.code : h.field === 'content' ? row.title : ''));
}

function renderCellPerLine(plan: PlanText): string[] {
  const lines = [...plan.preamble, '', ''];
  const block = (cells: string[]) => [...cells.map((c) => `\t${c}`), ''];
  lines.push(...block(plan.header.map((h) => h.label)));
  for (const row of plan.rows) {
    lines.push(...block(row.kind === 'section' ? [row.code, row.title] : cellsOf(row, plan)));
  }
  return lines;
}

function renderTabSeparated(plan: PlanText, rng: Prng): string[] {
  const header = plan.header.map((h) => h.label).join('\t');
  const lines = [...plan.preamble, '', header];
  let untilBreak = rng.int(12, 22);
  for (const row of plan.rows) {
    if (--untilBreak > 0 || row.kind === 'section') {
      lines.push(sectionOrRow(row, plan, rng));
      continue;
    }
    untilBreak = rng.int(12, 22);
    const [head, tail] = rng.chance(0.7) ? splitAtPageBreak(row) : [row, null];
    lines.push(cellsOf(head, plan).join('\t'), '', header);
    if (tail) lines.push(cellsOf(tail, plan).join('\t'));
  }
  return lines;
}

/** A section row is mostly "I<tab>TITLE", sometimes "I TITLE" in the STT cell (as in the 2024 provincial plan). */
function sectionOrRow(row: PlanRow, plan: PlanText, rng: Prng): string {
  if (row.kind === 'section' && rng.chance(0.2)) {
    return [`${row.code} ${row.title}`, ...plan.header.slice(1).map(() => '')].join('\t');
  }
  return cellsOf(row, plan).join('\t');
}

/** Cuts the content (and a long product) mid-sentence; the tail goes on a row with an empty STT. */
function splitAtPageBreak(row: TaskRow): [TaskRow, TaskRow | null] {
  const [content, contentTail] = splitWords(row.content, 10);
  if (contentTail === '') return [row, null];
  const [product, productTail] = splitWords(row.product, 8);
  const tail: TaskRow = {
    kind: 'task',
    stt: '',
    content: contentTail,
    lead: '',
    coordinate: '',
    deadline: '',
    product: productTail,
  };
  return [{ ...row, content, product }, tail];
}

function splitWords(text: string, minWords: number): [string, string] {
  const words = text.split(' ');
  if (words.length < minWords) return [text, ''];
  const at = Math.ceil(words.length / 2);
  return [words.slice(0, at).join(' '), words.slice(at).join(' ')];
}
