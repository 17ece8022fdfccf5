import { beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/core/types.ts';
import { createTestBot, ids, SNV_CCVC, SNV_VP, STP, SXD_KHTC } from '../support/bot.ts';

let say: Awaited<ReturnType<typeof createTestBot>>['say'];
beforeAll(async () => {
  say = (await createTestBot()).say;
});

const part = (a: Answer, id: string) => a.tasks.find((t) => t.id === id)?.responsibility;

describe('who is responsible (pinned semantics)', () => {
  it('a collective covers every unit of the Sở that issued the plan, and says it leads or coordinates', () => {
    const a = say({ ...SXD_KHTC, text: 'phòng tôi phụ trách gì' });
    expect(a.intent).toBe('my_tasks');
    // Named for the phòng itself (Phòng KHTC leads VI.1) and through "Các phòng, ban, đơn vị thuộc Sở".
    expect(part(a, '55-kh-sxd-2025-phu-luc-i/VI/1')).toBe('lead');
    expect(part(a, '55-kh-sxd-2025-phu-luc-i/VI/2')).toBe('lead');
    expect(part(a, '55-kh-sxd-2025-phu-luc-i/I/1')).toBe('coordinate');
    expect(ids(a).every((id) => id.startsWith('55-kh-sxd-2025'))).toBe(true);
  });

  it('tasks named for the unit come first, lead before coordinate', () => {
    const a = say({ ...SXD_KHTC, text: 'phong toi phai lam gi' });
    const isShared = (t: (typeof a.tasks)[number]) => t.via !== undefined && t.namedAs === undefined;
    const firstShared = a.tasks.findIndex(isShared);
    const named = a.tasks.slice(0, firstShared);
    expect(named.map((t) => t.id)).toEqual(
      expect.arrayContaining(['55-kh-sxd-2025-phu-luc-i/VI/1', '55-kh-sxd-2025-phu-luc-i/VIII/3']),
    );
    expect(a.tasks.slice(firstShared).every(isShared)).toBe(true);
    // VI.2: all phòng lead it, and the task names Phòng KHTC as the coordinator: both are said.
    expect(a.tasks.find((t) => t.id === '55-kh-sxd-2025-phu-luc-i/VI/2')).toMatchObject({
      responsibility: 'lead',
      namedAs: 'coordinate',
    });
    const leadsThenCoordinates = named.map((t) => t.responsibility);
    expect(leadsThenCoordinates).toEqual(
      [...leadsThenCoordinates].sort((x, y) => (x === 'lead' ? -1 : y === 'lead' ? 1 : 0)),
    );
  });

  it('"chủ trì" asks only for leading, "phối hợp" only for coordinating', () => {
    const lead = say({ ...SXD_KHTC, text: 'phòng tôi chủ trì những việc gì' });
    const coordinate = say({ ...SXD_KHTC, text: 'phòng tôi phối hợp những việc gì' });
    expect(lead.tasks.every((t) => t.responsibility === 'lead')).toBe(true);
    expect(coordinate.tasks.every((t) => t.responsibility === 'coordinate')).toBe(true);
    expect(lead.tasks.length + coordinate.tasks.length).toBe(
      say({ ...SXD_KHTC, text: 'phòng tôi phụ trách gì' }).tasks.length,
    );
  });

  it('a provincial task led by "Các sở, ban, ngành" is led by Sở Tư pháp too (2024 plan)', () => {
    const a = say({ ...STP, text: 'sở tôi chủ trì những việc gì năm 2024' });
    expect(ids(a)).toContain('126-kh-ubnd-2024-phu-luc/I/7');
    expect(ids(a)).toContain('126-kh-ubnd-2024-phu-luc/II/1.1');
    expect(part(a, '126-kh-ubnd-2024-phu-luc/I/7')).toBe('lead');
  });

  it('a conditional collective applies and the reply shows its condition', () => {
    const a = say({ ...SNV_VP, text: 'phòng tôi phụ trách gì' });
    const task = a.tasks.find((t) => t.id === 'snv-2026-cchc/II/1');
    expect(task?.via?.[0]?.collective).toBe('Các Phòng, đơn vị thuộc và trực thuộc Sở');
    const ccvc = say({ ...SNV_CCVC, text: 'phong toi phu trach gi' });
    const conditional = ccvc.tasks.find((t) => t.id === 'snv-2026-cchc/III/5');
    expect(conditional?.responsibility).toBe('lead');
    expect(conditional?.via?.[0]?.condition).toBe('có trách nhiệm đối với TTHC thuộc thẩm quyền');
    // The reply line shows it, on whichever page the task falls.
    let reply = ccvc.reply;
    for (let page = 0; page < 5 && !reply.includes('mục III.5'); page++)
      reply = say({ ...SNV_CCVC, text: 'xem tiếp' }).reply;
    expect(reply).toMatch(/mục III\.5[^\n]*\n[^\n]*điều kiện: có trách nhiệm đối với TTHC thuộc thẩm quyền/);
  });

  it('"Văn phòng Sở" of Sở Nội vụ never answers for Sở Xây dựng', () => {
    const a = say({ ...SNV_VP, text: 'văn phòng sở phụ trách gì' });
    expect(ids(a).every((id) => id.startsWith('snv-2026'))).toBe(true);
    const b = say({ ...SNV_VP, text: 'Văn phòng Sở Xây dựng phụ trách gì' });
    expect(ids(b).length).toBeGreaterThan(0);
    expect(ids(b).every((id) => id.startsWith('55-kh-sxd-2025'))).toBe(true);
  });
});

describe('scope and years', () => {
  it('uses the current year when it has plans, else the most recent one, and says so', () => {
    expect(say({ ...SNV_CCVC, text: 'phòng tôi phụ trách gì' }).entities.scope?.year).toBe(2026);
    const sxd = say({ ...SXD_KHTC, text: 'phòng tôi phụ trách gì' });
    expect(sxd.entities.scope?.year).toBe(2025);
    expect(sxd.reply).toContain('Chưa có kế hoạch năm nay; dùng kế hoạch năm 2025');
  });

  it('a year or plan number in the question overrides the default', () => {
    expect(say({ ...STP, text: 'sở tôi phụ trách gì năm 2023' }).entities.scope?.year).toBe(2023);
    const plan = say({ ...SNV_CCVC, text: 'kế hoạch 126 có những nhiệm vụ gì về một cửa liên thông' });
    expect(ids(plan).length).toBeGreaterThan(0);
    expect(ids(plan).every((id) => id.startsWith('126-kh-ubnd-2024'))).toBe(true);
  });
});

describe('overdue', () => {
  it('lists past-due dated tasks of the unit, never ongoing, conditional or done ones', () => {
    const a = say({ ...SNV_VP, text: 'việc nào quá hạn' });
    expect(a.intent).toBe('overdue');
    expect(ids(a)).toContain('snv-2026-cchc/III/8'); // Quý II, III/2026 → 30/09/2026
    expect(ids(a)).not.toContain('snv-2026-cchc/I/1'); // đã hoàn thành
    expect(ids(a)).not.toContain('snv-2026-cchc/VII/1'); // theo lộ trình
    expect(ids(a)).not.toContain('snv-2026-cchc/I/6'); // Quý IV/2026 is not past
    expect(a.tasks.every((t) => t.deadline.kind === 'date' && (t.deadline.due ?? '') < '2026-11-22')).toBe(
      true,
    );
  });

  it('a lead also hears how much ongoing or conditional work is open, listed apart from overdue', () => {
    const a = say({ ...SNV_VP, user: 'snv-vp-lead', role: 'lead', text: 'việc nào quá hạn' });
    expect(a.reply).toMatch(/Ngoài ra \d+ nhiệm vụ thường xuyên hoặc theo điều kiện đang mở/);
    expect(a.tasks.every((t) => t.deadline.kind === 'date')).toBe(true);
    expect(say({ ...SNV_VP, text: 'việc nào quá hạn' }).reply).not.toContain('Ngoài ra');
  });
});

describe('entities', () => {
  it.each([
    ['chi tiết nhiệm vụ III.8', 'task_detail', 'III.8'],
    ['muc iii.8 la gi', 'task_detail', 'III.8'],
    ['báo cáo nhiệm vụ III.8 đạt 60%', 'report_progress', 'III.8'],
  ])('%s → %s %s', (text, intent, ref) => {
    const a = say({ ...SNV_VP, text });
    expect(a.intent).toBe(intent);
    expect(a.entities.taskRef).toBe(ref);
  });

  it('time ranges: "quý này" is Q4 2026', () => {
    const a = say({ ...SNV_CCVC, text: 'việc nào phải xong trong quý này' });
    expect(a.intent).toBe('deadlines');
    expect(a.entities.timeRange).toMatchObject({ from: '2026-10-01', to: '2026-12-31' });
    expect(ids(a)).toContain('snv-2026-cchc/V/4');
  });
});
