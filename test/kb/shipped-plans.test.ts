import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBaseExport } from '../../src/kb/export.ts';
import { importShipped, names, taskOf } from '../support/kb.ts';

/** The five real plans, imported into a real SQLite file, checked the way a clerk would read them. */
let kb: KnowledgeBaseExport;
beforeAll(async () => {
  const shipped = await importShipped();
  expect(shipped.results.map((r) => r.kind)).toEqual(Array(5).fill('imported'));
  kb = shipped.kb;
});

const count = (planId: string, heading: boolean) =>
  kb.tasks.filter((t) => t.planId === planId && t.isHeading === heading).length;

describe('per-document counts', () => {
  it.each([
    ['55-kh-sxd-2025-phu-luc-i', 42, 0],
    ['55-kh-sxd-2025-phu-luc-iii', 11, 0],
    ['snv-2026-cchc', 33, 0],
    ['126-kh-ubnd-2024-phu-luc', 82, 19],
    ['ubnd-tinh-2023-papi-sipas-par', 68, 23],
  ])('%s has %i tasks and %i headings', (planId, tasks, headings) => {
    expect(count(planId, false)).toBe(tasks);
    expect(count(planId, true)).toBe(headings);
  });
});

describe('plans are identified from their headings and sidecars', () => {
  it('reads code, issuer, date and index', () => {
    const plan = kb.plans.find((p) => p.id === '55-kh-sxd-2025-phu-luc-i');
    expect(plan).toMatchObject({
      code: '55/KH-SXD',
      issuer: 'Sở Xây dựng',
      date: '2025-06-11',
      year: 2025,
      index: 'PAR INDEX',
      province: 'Lạng Sơn',
      appendix: 'Phụ lục I',
      source: 'data/plans/sxd-2025-par-index-phu-luc-1.txt',
    });
    expect(kb.plans.find((p) => p.id === '55-kh-sxd-2025-phu-luc-iii')?.index).toBe('PAPI');
  });

  it('keeps the 2026 plan without a number and strips the province from its issuer', () => {
    expect(kb.plans.find((p) => p.id === 'snv-2026-cchc')).toMatchObject({
      code: null,
      issuer: 'Sở Nội vụ',
      year: 2026,
      date: null,
    });
  });

  it('names the provincial issuer with its province', () => {
    expect(kb.plans.find((p) => p.id === '126-kh-ubnd-2024-phu-luc')).toMatchObject({
      code: '126/KH-UBND',
      issuer: 'UBND tỉnh Lạng Sơn',
      date: '2024-06-03',
    });
  });

  it('records the narrative plan headline goals', () => {
    const plan = kb.plans.find((p) => p.id === 'ubnd-tinh-2023-papi-sipas-par');
    expect(plan?.goals.map((g) => g.index)).toEqual(['PAR INDEX', 'SIPAS', 'PAPI']);
    expect(plan?.goals[0]?.text).toContain('nhóm 35 tỉnh');
  });
});

describe('tasks field by field', () => {
  it('SXD III.7: a collective leads, Văn phòng Sở coordinates with the role "tổng hợp", KPI >99%', () => {
    const t = taskOf(kb, '55-kh-sxd-2025-phu-luc-i/III/7');
    expect(t.section).toEqual({ code: 'III', title: 'CẢI CÁCH THỦ TỤC HÀNH CHÍNH (TTHC)' });
    expect(t.lead).toMatchObject([{ name: 'Các phòng, ban, đơn vị thuộc Sở', collective: true, role: null }]);
    expect(t.coordinate).toMatchObject([
      { name: 'Văn phòng Sở', raw: 'Văn phòng Sở tổng hợp', role: 'tổng hợp' },
    ]);
    expect(t.deadline).toEqual({ raw: 'Thường xuyên', due: null, kind: 'ongoing' });
    expect(t.kpis).toContainEqual(expect.objectContaining({ op: '>', value: 99, unit: '%' }));
    expect(t.kpis).toContainEqual(expect.objectContaining({ op: '=', value: 100, unit: '%' }));
  });

  it('SXD VI.1: the abbreviation Phòng KHTC resolves, raw text is kept', () => {
    const t = taskOf(kb, '55-kh-sxd-2025-phu-luc-i/VI/1');
    expect(t.lead).toMatchObject([{ name: 'Phòng Kế hoạch - Tài chính', raw: 'Phòng KHTC' }]);
  });

  it('SXD VII.5: conditional collective keeps its condition; "Năm 2025" is due 2025-12-31', () => {
    const t = taskOf(kb, '55-kh-sxd-2025-phu-luc-i/VII/5');
    expect(t.lead).toMatchObject([
      { name: 'Các phòng được giao giải quyết TTHC', condition: 'được giao giải quyết TTHC' },
    ]);
    expect(t.deadline).toMatchObject({ due: '2025-12-31', kind: 'date' });
    expect(t.kpis.map((k) => [k.op, k.value])).toEqual([
      ['>', 80],
      ['>', 70],
    ]);
  });

  it('SXD PAPI VII: the row without STT is kept as task 1 of its section', () => {
    const t = taskOf(kb, '55-kh-sxd-2025-phu-luc-iii/VII/1');
    expect(t.coordinate).toMatchObject([{ name: 'Văn phòng Sở', role: 'đôn đốc theo dõi, tổng hợp' }]);
  });

  it('SXD PAPI IV.4 (conditional deadline) and V.1 (staff at the service centre)', () => {
    expect(taskOf(kb, '55-kh-sxd-2025-phu-luc-iii/IV/2').deadline).toEqual({
      raw: 'Theo kỳ tuyển dụng',
      due: null,
      kind: 'conditional',
    });
    expect(names(taskOf(kb, '55-kh-sxd-2025-phu-luc-iii/V/1').lead)).toEqual([
      'Công chức, viên chức tại Trung tâm Phục vụ hành chính công tỉnh',
    ]);
  });
});
