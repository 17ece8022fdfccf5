import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { looksNarrative, parseNarrative } from '../../src/ingest/layout-narrative.ts';
import type { RawTaskRow } from '../../src/ingest/types.ts';

const PLANS = new URL('../../data/plans/', import.meta.url);
const NARRATIVE_FILE = 'ubnd-tinh-2023-ke-hoach-papi-sipas-par.txt';
const readPlan = (name: string): string => readFileSync(new URL(name, PLANS), 'utf8');

const parsed = parseNarrative(readPlan(NARRATIVE_FILE));

function row(sectionCode: string, stt: string): RawTaskRow {
  const found = parsed.rows.filter(
    (candidate) => candidate.sectionCode === sectionCode && candidate.stt === stt,
  );
  expect(found, `${sectionCode} ${stt}`).toHaveLength(1);
  const [only] = found;
  if (only === undefined) throw new Error(`no row ${sectionCode} ${stt}`);
  return only;
}

const isHeadingRow = (candidate: RawTaskRow): boolean => candidate.lead === '' && candidate.coordinate === '';

describe('parseNarrative on the 2023 PAPI/SIPAS/PAR INDEX plan', () => {
  it('reads the heading from the title and the issuer from its sentence, leaving what the text lacks null', () => {
    expect(parsed.layout).toBe('narrative');
    expect(parsed.heading).toEqual({
      code: null,
      issuer: 'UBND tỉnh',
      province: 'Lạng Sơn',
      date: null,
      year: 2023,
      title:
        'Nâng cao Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh (PAPI); Chỉ số hài lòng về sự phục vụ ' +
        'hành chính (SIPAS) và Chỉ số cải cách hành chính (PAR INDEX) tỉnh Lạng Sơn năm 2023',
      index: 'PAPI, SIPAS, PAR INDEX',
      appendix: null,
      sources: {
        issuer: { kind: 'sentence', text: 'từ câu "UBND tỉnh ban hành kế hoạch"' },
        province: { kind: 'title', text: 'từ tiêu đề' },
        year: { kind: 'title', text: 'từ tiêu đề' },
      },
    });
  });

  it('reads the three goals and the plan deadline', () => {
    expect(parsed.goals.map((goal) => goal.index)).toEqual(['PAR INDEX', 'SIPAS', 'PAPI']);
    expect(parsed.goals[0]?.text).toBe(
      'Chỉ số cải cách hành chính (PAR INDEX) năm 2023 nằm trong nhóm 35 tỉnh, thành phố có chỉ số cao nhất',
    );
    expect(parsed.goals[2]?.text).toMatch(
      /nhóm 15 tỉnh có chỉ số cao nhất theo phân nhóm của Chỉ số PAPI\)\.$/u,
    );
    expect(parsed.planDeadline).toBe('Trước ngày 30 tháng 11 năm 2023');
  });

  it('finds every task and heading row, and nothing from the purpose, deadline or closing', () => {
    expect(parsed.rows).toHaveLength(91);
    expect(
      parsed.rows.filter(isHeadingRow).map((heading) => `${heading.sectionCode}:${heading.stt}`),
    ).toEqual([
      ...['1.1', '1.2', '1.2.1', '1.2.2', '1.2.3', '1.2.4', '1.2.5', '1.2.6', '1.2.7', '1.2.8'].map(
        (s) => `1:${s}`,
      ),
      ...['3.1', '3.2', '3.3', '3.4', '3.5', '3.6', '3.7', '3.8'].map((s) => `3:${s}`),
      ...['1', '2', '3', '4', '5'].map((s) => `IV:${s}`),
    ]);
    expect(parsed.rows.map((candidate) => candidate.sectionCode)).not.toContain('4');
    expect(parsed.rows.some((candidate) => candidate.content.includes('Thời gian hoàn thành'))).toBe(false);
    expect(parsed.rows.some((candidate) => candidate.content.includes('Yêu cầu Thủ trưởng'))).toBe(false);
    expect(parsed.rows.at(-1)?.stt).toBe('6');
  });

  it('names the sections after the index blocks and part IV', () => {
    expect(row('1', '1.2.3 (2)').sectionTitle).toBe('Chỉ số cải cách hành chính (PAR INDEX)');
    expect(row('2', '2.1').sectionTitle).toBe(
      'Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước (SIPAS)',
    );
    expect(row('3', '3.6 a)').sectionTitle).toBe('Chỉ số Quản trị và Hành chính công (PAPI)');
    expect(row('IV', '2 a)').sectionTitle).toBe('Tổ chức thực hiện');
  });

  it('turns the topics of 1.1 into tasks led by the body after the colon', () => {
    const topics = parsed.rows.filter((candidate) => candidate.stt.startsWith('1.1 ('));
    expect(topics.map((topic) => topic.stt)).toEqual([
      '1.1 (1)',
      '1.1 (2)',
      '1.1 (3)',
      '1.1 (4)',
      '1.1 (5)',
      '1.1 (6)',
    ]);
    expect(row('1', '1.1 (2)')).toMatchObject({
      content: 'Lĩnh vực cải cách thể chế',
      lead: 'Sở Tư pháp chủ trì tham mưu',
      line: 94,
    });
    expect(row('1', '1.1 (6)').lead).toBe('Sở Kế hoạch và Đầu tư và Sở Tài chính chủ trì tham mưu');
    expect(row('1', '1.1 (5)').lead).toBe('Sở Thông tin và Truyền thông chủ trì tham mưu');
  });

  it('reads a criterion block with "Cơ quan thực hiện" units (1.2.3 (2))', () => {
    const task = row('1', '1.2.3 (2)');
    expect(task.line).toBe(195);
    expect(task.lead).toBe('Văn phòng UBND tỉnh');
    expect(task.coordinate).toContain('các Sở, ban, ngành, UBND cấp huyện, cấp xã');
    expect(task.coordinateRole).toBe('thực hiện');
    expect(task.content).toMatch(
      /^Tiêu chí tỷ lệ hồ sơ thủ tục hành chính tiếp nhận trong năm được giải quyết đúng hạn\n\+ Các Sở/u,
    );
    expect(task.content.split('\n').filter((line) => line.startsWith('+ '))).toHaveLength(2);
    expect(task).toMatchObject({ deadline: '', product: '' });
  });

  it('numbers an unnumbered criterion under its heading (1)', () => {
    expect(row('1', '1.2.1 (1)').content).toMatch(/^Tiêu chí thực hiện nhiệm vụ Chính phủ/u);
    expect(row('1', '1.2.2 (1)')).toMatchObject({ lead: 'Sở Tư pháp', line: 142 });
  });

  it('leaves coordinateRole out when the coordinate comes from "Cơ quan phối hợp" (1.2.7 (1), 1.2.8 (1))', () => {
    const portal = row('1', '1.2.7 (1)');
    expect(portal.lead).toBe('Sở Thông tin và Truyền thông');
    expect(portal.coordinate).toBe('Các cơ quan, đơn vị có liên quan');
    expect(portal).not.toHaveProperty('coordinateRole');
    const investment = row('1', '1.2.8 (1)');
    expect(investment.lead).toBe('Sở Kế hoạch và Đầu tư');
    expect(investment.coordinate).toContain('Hiệp Hội doanh nghiệp tỉnh');
    expect(investment).not.toHaveProperty('coordinateRole');
  });

  it('keeps the unlettered paragraph after the bullets of 1.2.7 (4) in its content', () => {
    const lines = row('1', '1.2.7 (4)').content.split('\n');
    expect(lines.at(-1)).toMatch(/^UBND cấp huyện, cấp xã có trách nhiệm nâng cao hiệu quả/u);
    expect(lines.filter((line) => line.startsWith('+ '))).toHaveLength(3);
  });

  it('reads a numbered criterion block of the SIPAS index (2.1)', () => {
    const task = row('2', '2.1');
    expect(task.lead).toMatch(/^các Sở, ban, ngành/u);
    expect(task.lead).toContain('UBND cấp huyện, cấp xã');
    expect(task.coordinate).toContain('Đài Phát thanh và Truyền hình tỉnh, Báo Lạng Sơn');
    expect(task.content).toMatch(/^Đối với nội dung “Mức độ hài lòng của người dân đối với việc xây dựng/u);
  });

  it('takes the lead of a lettered item from the subject of its sentence', () => {
    expect(row('3', '3.1 b)').lead).toBe('UBND cấp huyện, cấp xã');
    expect(row('3', '3.2 b)').lead).toBe(
      'UBND cấp huyện và các Sở: Tư pháp, Lao động - Thương binh và Xã hội, Tài chính, Tài nguyên và Môi trường',
    );
    expect(row('3', '3.6 a)').lead).toBe(
      'Các Sở: Y tế, Giáo dục và Đào tạo, Nông nghiệp và Phát triển nông thôn, Công Thương, Giao thông vận tải, ' +
        'Tài nguyên và Môi trường',
    );
    expect(row('3', '3.6 a)').content).toMatch(
      /^Các Sở: Y tế, .* theo chức năng, nhiệm vụ nâng cao chất lượng/u,
    );
    expect(row('3', '3.5 a)').lead).toBe('Ủy ban nhân các xã, phường, thị trấn');
    expect(row('3', '3.8 b)').lead).toBe('Văn phòng UBND tỉnh, các cơ quan, đơn vị');
    expect(row('IV', '4 a)').lead).toBe('Các cơ quan Trung ương được tổ chức theo ngành dọc tại địa phương');
    expect(row('IV', '3 c)').lead).toBe('Sở Thông tin và Truyền thông');
  });

  it('takes the coordinate of a lettered item from "phối hợp với" right after its subject', () => {
    expect(row('3', '3.4 c)')).toMatchObject({ lead: 'Sở Nội vụ', coordinate: 'các cơ quan liên quan' });
    expect(row('IV', '4 b)')).toMatchObject({
      lead: 'Cục Thuế tỉnh, Cục Hải Quan tỉnh',
      coordinate: 'các Sở, ban, ngành, UBND các huyện, thành phố',
    });
    expect(row('3', '3.8 a)').coordinate).toBe('');
  });

  it('falls back to the body named by the heading when the item starts with a verb', () => {
    expect(row('IV', '2 a)')).toMatchObject({ lead: 'Sở Nội vụ', line: 1130 });
    expect(row('IV', '2 a)').content).toMatch(/^Làm đầu mối theo dõi/u);
    expect(row('IV', '1 b)').lead).toBe(
      'các Sở, ban, ngành; UBND các huyện, thành phố; UBND các xã, phường, thị trấn',
    );
    expect(row('IV', '1 a)').content.split('\n')).toEqual([
      expect.stringMatching(/^Căn cứ nhiệm vụ được phân công/u),
      '- Kế hoạch của các cơ quan, đơn vị ban hành chậm nhất ngày 30/6/2023.',
      '- Báo cáo kết quả thực hiện Kế hoạch trong Báo cáo Cải cách hành chính Quý III và báo cáo năm 2023.',
    ]);
    expect(row('IV', '3 a)').lead).toBe(
      'Các Sở: Tư pháp, Tài chính, Thông tin và Truyền thông, Kế hoạch và Đầu tư và Văn phòng UBND tỉnh',
    );
    expect(row('IV', '5 b)').lead).toBe(
      'Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội tỉnh',
    );
  });

  it('makes a heading with a single unlettered paragraph a task of its own (IV 6)', () => {
    expect(row('IV', '6')).toMatchObject({
      line: 1248,
      lead: 'Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh',
      coordinate: 'Sở Nội vụ',
    });
    expect(row('IV', '6').content).toMatch(/^Phối hợp với Sở Nội vụ hướng dẫn, đôn đốc/u);
  });

  it('unwraps the PDF lines: no URLs, no doubled spaces, wrapped words joined', () => {
    for (const candidate of parsed.rows) {
      expect(candidate.content).not.toContain('https://');
      expect(candidate.content).not.toMatch(/ {2}| \n|\n /u);
      expect(`${candidate.lead}${candidate.coordinate}`).not.toMatch(/\n|\s{2}/u);
    }
    expect(row('3', '3.3 c)').content).toMatch(
      /đẩy mạnh các mô hình, hoạt động trợ giúp pháp lý tại các địa bàn/u,
    );
    expect(row('1', '1.2.7 (2)').content).toContain(
      'phối hợp với Sở Thông tin và Truyền thông và các cơ quan',
    );
    expect(row('1', '1.2.4 (1)').content).toContain('Quyết định số 2007/QĐ-UBND ngày 20/12/2022');
  });

  it('warns about the unnumbered introduction of 1.2.8 that it skips', () => {
    expect(parsed.warnings).toEqual([{ line: 603, message: expect.stringMatching(/Kết quả về Tác động/u) }]);
  });
});

describe('looksNarrative', () => {
  it('recognises the narrative plan', () => {
    expect(looksNarrative(readPlan(NARRATIVE_FILE))).toBe(true);
  });

  const tables = readdirSync(PLANS).filter((name) => name.endsWith('.txt') && name !== NARRATIVE_FILE);
  it.each(tables)('rejects the table plan %s', (name) => {
    expect(looksNarrative(readPlan(name))).toBe(false);
  });

  it('checks the four table plans', () => {
    expect(tables).toHaveLength(4);
  });

  it('rejects a narrative heading over a tab-separated table', () => {
    const text =
      'III. NHIỆM VỤ, GIẢI PHÁP\n(1) Tiêu chí a\n- Cơ quan chủ trì tham mưu: Sở Nội vụ\n1\tA\tB\n2\tC\tD\n';
    expect(looksNarrative(text)).toBe(false);
    expect(looksNarrative(text.replace(/\d\t.*\n/gu, ''))).toBe(true);
  });
});
