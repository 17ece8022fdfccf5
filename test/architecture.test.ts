import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/paths.ts';

/**
 * The core (src/) knows nothing of chat platforms, HTTP servers or the environment: adapters translate, the
 * composition roots wire. Composition roots are the only files allowed to read process.env.
 */
const COMPOSITION_ROOTS = ['src/cli.ts'];
const FORBIDDEN_IMPORTS = [
  /from '\.\.\/+adapters/,
  /from '(?:\.\.\/)+adapters/,
  /botbuilder/,
  /fastify/,
  /express/,
  /node:http'/,
];

function sources(dir: string): string[] {
  return readdirSync(join(PROJECT_ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f));
}

describe('architecture', () => {
  const files = sources('src');

  // Composition roots wire everything (cli digest --send-now sends through the adapters); the core may not.
  it.each(files.filter((f) => !COMPOSITION_ROOTS.includes(f)))(
    '%s imports no adapter, platform SDK or HTTP server',
    (file) => {
      const text = readFileSync(join(PROJECT_ROOT, file), 'utf8');
      for (const pattern of FORBIDDEN_IMPORTS)
        expect(text, `${file} matches ${pattern}`).not.toMatch(pattern);
    },
  );

  it('only composition roots read process.env', () => {
    const readers = files
      .filter((f) => readFileSync(join(PROJECT_ROOT, f), 'utf8').includes('process.env'))
      .map((f) => relative('.', f));
    expect(readers.filter((f) => !COMPOSITION_ROOTS.includes(f))).toEqual([]);
  });

  it('botbuilder is imported only inside adapters/teams (the SDK is retired upstream: a switch stays there)', () => {
    const outside = [...files, ...sources('adapters'), ...sources('bench')]
      .filter((f) => !f.startsWith(join('adapters', 'teams')))
      .filter((f) => /from 'botbuilder/.test(readFileSync(join(PROJECT_ROOT, f), 'utf8')));
    expect(outside).toEqual([]);
  });

  // The server wires the core through src/compose/, as the CLI does: it never borrows the command line's wiring.
  it('adapters do not import src/cli/', () => {
    const borrowers = sources('adapters').filter((f) =>
      /from '(?:\.\.\/)+src\/cli[/.]/.test(readFileSync(join(PROJECT_ROOT, f), 'utf8')),
    );
    expect(borrowers).toEqual([]);
  });

  it('source files stay small (under 300 lines)', () => {
    const big = [...files, ...sources('adapters')].filter(
      (f) => readFileSync(join(PROJECT_ROOT, f), 'utf8').split('\n').length > 300,
    );
    expect(big).toEqual([]);
  });
});
