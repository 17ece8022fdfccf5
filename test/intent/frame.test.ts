import { describe, expect, it } from 'vitest';
import { isFollowUp, mergeFrames } from '../../src/intent/frame/follow-up.ts';
import { frameOf, type QueryFrame } from '../../src/intent/frame/frame.ts';
import { intentOf } from '../../src/intent/frame/intent-of.ts';
import { parseFrame } from '../../src/intent/frame/parse.ts';
import { findRestrictions } from '../../src/intent/frame/restrictions.ts';
import { findStatus } from '../../src/intent/frame/status.ts';
import { targetsText, targetWords } from '../../src/reply/kpi-words.ts';
import { fold } from '../../src/vi/fold.ts';

const base = {
  ref: null,
  unit: null,
  timeRange: null,
  year: null,
  planNumber: null,
  appendix: null,
  topic: [],
  cuedTopic: [],
  responsibility: 'both' as const,
};

describe('the query frame', () => {
  it('keeps every condition of a sentence: subject, part, status, targets, counting', () => {
    const frame = parseFrame({
      ...base,
      folded: fold('các việc thường xuyên phòng tôi phải phối hợp có chỉ tiêu phần trăm, mấy việc'),
      intent: 'my_tasks',
      responsibility: 'coordinate',
    });
    expect(frame.subject).toEqual({ kind: 'me' });
    expect(frame.responsibility).toBe('coordinate');
    expect(frame.status).toBe('ongoing');
    expect(frame.kpiOnly).toBe(true);
    expect(frame.percentOnly).toBe(true);
    expect(frame.count).toBe(true);
    // Targets outrank "whose list": the intent name says the strongest condition.
    expect(intentOf(frame)).toBe('kpi');
  });

  it('names the intent by the strongest condition: overdue, then a period, then targets, then who', () => {
    const frame = parseFrame({
      ...base,
      folded: 'viec nao phong toi chu tri ma da qua han',
      intent: 'overdue',
    });
    expect(frame.status).toBe('overdue');
    expect(intentOf(frame)).toBe('overdue');
    const range = { from: '2026-12-01', to: '2026-12-31', label: 'tháng 12/2026' };
    expect(intentOf({ ...frame, status: null, timeRange: range })).toBe('deadlines');
    expect(intentOf({ ...frame, status: null, asked: 'coordinate', subject: { kind: 'none' } })).toBe(
      'who_is_responsible',
    );
    expect(
      intentOf({ ...frame, status: null, subject: { kind: 'unit', unitId: 3, name: 'Văn phòng Sở' } }),
    ).toBe('unit_tasks');
  });

  it('reads a topic with nobody named as a question about the plans, and a cued topic of one’s own tasks', () => {
    const topicOnly = parseFrame({
      ...base,
      folded: 'viec cong bo chi so cai cach hanh chinh han khi nao',
      intent: 'deadlines',
      topic: ['cong', 'bo', 'chi', 'so'],
      cuedTopic: ['cong', 'bo', 'chi', 'so'],
    });
    expect(topicOnly.subject).toEqual({ kind: 'none' });
    expect(intentOf(topicOnly)).toBe('deadlines');
    const mine = parseFrame({
      ...base,
      folded: 'phong toi co viec gi ve tuyen dung',
      intent: 'my_tasks',
      topic: ['tuyen', 'dung', 'nhi'],
      cuedTopic: ['tuyen', 'dung'],
    });
    expect(mine.subject).toEqual({ kind: 'me' });
    expect(mine.topic).toEqual(['tuyen', 'dung']);
  });

  it('tells statuses apart, and "tối thiểu" or "tuần tới" from the asker', () => {
    expect(findStatus('viec nao chua bao cao', false)).toBe('not_reported');
    expect(findStatus('viec nao chua hoan thanh', false)).toBe('not_done');
    expect(findStatus('viec da hoan thanh', false)).toBe('done');
    expect(findStatus('viec thuong xuyen', false)).toBe('ongoing');
    const frame = parseFrame({
      ...base,
      folded: 'kiem tra cai cach hanh chinh toi thieu bao nhieu phan tram',
      intent: 'kpi',
      topic: ['kiem', 'tra'],
    });
    expect(frame.subject).toEqual({ kind: 'none' });
  });

  it('hears a question about an operator, and only then', () => {
    expect(findRestrictions('ty le giai ngan toi thieu hay tren 95%').operatorQuestion).toBe(true);
    expect(findRestrictions('ty le giai quyet ho so dung han toi thieu 99% a?').operatorQuestion).toBe(true);
    expect(findRestrictions('ty le giai ngan phai dat bao nhieu').operatorQuestion).toBe(false);
  });
});

