import type { Command } from 'commander';
import type { Runtime } from '../compose/runtime.ts';
import type { Actor } from '../core/rights.ts';
import { changeUser, type UserChange } from '../core/user-admin.ts';
import { type Db, openDatabase } from '../kb/open.ts';
import { loadUnitTree } from '../kb/unit-tree.ts';
import { findUserById, listUsers, USER_ROLES, type UserRole } from '../kb/users-repo.ts';

/** `cli users list|approve|set-role`: the first admin, and any approval, can come from here. */
export function addUserCommands(
  program: Command,
  dbDefault: string,
  runtime: (opts: { db: string }) => Promise<Runtime>,
): void {
  const users = program.command('users').description('Quản lý người dùng (duyệt, phân quyền)');
  users
    .command('list')
    .description('Danh sách người dùng: đơn vị, cơ quan, vai trò, đã duyệt hay chưa')
    .option('--db <tệp>', 'tệp SQLite', dbDefault)
    .action((opts: { db: string }) => {
      // Reading never creates: a mistyped --db is an error naming it, not a new empty database.
      const db = openDatabase(opts.db, { mustExist: true });
      try {
        process.stdout.write(`${formatUserList(db)}\n`);
      } finally {
        db.close();
      }
    });
  users
    .command('approve')
    .description('Duyệt một người dùng đã đăng ký đơn vị')
    .argument('<id>', 'mã người dùng (cột đầu của users list)')
    .option('--db <tệp>', 'tệp SQLite', dbDefault)
    .option('--by <mã>', BY_HELP)
    .action(async (id: string, opts: { db: string; by?: string }) => {
      const rt = await runtime(opts);
      const user = findUserById(rt.db, Number(id));
      if (!user) throw new Error(`Không có người dùng ${id}`);
      applyChange(rt, opts.by, user.id, { kind: 'approve' });
      process.stdout.write(`Đã duyệt người dùng ${id}.\n`);
    });
  users
    .command('set-role')
    .description('Đặt vai trò (staff: cán bộ, lead: trưởng đơn vị, admin: quản trị) và duyệt luôn')
    .argument('<id>', 'mã người dùng')
    .argument('<vai-trò>', USER_ROLES.join('|'))
    .option('--db <tệp>', 'tệp SQLite', dbDefault)
    .option('--by <mã>', BY_HELP)
    .action(async (id: string, role: string, opts: { db: string; by?: string }) => {
      const rt = await runtime(opts);
      const user = findUserById(rt.db, Number(id));
      if (!user) throw new Error(`Không có người dùng ${id}`);
      if (!(USER_ROLES as readonly string[]).includes(role))
        throw new Error(`Vai trò phải là ${USER_ROLES.join(', ')}`);
      applyChange(rt, opts.by, user.id, { kind: 'set_role', role: role as UserRole });
      process.stdout.write(`Người dùng ${id} có vai trò ${role}.\n`);
    });
}

const LIST_HEADER = ['Mã', 'Kênh:mã người dùng', 'Vai trò', 'Trạng thái', 'Đơn vị', 'Cơ quan'];

/** One tab-separated row per user under a header row; the organisation tells apart two units of the same name. */
function formatUserList(db: Db): string {
  const tree = loadUnitTree(db);
  const rows = listUsers(db).map((u) => {
    const state = u.unitId === null ? 'chưa đăng ký' : u.approved ? 'đã duyệt' : 'chờ duyệt';
    const org = u.unitId === null ? undefined : tree.orgOf(u.unitId);
    return [String(u.id), `${u.channel}:${u.externalId}`, u.role, state, u.unitName ?? '', org?.name ?? ''];
  });
  return [LIST_HEADER, ...rows].map((cells) => cells.join('\t')).join('\n');
}

const BY_HELP = 'làm với quyền của người dùng này (mặc định: quyền người vận hành máy chủ)';

/**
 * approve / set-role go through the same rights as chat (src/core/user-admin.ts → authorize). Whoever runs the CLI
 * operates the server and holds the database file, so by default they act as the operator, with every right; with
 * `--by <user id>` the change is made with that person's rights instead (refused outside them, nothing written).
 */
function applyChange(rt: Runtime, by: string | undefined, targetId: number, change: UserChange): void {
  let actor: Actor = { kind: 'operator' };
  if (by !== undefined) {
    const user = findUserById(rt.db, Number(by));
    if (!user) throw new Error(`Không có người dùng ${by}`);
    actor = { kind: 'user', user };
  }
  const result = changeUser({ db: rt.db, rights: rt.knowledge(), now: rt.clock() }, actor, targetId, change);
  if (!result.ok) throw new Error(result.reason);
}
