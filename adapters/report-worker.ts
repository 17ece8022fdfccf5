/**
 * Writes one report file from the report's JSON on stdin (argv: format, path). The server builds the data and
 * this short-lived process lays it out: the Word writer (the docx package) holds the whole document as objects —
 * about 0.9 GB for a 3,000-task year — and that memory is the worker's, returned when it exits, never the
 * long-running server's.
 */
import { type ReportFormat, writeReport } from '../src/report/write.ts';

const [format, path] = process.argv.slice(2);
if (!format || !path) throw new Error('usage: report-worker <format> <path> < report.json');
const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
await writeReport(JSON.parse(Buffer.concat(chunks).toString('utf8')), format as ReportFormat, path);
