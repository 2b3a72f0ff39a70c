#!/usr/bin/env node
// Writes fixtures/xlsx/excel-quirks.xlsx: a workbook with the XML quirks of Excel itself (which
// neither openpyxl nor exceljs write), by hand, with the zip writer of scripts/lib/testdata.mjs:
// - mc:Ignorable="x14ac xr xr2 xr3" on the worksheet root, x14ac:dyDescent on every row;
// - a shared formula (E2 holds <f t="shared" ref="E2:E4" si="0">, E3 and E4 <f t="shared" si="0"/>),
//   each with its cached <v>;
// - t="str" cells: formulas whose cached result is text;
// - rich-text shared strings (<si><r><rPr>..</rPr><t>Ordinært </t></r><r><t>job</t></r></si>);
// - inline date cells t="d" (ISO 8601 text in <v>), beside ordinary date serials.
// The person ids are synthetic (P101 ...), no CPR numbers. The expected values, worked out from
// the XML below, are in test/io/excel-quirks.test.ts. Run from the repository root:
//   node scripts/make-excel-quirks.mjs
// The bytes are stable (the zip writer stamps no times).
import { writeFileSync } from 'node:fs';
import { zip } from './lib/testdata.mjs';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

const contentTypes =
  XML +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
  '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
  '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
  '</Types>';

const rootRels =
  XML +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  `<Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/>` +
  '</Relationships>';

const workbook =
  XML +
  `<workbook xmlns="${NS}" xmlns:r="${R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
  'mc:Ignorable="x15 xr xr6 xr10 xr2" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" ' +
  'xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" ' +
  'xmlns:xr6="http://schemas.microsoft.com/office/spreadsheetml/2016/revision6" ' +
  'xmlns:xr10="http://schemas.microsoft.com/office/spreadsheetml/2016/revision10" ' +
  'xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2">' +
  '<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/>' +
  '<workbookPr defaultThemeVersion="166925"/>' +
  '<bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15840"/></bookViews>' +
  '<sheets><sheet name="Forløb" sheetId="1" r:id="rId1"/></sheets>' +
  '<calcPr calcId="191029"/>' +
  '</workbook>';

const workbookRels =
  XML +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  `<Relationship Id="rId3" Type="${R}/styles" Target="styles.xml"/>` +
  `<Relationship Id="rId4" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>` +
  `<Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/>` +
  '</Relationships>';

// Style 1: numFmtId 14, Excel's short date (shown as dd-mm-yyyy in a Danish Excel).
const styles =
  XML +
  `<styleSheet xmlns="${NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
  'mc:Ignorable="x14ac x16r2 xr" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" ' +
  'xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main" ' +
  'xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision">' +
  '<fonts count="2" x14ac:knownFonts="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
  '</styleSheet>';

// Shared strings: 0-5 the headers, 6 rich text "Ordinært job", 7 "Uddannelse".
const rich =
  '<si><r><rPr><b/><sz val="11"/><color theme="1"/><rFont val="Calibri"/><family val="2"/><scheme val="minor"/></rPr>' +
  '<t xml:space="preserve">Ordinært </t></r><r><rPr><sz val="11"/><color theme="1"/><rFont val="Calibri"/>' +
  '<family val="2"/><scheme val="minor"/></rPr><t>job</t></r></si>';
const strings = ['Borger-id', 'Startdato', 'Slutdato', 'Afslutningsårsag', 'Varighed (dage)', 'Tilbud'];
const sharedStrings =
  XML +
  `<sst xmlns="${NS}" count="12" uniqueCount="8">` +
  strings.map((s) => `<si><t>${s}</t></si>`).join('') +
  rich +
  '<si><t>Uddannelse</t></si>' +
  '</sst>';

const row = (r, cells) => `<row r="${r}" spans="1:6" x14ac:dyDescent="0.25">${cells.join('')}</row>`;
const s = (ref, i) => `<c r="${ref}" t="s"><v>${i}</v></c>`;
const serial = (ref, n) => `<c r="${ref}" s="1"><v>${n}</v></c>`;
const isoDate = (ref, text) => `<c r="${ref}" s="1" t="d"><v>${text}</v></c>`;
const programme = (ref) =>
  `<c r="${ref}" t="str"><f>IF(B${ref.slice(1)}&lt;DATE(2025,3,1),"Straksaktivering","Nytteindsats")</f>`;

// Serials: 45658 = 01-01-2025, 45689 = 01-02-2025, 45717 = 01-03-2025, 45747 = 31-03-2025,
// 45807 = 30-05-2025. E = C - B in days, with Excel's cached results.
const sheetData = [
  row(
    1,
    strings.map((_, i) => s(`${'ABCDEF'[i]}1`, i)),
  ),
  row(2, [
    '<c r="A2" t="inlineStr"><is><t>P101</t></is></c>',
    serial('B2', 45658),
    isoDate('C2', '2025-03-01'),
    s('D2', 6),
    '<c r="E2"><f t="shared" ref="E2:E4" si="0">C2-B2</f><v>59</v></c>',
    programme('F2') + '<v>Straksaktivering</v></c>',
  ]),
  row(3, [
    '<c r="A3" t="inlineStr"><is><t>P102</t></is></c>',
    serial('B3', 45689),
    serial('C3', 45747),
    s('D3', 7),
    '<c r="E3"><f t="shared" si="0"/><v>58</v></c>',
    programme('F3') + '<v>Straksaktivering</v></c>',
  ]),
  row(4, [
    '<c r="A4" t="inlineStr"><is><t>P103</t></is></c>',
    serial('B4', 45717),
    '<c r="C4" s="1"/>',
    '<c r="E4"><f t="shared" si="0"/><v>-45717</v></c>',
    programme('F4') + '<v>Nytteindsats</v></c>',
  ]),
  row(5, [
    '<c r="A5" t="inlineStr"><is><t>P101</t></is></c>',
    isoDate('B5', '2025-04-01T00:00:00'),
    serial('C5', 45807),
    s('D5', 6),
    '<c r="F5" t="str"><f>"Nytteindsats"</f><v>Nytteindsats</v></c>',
  ]),
].join('');

const sheet =
  XML +
  `<worksheet xmlns="${NS}" xmlns:r="${R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
  'mc:Ignorable="x14ac xr xr2 xr3" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" ' +
  'xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" ' +
  'xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2" ' +
  'xmlns:xr3="http://schemas.microsoft.com/office/spreadsheetml/2016/revision3" ' +
  'xr:uid="{00000000-0001-0000-0000-000000000000}">' +
  '<dimension ref="A1:F5"/>' +
  '<sheetViews><sheetView tabSelected="1" workbookViewId="0"><selection activeCell="A1" sqref="A1"/></sheetView></sheetViews>' +
  '<sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/>' +
  '<cols><col min="1" max="6" width="14.7109375" customWidth="1"/></cols>' +
  `<sheetData>${sheetData}</sheetData>` +
  '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
  '</worksheet>';

const parts = [
  ['[Content_Types].xml', contentTypes],
  ['_rels/.rels', rootRels],
  ['xl/workbook.xml', workbook],
  ['xl/_rels/workbook.xml.rels', workbookRels],
  ['xl/worksheets/sheet1.xml', sheet],
  ['xl/styles.xml', styles],
  ['xl/sharedStrings.xml', sharedStrings],
].map(([name, text]) => [name, Buffer.from(text, 'utf8')]);

const out = new URL('../fixtures/xlsx/excel-quirks.xlsx', import.meta.url);
writeFileSync(out, zip(parts));
console.log(`wrote ${out.pathname}`);
