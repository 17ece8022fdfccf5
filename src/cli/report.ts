import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { type Command, Option } from 'commander';
import { createRuntime } from '../compose/runtime.ts';
import { todayIn } from '../core/clock.ts';
import { findUnitByNames } from '../core/directory.ts';
import { buildProgressReport } from '../report/build.ts';
import { parsePeriod } from '../report/period.ts';
import { REPORT_FORMATS, type ReportFormat, writeReport } from '../report/write.ts';
import { UsageError } from './errors.ts';
import { dbOption, parseDay } from './options.ts';

interface ReportOptions {
  db: string;
  org: string;
  unit?: string;
  plan?: string;
  year?: string;
  period?: string;
  today?: string;
  format: ReportFormat;
  out: string;
}

function parseYear(value: string | undefined): number | null {
  if (value === undefined) return null;
  const year = Number(value);
  if (!/^\d{4}$/.test(value) || year < 2000 || year > 2100)
    throw new UsageError(`Năm không hợp lệ: “${value}”.`);
  return year;
}

/** `report`: the official progress report of an organisation's plans for a period, as .xlsx, .docx or JSON. */
export function addReportCommand(program: Command, dbDefault: string): void {
  program
    .command('report')
    .description('Xuất báo cáo kết quả thực hiện kế hoạch (xlsx, docx hoặc json)')
    .addOption(dbOption(dbDefault))
    .requiredOption('--org <tên>', 'cơ quan ban hành kế hoạch (vd. "Sở Nội vụ")')
    .option('--unit <tên>', 'chỉ báo cáo nhiệm vụ của một đơn vị thuộc cơ quan')
    .option('--plan <mã>', 'chỉ một kế hoạch (mã trong export --json, vd. snv-2026-cchc)')
    .option('--year <YYYY>', 'năm của kế hoạch (mặc định: năm của kỳ báo cáo)')
    .option(
      '--period <kỳ>',
      'q1, q2, q3, q4, h1, year hoặc TỪ..ĐẾN (YYYY-MM-DD..YYYY-MM-DD); mặc định: kỳ chứa --today',
    )
    .option('--today <YYYY-MM-DD>', 'ngày lập báo cáo (mặc định: hôm nay theo giờ Việt Nam)', parseDay)
    .addOption(
      new Option('--format <định-dạng>', 'định dạng tệp').choices([...REPORT_FORMATS]).makeOptionMandatory(),
    )
    .requiredOption('--out <tệp>', 'tệp sẽ ghi')
    .action(async (opts: ReportOptions) => {
      const today = opts.today ?? todayIn(new Date());
      const year = parseYear(opts.year);
      const period = parsePeriod(opts.period, year, today);
      if (!period)
        throw new UsageError(
          `Kỳ báo cáo không hợp lệ: “${opts.period}”. Dùng q1, q2, q3, q4, h1, year hoặc 2026-10-01..2026-12-14.`,
        );
      const folder = dirname(opts.out);
      if (!existsSync(folder) || !statSync(folder).isDirectory())
        throw new UsageError(`Không có thư mục “${folder}” để ghi tệp báo cáo.`);
      const rt = await createRuntime(opts.db, undefined, { mustExist: true });
      try {
        const k = rt.knowledge();
        const org = findUnitByNames(k, opts.org, null);
        if (!org) throw new UsageError(`Không tìm thấy cơ quan “${opts.org}”.`);
        const unit = opts.unit ? findUnitByNames(k, opts.org, opts.unit) : null;
        if (opts.unit && (!unit || unit.id === org.id))
          throw new UsageError(`Không tìm thấy đơn vị “${opts.unit}” thuộc ${org.name}.`);
        const data = buildProgressReport(rt.db, {
          org,
          unit,
          planId: opts.plan ?? null,
          year,
          period,
          today,
        });
        if ('kind' in data)
          throw new UsageError(
            opts.plan
              ? `${org.name} không có kế hoạch “${opts.plan}”.`
              : `${org.name} không có kế hoạch năm ${year ?? period.to.slice(0, 4)}.`,
          );
        await writeReport(data, opts.format, opts.out);
        const tasks = data.tasks.filter((t) => t.kind === 'task').length;
        process.stdout.write(
          `Đã ghi báo cáo ${data.period.label} của ${data.organisation} (${tasks} nhiệm vụ) vào ${opts.out}.\n`,
        );
      } finally {
        rt.db.close();
      }
    });
}
