import type { Command } from 'commander';
import { consoleLink } from '../console/sign-in.ts';
import { openDatabase } from '../kb/open.ts';
import { MESSAGES } from '../reply/messages.ts';
import { UsageError } from './errors.ts';
import { dbOption } from './options.ts';

/**
 * `cli admin-link --user <id>`: a sign-in link to the web console, for the first admin before anyone can ask the
 * bot for one (and for anyone the operator chooses). The person still needs the right (a lead or an admin,
 * registered and approved): the operator makes them one with `users set-role` first. Only the link goes to
 * stdout, so a script can hand it on; a refusal goes to stderr with exit code 2.
 */
export function addAdminLinkCommand(program: Command, dbDefault: string, baseUrl: () => string): void {
  program
    .command('admin-link')
    .description('In liên kết đăng nhập trang quản trị (dùng một lần, hiệu lực 15 phút) cho một người dùng')
    .requiredOption(
      '--user <mã>',
      'mã người dùng (cột đầu của users list); phải là trưởng đơn vị hoặc quản trị viên',
    )
    .addOption(dbOption(dbDefault))
    .action((opts: { user: string; db: string }) => {
      const id = Number(opts.user);
      if (!/^\d+$/.test(opts.user) || !Number.isSafeInteger(id))
        throw new UsageError(MESSAGES.consoleCli.noSuchUser(opts.user));
      // An existing database only: a mistyped --db is an error naming it, not a new empty database.
      const db = openDatabase(opts.db, { mustExist: true });
      try {
        const link = consoleLink(db, id, new Date(), baseUrl());
        if (!link.ok) throw new UsageError(link.reason);
        process.stdout.write(`${link.url}\n`);
      } finally {
        db.close();
      }
    });
}
