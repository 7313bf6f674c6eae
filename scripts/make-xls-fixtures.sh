#!/bin/sh
# The committed old-format (.xls, BIFF8) return used by `npm run demo` and the task pane's e2e test:
# the sample's 市教育局 return saved by LibreOffice as "MS Excel 97", as an office would mail it.
# Re-run after regenerating seeds/ (needs LibreOffice: soffice).
set -eu
cd "$(dirname "$0")/.."
out=seeds/returns
mkdir -p "$out"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
soffice "-env:UserInstallation=file://$profile" --headless --norestore --convert-to "xls:MS Excel 97" \
  --outdir "$out" seeds/period-2/市教育局.xlsx >/dev/null
ls -l "$out"/市教育局.xls
