import { fold } from '../../vi/fold.ts';

/** The columns of a task table, whatever their order or wording in a given document. */
export const COLUMNS = ['stt', 'content', 'lead', 'coordinate', 'deadline', 'product'] as const;
export type Column = (typeof COLUMNS)[number];
export type ColumnMap = Partial<Record<Column, number>>;

/** Header words, folded. Order matters: "Đơn vị chủ trì" must be taken as lead before "Nội dung" is tried. */
const HEADER_WORDS: { column: Column; words: RegExp }[] = [
  { column: 'stt', words: /^(stt|so tt|tt|so thu tu)\b/ },
  { column: 'lead', words: /chu tri/ },
  { column: 'coordinate', words: /phoi hop/ },
  { column: 'deadline', words: /thoi gian|tien do|thoi han/ },
  { column: 'product', words: /san pham|ket qua/ },
  { column: 'content', words: /nhiem vu|noi dung|giai phap|cong viec/ },
];

export const REQUIRED_COLUMNS: Column[] = ['stt', 'content', 'lead'];

export const COLUMN_LABELS: Record<Column, string> = {
  stt: 'STT',
  content: 'Nhiệm vụ / Nội dung',
  lead: 'Cơ quan chủ trì',
  coordinate: 'Cơ quan phối hợp',
  deadline: 'Thời gian / Tiến độ',
  product: 'Sản phẩm / Kết quả',
};

/** Maps header cells to columns; a cell is claimed by the first column whose words it contains. */
export function mapHeader(cells: string[]): ColumnMap {
  const map: ColumnMap = {};
  cells.forEach((cell, index) => {
    const folded = fold(cell);
    if (folded === '') return;
    const hit = HEADER_WORDS.find((h) => map[h.column] === undefined && h.words.test(folded));
    if (hit) map[hit.column] = index;
  });
  return map;
}

/** A row is the header when it names at least STT, the content and the lead column. */
export function isHeaderRow(cells: string[]): boolean {
  const map = mapHeader(cells);
  return REQUIRED_COLUMNS.every((c) => map[c] !== undefined);
}

/** Looser than `isHeaderRow`: enough to tell a table from prose, so a missing column gets its own message. */
export function looksLikeHeader(cells: string[]): boolean {
  const map = mapHeader(cells);
  return map.stt !== undefined && (map.content !== undefined || map.lead !== undefined);
}

export function missingColumns(map: ColumnMap): Column[] {
  return REQUIRED_COLUMNS.filter((c) => map[c] === undefined);
}
