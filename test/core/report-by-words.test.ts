import { describe, expect, it } from 'vitest';
import { type AskRequest, ask } from '../../src/cli/ask.ts';
import { createCore } from '../../src/compose/core.ts';
import type { Answer } from '../../src/core/types.ts';
import type { Db } from '../../src/kb/open.ts';
import { SHIPPED_PLANS_DIR } from '../../src/paths.ts';
import { loadChatLexicon } from '../../src/vi/message.ts';
import { createTestBot, ids, reportCount, SNV_CCVC, SXD_KHTC, TODAY } from '../support/bot.ts';
import { importInto, tempDb, testLexicon } from '../support/kb.ts';

/**
 * A progress report that names its task by words ("bên em làm xong việc tuyển dụng công chức rồi") is matched
 * among the tasks the reporter's unit leads or coordinates; one clear match is recorded (and can be taken back
 * within 30 minutes), several are offered as a numbered choice, none writes nothing.
 */
const SNV_V4 = 'snv-2026-cchc/V/4';
const SNV_V1 = 'snv-2026-cchc/V/1';
const SNV_II6 = 'snv-2026-cchc/II/6';
const SXD_VI3 = '55-kh-sxd-2025-phu-luc-i/VI/3';
const SXD_ADMIN = { user: 'sxd-admin', org: 'Sở Xây dựng', role: 'admin' } as const;

interface Row {
  task_id: string;
  unit_name: string;
  reported_at: string;
  retracted_at: string | null;
  retracted_by: number | null;
}
const rows = (db: Db): Row[] =>
  db
    .prepare(
      `SELECT p.task_id, u.name AS unit_name, p.reported_at, p.retracted_at, p.retracted_by
         FROM progress_reports p JOIN units u ON u.id = p.unit_id ORDER BY p.id`,
    )
    .all() as Row[];

/** A bot whose clock the test moves, to cross the 30-minute window. */
async function botWithClock(): Promise<{
  db: Db;
  say: (request: AskRequest) => Answer;
  advance: (minutes: number) => void;
}> {
  const { db } = tempDb();
  await importInto(db, [SHIPPED_PLANS_DIR]);
  let now = new Date(`${TODAY}T09:00:00+07:00`).getTime();
  const core = createCore(db, testLexicon(), loadChatLexicon(), () => new Date(now));
  return {
    db,
    say: (request) => ask(core, request),
    advance: (minutes) => {
      now += minutes * 60 * 1000;
    },
  };
}

describe('a report naming its task by words', () => {
  it.each([
    'bên em làm xong việc tuyển dụng công chức rồi',
    'ben em xong viec tuyen dung cong chuc roi',
    'bên em đã xong việc tuyen dunng công chức',
  ])('one match → recorded under the unit, the task named, how to undo said: %s', async (text) => {
    const { db, say } = await createTestBot();
    const a = say({ ...SNV_CCVC, text });
    expect(a.intent).toBe('report_progress');
    expect(ids(a)).toEqual([SNV_V4]);
    expect(a.reply).toContain('mục V.4 (“Tổ chức tuyển dụng công chức”): đã hoàn thành');
    expect(a.reply).toContain('hủy báo cáo vừa rồi');
    expect(rows(db)).toMatchObject([{ task_id: SNV_V4, unit_name: 'Phòng Công chức, viên chức' }]);
  });

  it('several matches → a numbered choice, and "2" records the second', async () => {
    const { db, say } = await createTestBot();
    const a = say({ ...SNV_CCVC, text: 'bc viec boi duong can bo dat 70%' });
    expect(ids(a)).toEqual([SNV_II6, SNV_V1]);
    expect(a.reply).toContain('Trả lời bằng số');
    expect(reportCount(db)).toBe(0);
    const b = say({ ...SNV_CCVC, text: '2' });
    expect(b.intent).toBe('report_progress');
    expect(ids(b)).toEqual([SNV_V1]);
    expect(b.reply).toContain('đang thực hiện, 70%');
    expect(rows(db)).toMatchObject([{ task_id: SNV_V1, unit_name: 'Phòng Công chức, viên chức' }]);
  });

  it.each([
    ['no task of the unit matches', 'bên em đã xong việc phòng cháy chữa cháy'],
    ['too few words to name a task', 'ben em xong viec nay roi'],
  ])('%s → nothing written', async (_why, text) => {
    const { db, say } = await createTestBot();
    const a = say({ ...SNV_CCVC, text });
    expect(a.intent).toBe('report_progress');
    expect(a.reply).toContain('Chưa ghi nhận gì');
    expect(reportCount(db)).toBe(0);
  });

  it('a match that lacks some words is asked about, and "1" records it', async () => {
    const { db, say } = await createTestBot();
    const a = say({ ...SNV_CCVC, text: 'ben em hoan thanh viec xay nha o xa hoi roi' });
    expect(a.reply).toContain('trả lời “1” để ghi nhận');
    expect(reportCount(db)).toBe(0);
    expect(ids(say({ ...SNV_CCVC, text: '1' }))).toEqual(ids(a));
    expect(reportCount(db)).toBe(1);
  });

  it('a unit not responsible for the only matching task → refused', async () => {
    const { db, say } = await createTestBot();
    const a = say({ ...SNV_CCVC, text: 'em xong viec cong bo chi so hai long roi' });
    expect(ids(a)).toEqual(['snv-2026-cchc/I/2']);
    expect(a.reply).toContain('Phòng Công chức, viên chức không chủ trì hay phối hợp nhiệm vụ này');
    expect(reportCount(db)).toBe(0);
  });

  it('"báo cáo thay <unit>" with words records for that unit', async () => {
    const { db, say } = await createTestBot();
    const a = say({
      ...SXD_ADMIN,
      text: 'báo cáo thay Phòng Kế hoạch - Tài chính: việc tự chủ tài chính đã xong',
    });
    expect(a.reply).toContain('Đã ghi nhận báo cáo thay Phòng Kế hoạch - Tài chính');
    expect(ids(a)).toEqual([SXD_VI3]);
    expect(rows(db)).toMatchObject([{ task_id: SXD_VI3, unit_name: 'Phòng Kế hoạch - Tài chính' }]);
  });
});

