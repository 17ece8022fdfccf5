import { describe, expect, it } from 'vitest';
import { joinCellLines } from '../../src/ingest/pdf/cell-lines.ts';
import type { PdfLine } from '../../src/ingest/pdf/types.ts';

/** A cell 100 points wide from x = 0, 10-point text, every character 5 points wide, left aligned with 2 of padding. */
const CELL = { x0: 0, x1: 100 };
function lines(...texts: string[]): PdfLine[] {
  return texts.map((text, index) => ({
    text,
    x0: 2,
    x1: 2 + 5 * text.length,
    y: 12 * (index + 1),
    h: 10,
    page: 1,
  }));
}

describe('the lines of a PDF cell', () => {
  it('are one paragraph when the next word could not have fitted on the line above', () => {
    expect(
      joinCellLines(lines('Tổ chức triển khai thực', 'hiện kế hoạch'), {
        cell: CELL,
        ruled: true,
        units: false,
      }),
    ).toBe('Tổ chức triển khai thực hiện kế hoạch');
  });

  it('are two paragraphs when the next word would have fitted: two bodies in a unit cell', () => {
    expect(joinCellLines(lines('Sở Tư pháp', 'Sở Tài chính'), { cell: CELL, ruled: true, units: true })).toBe(
      'Sở Tư pháp\nSở Tài chính',
    );
    expect(
      joinCellLines(lines('Báo cáo quý', 'Kế hoạch năm'), { cell: CELL, ruled: true, units: false }),
    ).toBe('Báo cáo quý\nKế hoạch năm');
  });

  it('start a new body in a unit cell at its head word, unless the line above stopped mid-phrase', () => {
    expect(
      joinCellLines(lines('Sở Kế hoạch và Đầu tư', 'Ban Tiếp công dân'), {
        cell: CELL,
        ruled: true,
        units: true,
      }),
    ).toBe('Sở Kế hoạch và Đầu tư\nBan Tiếp công dân');
    expect(
      joinCellLines(lines('Văn phòng Sở chủ trì, tham mưu', 'UBND tỉnh ban hành'), {
        cell: CELL,
        ruled: true,
        units: true,
      }),
    ).toBe('Văn phòng Sở chủ trì, tham mưu UBND tỉnh ban hành');
  });

  it('join a line cut after a hyphen, inside a web address or inside a token wider than the cell', () => {
    expect(
      joinCellLines(lines('Nghị quyết số 42/2025/NQ-', 'HĐND của tỉnh'), {
        cell: CELL,
        ruled: true,
        units: false,
      }),
    ).toBe('Nghị quyết số 42/2025/NQ-HĐND của tỉnh');
    expect(
      joinCellLines(lines('tại địa chỉ http://qltsc.mof', '.gov.vn theo'), {
        cell: CELL,
        ruled: true,
        units: false,
      }),
    ).toBe('tại địa chỉ http://qltsc.mof.gov.vn theo');
    expect(
      joinCellLines(lines('TTPVHCTINHLANGSONX', 'C tỉnh'), { cell: CELL, ruled: true, units: false }),
    ).toBe('TTPVHCTINHLANGSONXC tỉnh');
  });

  it('keep a dash between words as it is written', () => {
    expect(
      joinCellLines(lines('phát triển kinh tế -', 'xã hội của tỉnh năm'), {
        cell: CELL,
        ruled: true,
        units: false,
      }),
    ).toBe('phát triển kinh tế - xã hội của tỉnh năm');
  });
});
