/**
 * The messages the chat benchmark sends. On the shipped plans: the single-message lines of the utterance corpus,
 * each from its own user. On the generated corpus: the same kinds of questions asked by staff of ~30 Sở and phòng
 * in several provinces, plus a few people who have not registered.
 */
import { type AskDeps, ask, CLI_CHANNEL } from '../src/cli/ask.ts';
import type { Intent } from '../src/intent/intents.ts';
import type { Db } from '../src/kb/open.ts';
import { listPlans } from '../src/kb/task-queries.ts';
import { loadUnitTree, type UnitNode, type UnitTree } from '../src/kb/unit-tree.ts';
import {
  approveUser,
  ensureUser,
  findUser,
  setUserRole,
  setUserUnit,
  type UserRole,
} from '../src/kb/users-repo.ts';
import { readCorpus, TODAY } from '../test/eval/eval-corpus.ts';
import { createPrng, type Prng } from './corpus/prng.ts';

/** A registered user, as the benchmark restores it before each message (a "đăng ký" message may change it). */
export interface BenchUser {
  key: string;
  userId: number;
  unitId: number;
  role: UserRole;
}

export interface BenchMessage {
  /** null: someone who has never written before (a new user key every time the message is sent). */
  userKey: string | null;
  text: string;
  /** The intent the message is meant to get, when known: a check that the benchmark measures the real path. */
  expected: Intent | null;
}

export interface MessageSet {
  users: BenchUser[];
  messages: BenchMessage[];
}

function toBenchUser(db: Db, key: string): BenchUser {
  const user = findUser(db, CLI_CHANNEL, key);
  if (!user || user.unitId === null) throw new Error(`user ${key} was not registered`);
  return { key, userId: user.id, unitId: user.unitId, role: user.role };
}

/** The utterance corpus's single messages; each user registered once through `ask`, as `cli ask` does. */
export function shippedMessages(deps: AskDeps): MessageSet {
  const lines = readCorpus().filter((line) => line.conversation === null);
  const users = new Map<string, BenchUser>();
  for (const { user } of lines) {
    if (!user || users.has(user.id)) continue;
    const unit = user.unit ? { unit: user.unit } : {};
    ask(deps, { text: 'xin chào', user: user.id, org: user.org, ...unit, role: user.role, today: TODAY });
    users.set(user.id, toBenchUser(deps.db, user.id));
  }
  const messages = lines.map((line) => ({
    userKey: line.user?.id ?? null,
    text: line.text,
    expected: line.expect.intent,
  }));
  return { users: [...users.values()], messages };
}

/** A pasted wall of text: far over the message limit, so the core must cut it and say so. */
export const LONG_MESSAGE =
  'Đề nghị phòng tôi rà soát, cập nhật tiến độ các nhiệm vụ cải cách hành chính và chuyển đổi số. '
    .repeat(60)
    .slice(0, 5000);

type Template = readonly [text: string, expected: Intent | null];

/** What one registered member of staff asks, in the words the utterance corpus uses. */
function staffQuestions(orgName: string): Template[] {
  return [
    ['phòng tôi phải làm gì', 'my_tasks'],
    ['p. mình chủ trì những nv nào', 'my_tasks'],
    ['phòng tôi có việc nào quá hạn không', 'overdue'],
    ['việc nào phải xong trong quý này', 'deadlines'],
    ['chỉ tiêu của phòng tôi', 'kpi'],
    ['nhiệm vụ về tuyển dụng', 'topic_tasks'],
    ['cac nhiem vu ve chuyen doi so', 'topic_tasks'],
    ['ai chủ trì việc tuyển dụng công chức', 'who_is_responsible'],
    ['chi tiết nhiệm vụ I.1', 'task_detail'],
    [`Văn phòng ${orgName} phụ trách gì`, 'unit_tasks'],
    ['tóm tắt tình hình nhiệm vụ của phòng tuần này', 'digest'],
    ['nv I.2 đạt 50%', 'report_progress'],
    // Two conditions in one sentence, then follow-ups that reuse the frame kept from the message before.
    ['việc nào phòng tôi chủ trì mà đã quá hạn', 'overdue'],
    ['thế còn Văn phòng Sở?', null],
    ['những việc phòng em phối hợp mà hạn trong tháng 12', 'deadlines'],
    ['năm ngoái thì sao?', null],
    ['việc nào mình chủ trì có chỉ tiêu phần trăm', 'kpi'],
    ['chỉ việc thường xuyên thôi', null],
    ['ai phối hợp nhiệm vụ I.1', 'who_is_responsible'],
    ['nhiệm vụ đó hạn bao giờ?', null],
    [`em là chuyên viên văn phòng ${orgName} ạ`, 'register'],
    ['bot làm được gì', 'help'],
    ['cam on nhe', 'smalltalk'],
    ['', 'unknown'],
    [LONG_MESSAGE, null],
  ];
}