describe('follow-ups', () => {
  const last: QueryFrame = { ...frameOf({ kind: 'me' }), responsibility: 'lead', status: 'overdue' };

  it('are short messages that lean on the last question', () => {
    for (const text of [
      'thế còn Văn phòng Sở?',
      'con VP So thi sao',
      'năm ngoái thì sao?',
      'chỉ việc quá hạn thôi',
    ])
      expect(isFollowUp(fold(text)), text).toBe(true);
    for (const text of ['phòng tôi phải làm gì', `còn ${'rất nhiều việc '.repeat(5)}thì sao`])
      expect(isFollowUp(fold(text)), text).toBe(false);
  });

  it('"thế còn Văn phòng Sở?" changes the unit and keeps the part and the status', () => {
    const now: QueryFrame = {
      ...last,
      subject: { kind: 'unit', unitId: 3, name: 'Văn phòng Sở' },
      responsibility: 'both',
      status: null,
    };
    const merged = mergeFrames(last, now, {
      subject: true,
      responsibility: false,
      year: false,
      asked: false,
    });
    expect(merged.subject).toEqual({ kind: 'unit', unitId: 3, name: 'Văn phòng Sở' });
    expect(merged.responsibility).toBe('lead');
    expect(merged.status).toBe('overdue');
  });

  it('"năm ngoái thì sao?" changes the year only; "chỉ việc thường xuyên thôi" swaps the status', () => {
    const year = mergeFrames(
      last,
      { ...last, status: null, year: 2025, responsibility: 'both' },
      {
        subject: false,
        responsibility: false,
        year: true,
        asked: false,
      },
    );
    expect(year).toMatchObject({
      year: 2025,
      status: 'overdue',
      responsibility: 'lead',
      subject: { kind: 'me' },
    });
    const ongoing = mergeFrames(
      last,
      { ...last, status: 'ongoing' },
      {
        subject: false,
        responsibility: false,
        year: false,
        asked: false,
      },
    );
    expect(ongoing.status).toBe('ongoing');
  });
});

describe('targets in words', () => {
  it('says each operator as a reader would, and each target once', () => {
    expect(targetWords({ op: '>', value: 99, unit: '%' })).toBe('trên 99%');
    expect(targetWords({ op: '>=', value: 80, unit: '%' })).toBe('từ 80% trở lên');
    expect(targetWords({ op: '<=', value: 5, unit: '%' })).toBe('không quá 5%');
    expect(targetWords({ op: '=', value: 100, unit: '%' })).toBe('100%');
    expect(targetWords({ op: '>=', value: 1, unit: 'sáng kiến' })).toBe('từ 1 sáng kiến trở lên');
    expect(targetWords({ op: '>', value: 50.5, unit: '%' })).toBe('trên 50,5%');
    const text = targetsText([
      { text: 'Duy trì tỷ lệ giải quyết hồ sơ TTHC đúng hạn trên 99%', op: '>', value: 99, unit: '%' },
      { text: 'Tỷ lệ hồ sơ đúng hạn >99%', op: '>', value: 99, unit: '%' },
      { text: '100% hồ sơ trễ hạn có văn bản xin lỗi', op: '=', value: 100, unit: '%' },
    ]);
    expect(text.match(/trên 99%/g)).toHaveLength(2); // once as the target, once in its quoted text
    expect(text).toContain('100% (100% hồ sơ trễ hạn có văn bản xin lỗi)');
  });
});
