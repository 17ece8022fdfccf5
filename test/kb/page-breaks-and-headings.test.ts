import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBaseExport } from '../../src/kb/export.ts';
import { importShipped, names, taskOf } from '../support/kb.ts';

let kb: KnowledgeBaseExport;
beforeAll(async () => {
  kb = (await importShipped()).kb;
});

describe('rows split across page breaks are joined to the row above', () => {
  it('SNV II.2: content continues after the repeated header', () => {
    const t = taskOf(kb, 'snv-2026-cchc/II/2');
    expect(t.content).toContain('nâng cao chất lượng công tác xây dựng, hoàn thiện hệ thống pháp luật');
    expect(t.content).not.toContain('\n');
  });

  it('SNV II.6: the coordinating cell "Các Phòng, đơn vị" + "thuộc và trực thuộc Sở" is one collective', () => {
    const t = taskOf(kb, 'snv-2026-cchc/II/6');
    expect(t.coordinate).toMatchObject([
      { name: 'Các Phòng, đơn vị thuộc và trực thuộc Sở', collective: true },
    ]);
    expect(t.product).toBe('Văn bản của Sở cử công chức tham gia');
  });

  it('SNV III.5: a lead cell cut mid-word ("có trách" / "nhiệm") keeps its whole condition', () => {
    const t = taskOf(kb, 'snv-2026-cchc/III/5');
    expect(names(t.lead)).toEqual([
      'Văn phòng Sở',
      'Các Phòng, đơn vị thuộc và trực thuộc Sở',
      'Công chức, viên chức giải quyết TTHC',
    ]);
    expect(t.lead[1]?.condition).toBe('có trách nhiệm đối với TTHC thuộc thẩm quyền');
    expect(t.lead[1]?.raw).toBe(
      'Các Phòng, đơn vị thuộc và trực thuộc Sở có trách nhiệm đối với TTHC thuộc thẩm quyền',
    );
  });

  it('SNV V.2: lead "Phòng Công" + "chức, viên chức" becomes Phòng Công chức, viên chức', () => {
    expect(names(taskOf(kb, 'snv-2026-cchc/V/2').lead)).toEqual(['Phòng Công chức, viên chức']);
  });

  it('UBND 2024 I.8: coordinating units split over the break, deadline "Theo kế" + "hoạch của Bộ Nội vụ"', () => {
    const t = taskOf(kb, '126-kh-ubnd-2024-phu-luc/I/8');
    expect(names(t.coordinate)).toEqual(['Các sở, ban, ngành', 'UBND cấp huyện', 'Đại biểu HĐND tỉnh']);
    expect(t.deadline).toEqual({ raw: 'Theo kế hoạch của Bộ Nội vụ', due: null, kind: 'conditional' });
    expect(t.content).toContain('cán bộ, lãnh đạo quản lý');
  });

  it('UBND 2024 III.4.5: "Trong" + "năm 2024" and "Văn phòng" + "UBND tỉnh theo dõi…"', () => {
    const t = taskOf(kb, '126-kh-ubnd-2024-phu-luc/III/4.5');
    expect(t.deadline).toMatchObject({ raw: 'Trong năm 2024', due: '2024-12-31', kind: 'date' });
    expect(t.lead).toMatchObject([
      { name: 'Văn phòng UBND tỉnh', role: 'theo dõi, hướng dẫn, đôn đốc việc thực hiện' },
    ]);
  });

  it('UBND 2024 I.6: a merged sub-row inside a page adds a second lead unit with its own role', () => {
    const t = taskOf(kb, '126-kh-ubnd-2024-phu-luc/I/6');
    expect(t.lead).toMatchObject([
      { name: 'Sở Kế hoạch và Đầu tư', role: expect.stringContaining('chủ trì') },
      { name: 'Ban Tiếp công dân tỉnh', role: 'tham mưu tổ chức đối thoại với người dân' },
    ]);
  });

  it('UBND 2024 V.2: two lead/coordinate pairs, collective with a condition', () => {
    const t = taskOf(kb, '126-kh-ubnd-2024-phu-luc/V/2');
    expect(t.lead).toMatchObject([
      { name: 'Sở Nội vụ', role: 'chủ trì, tham mưu UBND tỉnh tổ chức' },
      { name: 'Các cơ quan, đơn vị, địa phương', condition: 'theo nhu cầu thực tế tại đơn vị' },
    ]);
    expect(t.coordinate).toMatchObject([
      { name: 'Các cơ quan, đơn vị, địa phương' },
      { name: 'Sở Nội vụ', role: 'hướng dẫn, giám sát' },
    ]);
  });
});

