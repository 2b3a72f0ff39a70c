/**
 * Just enough XML for the fast xlsx reader: its Decline, the checks for markup it does not handle,
 * and small scanners for tags, attributes and text.
 */

/** Thrown when the fast reader meets something it does not handle: read with exceljs instead. */
export class Decline extends Error {
  constructor(readonly why: string) {
    super(`fast xlsx reader: ${why}`);
  }
}

/** Markup this reader does not handle: namespace prefixes on its elements, CDATA, DTDs, comments. */
export function checkPlain(xml: string): void {
  for (const bad of PREFIXED) if (xml.includes(bad)) throw new Decline('namespace prefixes');
  if (
    xml.includes('<![CDATA[') ||
    xml.includes('<!DOCTYPE') ||
    xml.includes('<!ENTITY') ||
    xml.includes('<!--')
  )
    throw new Decline('CDATA, DTD or comment');
}

/** Prefixed forms of the elements read here (x:row, x:c ...); text that happens to hold one only declines. */
const PREFIXED = [
  ':row',
  ':c ',
  ':c>',
  ':v>',
  ':is>',
  ':t>',
  ':t ',
  ':si>',
  ':r>',
  ':sheetData',
  ':mergeCell',
  ':sheet ',
  ':xf ',
];

/**
 * The same for a worksheet, in one pass over what may be tens of megabytes. Inside <sheetData>
 * the parser itself declines anything but plain <row>, <c>, <v>, <is>, <t>; outside it, only
 * <mergeCells> and <hyperlinks> are looked for, so only their prefixed forms, comments that could
 * hide them, CDATA and a DTD matter.
 */
export function checkSheet(xml: string): void {
  if (/<!--|<!\[CDATA\[|<!DOCTYPE|<!ENTITY|:mergeCell|:hyperlink|:sheetData/.test(xml))
    throw new Decline('comment, CDATA, DTD or namespace prefixes');
}

export const skipSpace = (s: string, p: number): number => {
  while (p < s.length) {
    const c = s.charCodeAt(p);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
    p++;
  }
  return p;
};

export const isNameEnd = (c: number): boolean =>
  c === 0x20 || c === 0x3e || c === 0x2f || c === 0x09 || c === 0x0a || c === 0x0d;

/** The content of the first <name ...>...</name>, or null. */
export function section(xml: string, name: string): string | null {
  const re = new RegExp(`<${name}(?:\\s[^>]*)?(/?)>`);
  const m = re.exec(xml);
  if (!m) return null;
  if (m[1] === '/') return '';
  const from = m.index + m[0].length;
  const end = xml.indexOf(`</${name}>`, from);
  if (end < 0) throw new Decline(`unterminated <${name}>`);
  return xml.slice(from, end);
}

/** The attribute text of every <name ...> start tag in xml. */
export function tags(xml: string, name: string): string[] {
  const out: string[] = [];
  const re = new RegExp(`<${name}(\\s[^>]*?)?/?>`, 'g');
  for (let m = re.exec(xml); m; m = re.exec(xml)) out.push(m[1] ?? '');
  return out;
}

/** Attributes of a start tag's text (after the name), values decoded. */
export function attributes(s: string): Map<string, string> {
  const out = new Map<string, string>();
  let p = 0;
  for (;;) {
    p = skipSpace(s, p);
    if (p >= s.length) return out;
    const eq = s.indexOf('=', p);
    if (eq < 0) throw new Decline('attribute');
    const name = s.slice(p, eq).trim();
    let q = skipSpace(s, eq + 1);
    const quote = s[q];
    if (quote !== '"' && quote !== "'") throw new Decline('attribute quote');
    const end = s.indexOf(quote, q + 1);
    if (end < 0) throw new Decline('attribute quote');
    if (out.has(name)) throw new Decline('repeated attribute');
    out.set(name, decodeAttribute(s.slice(q + 1, end)));
    q = end + 1;
    p = q;
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&([^;&\s]{0,12});?/g, (m, e: string) => {
    if (!m.endsWith(';')) throw new Decline('bare &');
    if (e[0] === '#') {
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      if (!Number.isInteger(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
        throw new Decline('character reference');
      if (!/^#(x[0-9a-fA-F]+|[0-9]+)$/.test(e)) throw new Decline('character reference');
      return String.fromCodePoint(code);
    }
    const v = ENTITIES[e];
    if (v === undefined) throw new Decline(`entity &${e};`);
    return v;
  });
}

/** Text content: XML line ends (\r\n and \r are \n), then entities. */
export function decodeText(s: string): string {
  if (s.includes('\r')) s = s.replace(/\r\n?/g, '\n');
  return decodeEntities(s);
}

/** Attribute values: line ends and tabs are spaces (XML attribute-value normalisation), then entities. */
export function decodeAttribute(s: string): string {
  if (/[\r\n\t<]/.test(s)) {
    if (s.includes('<')) throw new Decline('< in attribute');
    s = s.replace(/\r\n?/g, '\n').replace(/[\n\t]/g, ' ');
  }
  return decodeEntities(s);
}
