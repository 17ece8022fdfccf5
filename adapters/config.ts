import { existsSync } from 'node:fs';
import { z } from 'zod';

/**
 * Environment of the bot server, validated once at start-up; every bad variable is named.
 * Names are a contract with deployment scripts: PORT, DB_PATH, LOG_LEVEL, ZALO_*, and the Bot Framework's own
 * MicrosoftApp* names for Teams (see .env.example).
 */
const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;

export const configSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    /** Interface to listen on: this machine only unless told otherwise (HTTPS comes from a reverse proxy). */
    HOST: z.string().min(1).default('127.0.0.1'),
    DB_PATH: z.string().min(1).default('data/nhiemvu.db'),
    /**
     * Where people reach this server from outside (the reverse proxy's https address): download links given in
     * chat ("xuất báo cáo") start with it. Empty: http://127.0.0.1:<PORT>, this machine only.
     */
    PUBLIC_BASE_URL: optional.pipe(
      z
        .string()
        .url()
        .regex(/^https?:\/\/[^?#]+$/, 'địa chỉ http(s):// không có ? hay #')
        .transform((v) => v.replace(/\/+$/, ''))
        .optional(),
    ),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    NODE_ENV: z.string().default('development'),
    ZALO_BOT_TOKEN: optional,
    ZALO_API_BASE: z.string().url().default('https://bot-api.zaloplatforms.com'),
    ZALO_BOT_NAME: optional,
    ZALO_WEBHOOK_URL: optional.pipe(
      z.string().url().startsWith('https://', 'phải là địa chỉ https://').optional(),
    ),
    ZALO_WEBHOOK_SECRET: optional.pipe(
      z.string().min(8, 'từ 8 ký tự').max(256, 'tối đa 256 ký tự').optional(),
    ),
    /** The minute tick that sends digests and reminders; off for a read-only replica or a one-off run. */
    SCHEDULER: z.enum(['on', 'off']).default('on'),
    /** Working days before a due date when reminders go out. */
    REMINDER_DAYS: z
      .string()
      .default('5,1')
      .transform((v) => v.split(',').map((d) => Number(d.trim())))
      .pipe(z.array(z.number().int().min(0).max(60)).min(1, 'ít nhất một số ngày')),
    REMINDER_TIME: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'dạng HH:MM')
      .default('08:00'),
    /** Public holidays and make-up working days (an admin updates it each year). */
    CALENDAR_PATH: optional,
    MicrosoftAppId: optional,
    MicrosoftAppPassword: optional,
    // The SDK reads the type case-insensitively and treats blank as MultiTenant; new Azure bots are SingleTenant.
    MicrosoftAppType: optional.pipe(
      z
        .string()
        .transform((v) => APP_TYPES.find((t) => t.toLowerCase() === v.toLowerCase()) ?? v)
        .pipe(z.enum(APP_TYPES, { message: `một trong: ${APP_TYPES.join(', ')}` }))
        .optional(),
    ),
    MicrosoftAppTenantId: optional,
    /** Folder of the daily backups (adapters/backups.ts); empty = no daily backup. It must exist. */
    BACKUP_DIR: optional,
    /** How many daily backups to keep (the newest). */
    BACKUP_KEEP: z.coerce.number().int().min(1).max(3650).default(14),
  })
  .superRefine((c, ctx) => {
    if (c.ZALO_WEBHOOK_URL && !c.ZALO_WEBHOOK_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['ZALO_WEBHOOK_SECRET'],
        message: 'bắt buộc khi có ZALO_WEBHOOK_URL',
      });
    }
    if (c.ZALO_WEBHOOK_URL && !c.ZALO_BOT_TOKEN) {
      ctx.addIssue({ code: 'custom', path: ['ZALO_BOT_TOKEN'], message: 'bắt buộc khi có ZALO_WEBHOOK_URL' });
    }
    checkTeams(c, ctx);
  });

function checkTeams(
  c: {
    MicrosoftAppId?: string | undefined;
    MicrosoftAppPassword?: string | undefined;
    MicrosoftAppType?: string | undefined;
    MicrosoftAppTenantId?: string | undefined;
  },
  ctx: z.RefinementCtx,
): void {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  const type = c.MicrosoftAppType;
  if (!c.MicrosoftAppId) {
    // The SDK throws on SingleTenant without an app id; local testing leaves both blank.
    if (type && type !== 'MultiTenant') issue('MicrosoftAppId', `bắt buộc khi MicrosoftAppType=${type}`);
    return;
  }
  if (type !== 'UserAssignedMSI' && !c.MicrosoftAppPassword)
    issue('MicrosoftAppPassword', 'bắt buộc khi có MicrosoftAppId (trừ UserAssignedMSI)');
  if (type === 'UserAssignedMSI' && c.MicrosoftAppPassword)
    issue('MicrosoftAppPassword', 'phải để trống với UserAssignedMSI');
  if ((type === 'SingleTenant' || type === 'UserAssignedMSI') && !c.MicrosoftAppTenantId)
    issue('MicrosoftAppTenantId', `bắt buộc khi MicrosoftAppType=${type}`);
}
export type Config = z.infer<typeof configSchema>;

/** The base of the links the bot gives: PUBLIC_BASE_URL, else this machine on PORT. */
export function publicBaseUrlOf(config: Config): string {
  return config.PUBLIC_BASE_URL ?? `http://127.0.0.1:${config.PORT}`;
}

/** zod's own messages ("expected number, received NaN") in Vietnamese, like ours; per parse, not global. */
const VIETNAMESE = z.locales.vi().localeError;

export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = configSchema.safeParse(env, { error: VIETNAMESE });
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
  throw new Error(`Cấu hình môi trường không hợp lệ:\n${lines.join('\n')}`);
}

/**
 * Reads `.env` (in the working directory: the project folder under npm) when there is one, with Node's own
 * loader: a variable already set in the environment wins, so a service manager or a shell can override the file.
 * Returns the file read, or null.
 */
export function loadDotEnv(file = '.env'): string | null {
  if (!existsSync(file)) return null;
  process.loadEnvFile(file);
  return file;
}
