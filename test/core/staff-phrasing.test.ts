import { beforeAll, describe, expect, it } from 'vitest';
import { createTestBot, ids, SNV_CCVC, SXD_KHTC } from '../support/bot.ts';

let say: Awaited<ReturnType<typeof createTestBot>>['say'];
beforeAll(async () => {
  say = (await createTestBot()).say;
});

describe('task references as staff write them', () => {
  it.each([
    ['nv IV 2', 'snv-2026-cchc/IV/2'],
    ['nhiem vu I-3', 'snv-2026-cchc/I/3'],
    ['mục 3.5 kế hoạch 126', '126-kh-ubnd-2024-phu-luc/VII/3.5'],
    ['mục 3.2 điểm b', 'ubnd-tinh-2023-papi-sipas-par/3/3.2b)'],
    ['muc IV.2 diem c', 'ubnd-tinh-2023-papi-sipas-par/IV/2c)'],
  ])('%j → %s', (text, id) => {
    const a = say({ ...SNV_CCVC, text });
    expect(a.intent).toBe('task_detail');
    expect(ids(a)).toEqual([id]);
  });

  it('a section row without a number is named by its section and appendix', () => {
    const a = say({ ...SXD_KHTC, text: 'muc VII phu luc III' });
    expect(ids(a)).toEqual(['55-kh-sxd-2025-phu-luc-iii/VII/1']);
  });

  it('who leads a numbered task answers with that task, not a topic search', () => {
    const a = say({ ...SNV_CCVC, text: 'muc 3.5 kh 126 ai chu tri' });
    expect(a.intent).toBe('who_is_responsible');
    expect(ids(a)).toEqual(['126-kh-ubnd-2024-phu-luc/VII/3.5']);
  });
});

describe('registration as staff phrase it', () => {
  it.each([
    ['mình làm ở phòng kế hoạch tài chính sở xây dựng ạ', 'Phòng Kế hoạch - Tài chính'],
    ['em cong tac tai van phong so noi vu a', 'Văn phòng Sở'],
    ['em là chuyên viên phòng công chức viên chức sở nội vụ', 'Phòng Công chức, viên chức'],
    ['ben em la phong ke hoach - tai chinh so xay dung nhe', 'Phòng Kế hoạch - Tài chính'],
  ])('%j registers with %s', (text, unit) => {
    const a = say({ user: `new-${text.length}`, text });
    expect(a.intent).toBe('register');
    expect(a.entities.unit).toBe(unit);
  });

  it('"phòng tôi là gì" is still a question', () => {
    expect(say({ ...SNV_CCVC, text: 'nhiem vu cua phong toi la gi' }).intent).toBe('my_tasks');
  });
});

describe('pasted text', () => {
  it('a forwarded notice gets a short hint, not a search', () => {
    const a = say({
      ...SNV_CCVC,
      text: 'Fwd: Thông báo\nVăn phòng UBND tỉnh đề nghị các sở, ban, ngành gửi báo cáo cải cách hành chính quý IV trước ngày 05/12/2026.',
    });
    expect(a.intent).toBe('unknown');
    expect(a.tasks).toEqual([]);
    expect(a.reply).toContain('chuyển tiếp');
  });
});
