import { z } from 'zod';

/**
 * Environment of the bot server, validated once at start-up; every bad variable is named.
 * Names are a contract with deployment scripts: PORT, DB_PATH, LOG_LEVEL, ZALO_* (see .env.example).
 */
const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

export const configSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    /** Interface to listen on; tests use 127.0.0.1. */
    HOST: z.string().min(1).default('0.0.0.0'),
    DB_PATH: z.string().min(1).default('data/nhiemvu.db'),
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
  });
export type Config = z.infer<typeof configSchema>;

export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = configSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
  throw new Error(`Cấu hình môi trường không hợp lệ:\n${lines.join('\n')}`);
}