/** What someone who has not registered asks. */
const NEWCOMER_QUESTIONS: Template[] = [
  ['phòng tôi phải làm gì', 'my_tasks'],
  ['ai chủ trì việc tuyển dụng công chức', 'who_is_responsible'],
  ['cac nhiem vu ve chuyen doi so', 'topic_tasks'],
  ['chi tiết nhiệm vụ I.1', 'task_detail'],
  ['Văn phòng Sở Tư pháp phụ trách gì', 'unit_tasks'],
  ['dang ky phong ke hoach tai chinh so xay dung', 'register'],
  ['huong dan su dung', 'help'],
  ['xin chào', 'smalltalk'],
];

/** (Sở, phòng) pairs: Sở that issued plans, spread over provinces by a seeded shuffle. */
function pickUnits(tree: UnitTree, issuerIds: number[], count: number, rng: Prng): UnitNode[] {
  const pool = [...new Set(issuerIds)].sort((a, b) => a - b);
  const picked: UnitNode[] = [];
  while (picked.length < count && pool.length > 0) {
    const [orgId] = pool.splice(rng.int(0, pool.length - 1), 1);
    const org = orgId === undefined ? undefined : tree.get(orgId);
    const own = tree.all().filter((u) => u.parentId === org?.id && u.kind === 'unit');
    if (own.length > 0) picked.push(rng.pick(own));
  }
  return picked;
}

function registerDirectly(db: Db, key: string, unitId: number, role: UserRole, now: Date): BenchUser {
  // `ask --org "Sở Xây dựng"` cannot say which province's Sở: register by unit id, as `ask` does after its lookup.
  const user = ensureUser(db, CLI_CHANNEL, key, now);
  setUserUnit(db, user.id, unitId, now);
  approveUser(db, user.id, now);
  setUserRole(db, user.id, role, now);
  return { key, userId: user.id, unitId, role };
}

/** Staff of `users` phòng of the corpus (every 5th a lead, every 10th an admin), then the newcomers. */
export function corpusMessages(db: Db, options: { users: number; seed: number; now: Date }): MessageSet {
  const tree = loadUnitTree(db);
  const issuers = listPlans(db).map((p) => p.issuerUnitId);
  const units = pickUnits(tree, issuers, options.users, createPrng(options.seed));
  const users: BenchUser[] = [];
  const messages: BenchMessage[] = [];
  units.forEach((unit, i) => {
    const role: UserRole = i % 10 === 9 ? 'admin' : i % 5 === 4 ? 'lead' : 'staff';
    const user = registerDirectly(db, `bench-${i + 1}`, unit.id, role, options.now);
    users.push(user);
    const orgName = tree.orgOf(unit.id)?.name ?? '';
    for (const [text, expected] of staffQuestions(orgName))
      messages.push({ userKey: user.key, text, expected });
  });
  for (const [text, expected] of NEWCOMER_QUESTIONS) messages.push({ userKey: null, text, expected });
  return { users, messages };
}
