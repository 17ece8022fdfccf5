import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningBot, startBot } from '../../adapters/app.ts';
import { parseConfig } from '../../adapters/config.ts';
import { createRuntime } from '../../src/compose/runtime.ts';
import { approveUser, findUser } from '../../src/kb/users-repo.ts';
import { createFakeZalo, type FakeZalo } from '../support/fake-zalo.ts';
import { tempDir } from '../support/kb.ts';

/**
 * Deadline reminders on the Vietnamese working calendar, over real sockets (bot server + fake Zalo), with a clock
 * the test sets. One task of Phòng Công chức, viên chức (Sở Nội vụ, plan 2026) is given the due date Monday
 * 04/05/2026: 30/4 and 1/5 are holidays, 2–3/5 a weekend, and Monday 27/4 is the day off for Giỗ Tổ (26/4 falls on
 * a Sunday). So 1 working day before is Wednesday 29/4, and 5 working days before is Wednesday 22/4.
 */
const TOKEN = '123456789:reminder-token';
const SECRET = 'reminder-secret-0123';
const AN = 'a1a1a1a1a1a1a1a1a1a1';
const BINH = 'b2b2b2b2b2b2b2b2b2b2';

let zalo: FakeZalo;
let bot: RunningBot | null = null;
let now = new Date('2026-04-20T09:00:00+07:00');

afterEach(async () => {
  await bot?.stop();
  bot = null;
  await zalo?.close();
});

async function prepare(): Promise<{ dbPath: string; taskStt: string }> {
  const dbPath = join(tempDir(), 'kb.db');
  const runtime = await createRuntime(dbPath, () => now);
  const row = runtime.db
    .prepare(
      `SELECT t.id, t.stt, t.section_code FROM tasks t JOIN task_units tu ON tu.task_id = t.id JOIN units u ON u.id = tu.unit_id
       WHERE u.name = 'Phòng Công chức, viên chức' AND tu.relation = 'lead' AND t.plan_id LIKE '%2026%' ORDER BY t.ord LIMIT 1`,
    )
    .get() as { id: string; stt: string; section_code: string };
  runtime.db
    .prepare(
      "UPDATE tasks SET deadline_raw = 'Trước ngày 04/5/2026', deadline_due = '2026-05-04', deadline_kind = 'date' WHERE id = ?",
    )
    .run(row.id);
  runtime.db.close();
  // What the person types to report: the section and the row ("III.7"), as task details cite it.
  return { dbPath, taskStt: `${row.section_code}.${row.stt}` };
}

async function say(user: string, text: string): Promise<void> {
  const before = zalo.sent.length;
  const response = await fetch(`${bot?.url}/api/zalo/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-bot-api-secret-token': SECRET },
    body: JSON.stringify({
      event_name: 'message.text.received',
      message: {
        message_id: `${user}-${before}`,
        date: 1_776_000_000_000,
        text,
        from: { id: user, display_name: 'Cán bộ', is_bot: false },
        chat: { id: user, chat_type: 'PRIVATE' },
      },
    }),
  });
  expect(response.status).toBe(200);
  await zalo.waitForSent(before + 1);
}

const remindersTo = (user: string) =>
  zalo.sent.filter((s) => s.chat_id === user && s.text.startsWith('⏰ Nhắc việc'));

describe('deadline reminders on the working calendar', () => {
  it('go 5 and 1 working days before, skipping the weekend and the holidays; "tắt nhắc việc" stops them', async () => {
    const { dbPath, taskStt } = await prepare();
    zalo = await createFakeZalo({ token: TOKEN });
    const config = parseConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DB_PATH: dbPath,
      ZALO_BOT_TOKEN: TOKEN,
      ZALO_API_BASE: zalo.baseUrl,
      ZALO_WEBHOOK_URL: 'https://bot.example.vn/api/zalo/webhook',
      ZALO_WEBHOOK_SECRET: SECRET,
    });
    bot = await startBot(config, { clock: () => now, logger: pino({ level: 'silent' }) });
    const running = bot;
    for (const user of [AN, BINH]) {
      await say(user, 'tôi thuộc Phòng Công chức, viên chức, Sở Nội vụ');
      approveUser(running.runtime.db, findUser(running.runtime.db, 'zalo', user)?.id ?? -1, now);
    }
    await say(BINH, 'tắt nhắc việc');
    expect(zalo.sent.at(-1)?.text).toContain('Đã tắt nhắc việc');

    const runAt = async (iso: string) => {
      now = new Date(iso);
      return (await running.scheduler?.runOnce())?.reminders;
    };
    expect(await runAt('2026-04-21T08:30:00+07:00')).toBe(0);
    expect(await runAt('2026-04-22T07:59:00+07:00')).toBe(0); // before the reminder time
    expect(await runAt('2026-04-22T08:00:00+07:00')).toBe(1);
    expect(remindersTo(AN).at(-1)?.text).toContain('còn 5 ngày làm việc đến hạn 04/05/2026');
    expect(remindersTo(AN).at(-1)?.text).toContain(`báo cáo nhiệm vụ ${taskStt}`);
    expect(await runAt('2026-04-23T08:30:00+07:00')).toBe(0);
    expect(await runAt('2026-04-27T08:30:00+07:00')).toBe(0); // Giỗ Tổ's day off: no reminders that day
    expect(await runAt('2026-04-28T08:30:00+07:00')).toBe(0);
    expect(await runAt('2026-04-29T08:30:00+07:00')).toBe(1);
    expect(remindersTo(AN).at(-1)?.text).toContain('còn 1 ngày làm việc đến hạn 04/05/2026');
    expect(await runAt('2026-04-30T08:30:00+07:00')).toBe(0);
    expect(await runAt('2026-05-04T08:30:00+07:00')).toBe(0); // both already sent
    expect(remindersTo(AN)).toHaveLength(2);
    expect(remindersTo(BINH)).toHaveLength(0);
  });
});
