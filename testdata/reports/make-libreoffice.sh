#!/usr/bin/env bash
# Makes the reports of testdata/reports/libreoffice/ as LibreOffice Calc
# saves them, so that tests prove that a report written by another program
# reads the same as ours:
#   - seeds-2020-2022.xlsx and handmade-2021.xlsx re-saved by Calc (its own
#     shared strings, styles, merged cells and number formats);
#   - typed-2021.xlsx: a report typed into Calc from typed-2021.csv, where
#     Calc itself turns "57%" into a percent-formatted 0.57 and "27.08.2021"
#     into a date.
# Needs LibreOffice (Debian: libreoffice-calc). CI runs it before the tests.
set -euo pipefail
cd "$(dirname "$0")"
out=libreoffice
mkdir -p "$out"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
soffice() {
	# A private profile: no first-start dialogs, no clash with a running office.
	command soffice -env:UserInstallation=file://"$profile" --headless --norestore "$@" >/dev/null 2>&1
}
soffice --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$out" seeds-2020-2022.xlsx handmade-2021.xlsx
# CSV import: comma-separated, UTF-8 (76), Russian locale so that "57,5" is
# a number and 27.08.2021 a date; "detect special numbers" on.
soffice --infilter="CSV:44,34,76,1,,1049,false,false,false,false,true" \
	--convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$out" typed-2021.csv
ls -l "$out"
