#!/usr/bin/env python3
"""Writes the XLSX quirk fixtures in fixtures/xlsx/ for test/io/read-xlsx.test.ts.

The workbooks are written with openpyxl (and LibreOffice where cached formula results or
LibreOffice's own way of writing a file are needed), not with exceljs, so that the tests of
the exceljs-based reader do not just read back what exceljs itself wrote.

Run from anywhere:  python3 scripts/make-xlsx-fixtures.py
Needs: python3-openpyxl, and soffice (libreoffice-calc-nogui) on PATH.

The output is byte-stable: zip entry timestamps and document dates are fixed, so rerunning
the script does not churn the committed files (as long as the openpyxl and LibreOffice
versions stay the same).
"""

import datetime as dt
import os
import re
import shutil
import subprocess
import tempfile
import zipfile

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'fixtures', 'xlsx')
FIXED = dt.datetime(2025, 2, 1, 0, 0, 0)

HEADERS = ['CPR-nr.', 'Startdato', 'Slutdato', 'Afslutningsårsag', 'Målgruppe']
DATE_FMT = 'dd-mm-yyyy'

# Fake CPR numbers made as fixtures/README.md says: they fail the modulus-11 check, no birth date
# is 1 January, and the century digit and the sex digit follow the CPR rules.
CPR = ['150385-1235', '020792-2348', '110766-0137', '230471-3046', '080899-1159', '301262-0282', '170504-4013']


def out(name):
    return os.path.join(OUT, name)


def normalise_zip(path, patch=None):
    """Rewrites a zip with fixed timestamps and document dates; patch(name, text) may edit XML parts."""
    with zipfile.ZipFile(path) as z:
        entries = [(info.filename, z.read(info.filename)) for info in z.infolist()]
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            if name.endswith('.xml') or name.endswith('.rels'):
                text = data.decode('utf-8')
                if name == 'docProps/core.xml':
                    text = re.sub(
                        r'(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)',
                        r'\g<1>2025-02-01T00:00:00Z\3',
                        text,
                    )
                    text = re.sub(r'<cp:revision>[^<]*</cp:revision>', '<cp:revision>1</cp:revision>', text)
                if name == 'docProps/app.xml':
                    text = re.sub(r'<TotalTime>[^<]*</TotalTime>', '<TotalTime>0</TotalTime>', text)
                if patch:
                    text = patch(name, text)
                data = text.encode('utf-8')
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)


def save(wb, name, patch=None):
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    wb.properties.creator = 'jobfx fixtures'
    path = out(name)
    wb.save(path)
    normalise_zip(path, patch)
    return path


def replace_cell(text, ref, xml):
    """Replaces the <c r="ref"> element of a sheet part with xml; fails loudly if it is not there."""
    pattern = re.compile(r'<c r="%s"[^>]*?(/>|>.*?</c>)' % ref)
    new, n = pattern.subn(xml, text, count=1)
    if n != 1:
        raise SystemExit('cell %s not found while patching' % ref)
    return new


