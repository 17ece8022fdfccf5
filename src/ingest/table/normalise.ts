import { toPlainCellText } from '../cell-text.ts';
import { parseHeading } from '../heading.ts';
import { completeHeading } from '../plan-identity.ts';
import type { DocumentWarning, GridRow, ParsedDocument, RawTaskRow, TableDocument } from '../types.ts';
import { DocumentError } from '../types.ts';
import {
  COLUMN_LABELS,
  type ColumnMap,
  isHeaderRow,
  looksLikeHeader,
  mapHeader,
  missingColumns,
} from './columns.ts';

/**
 * Turns a grid (from any table layout: TSV text, one cell per line, .docx, .xlsx) into task rows.
 * - The header may repeat after a page break; the row after it, with an empty STT, continues the row above
 *   mid-sentence, so its cells are joined with a space.
 * - Inside a page, a row with an empty STT is a merged sub-row (a second lead unit, a second product line):
 *   its cells are joined with a line break, which later splits units.
 */
export function normaliseTable(doc: TableDocument): ParsedDocument {
  const headerAt = findHeader(doc.grid.rows);
  const header = doc.grid.rows[headerAt];
  if (!header) throw new DocumentError('Không tìm thấy dòng tiêu đề của bảng nhiệm vụ', null);
  const map = mapHeader(header.cells);
  const preamble = [...doc.preamble, ...doc.grid.rows.slice(0, headerAt).map((r) => r.cells.join(' '))];
  const state = walkRows(doc.grid.rows.slice(headerAt + 1), map);
  if (state.rows.length === 0) {
    throw new DocumentError('Bảng nhiệm vụ không có dòng nhiệm vụ nào', header.line);
  }
  return {
    layout: doc.layout,
    heading: completeHeading(parseHeading(preamble), {
      preamble,
      prose: preamble,
      after: doc.after ?? [],
      body: doc.grid.rows.flatMap((r) => r.cells),
    }),
    rows: state.rows,
    goals: [],
    planDeadline: null,
    warnings: state.warnings,
  };
}

function findHeader(rows: GridRow[]): number {
  const at = rows.findIndex((r) => isHeaderRow(r.cells));
  if (at >= 0) return at;
  // A row that names STT but misses a required column: say which, so the clerk can fix the file.
  const partial = rows.find((r) => looksLikeHeader(r.cells));
  if (partial) {
    const missing = missingColumns(mapHeader(partial.cells)).map((c) => COLUMN_LABELS[c]);
    throw new DocumentError(`Bảng nhiệm vụ thiếu cột: ${missing.join(', ')}`, partial.line);
  }
  throw new DocumentError(
    'Không tìm thấy bảng nhiệm vụ (cần các cột STT, Nhiệm vụ/Nội dung, Cơ quan chủ trì)',
    rows[0]?.line ?? null,
  );
}

interface WalkState {
  rows: RawTaskRow[];
  warnings: DocumentWarning[];
  section: { code: string; title: string };
  afterPageBreak: boolean;
  /** True once a task row was seen in the current section: only then can an empty STT continue it. */
  canContinue: boolean;
}

const ROMAN = /^(X{0,3}(?:IX|IV|V?I{0,3}))\.?(?:\s+|$)(.*)$/;

function cell(cells: string[], index: number | undefined): string {
  return index === undefined ? '' : toPlainCellText(cells[index] ?? '');
}

function walkRows(rows: GridRow[], map: ColumnMap): WalkState {
  const state: WalkState = {
    rows: [],
    warnings: [],
    section: { code: '', title: '' },
    afterPageBreak: false,
    canContinue: false,
  };
  for (const row of rows) {
    if (row.cells.every((c) => c.trim() === '')) continue;
    if (isHeaderRow(row.cells)) {
      state.afterPageBreak = true;
      continue;
    }
    takeRow(state, row, map);
    state.afterPageBreak = false;
  }
  return state;
}

function takeRow(state: WalkState, row: GridRow, map: ColumnMap): void {
  const get = (column: keyof ColumnMap) => cell(row.cells, map[column]);
  const stt = get('stt');
  const units = `${get('lead')}${get('coordinate')}${get('deadline')}`;
  const roman = stt.match(ROMAN);
  if (roman?.[1] && units === '') {
    state.section = { code: roman[1], title: roman[2] || get('content') };
    state.canContinue = false;
    return;
  }
  const previous = state.rows.at(-1);
  if (stt === '' && previous && state.canContinue) {
    appendTo(previous, row, map, state.afterPageBreak ? ' ' : '\n');
    return;
  }
  const task: RawTaskRow = {
    line: row.line,
    sectionCode: state.section.code,
    sectionTitle: state.section.title,
    stt: stt.replace(/\.$/, ''),
    content: get('content'),
    lead: get('lead'),
    coordinate: get('coordinate'),
    deadline: get('deadline'),
    product: get('product'),
  };
  if (task.stt === '') {
    task.stt = nextNumber(state.rows, state.section.code);
    state.warnings.push({ line: row.line, message: `Dòng không có STT, tạm đánh số ${task.stt}` });
  }
  state.rows.push(task);
  state.canContinue = true;
}

const TEXT_FIELDS = ['content', 'lead', 'coordinate', 'deadline', 'product'] as const;

function appendTo(task: RawTaskRow, row: GridRow, map: ColumnMap, joiner: string): void {
  for (const field of TEXT_FIELDS) {
    const extra = cell(row.cells, map[field]);
    if (extra === '') continue;
    // Content always flows on: a sub-row never starts a new paragraph of the task text mid-sentence.
    const glue = field === 'content' ? ' ' : joiner;
    task[field] = task[field] === '' ? extra : `${task[field]}${glue}${extra}`;
  }
}

function nextNumber(rows: RawTaskRow[], sectionCode: string): string {
  const numbers = rows
    .filter((r) => r.sectionCode === sectionCode)
    .map((r) => Number.parseInt(r.stt, 10))
    .filter((n) => Number.isFinite(n));
  return String(numbers.length > 0 ? Math.max(...numbers) + 1 : 1);
}
