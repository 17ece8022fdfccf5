#!/usr/bin/env bash
# Renders the first landscape page (page 2: Part II) of a progress report .docx to docs/report-sample.png,
# to show in the docs what the Word report looks like. Run by hand; CI never runs it.
#   scripts/render-report-png.sh [report.docx]
# Without an argument it writes the test sample report (test/report/sample-report.ts) first.
# Needs LibreOffice and poppler:
#   apt-get install -y --no-install-recommends libreoffice-writer-nogui fonts-liberation2 poppler-utils
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [[ $# -ge 1 ]]; then
  docx="$(realpath "$1")"
else
  docx="$work/report-sample.docx"
  (cd "$root" && DOCX_OUT="$docx" npx tsx --eval "
    Promise.all([import('./test/report/sample-report.ts'), import('./src/report/write-docx.ts')])
      .then(([{ SAMPLE_REPORT }, { writeReportDocx }]) => writeReportDocx(SAMPLE_REPORT, process.env.DOCX_OUT))
      .catch((error) => { console.error(error); process.exit(1); });
  ")
fi

# A private profile so a running LibreOffice (or a first-run wizard) does not get in the way.
soffice --headless "-env:UserInstallation=file://$work/profile" --convert-to pdf --outdir "$work" "$docx" >/dev/null
pdf="$work/$(basename "${docx%.*}").pdf"

mkdir -p "$root/docs"
pdftoppm -png -r 80 -f 2 -l 2 -singlefile "$pdf" "$work/page"
mv "$work/page.png" "$root/docs/report-sample.png"
echo "wrote docs/report-sample.png"
