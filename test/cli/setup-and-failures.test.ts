import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import Database from 'better-sqlite3';
import { CommanderError } from 'commander';
import type { Logger } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadDotEnv, parseConfig } from '../../adapters/config.ts';
import { createZaloAdapter } from '../../adapters/zalo/adapter.ts';
import type { ZaloClient } from '../../adapters/zalo/client.ts';
import { toCliFailure, UsageError } from '../../src/cli/errors.ts';
import { DatabaseOpenError, openDatabase } from '../../src/kb/open.ts';
import { toStorageFailure } from '../../src/kb/sqlite-errors.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { toFailureReply, toFailureReport } from '../../src/reply/failure-reply.ts';
import { MESSAGES } from '../../src/reply/messages.ts';
import { tempDir } from '../support/kb.ts';

describe('.env', () => {
  it('.env.example copied unchanged is a valid server configuration', () => {
    const example = parseEnv(readFileSync(join(PROJECT_ROOT, '.env.example'), 'utf8'));
    const config = parseConfig(example);
    expect(config).toMatchObject({
      PORT: 3978,
      HOST: '127.0.0.1',
      DB_PATH: 'data/nhiemvu.db',
      BACKUP_KEEP: 14,
    });
    expect(config.MicrosoftAppType).toBeUndefined();
    expect(config.BACKUP_DIR).toBeUndefined();
    // What the example used to say: a SingleTenant bot with no app id, refused at start.
    expect(() => parseConfig({ ...example, MicrosoftAppType: 'SingleTenant' })).toThrow(/MicrosoftAppId/);
  });

  const keys = ['NHIEMVU_TEST_FILE_ONLY', 'NHIEMVU_TEST_BOTH'];
  afterEach(() => {
    for (const key of keys) delete process.env[key];
  });

  it('is loaded by Node’s loader; a variable already in the environment wins; no file, nothing happens', () => {
    const file = join(tempDir(), '.env');
    writeFileSync(file, 'NHIEMVU_TEST_FILE_ONLY=tệp\nNHIEMVU_TEST_BOTH=tệp\n');
    process.env.NHIEMVU_TEST_BOTH = 'môi trường';
    expect(loadDotEnv(file)).toBe(file);
    expect(process.env.NHIEMVU_TEST_FILE_ONLY).toBe('tệp');
    expect(process.env.NHIEMVU_TEST_BOTH).toBe('môi trường');
    expect(loadDotEnv(join(tempDir(), '.env'))).toBeNull();
  });

  it('a bad variable is named, in Vietnamese', () => {
    expect(() => parseConfig({ PORT: 'abc', BACKUP_KEEP: '0' })).toThrow(
      /PORT: Đầu vào không hợp lệ: mong đợi số, nhận được NaN[\s\S]*BACKUP_KEEP/,
    );
  });
});

/** A real SqliteError with the given code, as better-sqlite3 raises it. */
function sqliteError(sql: string, setup?: (db: Database.Database) => void): unknown {
  const db = new Database(':memory:');
  setup?.(db);
  try {
    db.exec(sql);
  } catch (error) {
    return error;
  } finally {
    db.close();
  }
  throw new Error('expected a SQLite error');
}

describe('storage failures', () => {
  it('are told apart from bugs by SQLite and errno codes, through causes', () => {
    const readonly = sqliteError('INSERT INTO t VALUES (1)', (db) => {
      db.exec('CREATE TABLE t (x)');
      db.pragma('query_only = ON');
    });
    expect((readonly as { code: string }).code).toBe('SQLITE_READONLY');
    expect(toStorageFailure(readonly)).toBe('readonly');
    expect(toStorageFailure(Object.assign(new Error('x'), { code: 'SQLITE_BUSY_SNAPSHOT' }))).toBe('busy');
    expect(toStorageFailure(Object.assign(new Error('x'), { code: 'SQLITE_FULL' }))).toBe('full');
    expect(toStorageFailure(Object.assign(new Error('x'), { code: 'SQLITE_IOERR_WRITE' }))).toBe('io');
    expect(toStorageFailure(Object.assign(new Error('x'), { code: 'ENOSPC' }))).toBe('full');
    expect(toStorageFailure(new Error('wrapped', { cause: readonly }))).toBe('readonly');
    expect(toStorageFailure(sqliteError('SELEC 1'))).toBeNull();
    expect(toStorageFailure(new TypeError('bug'))).toBeNull();
  });

  it('reach a chat as a Vietnamese sentence, never the error text', () => {
    expect(toFailureReply(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }))).toBe(
      MESSAGES.storage.busy,
    );
    expect(toFailureReply(new Error('undefined is not a function'))).toBe(MESSAGES.internalError);
  });

  it('are reported to whoever runs the bot with the sentence and the original error, even wrapped', () => {
    const cause = Object.assign(new Error('unable to open database file'), { code: 'SQLITE_CANTOPEN' });
    expect(toFailureReport(new Error('khởi động thất bại', { cause }))).toBe(
      `${MESSAGES.storage.cantOpen}\n(chi tiết: SQLITE_CANTOPEN: unable to open database file)`,
    );
    expect(toFailureReport(new Error('Không tìm thấy đơn vị'))).toBe('Không tìm thấy đơn vị');
  });

  it('end a CLI command with the sentence, the original error and an exit code', () => {
    const full = toCliFailure(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }));
    expect(full.exitCode).toBe(1);
    expect(full.text).toContain(MESSAGES.storage.full);
    expect(full.text).toContain('SQLITE_FULL: database or disk is full');
    expect(toCliFailure(new UsageError('Chọn một.')).exitCode).toBe(2);
    expect(toCliFailure(new DatabaseOpenError('missing-file', '/x.db'))).toMatchObject({ exitCode: 2 });
    expect(toCliFailure(new CommanderError(0, 'commander.helpDisplayed', '(outputHelp)'))).toEqual({
      text: null,
      exitCode: 0,
    });
    expect(toCliFailure(new CommanderError(1, 'commander.help', '(outputHelp)')).exitCode).toBe(2);
  });
});

describe('storage failures in a chat', () => {
  it('a Zalo user whose answer hits a read-only database is told so in Vietnamese; the log keeps the error', async () => {
    const readonly = Object.assign(new Error('attempt to write a readonly database'), {
      code: 'SQLITE_READONLY',
    });
    const sent: string[] = [];
    const client = { sendText: async (_chat: string, text: string) => void sent.push(text) } as ZaloClient;
    const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const db = openDatabase(':memory:');
    const adapter = createZaloAdapter({
      db,
      client,
      assistant: {
        handle: () => {
          throw readonly;
        },
      },
      logger: logger as unknown as Logger,
      botName: null,
      clock: () => new Date('2026-11-22T01:00:00Z'),
      instanceId: 'test',
    });
    const message = {
      message_id: 'm1',
      text: 'phòng tôi phụ trách gì',
      from: { id: 'u1' },
      chat: { id: 'u1' },
    };
    await adapter.handle({ event_name: 'message.text.received', message: { ...message, date: 1 } });
    expect(sent).toEqual([MESSAGES.storage.readonly]);
    expect(logger.error).toHaveBeenCalledWith(
      expect.objectContaining({ err: readonly }),
      'zalo: answer failed',
    );
    db.close();
  });
});
