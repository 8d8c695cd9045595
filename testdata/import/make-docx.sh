#!/bin/sh
# Builds the .docx test documents of `roadmap import` from the seed texts:
# each seed becomes an HTML page with real tables (mkhtml/main.go), which
# LibreOffice converts to Word 2007 XML. Also makes the bad inputs:
# notable.docx (paragraphs, no table), damaged.docx (a truncated zip) and
# empty.txt. Run from anywhere; needs Go and LibreOffice (soffice).
#
#   sh testdata/import/make-docx.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cd "$root"
go run ./testdata/import/mkhtml/main.go testdata/seeds/000_a78fa937b25c20b9.txt >"$tmp/bessonovsky.html"
go run ./testdata/import/mkhtml/main.go testdata/seeds/002_4903afc5830eaa80.txt >"$tmp/nikolsky.html"
go run ./testdata/import/mkhtml/main.go -notable testdata/seeds/000_a78fa937b25c20b9.txt >"$tmp/notable.html"

for f in bessonovsky nikolsky notable; do
	soffice -env:UserInstallation="file://$tmp/profile" --headless \
		--infilter="HTML (StarWriter)" --convert-to 'docx:MS Word 2007 XML' \
		--outdir "$tmp" "$tmp/$f.html" >/dev/null
	cp "$tmp/$f.docx" "$here/$f.docx"
done

# Three documents of the corpus, with section rows merged over the table:
# two complete ones (real/), one the store cut (partial/).
for f in real/01_krasnodar-krai-gia-2016 real/05_mordovia-fgos-2021-2023 partial/02_region-gia-11-2014; do
	b=$(basename "$f")
	go run ./testdata/import/mkhtml/main.go "testdata/import/$f.txt" >"$tmp/$b.html"
	soffice -env:UserInstallation="file://$tmp/profile" --headless \
		--infilter="HTML (StarWriter)" --convert-to 'docx:MS Word 2007 XML' \
		--outdir "$tmp" "$tmp/$b.html" >/dev/null
	cp "$tmp/$b.docx" "$here/$f.docx"
done

# A .docx cut short: the zip's central directory is missing.
head -c 4000 "$here/bessonovsky.docx" >"$here/damaged.docx"
: >"$here/empty.txt"
echo "made: $(cd "$here" && ls *.docx real/*.docx partial/*.docx empty.txt | tr '\n' ' ')"
