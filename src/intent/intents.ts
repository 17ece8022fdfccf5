import { z } from 'zod';

/** Stable intent names: later tooling and checks rely on them. */
export const INTENTS = [
  'my_tasks',
  'unit_tasks',
  'who_is_responsible',
  'topic_tasks',
  'deadlines',
  'kpi',
  'overdue',
  'task_detail',
  'report_progress',
  'digest',
  'chase_list',
  'remind_unit',
  'reminder_settings',
  'register',
  'help',
  'smalltalk',
  'unknown',
  'export_report',
  /** The web console: a one-time sign-in link, or "đăng xuất mọi nơi". */
  'console_login',
] as const;
export const intentSchema = z.enum(INTENTS);
export type Intent = (typeof INTENTS)[number];