def via_libreoffice(src, name, patch=None):
    """Opens src in LibreOffice and saves it as xlsx: formulas get cached results, LibreOffice's XML."""
    with tempfile.TemporaryDirectory() as tmp:
        # A private profile keeps the run independent of (and from clobbering) a user profile.
        profile = 'file://' + os.path.join(tmp, 'profile')
        subprocess.run(
            [
                'soffice',
                '-env:UserInstallation=' + profile,
                '--headless',
                '--convert-to',
                'xlsx:Calc MS Excel 2007 XML',
                '--outdir',
                tmp,
                src,
            ],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        converted = os.path.join(tmp, os.path.splitext(os.path.basename(src))[0] + '.xlsx')
        shutil.copyfile(converted, out(name))
    normalise_zip(out(name), patch)


def date_cell(ws, ref, value, fmt=DATE_FMT):
    ws[ref] = value
    ws[ref].number_format = fmt


# 1. Title rows above the header, a merged title, a totals row at the bottom.
def title_rows():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = 'Udtræk'
    ws['A1'] = 'Udtræk fra Momentum – Straksaktivering'
    ws.merge_cells('A1:E1')
    ws['A2'] = 'Udtrukket pr. 01-02-2025'
    # row 3 stays empty
    for i, h in enumerate(HEADERS):
        ws.cell(row=4, column=i + 1, value=h)
    data = [
        (CPR[0], dt.date(2024, 1, 8), dt.date(2024, 3, 29), 'Job', 'Kontanthjælpsmodtager'),
        (CPR[1], dt.date(2024, 2, 1), dt.date(2024, 2, 1), 'Uddannelse', 'A-dagpengemodtager'),
        (CPR[2], dt.date(2024, 2, 29), None, None, 'Uddannelseshjælpsmodtager'),
        (CPR[3], dt.date(2024, 3, 15), dt.date(2024, 6, 14), 'Sygdom', 'Kontanthjælpsmodtager'),
        (CPR[4], dt.date(2024, 4, 2), dt.date(2024, 12, 31), 'Andet', 'A-dagpengemodtager'),
        (CPR[5], dt.date(2024, 5, 6), None, None, 'Sygedagpengemodtager'),
    ]
    for r, row in enumerate(data, start=5):
        for c, v in enumerate(row, start=1):
            if isinstance(v, dt.date):
                date_cell(ws, ws.cell(row=r, column=c).coordinate, v)
            elif v is not None:
                ws.cell(row=r, column=c, value=v)
    # totals row right after the data (row 11), then nothing
    ws['A11'] = 'I alt'
    ws['B11'] = 6
    save(wb, 'title-rows.xlsx')


# 2. Dates in every form a date column meets; saved through LibreOffice for cached formula results.
def dates():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = 'Forløb'
    ws.append(HEADERS)
    # row 2: real date cell; end = formula start + 30 with a date format
    ws['A2'] = CPR[0]
    date_cell(ws, 'B2', dt.date(2024, 3, 15))
    ws['C2'] = '=B2+30'
    ws['C2'].number_format = DATE_FMT
    ws['D2'] = '=IF(C2>B2,"Job","")'  # formula with a text result
    ws['E2'] = 'Kontanthjælpsmodtager'  # made rich text in the shared strings below
    # row 3: a plain serial number given a date format; end as dd-mm-yyyy text
    ws['A3'] = CPR[1]
    date_cell(ws, 'B3', 45366)  # 2024-03-15
    ws['C3'] = '15-04-2024'
    ws['D3'] = 'Uddannelse'
    ws['E3'] = 'A-dagpengemodtager'
    # row 4: dd.mm.yyyy text and ISO text
    ws['A4'] = CPR[2]
    ws['B4'] = '15.03.2024'
    ws['C4'] = '2024-04-15'
    ws['D4'] = '=NA()'  # formula with an error result
    ws['E4'] = 'A-dagpengemodtager'
    # row 5: a serial number stored as text; no end date
    ws['A5'] = CPR[3]
    ws['B5'] = '45366'
    ws['E5'] = 'Uddannelseshjælpsmodtager'
    # row 6: date with a time of day (dropped); end date shown as its year only
    ws['A6'] = CPR[4]
    date_cell(ws, 'B6', dt.datetime(2024, 3, 15, 13, 45), 'dd-mm-yyyy hh:mm')
    date_cell(ws, 'C6', dt.date(2024, 12, 31), 'yyyy')
    ws['D6'] = 'Sygdom'
    ws['E6'] = 'Kontanthjælpsmodtager'
    # row 7: a serial without a date format stays a number; so does a formula result without one
    ws['A7'] = CPR[5]
    ws['B7'] = 45366
    ws['C7'] = '=B7+30'
    ws['D7'] = 'Job'
    ws['E7'] = 'Sygedagpengemodtager'
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, 'dates.xlsx')
        wb.save(src)

        def patch(name, text):
            if name == 'xl/sharedStrings.xml':
                new, n = re.subn(
                    r'<si><t[^>]*>Kontanthjælpsmodtager</t></si>',
                    '<si><r><rPr><b val="true"/><sz val="11"/></rPr><t xml:space="preserve">Kontanthjælps</t></r>'
                    '<r><rPr><sz val="11"/></rPr><t xml:space="preserve">modtager</t></r></si>',
                    text,
                )
                if n != 1:
                    raise SystemExit('shared string to make rich not found')
                return new
            return text

        via_libreoffice(src, 'dates.xlsx', patch)


