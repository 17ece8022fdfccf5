import { describe, expect, it } from 'vitest';
import { splitUnitCell } from '../../src/ingest/units/split-units.ts';
import { testLexicon } from '../support/kb.ts';

type Expect = [name: string, role?: string | null, condition?: string | null];

/** Unit cells copied from the shipped plans, and what each must mean. */
const CELLS: [cell: string, units: Expect[]][] = [
  ['Văn phòng Sở tổng hợp', [['Văn phòng Sở', 'tổng hợp']]],
  ['Văn phòng Sở đôn đốc theo dõi, tổng hợp', [['Văn phòng Sở', 'đôn đốc theo dõi, tổng hợp']]],
  ['VP Sở', [['Văn phòng Sở']]],
  ['Phòng KHTC', [['Phòng Kế hoạch - Tài chính']]],
  [
    'Công chức, viên chức tại TTPVHCC tỉnh ',
    [['Công chức, viên chức tại Trung tâm Phục vụ hành chính công tỉnh']],
  ],
  [
    'Các phòng được giao giải quyết TTHC',
    [['Các phòng được giao giải quyết TTHC', null, 'được giao giải quyết TTHC']],
  ],
  [
    '- Văn phòng Sở; - Phòng Tổ chức, biên chế và Cải cách hành chính',
    [['Văn phòng Sở'], ['Phòng Tổ chức, biên chế và Cải cách hành chính']],
  ],
  [
    'Các Phòng, đơn vị thuộc và trực thuộc Sở chủ trì tham mưu theo Chương trình, Kế hoạch',
    [['Các Phòng, đơn vị thuộc và trực thuộc Sở', 'chủ trì tham mưu theo Chương trình, Kế hoạch']],
  ],
  [
    '- Văn phòng Sở; - Các Phòng, đơn vị thuộc và trực thuộc Sở có trách nhiệm đối với TTHC thuộc thẩm quyền, các Hệ thống thông tin, dữ liệu quản lý.',
    [
      ['Văn phòng Sở'],
      [
        'Các Phòng, đơn vị thuộc và trực thuộc Sở',
        null,
        'có trách nhiệm đối với TTHC thuộc thẩm quyền, các Hệ thống thông tin, dữ liệu quản lý',
      ],
    ],
  ],
  ['Các cơ quan, đơn vị có liên quan', [['Các cơ quan, đơn vị', null, 'có liên quan']]],
  [
    '- Đoàn kiểm tra CCHC của tỉnh - Sở Nội vụ, Văn phòng UBND tỉnh',
    [['Đoàn kiểm tra CCHC của tỉnh'], ['Sở Nội vụ'], ['Văn phòng UBND tỉnh']],
  ],
  ['UBND cấp huyện, cấp xã', [['UBND cấp huyện'], ['UBND cấp xã']]],
  ['Sở, ban, ngành, UBND cấp huyện, cấp xã', [['Các sở, ban, ngành'], ['UBND cấp huyện'], ['UBND cấp xã']]],
  [
    'Sở Thông tin và Truyền thông; Văn phòng UBND tỉnh theo dõi, đôn đốc thực hiện',
    [['Sở Thông tin và Truyền thông'], ['Văn phòng UBND tỉnh', 'theo dõi, đôn đốc thực hiện']],
  ],
  ['Các sở, ban, ngành theo lĩnh vực phụ trách', [['Các sở, ban, ngành', null, 'theo lĩnh vực phụ trách']]],
  ['Các sở, ban, ngành, địa phương', [['Các sở, ban, ngành, địa phương']]],
  ['Sở Kế hoạch và đầu tư', [['Sở Kế hoạch và Đầu tư']]],
  ['Sở KH&ĐT', [['Sở Kế hoạch và Đầu tư']]],
  [
    'Sở Kế hoạch và Đầu tư và Sở Tài chính chủ trì tham mưu',
    [['Sở Kế hoạch và Đầu tư'], ['Sở Tài chính', 'chủ trì tham mưu']],
  ],
  ['Sở Lao động - Thương binh và Xã hội', [['Sở Lao động - Thương binh và Xã hội']]],
  [
    'UBND huyện Chi Lăng, UBND các huyện, thành phố và UBND các xã, phường, thị trấn.',
    [['UBND huyện Chi Lăng'], ['UBND cấp huyện'], ['UBND cấp xã']],
  ],
  [
    'Các Sở: Tư pháp, Tài chính, Thông tin và Truyền thông, Kế hoạch và Đầu tư và Văn phòng UBND tỉnh',
    [
      ['Sở Tư pháp'],
      ['Sở Tài chính'],
      ['Sở Thông tin và Truyền thông'],
      ['Sở Kế hoạch và Đầu tư'],
      ['Văn phòng UBND tỉnh'],
    ],
  ],
  [
    'Sở Y tế, các Sở, ban, ngành có đơn vị sự nghiệp công lập trực thuộc; đơn vị sự nghiệp công lập trực thuộc UBND tỉnh, UBND các huyện, thành phố.',
    [
      ['Sở Y tế'],
      ['Các sở, ban, ngành', null, 'có đơn vị sự nghiệp công lập trực thuộc'],
      ['Các đơn vị sự nghiệp công lập thuộc tỉnh'],
      ['UBND cấp huyện'],
    ],
  ],
  // Input typed without diacritics, in NFD, with old-style tone marks: same units.
  ['van phong so tong hop', [['Văn phòng Sở', 'tong hop']]],
  ['Các phòng, ban, đơn vị thuộc Sở'.normalize('NFD'), [['Các phòng, ban, đơn vị thuộc Sở']]],
  ['Uỷ ban nhân dân tỉnh', [['UBND tỉnh']]],
  ['', []],
];

