import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/intent/classify.ts';
import { type AdminCommand, parseAdminCommand } from '../../../src/intent/entities/admin-command.ts';
import { findTaskRefs } from '../../../src/intent/entities/task-ref.ts';
import { loadChatLexicon, normalizeMessage } from '../../../src/vi/message.ts';

const lexicon = loadChatLexicon();
const folded = (message: string) => normalizeMessage(message, lexicon).folded;

const ROWS: [string, AdminCommand | null][] = [
  ['duyệt', { kind: 'list' }],
  ['phê duyệt đăng ký', { kind: 'list' }],
  ['duyệt 12', { kind: 'approve', userId: 12 }],
  ['duyet nguoi dung 7', { kind: 'approve', userId: 7 }],
  ['đặt 12 làm trưởng phòng', { kind: 'set_role', userId: 12, role: 'lead' }],
  ['dat 12 lam quan tri', { kind: 'set_role', userId: 12, role: 'admin' }],
  ['đặt 5 làm cán bộ', { kind: 'set_role', userId: 5, role: 'staff' }],
  ['đặt 5 làm giám đốc', { kind: 'set_role', userId: 5, role: null }],
  ['thu hồi 12', { kind: 'revoke', userId: 12 }],
  ['Thu hồi quyền của 12', { kind: 'revoke', userId: 12 }],
  ['hủy duyệt 9', { kind: 'revoke', userId: 9 }],
  ['duyệt nhiệm vụ III.8 giúp tôi', null],
  ['thu hồi văn bản', null],
];

describe('registration commands in chat', () => {
  it.each(ROWS)('%s → %j', (message, command) => {
    expect(parseAdminCommand(folded(message))).toEqual(command);
  });

  it.each(ROWS.filter(([, c]) => c !== null))('%s is routed as a registration command', (message) => {
    const f = folded(message);
    const signals = { taskRef: findTaskRefs(f).length > 0, unit: false, timeRange: false, progress: false };
    expect(classify(f, signals)).toBe('register');
  });
});
