import { type AskRequest, ask } from '../../src/cli/ask.ts';
import { createCore } from '../../src/compose/core.ts';
import type { Answer } from '../../src/core/types.ts';
import type { Db } from '../../src/kb/open.ts';
import { SHIPPED_PLANS_DIR } from '../../src/paths.ts';
import { loadChatLexicon } from '../../src/vi/message.ts';
import { importInto, tempDb, testLexicon } from './kb.ts';

export const TODAY = '2026-11-22';

/** A bot over a real SQLite file holding the shipped plans, answering as `cli ask` does, on a fixed day. */
export async function createTestBot(): Promise<{
  db: Db;
  say: (request: Omit<AskRequest, 'today'>) => Answer;
}> {
  const { db } = tempDb();
  await importInto(db, [SHIPPED_PLANS_DIR]);
  const deps = createCore(db, testLexicon(), loadChatLexicon(), () => new Date(`${TODAY}T09:00:00+07:00`));
  return { db, say: (request) => ask(deps, { ...request, today: TODAY }) };
}

export const SNV_CCVC = { user: 'ccvc', org: 'Sở Nội vụ', unit: 'Phòng Công chức, viên chức' } as const;
export const SNV_VP = { user: 'snv-vp', org: 'Sở Nội vụ', unit: 'Văn phòng Sở' } as const;
export const SNV_TCBC = {
  user: 'tcbc',
  org: 'Sở Nội vụ',
  unit: 'Phòng Tổ chức, biên chế và Cải cách hành chính',
} as const;
export const SXD_KHTC = { user: 'khtc', org: 'Sở Xây dựng', unit: 'Phòng Kế hoạch - Tài chính' } as const;
/** An admin registered at a phòng of Sở Nội vụ: their rights reach all of Sở Nội vụ, nothing beyond. */
export const SNV_PHONG_ADMIN = {
  user: 'snv-admin',
  org: 'Sở Nội vụ',
  unit: 'Phòng Công chức, viên chức',
  role: 'admin',
} as const;
export const STP = { user: 'stp', org: 'Sở Tư pháp' } as const;

export function reportCount(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM progress_reports').get() as { n: number }).n;
}

export const ids = (answer: Answer): string[] => answer.tasks.map((t) => t.id);
