import { InvalidArgumentError, Option } from 'commander';

/** Shared options and value parsers of the CLI; a bad value is a usage error in Vietnamese (exit 2). */

export function dbOption(defaultPath: string): Option {
  return new Option('--db <tệp>', 'tệp SQLite, theo DB_PATH nếu không ghi').default(defaultPath);
}

export function parseDay(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
    throw new InvalidArgumentError('Cần ngày dạng YYYY-MM-DD, ví dụ 2026-11-22.');
  return value;
}

export function parseMegabytes(value: string): number {
  const mb = Number(value.replace(',', '.'));
  if (!Number.isFinite(mb) || mb <= 0)
    throw new InvalidArgumentError('Cần một số megabyte lớn hơn 0, ví dụ 20 hoặc 2,5.');
  return mb;
}