# 3. The 1904 date system, written by openpyxl (date1904="1") and by LibreOffice (date1904="true").
def date1904():
    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = 'Mac'
    ws.append(HEADERS)
    rows = [
        (CPR[0], dt.date(2024, 3, 15), dt.date(2024, 4, 14), 'Job', 'Kontanthjælpsmodtager'),
        (CPR[1], dt.date(2024, 2, 29), dt.date(2024, 12, 31), 'Uddannelse', 'A-dagpengemodtager'),
        (CPR[2], dt.date(1904, 1, 1), dt.date(2023, 12, 31), 'Andet', 'Kontanthjælpsmodtager'),
    ]
    for r, row in enumerate(rows, start=2):
        for c, v in enumerate(row, start=1):
            if isinstance(v, dt.date):
                date_cell(ws, ws.cell(row=r, column=c).coordinate, v)
            else:
                ws.cell(row=r, column=c, value=v)
    # row 5: a 1904 serial with a date format (43904 = 2024-03-15), end = formula start + 30
    ws['A5'] = CPR[3]
    date_cell(ws, 'B5', 43904)
    ws['C5'] = '=B5+30'
    ws['C5'].number_format = DATE_FMT
    ws['D5'] = 'Job'
    ws['E5'] = 'A-dagpengemodtager'
    # row 6: a 1904 serial without a date format stays a number
    ws['A6'] = CPR[4]
    ws['B6'] = 43904
    ws['D6'] = 'Job'
    ws['E6'] = 'Kontanthjælpsmodtager'
    path = save(wb, 'date1904.xlsx')
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, 'date1904-libreoffice.xlsx')
        shutil.copyfile(path, src)
        via_libreoffice(src, 'date1904-libreoffice.xlsx')


# 4. A cover sheet without a table before the data sheet.
def two_sheets():
    wb = openpyxl.Workbook()
    cover = wb.active
    cover.title = 'Forside'
    cover['A1'] = 'Forløb i Straksaktivering, udtræk til evaluering'
    cover['A3'] = 'Data ligger på arket Data.'
    ws = wb.create_sheet('Data')
    ws.append(['CPR-nr.', ' Startdato ', 'Slutdato', 'Afslutningsårsag', 'Målgruppe'])
    ws.append([CPR[0], dt.date(2024, 1, 2), dt.date(2024, 1, 31), 'Job', 'Kontanthjælpsmodtager'])
    ws.append([CPR[1], dt.date(2024, 1, 15), None, None, 'A-dagpengemodtager', 'note uden for tabellen'])
    ws.append([])  # a blank row between data rows: kept
    ws.append([CPR[2], dt.date(2024, 2, 1), dt.date(2024, 3, 1), 'Uddannelse', 'Kontanthjælpsmodtager'])
    for row in ws.iter_rows(min_row=2, max_row=5, min_col=2, max_col=3):
        for cell in row:
            cell.number_format = DATE_FMT
    ws['A7'] = '   '  # whitespace only: as good as empty
    ws['B8'].number_format = DATE_FMT  # formatted but empty
    ws['G9'] = 'kommentar til højre for tabellen'  # outside the header columns: ignored
    save(wb, 'two-sheets.xlsx')


