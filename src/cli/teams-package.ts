import type { Command } from 'commander';
import { UsageError } from './errors.ts';

/**
 * `teams-package --out FILE.zip [--app-id ID] [--name …]`: the Teams app package to upload (Teams admin center or
 * Developer Portal). The package is made by adapters/teams/app-package/, which the composition root (src/cli.ts)
 * passes in as `make` together with the environment: the app id defaults to MicrosoftAppId, the developer's https
 * pages to PUBLIC_BASE_URL. Anything to change (no app id, a name over its limit, no folder…) is a usage error:
 * exit code 2, the reason on stderr, no file.
 */
export interface TeamsPackageOptions {
  out: string;
  appId?: string;
  name?: string;
  fullName?: string;
  developer?: string;
  websiteUrl?: string;
  privacyUrl?: string;
  termsUrl?: string;
  appVersion?: string;
}

/** What the packager answers: the sentence to print, or why nothing was written (a usage error). */
export type TeamsPackageOutcome = { ok: true; said: string } | { ok: false; message: string };

export type MakeTeamsPackage = (
  out: string,
  options: Omit<TeamsPackageOptions, 'out'>,
) => TeamsPackageOutcome;

function run(opts: TeamsPackageOptions, make: MakeTeamsPackage): void {
  const { out, ...options } = opts;
  const made = make(out, options);
  if (!made.ok) throw new UsageError(made.message);
  process.stdout.write(`${made.said}\n`);
}

export function addTeamsPackageCommand(program: Command, make: MakeTeamsPackage): void {
  program
    .command('teams-package')
    .description('Tạo gói ứng dụng Teams (.zip: manifest.json và hai biểu tượng) để tải lên Teams')
    .requiredOption('--out <tệp>', 'tệp .zip sẽ ghi (ghi đè gói cũ cùng tên)')
    .option('--app-id <GUID>', 'Microsoft App ID của Azure Bot (mặc định: biến MicrosoftAppId)')
    .option('--name <tên>', 'tên ngắn của ứng dụng, tối đa 30 ký tự (mặc định: "Trợ lý nhiệm vụ")')
    .option('--full-name <tên>', 'tên đầy đủ, tối đa 100 ký tự (mặc định: theo --name)')
    .option('--developer <tên>', 'tên đơn vị phát triển, tối đa 32 ký tự (mặc định: "nhiemvu")')
    .option('--website-url <https://…>', 'trang giới thiệu (mặc định: PUBLIC_BASE_URL/)')
    .option('--privacy-url <https://…>', 'trang chính sách quyền riêng tư (mặc định: PUBLIC_BASE_URL/)')
    .option('--terms-url <https://…>', 'trang điều khoản sử dụng (mặc định: PUBLIC_BASE_URL/)')
    .option(
      '--app-version <x.y.z>',
      'phiên bản ứng dụng, tăng mỗi lần cập nhật (mặc định: phiên bản của nhiemvu)',
    )
    .action((opts: TeamsPackageOptions) => run(opts, make));
}
