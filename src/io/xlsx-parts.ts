/**
 * The workbook parts the fast xlsx reader needs besides the sheets: workbook.xml and its
 * relationships (the sheets, in order, and the date system), styles.xml (number formats) and
 * sharedStrings.xml, read as exceljs reads them.
 */
import { attributes, checkPlain, Decline, decodeText, section, tags } from './xlsx-xml.js';

export interface FastSheet {
  name: string;
  /** The worksheet's part in the zip (xl/worksheets/sheet1.xml). */
  path: string;
  /** The sheet's XML, inflated on demand (a sheet that is never looked at is never parsed). */
  xml: () => string;
}

export interface FastParts {
  sheets: FastSheet[];
  /** workbookPr date1904 as exceljs reads it ("1" only). */
  exceljs1904: boolean;
  styles: string | null;
  sharedStrings: string | null;
}

/** Number formats per style index (cellXfs), as exceljs's cell.numFmt gives them. */
export function parseStyles(xml: string | null): (string | undefined)[] {
  if (xml === null) return [];
  checkPlain(xml);
  const custom = new Map<number, string>();
  const fmts = section(xml, 'numFmts');
  if (fmts !== null)
    for (const tag of tags(fmts, 'numFmt')) {
      const a = attributes(tag);
      const code = a.get('formatCode');
      if (code === undefined) throw new Decline('numFmt without formatCode');
      custom.set(parseInt(a.get('numFmtId') ?? '', 10), code.replace(/[\\](.)/g, '$1'));
    }
  const out: (string | undefined)[] = [];
  const xfs = section(xml, 'cellXfs');
  if (xfs === null) return out;
  for (const tag of tags(xfs, 'xf')) {
    const id = parseInt(attributes(tag).get('numFmtId') ?? '', 10);
    out.push(id ? custom.get(id) || BUILTIN_FORMATS[id] || undefined : undefined);
  }
  return out;
}

/** exceljs's built-in number formats (xlsx/defaultnumformats.js, the ones with a code). */
const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** Shared strings as text: rich text runs joined (read-xlsx joins them too), phonetic runs left out. */
export function parseSharedStrings(xml: string | null): string[] {
  if (xml === null) return [];
  checkPlain(xml);
  const out: string[] = [];
  let p = xml.indexOf('<si');
  while (p >= 0) {
    const open = xml.indexOf('>', p);
    if (open < 0) throw new Decline('unterminated <si>');
    if (xml[open - 1] === '/') throw new Decline('empty <si/>');
    const close = xml.indexOf('</si>', open);
    if (close < 0) throw new Decline('unterminated <si>');
    out.push(siText(xml.slice(open + 1, close)));
    p = xml.indexOf('<si', close + 5);
    while (p >= 0 && !/[\s>/]/.test(xml[p + 3] ?? '')) p = xml.indexOf('<si', p + 3);
  }
  return out;
}

/** The text of one <si>: a <t>, or <r> runs each with a <t>; <rPh> (phonetic) ignored. */
function siText(body: string): string {
  const withoutPhonetic = body.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').replace(/<phoneticPr\b[^>]*\/>/g, '');
  const hasRuns = /<r[\s>]/.test(withoutPhonetic);
  if (!hasRuns) {
    const t = oneText(withoutPhonetic);
    if (t === null) throw new Decline('<si> without text');
    return underscoreDecode(t);
  }
  let text = '';
  const runs = withoutPhonetic.split(/<\/r>/);
  for (const run of runs) {
    if (run.trim() === '') continue;
    const start = run.search(/<r[\s>]/);
    if (start < 0 || run.slice(0, start).trim() !== '') throw new Decline('text outside runs');
    const t = oneText(run.slice(start).replace(/<rPr\b[\s\S]*?<\/rPr>|<rPr\b[^>]*\/>/g, ''));
    text += t === null ? '' : underscoreDecode(t);
  }
  return text;
}

/** The decoded content of the one <t> element in s (null when there is none). */
export function oneText(s: string): string | null {
  const m = /<t(?:\s[^>]*)?(\/?)>/.exec(s);
  if (!m) return null;
  if (m[1] === '/') return '';
  const from = m.index + m[0].length;
  const end = s.indexOf('</t>', from);
  if (end < 0) throw new Decline('unterminated <t>');
  if (s.indexOf('<t', end) >= 0 && /<t[\s>/]/.test(s.slice(end))) throw new Decline('two <t> in one string');
  const text = s.slice(from, end);
  if (text.includes('<')) throw new Decline('markup in <t>');
  return decodeText(text);
}

/** exceljs's TextXform turns _xHHHH_ into the character (upper-case hex only). */
const underscoreDecode = (s: string): string =>
  s.includes('_x')
    ? s.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)))
    : s;

/** Workbook parts: sheet names in order with their XML, and the date system. */
export function parseWorkbook(
  workbookXml: string,
  relsXml: string | null,
  part: (path: string) => string | null,
): FastParts {
  checkPlain(workbookXml);
  if (relsXml === null) throw new Decline('no workbook relationships');
  const rels = new Map<string, { type: string; target: string }>();
  for (const tag of tags(relsXml, 'Relationship')) {
    const a = attributes(tag);
    rels.set(a.get('Id') ?? '', { type: a.get('Type') ?? '', target: a.get('Target') ?? '' });
  }
  const pr = tags(workbookXml, 'workbookPr')[0];
  const exceljs1904 = pr !== undefined && attributes(pr).get('date1904') === '1';
  const sheetsXml = section(workbookXml, 'sheets');
  if (sheetsXml === null) throw new Decline('no <sheets>');
  const sheets: FastSheet[] = [];
  for (const tag of tags(sheetsXml, 'sheet')) {
    const a = attributes(tag);
    const rel = rels.get(a.get('r:id') ?? '');
    const name = a.get('name');
    if (!rel || name === undefined || !rel.type.endsWith('/worksheet'))
      throw new Decline('a sheet that is not a worksheet');
    const path = rel.target.startsWith('/') ? rel.target.slice(1) : `xl/${rel.target}`;
    // exceljs reads worksheets only from xl/worksheets/sheetN.xml.
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(path)) throw new Decline('unusual worksheet path');
    let cached: string | undefined;
    sheets.push({
      name,
      path,
      xml: () => {
        if (cached !== undefined) return cached;
        const x = part(path);
        if (x === null) throw new Decline('missing worksheet part');
        return (cached = x);
      },
    });
  }
  const stylesRel = [...rels.values()].find((r) => r.type.endsWith('/styles'));
  const sstRel = [...rels.values()].find((r) => r.type.endsWith('/sharedStrings'));
  const resolve = (t: string) => (t.startsWith('/') ? t.slice(1) : `xl/${t}`);
  return {
    sheets,
    exceljs1904,
    styles: stylesRel ? part(resolve(stylesRel.target)) : part('xl/styles.xml'),
    sharedStrings: sstRel ? part(resolve(sstRel.target)) : part('xl/sharedStrings.xml'),
  };
}
