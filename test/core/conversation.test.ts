import { describe, expect, it } from 'vitest';
import { createTestBot, ids, SNV_CCVC } from '../support/bot.ts';

const SXD_VP = { user: 'sxd-vp', org: 'Sở Xây dựng', unit: 'Văn phòng Sở' } as const;

describe('multi-turn', () => {
  it('an ambiguous task number gets a numbered list; the number answers it', async () => {
    const { say } = await createTestBot();
    const list = say({ ...SXD_VP, text: 'chi tiết nhiệm vụ I.1' });
    expect(list.reply).toMatch(/^Có nhiều nhiệm vụ mang số này/);
    expect(ids(list)).toEqual(['55-kh-sxd-2025-phu-luc-i/I/1', '55-kh-sxd-2025-phu-luc-iii/I/1']);
    const chosen = say({ ...SXD_VP, text: '2' });
    expect(chosen.intent).toBe('task_detail');
    expect(ids(chosen)).toEqual(['55-kh-sxd-2025-phu-luc-iii/I/1']);
    // The choice is used once: a later "2" is no longer an answer to it.
    expect(say({ ...SXD_VP, text: '2' }).intent).not.toBe('task_detail');
  });

  it('"xem tiếp" pages through a long list, keeping the whole result set', async () => {
    const { say } = await createTestBot();
    const first = say({ ...SNV_CCVC, text: 'phòng tôi phụ trách gì' });
    expect(first.reply).toContain('xem tiếp');
    const second = say({ ...SNV_CCVC, text: 'xem tiếp' });
    expect(second.intent).toBe('my_tasks');
    expect(ids(second)).toEqual(ids(first));
    expect(second.reply).toMatch(/^9\. /m);
  });

  it('a report changes the overdue list', async () => {
    const { say } = await createTestBot();
    const lead = { user: 'tcbc', org: 'Sở Nội vụ', unit: 'Phòng Tổ chức, biên chế và Cải cách hành chính' };
    expect(ids(say({ ...lead, text: 'việc nào quá hạn' }))).toContain('snv-2026-cchc/I/5');
    say({ ...lead, text: 'báo cáo nhiệm vụ I.5 đã hoàn thành' });
    expect(ids(say({ ...lead, text: 'viec nao qua han' }))).not.toContain('snv-2026-cchc/I/5');
  });

  it('registration by name, then questions about "my unit"', async () => {
    const { say } = await createTestBot();
    expect(say({ user: 'u1', text: 'dang ky phong cong chuc vien chuc so noi vu' }).reply).toContain(
      'Phòng Công chức, viên chức, Sở Nội vụ',
    );
    expect(ids(say({ user: 'u1', text: 'phòng tôi phụ trách gì' }))).toContain('snv-2026-cchc/V/4');
  });
});

describe('first contact', () => {
  it('invites someone new to register, once', async () => {
    const { say } = await createTestBot();
    expect(say({ user: 'moi', text: 'chào bot' }).reply).toContain('lần đầu trò chuyện');
    expect(say({ user: 'moi', text: 'chào bot' }).reply).not.toContain('lần đầu trò chuyện');
  });
});
