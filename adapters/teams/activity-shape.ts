import type { Activity } from 'botbuilder';
import { z } from 'zod';

/**
 * What every activity Teams sends has, and what the bot cannot do without: a type (the SDK throws without one,
 * before it even checks authentication), the sender (a person is known by it) and the conversation (the reply is
 * posted there). Checked before the SDK sees the body, so a broken activity is a 400 with one warning line rather
 * than a failed turn logged with a stack. Only checked: the body itself goes on to the SDK unchanged.
 */
const activityShape = z.object({
  type: z.string().min(1),
  id: z.string().optional(),
  serviceUrl: z.string().optional(),
  from: z.object({ id: z.string().min(1) }),
  conversation: z.object({ id: z.string().min(1) }),
});

export type ParsedActivity =
  | { ok: true; activity: Activity; serviceUrl: string | undefined }
  | { ok: false; reason: string };

export function parseActivity(body: unknown): ParsedActivity {
  const parsed = activityShape.safeParse(body);
  if (parsed.success) {
    // Checked for what the bot relies on; the SDK reads the rest of the Activity as Teams sent it.
    return { ok: true, activity: body as Activity, serviceUrl: parsed.data.serviceUrl };
  }
  const fields = new Set(parsed.error.issues.map((issue) => issue.path.join('.') || 'body'));
  return { ok: false, reason: `missing or invalid: ${[...fields].join(', ')}` };
}

/** An activity stored with its claim, read back for a replay; null when it was not stored (older rows: `{}`). */
export function parseStoredActivity(payload: string): Activity | null {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  const parsed = parseActivity(value);
  return parsed.ok ? parsed.activity : null;
}
