import { createRuntime } from '../src/compose/runtime.ts';
import { collectDigest } from '../src/digest/collect.ts';
import { digestText } from '../src/digest/render-text.ts';

const NOW = new Date('2026-11-23T08:00:00+07:00');
const rt = await createRuntime('/tmp/zzd.db', () => NOW);
const k = rt.knowledge();
for (const name of ['Phòng Kế hoạch - Tài chính', 'Sở Nội vụ', 'Phòng Công chức, viên chức']) {
  const u = k.tree.all().find((x) => x.name === name);
  if (!u) continue;
  const t = performance.now();
  const d = collectDigest({ db: rt.db, k }, u.id, '2026-11-23', NOW);
  console.log(`--- ${(performance.now() - t).toFixed(1)} ms`);
  console.log(d ? digestText(d) : 'null');
}
