/**
 * The external programs the fixtures are made with. Each is checked up front so a missing one fails with the
 * Debian package to install, instead of a cryptic ENOENT half-way through.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const TOOLS: { command: string; args: string[]; pkg: string }[] = [
  { command: 'soffice', args: ['--version'], pkg: 'libreoffice-writer-nogui libreoffice-calc-nogui' },
  { command: 'qpdf', args: ['--version'], pkg: 'qpdf' },
  { command: 'pdftotext', args: ['-v'], pkg: 'poppler-utils' },
  { command: 'pdftoppm', args: ['-v'], pkg: 'poppler-utils' },
  { command: 'pdfinfo', args: ['-v'], pkg: 'poppler-utils' },
];

export function requireTools(): void {
  const missing = TOOLS.filter((tool) => {
    try {
      execFileSync(tool.command, tool.args, { stdio: 'ignore' });
      return false;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ENOENT';
    }
  });
  if (missing.length > 0) {
    const lines = missing.map((t) => `  ${t.command}: apt-get install ${t.pkg}`);
    throw new Error(`make-pdf-fixtures: missing tools:\n${lines.join('\n')}`);
  }
}

export function run(command: string, args: string[]): string {
  // stderr is captured, not shown: an expected failure (pdftotext on encrypted.pdf) is not noise in the log.
  return execFileSync(command, args, {
    encoding: 'latin1',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs a command that may fail (pdftotext on an encrypted file) and gives its exit status and output. */
export function tryRun(command: string, args: string[]): { status: number; out: string } {
  try {
    return { status: 0, out: run(command, args) };
  } catch (error) {
    const e = error as { status?: number; stdout?: string; stderr?: string };
    return { status: e.status ?? -1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

/**
 * LibreOffice conversion of one office file to `outPath`. A private profile directory lets it run while a desktop
 * LibreOffice is open, and makes the result independent of the user's settings.
 */
export function convertToPdf(officePath: string, outPath: string): void {
  const work = mkdtempSync(join(tmpdir(), 'pdf-fixtures-lo-'));
  try {
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${join(work, 'profile')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        work,
        officePath,
      ],
      { stdio: 'pipe', timeout: 120_000 },
    );
    renameSync(join(work, basename(officePath).replace(/\.[^.]+$/, '.pdf')), outPath);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  stabilise(outPath);
}

/**
 * Replaces what differs between two runs of LibreOffice, the creation time, the checksum LibreOffice adds and the file ID, by fixed
 * values of the same length (so the xref offsets stay right): regenerating unchanged fixtures changes no byte.
 */
function stabilise(path: string): void {
  const ID = /(\/ID\s*\[\s*<)([0-9A-Fa-f]{32})(>\s*<)([0-9A-Fa-f]{32})>/;
  const text = readFileSync(path)
    .toString('latin1')
    .replace(/(\/CreationDate\s*\(D:)\d{14}/, (_m, key: string) => `${key}20250101000000`)
    .replace(/(\/DocChecksum\s*\/)([0-9A-Fa-f]{32})/, (_m, key: string) => `${key}${'0'.repeat(32)}`);
  const zero = '0'.repeat(32);
  const id = createHash('md5')
    .update(
      text.replace(ID, (_m, a: string, _x, b: string) => `${a}${zero}${b}${zero}>`),
      'latin1',
    )
    .digest('hex')
    .toUpperCase();
  const fixed = text.replace(ID, (_m, a: string, _x, b: string) => `${a}${id}${b}${id}>`);
  writeFileSync(path, Buffer.from(fixed, 'latin1'));
}

/** The text of a PDF as UTF-8 (pdftotext's default encoding), page range optional. */
export function pdfText(path: string, options: { layout?: boolean; page?: number } = {}): string {
  const args = [
    ...(options.layout ? ['-layout'] : []),
    ...(options.page ? ['-f', String(options.page), '-l', String(options.page)] : []),
    '-enc',
    'UTF-8',
    path,
    '-',
  ];
  return Buffer.from(run('pdftotext', args), 'latin1').toString('utf8');
}

export function pageCount(path: string): number {
  const match = run('pdfinfo', [path]).match(/^Pages:\s+(\d+)/m);
  if (!match?.[1]) throw new Error(`pdfinfo gave no page count for ${path}`);
  return Number(match[1]);
}
