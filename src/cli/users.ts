import type { Command } from 'commander';
import {
  approveUser,
  findUserById,
  listUsers,
  setUserRole,
  USER_ROLES,
  type UserRole,
} from '../kb/users-repo.ts';
import type { Runtime } from './runtime.ts';

/** `cli users list|approve|set-role`: the first admin, and any approval, can come from here. */
export function addUserCommands(
  program: Command,
  dbDefault: string,
  runtime: (opts: { db: string }) => Promise<Runtime>,
): void {
  const users = program.command('users').description('Quản lý người dùng (duyệt, phân quyền)');
  users
    .command('list')
    .option('--db <path>', 'tệp SQLite', dbDefault)
    .action(async (opts: { db: string }) => {
      const { db } = await runtime(opts);
      for (const u of listUsers(db)) {
        const state = u.unitId === null ? 'chưa đăng ký' : u.approved ? 'đã duyệt' : 'chờ duyệt';
        process.stdout.write(
          `${u.id}\t${u.channel}:${u.externalId}\t${u.role}\t${state}\t${u.unitName ?? ''}\n`,
        );
      }
    });
  users
    .command('approve')
    .argument('<id>', 'mã người dùng (cột đầu của users list)')
    .option('--db <path>', 'tệp SQLite', dbDefault)
    .action(async (id: string, opts: { db: string }) => {
      const { db, clock } = await runtime(opts);
      const user = findUserById(db, Number(id));
      if (!user) throw new Error(`Không có người dùng ${id}`);
      approveUser(db, user.id, clock());
      process.stdout.write(`Đã duyệt người dùng ${id}.\n`);
    });
  users
    .command('set-role')
    .argument('<id>', 'mã người dùng')
    .argument('<role>', USER_ROLES.join('|'))
    .option('--db <path>', 'tệp SQLite', dbDefault)
    .action(async (id: string, role: string, opts: { db: string }) => {
      const { db, clock } = await runtime(opts);
      const user = findUserById(db, Number(id));
      if (!user) throw new Error(`Không có người dùng ${id}`);
      if (!(USER_ROLES as readonly string[]).includes(role))
        throw new Error(`Vai trò phải là ${USER_ROLES.join(', ')}`);
      setUserRole(db, user.id, role as UserRole, clock());
      approveUser(db, user.id, clock());
      process.stdout.write(`Người dùng ${id} có vai trò ${role}.\n`);
    });
}
