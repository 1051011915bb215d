#!/usr/bin/env bash
# Regenerates the LibreOffice-made import fixtures from customers.fods (flat ODS, reviewable as text):
#   customers.xlsx      — saved by LibreOffice Calc as "Excel 2007-365" (a producer other than exceljs)
#   customers-gbk.csv   — the 客户 sheet exported as CSV in GBK, as Chinese desktop tools write it
# Needs LibreOffice (Debian: apt-get install libreoffice-calc-nogui). The outputs are committed, so tests
# never need LibreOffice; run this only after changing customers.fods.
set -euo pipefail
cd "$(dirname "$0")"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
profile="file://$out/profile"
soffice -env:UserInstallation="$profile" --headless --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$out" customers.fods
# CSV filter options: comma, double quote, character set 67 (rtl_TextEncoding GBK; LibreOffice ignores
# names such as "GBK" here and writes UTF-8), from line 1, default formats, language, quoted text, detect
# numbers, save as shown, no formulas, keep spaces, sheet 2 (客户).
soffice -env:UserInstallation="$profile" --headless \
  --convert-to 'csv:Text - txt - csv (StarCalc):44,34,67,1,,0,false,true,true,false,false,2' \
  --outdir "$out" customers.fods
cp "$out/customers.xlsx" customers.xlsx
# LibreOffice names a single-sheet export after the document and the sheet.
cp "$(ls "$out"/*.csv | head -1)" customers-gbk.csv
ls -l customers.xlsx customers-gbk.csv