describe('taking back the latest report', () => {
  it('within 30 minutes: gone from every answer, the row kept as retracted', async () => {
    const { db, say, advance } = await botWithClock();
    say({ ...SXD_KHTC, text: 'nhiệm vụ VI.2 đã hoàn thành', today: TODAY });
    const overdue = (): string[] => ids(say({ ...SXD_KHTC, text: 'việc nào quá hạn', today: TODAY }));
    expect(overdue()).not.toContain('55-kh-sxd-2025-phu-luc-i/VI/2');
    advance(20);
    const undo = say({ ...SXD_KHTC, text: 'huy bao cao vua roi', today: TODAY });
    expect(undo.intent).toBe('report_progress');
    expect(undo.reply).toContain('Đã hủy báo cáo của Phòng Kế hoạch - Tài chính');
    expect(overdue()).toContain('55-kh-sxd-2025-phu-luc-i/VI/2');
    const detail = say({ ...SXD_KHTC, text: 'chi tiết nhiệm vụ VI.2', today: TODAY });
    expect(detail.reply).not.toContain('Tiến độ —');
    const [row] = rows(db);
    expect(row?.retracted_at).not.toBeNull();
    expect(row?.retracted_by).not.toBeNull();
    expect(say({ ...SXD_KHTC, text: 'xóa báo cáo vừa gửi', today: TODAY }).reply).toContain(
      'chưa có báo cáo',
    );
  });

  it('after 30 minutes: refused, the report stands', async () => {
    const { db, say, advance } = await botWithClock();
    say({ ...SNV_CCVC, text: 'bên em làm xong việc tuyển dụng công chức rồi', today: TODAY });
    advance(31);
    const a = say({ ...SNV_CCVC, text: 'hủy báo cáo vừa rồi', today: TODAY });
    expect(a.reply).toContain('quá 30 phút');
    expect(rows(db)[0]?.retracted_at).toBeNull();
  });

  it('only the person’s own report is taken back', async () => {
    const { db, say } = await createTestBot();
    say({ ...SNV_CCVC, text: 'nhiệm vụ V.4 đã hoàn thành' });
    const other = say({
      user: 'ccvc-2',
      org: 'Sở Nội vụ',
      unit: 'Phòng Công chức, viên chức',
      text: 'hủy báo cáo',
    });
    expect(other.reply).toContain('chưa có báo cáo');
    expect(rows(db)[0]?.retracted_at).toBeNull();
  });
});

describe('the report’s date is the turn’s date', () => {
  it('ask --today D stores day D', async () => {
    const { db, say } = await botWithClock();
    say({ ...SNV_CCVC, text: 'nhiệm vụ V.4 đã hoàn thành', today: '2026-12-05' });
    expect(rows(db)[0]?.reported_at.slice(0, 10)).toBe('2026-12-05');
  });

  it('without --today the clock’s instant', async () => {
    const { db, say } = await botWithClock();
    say({ ...SNV_CCVC, text: 'nhiệm vụ V.4 đã hoàn thành' });
    expect(rows(db)[0]?.reported_at).toBe(new Date(`${TODAY}T09:00:00+07:00`).toISOString());
  });
});
