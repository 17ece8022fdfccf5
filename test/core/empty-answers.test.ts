import { describe, expect, it } from 'vitest';
import { REGISTER_EXAMPLE } from '../../src/reply/messages.ts';
import { createTestBot, SNV_CCVC } from '../support/bot.ts';

const SXD_KHTC = { user: 'sxd-khtc', org: 'Sở Xây dựng', unit: 'Phòng Kế hoạch - Tài chính' } as const;

/** An empty result says once what was looked for, then the next question; never "0 nhiệm vụ …:" over "not found". */
function expectOneEmptyAnswer(reply: string): void {
  expect(reply).not.toMatch(/^0 nhiệm vụ/m);
  expect(reply).not.toContain('Không tìm thấy nhiệm vụ nào phù hợp');
  expect(reply).toContain('Bạn có thể hỏi tiếp: “');
}

describe('empty answers', () => {
  it('nothing due soon: the window and the unit are said once, the next question offered', async () => {
    const { say } = await createTestBot();
    const a = say({ ...SXD_KHTC, text: 'việc gì sắp đến hạn' });
    expect(a.intent).toBe('deadlines');
    expect(a.tasks).toEqual([]);
    expectOneEmptyAnswer(a.reply);
    expect(a.reply).toMatch(/^Phòng Kế hoạch - Tài chính không có nhiệm vụ nào .* trong 14 ngày tới\./);
    expect(a.reply).toContain('“việc nào quá hạn?”');
  });

  it('a dated window reads naturally ("có hạn trước 31/01/2026"-style labels keep no "trong")', async () => {
    const { say } = await createTestBot();
    const a = say({ ...SXD_KHTC, text: 'việc nào có hạn trong tuần này' });
    expectOneEmptyAnswer(a.reply);
    expect(a.reply).toContain('có hạn trong tuần này');
  });

  it('a named unit with nothing led: the suggestion is about that unit', async () => {
    const { say } = await createTestBot();
    // Sở Tư pháp is in the 2026 plan only through "Các cơ quan, đơn vị", as a coordinator.
    const a = say({ ...SNV_CCVC, text: 'Sở Tư pháp chủ trì những việc gì năm 2026' });
    expect(a.intent).toBe('unit_tasks');
    expect(a.tasks).toEqual([]);
    expectOneEmptyAnswer(a.reply);
    expect(a.reply).toMatch(/^Sở Tư pháp không chủ trì nhiệm vụ nào trong các kế hoạch năm 2026\./);
    expect(a.reply).toContain('“Sở Tư pháp phối hợp những việc gì?”');
  });

  it('nothing overdue: one sentence with the date, then what to ask next', async () => {
    const { say } = await createTestBot();
    say({ ...SNV_CCVC, text: 'báo cáo nhiệm vụ III.8 đã hoàn thành' });
    const a = say({ ...SNV_CCVC, text: 'việc nào quá hạn' });
    expect(a.intent).toBe('overdue');
    expect(a.tasks).toEqual([]);
    expect(a.reply).toMatch(
      /^Phòng Công chức, viên chức không có nhiệm vụ nào quá hạn \(tính đến 22\/11\/2026\)\./,
    );
    expect(a.reply).toContain('“việc nào sắp đến hạn?”');
  });

  it('"qa" for "quá" is an overdue question', async () => {
    const { say } = await createTestBot();
    const a = say({ ...SNV_CCVC, text: 'viec nao qa han' });
    expect(a.intent).toBe('overdue');
    expect(a.tasks.map((t) => t.id)).toEqual(['snv-2026-cchc/III/8']);
  });
});

describe('first contact', () => {
  it('the invitation to register is not repeated when the answer already asks for it', async () => {
    const { say } = await createTestBot();
    const reply = say({ user: 'moi-1', text: 'phòng tôi phải làm gì' }).reply;
    expect(reply.split(REGISTER_EXAMPLE).length - 1).toBe(1);
  });

  it('follows an answer about a named unit, after it', async () => {
    const { say } = await createTestBot();
    const reply = say({ user: 'moi-2', text: 'Sở Tư pháp có việc nào quá hạn?' }).reply;
    expect(reply).toMatch(/^Sở Tư pháp có \d+ nhiệm vụ quá hạn/);
    expect(reply.trimEnd().endsWith(`${REGISTER_EXAMPLE}.`)).toBe(true);
  });

  it('says hello once when the answer is itself a greeting', async () => {
    const { say } = await createTestBot();
    const reply = say({ user: 'moi-3', text: 'xin chào' }).reply;
    expect(reply.match(/chào/gi)?.length).toBe(1);
    expect(reply).toContain('lần đầu trò chuyện');
  });
});
