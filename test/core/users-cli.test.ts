import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addUserCommands } from '../../src/cli/users.ts';
import { createCore } from '../../src/compose/core.ts';
import type { Runtime } from '../../src/compose/runtime.ts';
import type { Db } from '../../src/kb/open.ts';
import { findUser } from '../../src/kb/users-repo.ts';
import { loadChatLexicon } from '../../src/vi/message.ts';
import { createTestBot } from '../support/bot.ts';
import { testLexicon } from '../support/kb.ts';

/**
 * `cli users approve|set-role` go through the same rights as chat: as the operator by default (full rights),
 * with `--by <id>` as that user. Run in-process on the commands themselves (test/cli runs the binary).
 */
function usersCli(db: Db) {
  const deps = createCore(db, testLexicon(), loadChatLexicon(), () => new Date('2026-11-22T09:00:00+07:00'));
  const runtime: Runtime = { ...deps, lexicon: testLexicon(), seeded: [] };
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  return async (...args: string[]): Promise<string> => {
    const program = new Command().exitOverride();
    addUserCommands(program, 'unused.db', async () => runtime);
    out.mockClear();
    await program.parseAsync(['users', ...args], { from: 'user' });
    return out.mock.calls.map((c) => String(c[0])).join('');
  };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('cli users approve / set-role', () => {
  it('the operator approves anyone and makes the first admin, even someone not yet registered', async () => {
    const { db, say } = await createTestBot();
    say({ user: 'xd', text: 'tôi thuộc Phòng Kế hoạch - Tài chính, Sở Xây dựng' });
    say({ user: 'first', text: 'xin chào' });
    const cli = usersCli(db);
    const xd = findUser(db, 'cli', 'xd')?.id ?? -1;
    const first = findUser(db, 'cli', 'first')?.id ?? -1;
    expect(await cli('approve', String(xd))).toContain(`Đã duyệt người dùng ${xd}`);
    expect(findUser(db, 'cli', 'xd')?.approved).toBe(true);
    expect(await cli('set-role', String(first), 'admin')).toContain('vai trò admin');
    expect(findUser(db, 'cli', 'first')).toMatchObject({ role: 'admin', approved: true });
  });

  it('--by applies that person’s rights: refused outside them, nothing written', async () => {
    const { db, say } = await createTestBot();
    say({ user: 'xd', text: 'tôi thuộc Phòng Kế hoạch - Tài chính, Sở Xây dựng' });
    say({ user: 'snv', org: 'Sở Nội vụ', unit: 'Phòng Công chức, viên chức', role: 'admin', text: 'duyệt' });
    const cli = usersCli(db);
    const xd = String(findUser(db, 'cli', 'xd')?.id ?? -1);
    const snv = String(findUser(db, 'cli', 'snv')?.id ?? -1);
    await expect(cli('set-role', xd, 'admin', '--by', snv)).rejects.toThrow(/trong phạm vi Sở Nội vụ/);
    await expect(cli('approve', xd, '--by', snv)).rejects.toThrow(/Chưa thay đổi gì/);
    expect(findUser(db, 'cli', 'xd')).toMatchObject({ role: 'staff', approved: false });
    await expect(cli('approve', xd, '--by', '9999')).rejects.toThrow(/Không có người dùng 9999/);
  });
});
