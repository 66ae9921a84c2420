#!/usr/bin/env bash
# Regenerates the screenshots of docs/images from a fresh demo: every report type's HTML at
# desktop (1280 px) and phone (390 px) width, the email variant, and the PDF's first page.
# Needs Chromium (CHROMIUM, default chromium) and pdftoppm (poppler-utils).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
images="$root/docs/images"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
chromium="${CHROMIUM:-chromium}"

(cd "$work" && "$root/reporting" demo >/dev/null 2>"$work/demo.log") || { cat "$work/demo.log" >&2; exit 1; }
java -cp "$root/reporting-cli/target/reporting.jar" "$root/docs/screenshots/EmailPreview.java" "$work/reports" "$work/email" >/dev/null

# shot OUT.png WIDTH HEIGHT PAGE: the first HEIGHT pixels of PAGE in a WIDTH-wide window.
shot() {
  "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$work/chromium" --hide-scrollbars \
    --window-size="$2,$3" --screenshot="$images/$1" "file://$4" >/dev/null 2>&1
}
daily="$work/reports/$(cd "$work/reports" && ls daily_branch-*.html | head -n 1)"
weekly="$work/reports/$(cd "$work/reports" && ls weekly_branch-*.html | head -n 1)"
learning="$work/reports/$(cd "$work/reports" && ls daily_report_*.html | head -n 1)"

shot daily-desktop.png 1280 1300 "$daily"
shot daily-phone.png 390 1700 "$daily"
shot weekly-desktop.png 1280 1300 "$weekly"
shot weekly-phone.png 390 1700 "$weekly"
shot learning-daily-desktop.png 1280 1300 "$learning"
shot learning-daily-phone.png 390 1700 "$learning"

shot email-daily.png 700 1700 "$work/email/$(cd "$work/email" && ls daily_branch-*.email.html | head -n 1)"
shot email-weekly.png 700 2760 "$work/email/$(cd "$work/email" && ls weekly_branch-*.email.html | head -n 1)"
shot email-learning-daily.png 700 2470 "$work/email/$(cd "$work/email" && ls daily_summary_*.email.html | head -n 1)"
shot email-weekly-phone.png 390 2540 "$work/email/$(cd "$work/email" && ls weekly_branch-*.email.html | head -n 1)"

for pdf in daily weekly learning-daily; do
  case "$pdf" in
    daily) file="${daily%.html}.pdf" ;;
    weekly) file="${weekly%.html}.pdf" ;;
    learning-daily) file="${learning%.html}.pdf" ;;
  esac
  pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$file" "$images/pdf-$pdf-page1"
done
ls -l "$images"