describe('sub-numbering and headings', () => {
  it('UBND 2024 I.4 is a heading over 4.1 … 4.4', () => {
    const heading = taskOf(kb, '126-kh-ubnd-2024-phu-luc/I/4');
    expect(heading.isHeading).toBe(true);
    const children = kb.tasks.filter((t) => t.parentId === heading.id).map((t) => t.stt);
    expect(children).toEqual(['4.1', '4.2', '4.3', '4.4']);
  });

  it('UBND 2024 III.2.2 is a heading over 2.2.1 … 2.2.3, and 2.2 itself sits under 2', () => {
    const t = taskOf(kb, '126-kh-ubnd-2024-phu-luc/III/2.2.1');
    expect(t.parentId).toBe('126-kh-ubnd-2024-phu-luc/III/2.2');
    expect(taskOf(kb, '126-kh-ubnd-2024-phu-luc/III/2.2').parentId).toBe('126-kh-ubnd-2024-phu-luc/III/2');
    expect(taskOf(kb, '126-kh-ubnd-2024-phu-luc/III/2.2').isHeading).toBe(true);
    expect(t.lead).toMatchObject([{ name: 'Văn phòng UBND tỉnh' }]);
  });

  it('UBND 2024 VI.2.2.1 has no deadline of its own and falls under its heading "Trong năm 2024"', () => {
    expect(taskOf(kb, '126-kh-ubnd-2024-phu-luc/VI/2.2.1').deadline).toMatchObject({
      due: '2024-12-31',
      kind: 'date',
    });
  });

  it('UBND 2024 III.2.3.1 has no deadline anywhere above it: none, never a guess', () => {
    expect(taskOf(kb, '126-kh-ubnd-2024-phu-luc/III/2.3.1').deadline).toEqual({
      raw: '',
      due: null,
      kind: 'none',
    });
  });

  it('UBND 2024 I.4.3 lead "UBND cấp huyện, cấp xã" names two collectives', () => {
    const t = taskOf(kb, '126-kh-ubnd-2024-phu-luc/I/4.3');
    expect(t.lead).toMatchObject([
      { name: 'UBND cấp huyện', collective: true },
      { name: 'UBND cấp xã', collective: true },
    ]);
  });

  it('SNV deadlines: done, quarters, "Quý II, III/2026" takes the last quarter', () => {
    expect(taskOf(kb, 'snv-2026-cchc/I/1').deadline.kind).toBe('done');
    expect(taskOf(kb, 'snv-2026-cchc/I/2').deadline).toMatchObject({ kind: 'done', due: null });
    expect(taskOf(kb, 'snv-2026-cchc/I/3').deadline).toMatchObject({ due: '2026-03-31', kind: 'date' });
    expect(taskOf(kb, 'snv-2026-cchc/I/5').deadline).toMatchObject({ due: '2026-09-30', kind: 'date' });
    expect(taskOf(kb, 'snv-2026-cchc/III/8').deadline).toMatchObject({ due: '2026-09-30', kind: 'date' });
    expect(taskOf(kb, 'snv-2026-cchc/V/4').deadline).toMatchObject({ due: '2026-12-31', kind: 'date' });
    expect(taskOf(kb, 'snv-2026-cchc/VII/1').deadline.kind).toBe('conditional');
  });
});

describe('the narrative plan', () => {
  const id = (stt: string) => `ubnd-tinh-2023-papi-sipas-par/${stt}`;

  it('criterion block 1.2.3 (2): lead advises, executing bodies coordinate with role "thực hiện"', () => {
    const t = taskOf(kb, id('1/1.2.3(2)'));
    expect(t.parentId).toBe(id('1/1.2.3'));
    expect(t.content).toMatch(
      /^Tiêu chí tỷ lệ hồ sơ thủ tục hành chính tiếp nhận trong năm được giải quyết đúng hạn/,
    );
    expect(names(t.lead)).toEqual(['Văn phòng UBND tỉnh']);
    expect(t.coordinate.map((u) => [u.name, u.role])).toEqual([
      ['Các sở, ban, ngành', 'thực hiện'],
      ['UBND cấp huyện', 'thực hiện'],
      ['UBND cấp xã', 'thực hiện'],
    ]);
  });

  it('one deadline for the whole plan: before 30/11/2023', () => {
    const tasks = kb.tasks.filter((t) => t.planId === 'ubnd-tinh-2023-papi-sipas-par' && !t.isHeading);
    expect(new Set(tasks.map((t) => t.deadline.due))).toEqual(new Set(['2023-11-30']));
  });

  it('lettered item 3.2 b) names the responsible bodies in its sentence', () => {
    expect(names(taskOf(kb, id('3/3.2b)')).lead)).toEqual([
      'UBND cấp huyện',
      'Sở Tư pháp',
      'Sở Lao động - Thương binh và Xã hội',
      'Sở Tài chính',
      'Sở Tài nguyên và Môi trường',
    ]);
  });

  it('1.2.8 (1): coordinated by Hiệp hội Doanh nghiệp tỉnh and the agencies', () => {
    const t = taskOf(kb, id('1/1.2.8(1)'));
    expect(names(t.lead)).toEqual(['Sở Kế hoạch và Đầu tư']);
    expect(names(t.coordinate)).toContain('Hiệp hội Doanh nghiệp tỉnh');
  });

  it('section IV: "2. Sở Nội vụ" gives its lettered items to Sở Nội vụ', () => {
    expect(names(taskOf(kb, id('IV/2a)')).lead)).toEqual(['Sở Nội vụ']);
  });
});
