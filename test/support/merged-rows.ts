import type { CellMerge } from './office-files.ts';

/**
 * A small task table with merged cells, as offices lay them out: a section title across the row, and a deadline
 * and a lead unit shared by two rows. The .docx, .xlsx and PDF readers must all read it as the same grid.
 */
export const MERGED_HEADER = [
  'STT',
  'Nhiệm vụ cụ thể',
  'Tiến độ',
  'Cơ quan chủ trì',
  'Cơ quan phối hợp',
  'Kết quả/sản phẩm',
];

export const MERGED_CELL_ROWS = [
  MERGED_HEADER,
  ['I', 'CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CCHC', '', '', '', ''],
  [
    '4.1',
    'Đăng tải thông tin CCHC trên Cổng thông tin điện tử',
    'Thường xuyên',
    'Văn phòng UBND tỉnh',
    '',
    'Tin, bài',
  ],
  ['4.2', 'Tuyên truyền CCHC trên Báo Lạng Sơn', '', '', 'Các cơ quan, đơn vị', 'Chuyên mục CCHC'],
  ['2.2.1', 'Rà soát thủ tục hành chính', 'Quý II/2025', 'Sở Tư pháp', 'Sở, ngành\nUBND cấp huyện', ''],
];

/** The section title spans the row; 4.1's deadline and lead unit cover 4.2 too. */
export const MERGED_CELLS: CellMerge[] = [
  { row: 1, col: 1, colSpan: 5 },
  { row: 2, col: 2, rowSpan: 2 },
  { row: 2, col: 3, rowSpan: 2 },
];