describe('splitting unit cells', () => {
  it.each(CELLS)('%j', (cell, expected) => {
    const units = splitUnitCell(cell, testLexicon());
    expect(units.map((u) => u.name)).toEqual(expected.map(([name]) => name));
    expected.forEach(([, role, condition], i) => {
      if (role !== undefined) expect(units[i]?.role, `role of ${units[i]?.name}`).toBe(role);
      if (condition !== undefined)
        expect(units[i]?.condition, `condition of ${units[i]?.name}`).toBe(condition);
    });
  });

  it('never splits inside a collective name', () => {
    const units = splitUnitCell('Các phòng, ban, đơn vị thuộc Sở', testLexicon());
    expect(units).toHaveLength(1);
    expect(units[0]?.collective).toEqual({ covers: 'internal_units' });
  });
});

describe('abbreviations from the lexicon work both ways', () => {
  it.each([
    ['Văn phòng Ủy ban nhân dân tỉnh', 'Văn phòng UBND tỉnh'],
    ['Đoàn kiểm tra cải cách hành chính của tỉnh', 'Đoàn kiểm tra CCHC của tỉnh'],
    ['Các phòng được giao giải quyết thủ tục hành chính', 'Các phòng được giao giải quyết TTHC'],
    ['Trung tâm PVHCC tỉnh', 'Trung tâm Phục vụ hành chính công tỉnh'],
    ['VP UBND tỉnh', 'Văn phòng UBND tỉnh'],
  ])('%s → %s', (cell, name) => {
    expect(splitUnitCell(cell, testLexicon()).map((u) => u.name)).toEqual([name]);
  });
});

describe('names the lexicon does not know are not cut', () => {
  it.each([
    ['Phòng Quy hoạch - Kiến trúc', ['Phòng Quy hoạch - Kiến trúc']],
    ['Phòng Quản lý xây dựng; Văn phòng Sở', ['Phòng Quản lý xây dựng', 'Văn phòng Sở']],
    [
      '- Phòng Văn hóa - Thông tin; - Phòng Lao động - Việc làm',
      ['Phòng Văn hóa - Thông tin', 'Phòng Lao động - Việc làm'],
    ],
    ['Phòng Quy hoạch - Kiến trúc - Văn phòng Sở', ['Phòng Quy hoạch - Kiến trúc', 'Văn phòng Sở']],
  ])('%s', (cell, expected) => {
    expect(splitUnitCell(cell, testLexicon()).map((u) => u.name)).toEqual(expected);
  });
});
