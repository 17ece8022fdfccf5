import { createInterface } from 'node:readline';
import { z } from 'zod';
import type { Core } from '../compose/core.ts';
import { findUnitByNames } from '../core/directory.ts';
import type { Answer } from '../core/types.ts';
import { approveUser, ensureUser, findUser, setUserRole, setUserUnit, USER_ROLES } from '../kb/users-repo.ts';
import { toFailureReport } from '../reply/failure-reply.ts';

export const CLI_CHANNEL = 'cli';

export const askRequestSchema = z.object({
  text: z.string(),
  org: z.string().min(1).optional(),
  unit: z.string().min(1).optional(),
  role: z.enum(USER_ROLES).optional(),
  user: z.string().min(1).optional(),
  today: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'cần ngày dạng YYYY-MM-DD')
    .optional(),
});
export type AskRequest = z.infer<typeof askRequestSchema>;

/** `ask` talks to the conversation core as wired by `src/compose/`. */
export type AskDeps = Core;

/** With --org/--unit the user is created or updated and approved on the fly; with --user alone, as registered. */
function prepareUser(deps: AskDeps, request: AskRequest): string {
  const userKey =
    request.user ??
    (request.org || request.unit ? `${request.org ?? ''}/${request.unit ?? ''}` : 'anonymous');
  if (!request.org && !request.unit) {
    if (request.role && request.user) {
      const user = findUser(deps.db, CLI_CHANNEL, userKey);
      if (user) setUserRole(deps.db, user.id, request.role, deps.clock());
    }
    return userKey;
  }
  const unit = findUnitByNames(deps.knowledge(), request.org ?? null, request.unit ?? null);
  if (!unit)
    throw new Error(`Không tìm thấy đơn vị “${[request.unit, request.org].filter(Boolean).join(', ')}”`);
  const now = deps.clock();
  const user = ensureUser(deps.db, CLI_CHANNEL, userKey, now);
  setUserUnit(deps.db, user.id, unit.id, now);
  approveUser(deps.db, user.id, now);
  setUserRole(deps.db, user.id, request.role ?? 'staff', now);
  return userKey;
}

/** One question answered as the chat adapters answer it; `toJsonAnswer` is what `--json` prints. */
/** The `ask --json` contract: {intent, entities, tasks, reply}. The blocks are for chat adapters' layouts. */
export function toJsonAnswer(answer: Answer): Omit<Answer, 'doc'> {
  const { doc: _doc, ...rest } = answer;
  return rest;
}

export function ask(deps: AskDeps, request: AskRequest): Answer {
  const userKey = prepareUser(deps, request);
  const answer = deps.assistant.handle({
    channel: CLI_CHANNEL,
    userKey,
    text: request.text,
    ...(request.today ? { today: request.today } : {}),
  });
  return answer;
}

/** One JSON request per stdin line, answered in order against the same database; one JSON result per line. */
export async function askJsonLines(deps: AskDeps, input: NodeJS.ReadableStream, out: NodeJS.WritableStream) {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const parsed = parseRequestLine(line);
    if (typeof parsed === 'string') {
      out.write(`${JSON.stringify({ error: `Dòng không hợp lệ: ${parsed}` })}\n`);
      continue;
    }
    try {
      out.write(`${JSON.stringify(toJsonAnswer(ask(deps, parsed)))}\n`);
    } catch (error) {
      out.write(`${JSON.stringify({ error: toFailureReport(error) })}\n`);
    }
  }
}

/** A request, or why the line is not one (in Vietnamese: which field, what was expected). */
function parseRequestLine(line: string): AskRequest | string {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return 'không phải JSON';
  }
  const parsed = askRequestSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  return parsed.error.issues.map((i) => `${i.path.join('.') || 'dòng'}: ${i.message}`).join('; ');
}
