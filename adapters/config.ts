import { z } from 'zod';

/** Environment of the bot server, validated once at start-up; every bad variable is named. */
export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  DB_PATH: z.string().min(1).default('data/nhiemvu.db'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('development'),
});
export type Config = z.infer<typeof configSchema>;

export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = configSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
  throw new Error(`Cấu hình môi trường không hợp lệ:\n${lines.join('\n')}`);
}