# 5. Cell types: rich text, inline strings, hyperlinks, booleans, errors, uncached formulas, merges,
#    a time of day.
def cell_types():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = 'Ark1'
    ws.append(HEADERS + ['Fuldført', 'Mødetid'])
    ws.append([CPR[0], dt.date(2024, 3, 15), '=B2+30', 'Job', 'Aktivitetsparat', True, dt.time(8, 30)])
    ws.append([207922348, 45366, None, 'Uddannelse', 'Jobparat', False])  # CPR[1] as a number
    ws.append([CPR[2], dt.date(2024, 3, 15), '#N/A', 'Job', 'Kontanthjælpsmodtager', None])
    ws.append([CPR[3], dt.date(2024, 3, 15), None, 'Sygdom', None, None])
    ws.append([CPR[4], dt.date(2024, 3, 15), dt.date(2024, 4, 1), '  ', None, True])
    for ref in ['B2', 'B4', 'B5', 'B6', 'C2', 'C6']:
        ws[ref].number_format = DATE_FMT
    ws['G2'].number_format = 'hh:mm'  # a time of day, not a date
    ws['B3'].number_format = 'YYYY'  # a date format exceljs does not recognise (upper case, no M)
    ws['D4'].hyperlink = 'https://example.org/afslutning/job'
    ws.merge_cells('E4:E6')  # one target group for three rows: only E4 holds it

    def patch(name, text):
        if name == 'xl/worksheets/sheet1.xml':
            # header and a data cell as rich text (runs with their own formatting)
            text = replace_cell(
                text,
                'A1',
                '<c r="A1" t="inlineStr"><is><r><rPr><b/></rPr><t>CPR</t></r><r><t>-nr.</t></r></is></c>',
            )
            text = replace_cell(
                text,
                'E2',
                '<c r="E2" t="inlineStr"><is><r><rPr><b/></rPr><t>Aktivitets</t></r>'
                '<r><t>parat</t></r></is></c>',
            )
        return text

    save(wb, 'cell-types.xlsx', patch)


# 6. A workbook without data: an empty sheet and one with only a formatted, empty cell.
def no_data():
    wb = openpyxl.Workbook()
    wb.active.title = 'Ark1'
    ws = wb.create_sheet('Ark2')
    ws['B2'].number_format = DATE_FMT
    save(wb, 'no-data.xlsx')


# 7. Files that are not workbooks, or damaged ones.
def bad_files():
    with open(out('not-a-workbook.xlsx'), 'w', encoding='utf-8') as f:
        f.write('CPR-nr.;Startdato;Slutdato\n150385-1235;15-03-2024;14-04-2024\n')
    with zipfile.ZipFile(out('not-xlsx.zip.xlsx'), 'w', zipfile.ZIP_DEFLATED) as z:
        info = zipfile.ZipInfo('readme.txt', date_time=(1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, 'Dette er ikke en Excel-projektmappe.\n')
    open(out('empty.xlsx'), 'wb').close()
    # A zip with the parts of a workbook whose workbook.xml is cut off in the middle.
    with zipfile.ZipFile(out('title-rows.xlsx')) as src, zipfile.ZipFile(out('damaged.xlsx'), 'w') as z:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == 'xl/workbook.xml':
                data = data[: len(data) // 2]
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(entry, data)
    # Excel writes a password-protected workbook as an OLE compound file holding an
    # EncryptedPackage stream; an Excel 97-2003 .xls is an OLE file holding a Workbook stream.
    # Only the start of the file matters to the reader, so a stub of the header and the first
    # directory entry's name stands in for the real thing (and stays byte-stable).
    with open(out('encrypted.xlsx'), 'wb') as f:
        f.write(ole_stub('EncryptedPackage'))
    with open(out('old-format.xlsx'), 'wb') as f:
        f.write(ole_stub('Workbook'))


def ole_stub(stream):
    data = bytearray(1024)
    data[0:8] = bytes.fromhex('D0CF11E0A1B11AE1')
    name = stream.encode('utf-16-le')
    data[512 : 512 + len(name)] = name
    return bytes(data)


def main():
    os.makedirs(OUT, exist_ok=True)
    title_rows()
    dates()
    date1904()
    two_sheets()
    cell_types()
    no_data()
    bad_files()
    print('wrote', ', '.join(sorted(os.listdir(OUT))))


if __name__ == '__main__':
    main()
