import { beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/core/types.ts';
import { fold } from '../../src/vi/fold.ts';
import { createTestBot, ids, SNV_CCVC, SNV_TCBC, SXD_KHTC } from '../support/bot.ts';

/**
 * One frame per question, one executor: conditions combine, a topic narrows deadline/KPI/who questions, follow-ups
 * reuse the last question. Expected sets are read off the plan rows (data/plans/snv-2026-cchc-phu-luc.txt and
 * sxd-2025-par-index-phu-luc-1.txt), today 2026-11-22.
 */
const SNV = 'snv-2026-cchc/';
const PL1 = '55-kh-sxd-2025-phu-luc-i/';

let say: Awaited<ReturnType<typeof createTestBot>>['say'];
beforeAll(async () => {
  ({ say } = await createTestBot());
});

const has = (answer: Answer, text: string) => fold(answer.reply).includes(fold(text));

describe('conditions combine', () => {
  it('"chủ trì mà đã quá hạn" leaves out what the phòng only coordinates (SNV III.8)', () => {
    const lead = say({ ...SNV_CCVC, user: 'c1', text: 'viec nao phong toi chu tri ma da qua han' });
    expect(lead.intent).toBe('overdue');
    expect(ids(lead)).toEqual([]);
    expect(has(lead, 'không chủ trì nhiệm vụ nào quá hạn')).toBe(true);
    const coordinate = say({ ...SNV_CCVC, user: 'c1', text: 'phong toi phoi hop nhung viec nao qua han' });
    expect(ids(coordinate)).toEqual([`${SNV}III/8`]);
    expect(coordinate.entities.responsibility).toBe('coordinate');
  });

  it('a part and a month: Phòng Công chức, viên chức leads V.4 (Trong năm 2026) due in December', () => {
    const answer = say({ ...SNV_CCVC, user: 'c2', text: 'phòng tôi chủ trì việc nào hạn trong tháng 12' });
    expect(answer.intent).toBe('deadlines');
    expect(ids(answer)).toEqual([`${SNV}V/4`]);
    expect(answer.entities.timeRange).toMatchObject({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('"có chỉ tiêu phần trăm" with "chủ trì": only the phòng’s led tasks with a % target (KH 55 PL I)', () => {
    const answer = say({ ...SXD_KHTC, user: 'k1', text: 'việc nào mình chủ trì có chỉ tiêu phần trăm' });
    expect(answer.intent).toBe('kpi');
    expect(ids(answer)).toContain(`${PL1}VI/4`);
    for (const task of answer.tasks) {
      expect(task.responsibility).toBe('lead');
      expect(task.kpis.some((k) => k.unit === '%')).toBe(true);
    }
  });

  it('a Sở and its phòng in either order name the phòng, and the count is said', () => {
    const a = say({ ...SNV_CCVC, user: 'c3', text: 'Sở Xây dựng phòng KHTC có mấy việc trễ hạn' });
    const b = say({ ...SNV_CCVC, user: 'c4', text: 'phong KHTC so xay dung co may viec tre han' });
    expect(a.entities.unit).toBe('Phòng Kế hoạch - Tài chính');
    expect(ids(a)).toEqual(ids(b));
    expect(ids(a).length).toBeGreaterThan(0);
    expect(has(a, `${ids(a).length} nhiệm vụ quá hạn`)).toBe(true);
  });
});

describe('the whole organisation', () => {
  it('"toàn sở có việc gì quá hạn" lists every unit’s overdue tasks, each line naming its lead', () => {
    const lead = { ...SNV_TCBC, user: 'tcbc-lead', role: 'lead' } as const;
    const answer = say({ ...lead, text: 'toàn sở có việc gì quá hạn' });
    expect(answer.intent).toBe('overdue');
    expect(ids(answer).sort()).toEqual([`${SNV}I/3`, `${SNV}I/5`, `${SNV}III/8`]);
    expect(has(answer, 'Chủ trì: Văn phòng Sở')).toBe(true);
    expect(answer.reply.startsWith('Sở Nội vụ có 3 nhiệm vụ quá hạn')).toBe(true);
  });
});

describe('a topic narrows deadline, target and who questions', () => {
  it('"việc công bố chỉ số CCHC hạn khi nào" answers that task (I.2), not the asker’s deadlines', () => {
    const answer = say({ ...SNV_CCVC, user: 'c5', text: 'việc công bố chỉ số CCHC hạn khi nào' });
    expect(answer.intent).toBe('deadlines');
    expect(ids(answer)).toContain(`${SNV}I/2`);
    expect(ids(answer)).not.toContain(`${SNV}V/4`);
  });

  it('"ai phối hợp" names the coordinating units, labelled, and not the lead', () => {
    const answer = say({ ...SNV_CCVC, user: 'c6', text: 'ai phối hợp nhiệm vụ I.6' });
    expect(answer.intent).toBe('who_is_responsible');
    expect(has(answer, 'Phối hợp: Văn phòng Sở')).toBe(true);
    expect(has(answer, 'Chủ trì:')).toBe(false);
    const both = say({ ...SNV_CCVC, user: 'c6', text: 'ai làm nhiệm vụ I.6' });
    expect(has(both, 'Chủ trì: Phòng Tổ chức, biên chế và Cải cách hành chính')).toBe(true);
    expect(has(both, 'Phối hợp: Văn phòng Sở')).toBe(true);
  });

  it('a target is said with its operator, and a question about the operator is answered', () => {
    const answer = say({ ...SXD_KHTC, user: 'k2', text: 'tỷ lệ giải ngân tối thiểu hay trên 95%?' });
    expect(answer.intent).toBe('kpi');
    expect(ids(answer)).toEqual([`${PL1}VI/4`]);
    expect(answer.reply.split('\n')[0]).toContain('“trên 95%”');
    expect(has(answer, 'đạt đúng 95% là chưa đạt')).toBe(true);
    const both = say({ ...SXD_KHTC, user: 'k2', text: 'chỉ tiêu của nhiệm vụ VII.5' });
    expect(has(both, 'trên 80%')).toBe(true);
    expect(has(both, 'trên 70%')).toBe(true);
  });
});

describe('a named body without a year', () => {
  it('gets the latest year in which it has tasks, not an empty list from a catch-all in this year’s plan', () => {
    const answer = say({ ...SNV_CCVC, user: 'c7', text: 'Sở Tư pháp chủ trì những việc gì' });
    expect(answer.tasks.length).toBeGreaterThan(0);
    expect(answer.tasks.every((t) => t.planId === '126-kh-ubnd-2024-phu-luc')).toBe(true);
    expect(has(answer, 'năm 2024')).toBe(true);
  });

  it('a group the plans name as a collective ("UBND cấp huyện") is asked about as that group', () => {
    const answer = say({ ...SNV_CCVC, user: 'c8', text: 'UBND cap huyen phai lam nhung viec gi' });
    expect(answer.intent).toBe('unit_tasks');
    expect(answer.entities.unit).toBe('UBND cấp huyện');
    expect(ids(answer)).toContain('126-kh-ubnd-2024-phu-luc/I/5');
  });
});

describe('follow-ups reuse the last question', () => {
  it('"thế còn Văn phòng Sở?" asks the same about another unit; "còn phối hợp thì sao" switches the part', () => {
    const user = { ...SNV_CCVC, user: 'f1' };
    say({ ...user, text: 'phòng tôi chủ trì việc nào hạn trong tháng 12' });
    const vp = say({ ...user, text: 'thế còn văn phòng sở?' });
    expect(vp.intent).toBe('deadlines');
    expect(vp.entities.unit).toBe('Văn phòng Sở');
    expect(ids(vp)).toEqual([`${SNV}V/4`]);
    const coordinate = say({ ...user, text: 'còn phối hợp thì sao' });
    expect(coordinate.entities.unit).toBe('Văn phòng Sở');
    expect(ids(coordinate)).toEqual([`${SNV}I/6`]);
  });

  it('"chỉ việc quá hạn thôi" adds one condition to the last list', () => {
    const user = { ...SNV_CCVC, user: 'f2' };
    expect(say({ ...user, text: 'phòng tôi phải làm gì' }).tasks.length).toBeGreaterThan(20);
    const overdue = say({ ...user, text: 'chỉ việc quá hạn thôi' });
    expect(overdue.intent).toBe('overdue');
    expect(ids(overdue)).toEqual([`${SNV}III/8`]);
  });

  it('"năm ngoái thì sao?" with no plan that year says so', () => {
    const user = { ...SNV_CCVC, user: 'f3' };
    say({ ...user, text: 'phòng tôi chủ trì gì' });
    const last = say({ ...user, text: 'năm ngoái thì sao?' });
    expect(ids(last)).toEqual([]);
    expect(has(last, 'Không có kế hoạch năm 2025')).toBe(true);
  });

  it('"nhiệm vụ đó hạn bao giờ?" is about the one task shown last', () => {
    const user = { ...SNV_CCVC, user: 'f4' };
    say({ ...user, text: 'nhiệm vụ I.5 ai chủ trì' });
    const due = say({ ...user, text: 'nhiệm vụ đó hạn bao giờ?' });
    expect(due.intent).toBe('deadlines');
    expect(ids(due)).toEqual([`${SNV}I/5`]);
    expect(has(due, 'Quý III/2026')).toBe(true);
  });

  it('"nhiệm vụ đó" after an answer that showed nothing still means the task shown before it', () => {
    const user = { ...SNV_CCVC, user: 'f7' };
    expect(ids(say({ ...user, text: 'phong toi phoi hop viec nao qua han' }))).toEqual([`${SNV}III/8`]);
    expect(ids(say({ ...user, text: 'thế còn vp sở' }))).toEqual([]);
    const who = say({ ...user, text: 'nv đó ai chủ trì' });
    expect(who.intent).toBe('who_is_responsible');
    expect(ids(who)).toEqual([`${SNV}III/8`]);
    expect(has(who, 'Chủ trì: Văn phòng Sở')).toBe(true);
  });

  it('"nhiệm vụ đó" with no single task shown asks which one', () => {
    const answer = say({ ...SNV_CCVC, user: 'f5', text: 'nhiệm vụ đó hạn bao giờ?' });
    expect(ids(answer)).toEqual([]);
    expect(has(answer, 'Bạn hỏi nhiệm vụ nào?')).toBe(true);
  });

  it('a question of its own is not a follow-up: the next full question starts afresh', () => {
    const user = { ...SNV_CCVC, user: 'f6' };
    say({ ...user, text: 'phòng tôi chủ trì việc nào hạn trong tháng 12' });
    const fresh = say({ ...user, text: 'phòng tôi phải làm gì' });
    expect(fresh.intent).toBe('my_tasks');
    expect(fresh.entities.responsibility).toBe('both');
    expect(fresh.tasks.length).toBeGreaterThan(20);
  });
});
