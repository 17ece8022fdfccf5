import { describe, expect, it } from 'vitest';
import { extractKpis, KPI_OPS, type KpiOp } from '../../src/vi/kpi.ts';

/** What must hold for one target: operator, value, unit and words its text must show. */
type Expected = [op: KpiOp, value: number, unit: string, words: string[]];
type Row = [input: string, targets: Expected[]];

// Cells and sentences from data/plans/*.txt, then variants staff and converters produce.
const ROWS: Row[] = [
  // strictly above
  [
    'Tỷ lệ hồ sơ đúng hạn >99%; 100% hồ sơ trễ hạn có văn bản xin lỗi',
    [
      ['>', 99, '%', ['Tỷ lệ hồ sơ đúng hạn >99%']],
      ['=', 100, '%', ['100% hồ sơ trễ hạn có văn bản xin lỗi']],
    ],
  ],
  ['- Bảo đảm tỷ lệ hồ sơ giải quyết đúng hạn trên 99%.', [['>', 99, '%', ['Bảo đảm tỷ lệ', 'trên 99%']]]],
  [
    'Duy trì tỷ lệ giải quyết hồ sơ TTHC đúng hạn trên 99% ở cả các cấp. Thực hiện nghiêm việc xin lỗi',
    [['>', 99, '%', ['Duy trì tỷ lệ', 'trên 99%']]],
  ],
  [
    'Nâng cao tỷ lệ hồ sơ TTHC được xử lý trực tuyến toàn trình (phấn đấu đạt trên 80%)',
    [['>', 80, '%', ['trực tuyến toàn trình', 'phấn đấu đạt trên 80%']]],
  ],
  ['Tỷ lệ doanh nghiệp thành lập mới cao hơn 5%', [['>', 5, '%', ['cao hơn 5%']]]],
  // at least
  ['Đạt tỷ lệ tối thiểu 90%', [['>=', 90, '%', ['tối thiểu 90%']]]],
  [
    'Kiểm tra công tác CCHC tối thiểu 20% các sở, ban, ngành, UBND các xã, phường',
    [['>=', 20, '%', ['Kiểm tra công tác CCHC', 'tối thiểu 20%']]],
  ],
  [
    'Tổ chức kiểm tra công tác CCHC năm 2024, đảm bảo kiểm tra ít nhất 30% số cơ quan, đơn vị trở lên',
    [['>=', 30, '%', ['ít nhất 30%']]],
  ],
  [
    'Bảo đảm Từ 90% cơ quan chuyên môn cấp tỉnh, cấp huyện, cấp xã đạt điểm đánh giá từ tốt trở lên',
    [['>=', 90, '%', ['Từ 90% cơ quan']]],
  ],
  [
    '80% trở lên; 100% các xã, phường, thị trấn có tỷ lệ xử lý văn bản, hồ sơ công việc trên môi trường mạng đạt từ 70% trở lên.',
    [
      ['>=', 80, '%', ['80% trở lên']],
      ['=', 100, '%', ['100% các xã']],
      ['>=', 70, '%', ['đạt từ 70% trở lên']],
    ],
  ],
  ['Tỷ lệ không dưới 80%', [['>=', 80, '%', ['không dưới 80%']]]],
  ['Tỷ lệ ≥ 80%', [['>=', 80, '%', ['≥ 80%']]]],
  ['Tỷ lệ >= 80%', [['>=', 80, '%', ['>= 80%']]]],
  // exact
  ['Tỷ lệ đạt 100%', [['=', 100, '%', ['Tỷ lệ đạt 100%']]]],
  ['Hoàn thành 100% nhiệm vụ được giao', [['=', 100, '%', ['Hoàn thành 100% nhiệm vụ']]]],
  [
    'Hoàn thành 100% các mục tiêu, nhiệm vụ phát triển kinh tế - xã hội năm 2024',
    [['=', 100, '%', ['kinh tế - xã hội năm 2024']]],
  ],
  [
    'chính (PAR INDEX) đạt 81,45%, xếp hạng 54/63 tỉnh, thành phố, giảm 31 bậc',
    [['=', 81.45, '%', ['PAR INDEX', '81,45%']]],
  ],
  [
    'tỉnh 70%; cấp huyện 60%; cấp xã 55% (mỗi năm tăng tối thiểu 20%) theo Kế',
    [
      ['=', 70, '%', ['tỉnh 70%']],
      ['=', 60, '%', ['cấp huyện 60%']],
      ['=', 55, '%', ['cấp xã 55%']],
      ['>=', 20, '%', ['tăng tối thiểu 20%']],
    ],
  ],
  // at most / below
  ['Tỷ lệ hồ sơ trễ hạn dưới 5%', [['<', 5, '%', ['dưới 5%']]]],
  ['Tỷ lệ hồ sơ trễ hạn không quá 5%', [['<=', 5, '%', ['không quá 5%']]]],
  ['Tỷ lệ hồ sơ trễ hạn tối đa 5 %', [['<=', 5, '%', ['tối đa 5 %']]]],
  // a decrease keeps its direction in the text
  [
    'Số lượng đơn vị sự nghiệp công lập giảm tối thiểu 3% so với năm 2021',
    [['>=', 3, '%', ['giảm tối thiểu 3%', 'Số lượng đơn vị sự nghiệp']]],
  ],
  // counted targets
  [
    'Mỗi cơ quan, đơn vị, địa phương có ít nhất 01 sáng kiến hoặc giải pháp mới trong CCHC được áp dụng có hiệu quả.',
    [['>=', 1, 'sáng kiến', ['ít nhất 01 sáng kiến']]],
  ],
  [
    '- Thực hiện đầy đủ 03 hoạt động theo dõi tình hình thi hành pháp luật theo đúng quy định tại Nghị định số 59/2012/NĐ-CP',
    [['=', 3, 'hoạt động', ['03 hoạt động']]],
  ],
  [
    '- Trong năm 2024 có ít nhất 01 ĐVSNCL được giao tự chủ ở mức tự đảm bảo chi thường xuyên và ít nhất 01 đơn vị sự nghiệp công lập được giao tự chủ ở mức tự đảm bảo một phần chi thường xuyên',
    [
      ['>=', 1, 'ĐVSNCL', ['ít nhất 01 ĐVSNCL']],
      ['>=', 1, 'đơn vị', ['ít nhất 01 đơn vị sự nghiệp công lập']],
    ],
  ],
  ['Đạt tối thiểu 10 điểm trở lên', [['>=', 10, 'điểm', ['tối thiểu 10 điểm']]]],
  ['Tổ chức không quá 02 hội nghị', [['<=', 2, 'hội nghị', ['không quá 02 hội nghị']]]],
  // no diacritics, decomposed Unicode, extra spaces
  ['Ty le ho so dung han tren   99%', [['>', 99, '%', ['tren 99%']]]],
  ['it nhat 01 sang kien', [['>=', 1, 'sang kien', ['it nhat 01 sang kien']]]],
  ['Đạt tỷ lệ tối thiểu 90%'.normalize('NFD'), [['>=', 90, '%', ['Đạt tỷ lệ tối thiểu 90%']]]],
  // not targets: years, article numbers, dates, ordinals
  ['Thực hiện theo quy định tại Nghị định số 61/2018/NĐ-CP ngày 23/4/2018', []],
  ['Xếp hạng 54/63 tỉnh, thành phố, giảm 31 bậc so với năm 2021', []],
  ['Tổng sản phẩm trên địa bàn tỉnh (GRDP) năm 2024 cao hơn năm 2023', []],
  ['Nằm trong nhóm 05 tỉnh có xếp hạng thấp nhất', []],
  ['', []],
];

