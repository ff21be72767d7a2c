#!/usr/bin/env bash
# Checks that an optdyn report renders in a real browser: opens REPORT_DIR/index.html in headless Chromium,
# lets the page's own load handler mark broken images, dumps the DOM, and fails if
#   - the page did not finish loading (the handler never ran),
#   - any image is broken, or fewer images loaded than summary.json lists plots,
#   - the summary table or the section of any experiment in summary.json is missing.
# Usage: scripts/check-report.sh [REPORT_DIR]   (default: report)
# Needs Chromium (Debian: apt-get install chromium) and python3. Exit 0 = renders, 1 = broken, 2 = cannot check.
set -euo pipefail

dir=${1:-report}
[ -f "$dir/index.html" ] && [ -f "$dir/summary.json" ] || {
  echo "check-report: $dir/index.html or $dir/summary.json missing" >&2; exit 1; }
dir=$(cd "$dir" && pwd)

browser=""
for b in chromium chromium-browser google-chrome; do
  if command -v "$b" >/dev/null 2>&1; then browser=$(command -v "$b"); break; fi
done
[ -n "$browser" ] || { echo "check-report: no Chromium found (apt-get install chromium)" >&2; exit 2; }

profile=$(mktemp -d "${TMPDIR:-/tmp}/optdyn-chromium.XXXXXX")
dom="$profile/dom.html"
trap 'rm -rf "$profile"' EXIT

# --virtual-time-budget: run the page (image loads, load event) before dumping the DOM.
if ! timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --disable-dev-shm-usage --user-data-dir="$profile/profile" --allow-file-access-from-files \
    --virtual-time-budget=15000 --dump-dom "file://$dir/index.html" >"$dom" 2>"$profile/chromium.log"; then
  echo "check-report: Chromium failed; its log:" >&2; tail -n 20 "$profile/chromium.log" >&2; exit 2
fi

python3 - "$dir/summary.json" "$dom" <<'PY'
import json, re, sys
summary = json.load(open(sys.argv[1], encoding="utf-8"))
dom = open(sys.argv[2], encoding="utf-8").read()
problems = []
body = re.search(r"<body([^>]*)>", dom)
attrs = dict(re.findall(r'([\w-]+)="([^"]*)"', body.group(1))) if body else {}
if attrs.get("data-checked") != "true":
    problems.append("the page's load handler did not run (page did not finish loading)")
expected_images = sum(1 for e in summary["experiments"] for f in e.get("figures", []) if f.get("svg"))
images = int(attrs.get("data-images", "-1"))
broken = int(attrs.get("data-broken-images", "-1"))
if broken != 0:
    bad = re.findall(r'<img[^>]*data-broken="true"[^>]*>', dom)
    srcs = [re.search(r'src="([^"]*)"', b).group(1) for b in bad]
    problems.append(f"{broken} broken image(s): {', '.join(srcs) or '?'}")
if images != expected_images:
    problems.append(f"{images} image(s) on the page, summary.json lists {expected_images} plot(s)")
if 'id="summary"' not in dom:
    problems.append("summary table missing")
for e in summary["experiments"]:
    m = re.search(r'<section[^>]*id="exp-' + re.escape(e["name"]) + r'"[^>]*>(.*?)</section>', dom, re.S)
    if not m:
        problems.append(f"section of experiment {e['name']} missing")
        continue
    n = sum(1 for f in e.get("figures", []) if f.get("svg"))
    if m.group(1).count("<img") != n:
        problems.append(f"experiment {e['name']}: {m.group(1).count('<img')} image(s), expected {n}")
if problems:
    print("check-report: FAILED\n  " + "\n  ".join(problems), file=sys.stderr)
    sys.exit(1)
print(f"check-report: OK: {len(summary['experiments'])} experiment section(s), {images} image(s) rendered, none broken")
PY
