/**
 * Guesses what a file is before reading it: its format from the first bytes (never trust the
 * extension alone), and for text, its encoding and delimiter.
 */
export type FileKind = 'ole' | 'zip-or-xlsx' | 'text' | 'binary' | 'empty';

/** Format from the first bytes: a zip (xlsx is a zip), an OLE file (encrypted xlsx or old .xls), text or binary. */
export function sniffKind(head: Buffer): FileKind {
  if (head.length === 0) return 'empty';
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'zip-or-xlsx';
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return 'ole';
  // Text files have no NUL bytes; UTF-16 files do, and are not an export format we meet.
  const n = Math.min(head.length, 4096);
  for (let i = 0; i < n; i++) if (head[i] === 0) return 'binary';
  return 'text';
}

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-8 (BOM)' | 'windows-1252';
}

/**
 * Decodes CSV bytes: a UTF-8 BOM means UTF-8; bytes that are valid UTF-8 are UTF-8; anything else
 * is taken as Windows-1252, which is what Danish Excel writes when it writes no BOM.
 */
export function decode(bytes: Buffer, forced?: string): Decoded {
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  if (forced === 'windows-1252')
    return { text: new TextDecoder('windows-1252').decode(body), encoding: 'windows-1252' };
  if (forced === 'utf-8' || hasBom)
    return { text: new TextDecoder('utf-8').decode(body), encoding: hasBom ? 'utf-8 (BOM)' : 'utf-8' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(body), encoding: 'windows-1252' };
  }
}

export const ENCODINGS = ['utf-8', 'windows-1252'] as const;

const CANDIDATES = [';', '\t', ','] as const;

/**
 * Picks the delimiter that splits the first lines into the same number of fields, most fields
 * winning; ties go to ';' (Danish Excel), then tab, then ','. Quotes are respected, so a decimal
 * comma inside "1,5" does not count.
 */
export function sniffDelimiter(text: string): string {
  const lines = firstLines(text, 30);
  let best: string = ';';
  let bestScore = -1;
  for (const d of CANDIDATES) {
    const counts = lines.map((line) => countOutsideQuotes(line, d));
    const fields = counts.filter((c) => c > 0);
    if (fields.length === 0) continue;
    // The most common count, and how many lines agree with it.
    const freq = new Map<number, number>();
    for (const c of fields) freq.set(c, (freq.get(c) ?? 0) + 1);
    let mode = 0;
    let agree = 0;
    for (const [c, f] of freq) if (f > agree || (f === agree && c > mode)) [mode, agree] = [c, f];
    const score = (agree / lines.length) * 1000 + mode;
    if (score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
}

/** A line break: \r\n, \n or a bare \r (old Mac exports); files may mix them. */
const LINE_BREAK = /\r\n|\n|\r/g;

function firstLines(text: string, n: number): string[] {
  const out: string[] = [];
  LINE_BREAK.lastIndex = 0;
  let start = 0;
  while (out.length < n && start < text.length) {
    const m = LINE_BREAK.exec(text);
    const end = m ? m.index : text.length;
    const line = text.slice(start, end);
    if (line.trim() !== '') out.push(line);
    start = m ? LINE_BREAK.lastIndex : text.length;
  }
  return out;
}

/** How many non-blank lines the text holds, counting up to `max`. */
export function countLines(text: string, max: number): number {
  return firstLines(text, max).length;
}

function countOutsideQuotes(line: string, d: string): number {
  let inQuotes = false;
  let count = 0;
  for (const ch of line) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === d && !inQuotes) count++;
  }
  return count;
}