describe('extractKpis', () => {
  it.each(ROWS)('%j', (input, expected) => {
    const targets = extractKpis(input);
    expect(targets.map((t) => [t.op, t.value, t.unit])).toEqual(
      expected.map(([op, value, unit]) => [op, value, unit]),
    );
    targets.forEach((target, i) => {
      for (const word of expected[i]?.[3] ?? []) expect(target.text).toContain(word.normalize('NFC'));
      expect(KPI_OPS).toContain(target.op);
      expect(target.text).toBe(target.text.trim());
    });
  });

  it('keeps each text short even inside a long clause', () => {
    const cell =
      '- Hệ thống thông tin báo cáo đáp ứng đầy đủ chức năng, yêu cầu kỹ thuật theo quy định - Tỷ lệ kết nối chế độ báo cáo, cung cấp thông tin, dữ liệu của tỉnh với Hệ thống thông tin báo cáo Chính phủ, Trung tâm thông tin, chỉ đạo điều hành của Chính phủ, Thủ tướng Chính phủ đạt 100%';
    const [target, ...rest] = extractKpis(cell);
    expect(rest).toEqual([]);
    expect(target).toMatchObject({ op: '=', value: 100, unit: '%' });
    expect(target?.text.length).toBeLessThanOrEqual(125);
    expect(target?.text).toContain('đạt 100%');
    expect(target?.text).not.toContain('Hệ thống thông tin báo cáo đáp ứng');
  });
});
