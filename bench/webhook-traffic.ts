/**
 * What the webhook benchmark sends: Zalo updates shaped like the platform's (bare, and now and then wrapped as
 * {ok, result} as the docs show), from a few hundred staff who first register with their unit, then ask the
 * questions real staff ask, in private chats and, now and then, by mentioning the bot in a group.
 */
import { createPrng, type Prng } from './corpus/prng.ts';

/** The bot's display name: a group message starts with this mention. */
export const BOT_NAME = 'Bot Nhiệm vụ';

/** Registrations that resolve to one unit of the shipped plans (checked when the users are approved). */
const REGISTRATIONS = [
  'tôi thuộc Văn phòng Sở, Sở Nội vụ',
  'tôi thuộc Phòng Công chức, viên chức, Sở Nội vụ',
  'tôi thuộc Phòng Tổ chức, biên chế và Cải cách hành chính, Sở Nội vụ',
  'toi thuoc phong xay dung chinh quyen va van thu, luu tru, so noi vu',
  'tôi thuộc Phòng Kế hoạch - Tài chính, Sở Xây dựng',
  'tôi thuộc Văn phòng Sở, Sở Xây dựng',
  'tôi thuộc Sở Tư pháp',
  'tôi thuộc Sở Tài chính',
  'đăng ký Sở Y tế',
  'tôi thuộc Thanh tra tỉnh',
  'tôi thuộc Sở Thông tin và Truyền thông',
  'tôi thuộc Văn phòng UBND tỉnh',
  'tôi thuộc UBND huyện Chi Lăng',
  'tôi thuộc Sở Kế hoạch và Đầu tư',
  'đăng ký Sở Giáo dục và Đào tạo',
] as const;

export type QuestionMix = readonly (readonly [text: string, weight: number])[];

/** Questions and how often they come (relative weights): lists, overdue work, one task, help, small talk. */
export const QUESTIONS: QuestionMix = [
  ['phòng tôi phụ trách gì', 4],
  ['phong toi chu tri viec gi', 2],
  ['việc nào quá hạn', 4],
  ['phòng tôi có việc nào quá hạn không', 2],
  ['chi tiết nhiệm vụ III.8', 3],
  ['chi tiết nhiệm vụ I.1', 1],
  ['hướng dẫn', 2],
  ['việc nào phải xong trong quý này', 2],
  ['p. mình có việc gì sắp đến hạn', 2],
  ['nhiệm vụ về chuyển đổi số', 2],
  ['ai chủ trì việc tuyển dụng công chức', 2],
  ['tóm tắt tình hình nhiệm vụ của phòng tuần này', 1],
  ['chỉ tiêu của phòng tôi', 1],
  ['cảm ơn bot', 1],
  ['xin chào', 1],
];

/** One in this many questions is asked in a group (with a mention); one in WRAPPED_EVERY bodies is wrapped. */
const GROUP_SHARE = 0.05;
const GROUPS = 6;
const WRAPPED_EVERY = 10;

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô'] as const;
const GIVEN = [
  'Văn An',
  'Thị Bình',
  'Minh Châu',
  'Quốc Dũng',
  'Thu Hà',
  'Đức Huy',
  'Thanh Lan',
  'Hữu Nam',
] as const;

export interface BenchZaloUser {
  /** Zalo's user id (20 hex digits); in a private chat it is also the chat id. */
  id: string;
  displayName: string;
  registration: string;
}

/** One update to post: its body (JSON) and the keys the bot claims it by. */
export interface OutgoingUpdate {
  chatId: string;
  messageId: string;
  body: string;
}

function hexId(rng: Prng): string {
  let id = '';
  while (id.length < 20) id += rng.int(0, 0xffff).toString(16).padStart(4, '0');
  return id;
}

/** Draws questions from the mix by weight, with the stream's own random numbers. */
export function questionPicker(rng: Prng, questions: QuestionMix = QUESTIONS): () => string {
  const total = questions.reduce((sum, [, weight]) => sum + weight, 0);
  return () => {
    let roll = rng.next() * total;
    for (const [text, weight] of questions) {
      roll -= weight;
      if (roll < 0) return text;
    }
    return questions[0]?.[0] ?? 'hướng dẫn';
  };
}

export function createUsers(count: number, seed: number): BenchZaloUser[] {
  const rng = createPrng(seed);
  const seen = new Set<string>();
  const users: BenchZaloUser[] = [];
  for (let i = 0; users.length < count; i++) {
    const id = hexId(rng);
    if (seen.has(id)) continue;
    seen.add(id);
    const registration = REGISTRATIONS[i % REGISTRATIONS.length] ?? REGISTRATIONS[0];
    users.push({ id, displayName: `${rng.pick(FAMILY)} ${rng.pick(GIVEN)}`, registration });
  }
  return users;
}

interface UpdateFields {
  user: BenchZaloUser;
  chatId: string;
  group: boolean;
  messageId: string;
  text: string;
  date: number;
  wrapped: boolean;
}

export function toUpdateBody(f: UpdateFields): string {
  const update = {
    event_name: 'message.text.received',
    message: {
      message_id: f.messageId,
      date: f.date,
      text: f.text,
      from: { id: f.user.id, display_name: f.user.displayName, is_bot: false },
      chat: { id: f.chatId, chat_type: f.group ? 'GROUP' : 'PRIVATE' },
    },
  };
  return JSON.stringify(f.wrapped ? { ok: true, result: update } : update);
}

/** A day in Zalo's milliseconds; message dates count up from it. */
const FIRST_DATE = 1_795_300_000_000;

/**
 * An endless stream of distinct updates (message ids never repeat within a stream; `prefix` keeps streams
 * apart) spread over `users` at random, with questions drawn by weight (QUESTIONS unless another mix is given).
 */
export function createUpdateStream(
  users: readonly BenchZaloUser[],
  options: { seed: number; prefix: string; questions?: QuestionMix },
): () => OutgoingUpdate {
  const rng = createPrng(options.seed);
  const groups = Array.from({ length: GROUPS }, () => hexId(rng));
  const question = questionPicker(rng, options.questions ?? QUESTIONS);
  let counter = 0;
  return () => {
    counter++;
    const user = rng.pick(users);
    const group = rng.chance(GROUP_SHARE);
    const chatId = group ? rng.pick(groups) : user.id;
    const messageId = `${options.prefix}${counter.toString(16).padStart(19, '0')}`;
    const text = group ? `@${BOT_NAME} ${question()}` : question();
    const wrapped = counter % WRAPPED_EVERY === 0;
    const body = toUpdateBody({ user, chatId, group, messageId, text, date: FIRST_DATE + counter, wrapped });
    return { chatId, messageId, body };
  };
}

/** The registration message of each user, in their private chat. */
export function registrationUpdates(users: readonly BenchZaloUser[]): OutgoingUpdate[] {
  return users.map((user, i) => {
    const messageId = `r${i.toString(16).padStart(19, '0')}`;
    const body = toUpdateBody({
      user,
      chatId: user.id,
      group: false,
      messageId,
      text: user.registration,
      date: FIRST_DATE - 60_000 + i,
      wrapped: false,
    });
    return { chatId: user.id, messageId, body };
  });
}
