import { describe, expect, it } from 'vitest';
import { ask, CLI_CHANNEL } from '../../src/cli/ask.ts';
import { createCore } from '../../src/compose/core.ts';
import { redeemLink, sessionUser } from '../../src/console/sign-in.ts';
import { findUser } from '../../src/kb/users-repo.ts';
import { SHIPPED_PLANS_DIR } from '../../src/paths.ts';
import { loadChatLexicon } from '../../src/vi/message.ts';
import { importInto, tempDb, testLexicon } from '../support/kb.ts';

/**
 * "đăng nhập trang quản trị" in chat: a lead or an admin gets a one-time link in a private chat, staff are told who
 * may, a group never sees a link, and "đăng xuất mọi nơi" ends the console sessions.
 */
const NOW = new Date('2026-11-22T09:00:00+07:00');
const LEAD = { user: 'ccvc-tp', org: 'Sở Nội vụ', unit: 'Phòng Công chức, viên chức', role: 'lead' } as const;
const ADMIN = {
  user: 'snv-admin',
  org: 'Sở Nội vụ',
  unit: 'Phòng Công chức, viên chức',
  role: 'admin',
} as const;
const STAFF = { user: 'ccvc', org: 'Sở Nội vụ', unit: 'Phòng Công chức, viên chức', role: 'staff' } as const;
const LINK = /https:\/\/bot\.example\.vn\/admin\/login\/([A-Za-z0-9_-]{43})/;

async function setup() {
  const { db } = tempDb();
  await importInto(db, [SHIPPED_PLANS_DIR]);
  const core = createCore(db, testLexicon(), loadChatLexicon(), () => NOW, {
    publicBaseUrl: 'https://bot.example.vn/',
  });
  const say = (who: typeof LEAD | typeof ADMIN | typeof STAFF, text: string) => ask(core, { ...who, text });
  const inGroup = (who: { user: string }, text: string) =>
    core.assistant.handle({
      channel: CLI_CHANNEL,
      userKey: who.user,
      text,
      chat: { id: 'group-1', isGroup: true },
    });
  const links = () => (db.prepare('SELECT count(*) AS n FROM console_links').get() as { n: number }).n;
  return { db, core, say, inGroup, links };
}

describe('console_login in chat', () => {
  it.each([
    ['đăng nhập trang quản trị', LEAD],
    ['dang nhap trang quan tri', ADMIN],
    ['link quản trị', LEAD],
    ['mở trang quản trị', ADMIN],
    ['vào trang quản trị', LEAD],
  ] as const)('“%s” gives a lead or an admin a one-time link', async (text, who) => {
    const { say, db } = await setup();
    const answer = say(who, text);
    expect(answer.intent).toBe('console_login');
    expect(answer.reply).toMatch(LINK);
    expect(answer.reply).toContain('hiệu lực 15 phút, dùng một lần');
    const token = answer.reply.match(LINK)?.[1] ?? '';
    const redeemed = redeemLink(db, token, new Date(NOW.getTime() + 60_000));
    expect(redeemed.ok).toBe(true);
  });

  it('a link opens the console on the person’s reach: a lead their unit, an admin their organisation', async () => {
    const { say, db } = await setup();
    const scopeOf = (who: typeof LEAD | typeof ADMIN) => {
      const token = say(who, 'đăng nhập trang quản trị').reply.match(LINK)?.[1] ?? '';
      const redeemed = redeemLink(db, token, NOW);
      if (!redeemed.ok) throw new Error('refused');
      const found = sessionUser(db, redeemed.session.id, NOW);
      return found.kind === 'ok' ? [found.access.reach, found.access.scope.name] : [found.kind];
    };
    expect(scopeOf(LEAD)).toEqual(['own_unit', 'Phòng Công chức, viên chức']);
    expect(scopeOf(ADMIN)).toEqual(['organisation', 'Sở Nội vụ']);
  });

  it('staff are refused with who may, and no link is made', async () => {
    const { say, links } = await setup();
    const answer = say(STAFF, 'đăng nhập trang quản trị');
    expect(answer.intent).toBe('console_login');
    expect(answer.reply).toContain('chỉ dành cho trưởng đơn vị và quản trị viên');
    expect(answer.reply).not.toContain('/admin/login/');
    expect(links()).toBe(0);
  });

  it('in a group chat the bot never posts a link, and says to ask in private', async () => {
    const { say, inGroup, links } = await setup();
    say(ADMIN, 'xin chào');
    const answer = inGroup(ADMIN, 'đăng nhập trang quản trị');
    expect(answer.intent).toBe('console_login');
    expect(answer.reply).not.toContain('/admin/login/');
    expect(answer.reply).toContain('nhắn riêng');
    expect(links()).toBe(0);
  });

  it('the answer with a link is never stored for a replay (inbound_updates keeps answers in plain text)', async () => {
    const { say, core } = await setup();
    say(ADMIN, 'xin chào');
    const answer = core.assistant.handle({
      channel: CLI_CHANNEL,
      userKey: ADMIN.user,
      text: 'link quản trị',
    });
    expect(answer.reply).toMatch(LINK);
    expect(core.assistant.replayable?.(answer)).toBe(true);
  });

  it('“đăng xuất mọi nơi” ends every console session of the person', async () => {
    const { say, db } = await setup();
    const sessions = [1, 2].map(() => {
      const token = say(LEAD, 'đăng nhập trang quản trị').reply.match(LINK)?.[1] ?? '';
      const redeemed = redeemLink(db, token, NOW);
      if (!redeemed.ok) throw new Error('refused');
      return redeemed.session.id;
    });
    const answer = say(LEAD, 'đăng xuất mọi nơi');
    expect(answer.intent).toBe('console_login');
    expect(answer.reply).toContain('2 phiên');
    for (const id of sessions) expect(sessionUser(db, id, NOW).kind).toBe('none');
    expect(findUser(db, CLI_CHANNEL, LEAD.user)).not.toBeNull();
  });
});
