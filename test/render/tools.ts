/**
 * External programs some tests drive (LibreOffice, Chromium, script(1)), found once here, and
 * what they produce checked once here (a screenshot must hold inked content, not just bytes).
 *
 * A missing program SKIPS its tests, saying why in the test's title and on stderr, so that a
 * contributor without LibreOffice can run the suite; with JOBFX_REQUIRE_TOOLS=1 (set by .ci/run)
 * a missing program FAILS them instead. JOBFX_SOFFICE, JOBFX_CHROMIUM and JOBFX_SCRIPT give a
 * program's path instead of looking on PATH (a path that does not exist = not installed).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inflateSync } from 'node:zlib';
import { describe, expect, it, type TestFunction, type TestOptions } from 'vitest';

export interface Tool {
  /** The command looked up on PATH. */
  name: string;
  /** What a reader calls it. */
  label: string;
  /** The Debian package that provides it. */
  pkg: string;
  /** The variable that gives its path instead of PATH. */
  pathEnv: string;
}

export const SOFFICE: Tool = {
  name: 'soffice',
  label: 'LibreOffice (soffice)',
  pkg: 'libreoffice-calc-nogui',
  pathEnv: 'JOBFX_SOFFICE',
};
export const CHROMIUM: Tool = {
  name: 'chromium',
  label: 'Chromium',
  pkg: 'chromium',
  pathEnv: 'JOBFX_CHROMIUM',
};
export const SCRIPT: Tool = { name: 'script', label: 'script(1)', pkg: 'bsdutils', pathEnv: 'JOBFX_SCRIPT' };
/** Python 3: an independent XML parser (expat) and the independent cross-check scripts. */
export const PYTHON: Tool = { name: 'python3', label: 'Python 3', pkg: 'python3', pathEnv: 'JOBFX_PYTHON' };

/** True when a missing program must fail its tests rather than skip them (CI). */
export const toolsRequired = (): boolean => process.env.JOBFX_REQUIRE_TOOLS === '1';

/** The program's path on PATH, or null. */
export function which(name: string): string | null {
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

/** The program's path: its JOBFX_* variable if set (null if no such file), else PATH; or null. */
export function toolPath(tool: Tool): string | null {
  const given = process.env[tool.pathEnv];
  if (given !== undefined && given !== '') return existsSync(given) ? given : null;
  return which(tool.name);
}

/** Why the program's tests are skipped: `skipped: ... not installed; ...`. */
export const skipReason = (tool: Tool): string =>
  `skipped: ${tool.label} not installed; CI installs it (apt-get install ${tool.pkg}), and JOBFX_REQUIRE_TOOLS=1 makes this a failure`;

const told = new Set<string>();

/**
 * Whether to skip the tests that need the program: only when it is missing and
 * JOBFX_REQUIRE_TOOLS is not 1 (then the tests run, and requireTool fails them). Says so on
 * stderr once per program and test file.
 */
export function skipTool(tool: Tool): boolean {
  if (toolPath(tool) !== null || toolsRequired()) return false;
  if (!told.has(tool.name)) {
    told.add(tool.name);
    console.warn(`jobfx tests: ${skipReason(tool)}`);
  }
  return true;
}

/** describe() that skips, with the reason in its title, when the program is missing (see skipTool). */
export function describeWithTool(tool: Tool, title: string, fn: () => void): void {
  const skip = skipTool(tool);
  describe.skipIf(skip)(skip ? `${title} [${skipReason(tool)}]` : title, fn);
}

/** it() that skips, with the reason in its title, when the program is missing (see skipTool). */
export function itWithTool(tool: Tool, title: string, options: TestOptions, fn: TestFunction): void {
  const skip = skipTool(tool);
  it.skipIf(skip)(skip ? `${title} [${skipReason(tool)}]` : title, options, fn);
}

/** The program's path; throws (failing the test) when it is missing. */
export function requireTool(tool: Tool): string {
  const path = toolPath(tool);
  if (path === null) {
    const where = process.env[tool.pathEnv]
      ? `${tool.pathEnv}=${process.env[tool.pathEnv]} does not exist`
      : 'not on PATH';
    throw new Error(
      `${tool.label} is required (JOBFX_REQUIRE_TOOLS=1) but ${where}: install it (apt-get install -y ${tool.pkg})`,
    );
  }
  return path;
}

export const freshDir = (prefix: string): string => mkdtempSync(join(tmpdir(), prefix));

/** Renders a local html file to a PNG in headless Chromium (flags as this machine's network needs). */
export function chromiumScreenshot(page: string, png: string, size = '1000,800'): void {
  chromium([`--screenshot=${png}`, `--window-size=${size}`, pathToFileURL(page).href]);
}

/** Prints the page to PDF as Chromium's print dialog would (its @page rules), without header or footer. */
export function chromiumPdf(page: string, pdf: string): void {
  chromium(['--no-pdf-header-footer', `--print-to-pdf=${pdf}`, pathToFileURL(page).href]);
}

/** The page's DOM after its scripts ran, in a window of the given size ('W,H'). */
export function chromiumDom(page: string, size: string): string {
  return chromium([`--window-size=${size}`, '--dump-dom', pathToFileURL(page).href]);
}

/** Runs headless Chromium, isolated from any profile and the network; returns its stdout. */
function chromium(args: string[]): string {
  return execFileSync(
    requireTool(CHROMIUM),
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${mkdtempSync(join(tmpdir(), 'jobfx-chromium-'))}`,
      ...args,
    ],
    { stdio: 'pipe', timeout: 110_000, encoding: 'utf8', maxBuffer: 64 << 20 },
  );
}

/**
 * Asserts that a Chromium screenshot shows something: a PNG of the window's size ('W,H') with
 * at least `share` of its pixel rows inked (darker than mid-grey somewhere). A blank page has
 * none, Chromium's "file couldn't be accessed" page a few percent; size alone tells neither.
 * Returns the share found. To look at a screenshot: JOBFX_KEEP_SCREENSHOT=/some/file.png.
 */
export function expectInked(png: string, size: string, share: number): number {
  expect(existsSync(png), `Chromium wrote no screenshot ${png}`).toBe(true);
  const bytes = readFileSync(png);
  if (process.env.JOBFX_KEEP_SCREENSHOT) writeFileSync(process.env.JOBFX_KEEP_SCREENSHOT, bytes);
  const { width, height, inked } = inkedRows(bytes);
  expect([width, height].join(','), 'screenshot size').toBe(size);
  expect(inked, `share of inked pixel rows in ${png}`).toBeGreaterThan(share);
  return inked;
}

/** Width, height and the share of pixel rows that hold something darker than light grey. */
export function inkedRows(png: Buffer): { width: number; height: number; inked: number } {
  expect(png.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]))).toBe(true);
  let pos = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (pos < png.length) {
    const len = png.readUInt32BE(pos);
    const type = png.toString('latin1', pos + 4, pos + 8);
    const data = png.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect(data[8], 'bit depth').toBe(8);
      expect(data[12], 'interlace').toBe(0);
      channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[data[9]!]!;
      expect(channels, `colour type ${data[9]}`).toBeDefined();
    } else if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  let prev = Buffer.alloc(stride);
  let inked = 0;
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? line[i - channels]! : 0;
      const b = prev[i]!;
      const c = i >= channels ? prev[i - channels]! : 0;
      const p = a + b - c;
      const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
      const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      const add = [0, a, b, (a + b) >> 1, paeth][filter]!;
      line[i] = (line[i]! + add) & 0xff;
    }
    let dark = false;
    for (let x = 0; x < width && !dark; x++) {
      const px = x * channels;
      if (Math.min(line[px]!, line[px + (channels >= 3 ? 1 : 0)]!, line[px + (channels >= 3 ? 2 : 0)]!) < 128)
        dark = true;
    }
    if (dark) inked++;
    prev = line;
  }
  return { width, height, inked: inked / height };
}

/**
 * Converts a workbook to CSV in LibreOffice Calc, as a Danish user sees it (cells as shown, ";"
 * separated), with a fresh profile so that parallel runs do not clash. `sheet` is the CSV
 * filter's sheet token: 1 for the first sheet, -1 for one file per sheet (LibreOffice 7.2+; an
 * older one writes only the first). Returns the folder the CSV files are in.
 */
export function libreofficeCsv(xlsx: string, sheet: 1 | -1): string {
  // ";" separator, '"' quote, UTF-8, from line 1, cells as shown (9th token), the sheet(s).
  return libreofficeConvert(
    xlsx,
    `csv:Text - txt - csv (StarCalc):59,34,76,1,,1030,false,true,true,false,false,${sheet}`,
  );
}

/** The workbook printed to PDF by LibreOffice Calc (page setup as the file asks); returns the PDF's path. */
export function libreofficePdf(xlsx: string): string {
  const out = libreofficeConvert(xlsx, 'pdf');
  const pdf = readdirSync(out).find((f) => f.endsWith('.pdf'));
  if (pdf === undefined) throw new Error(`LibreOffice wrote no PDF for ${xlsx}`);
  return join(out, pdf);
}

function libreofficeConvert(xlsx: string, filter: string): string {
  const soffice = requireTool(SOFFICE);
  const dir = mkdtempSync(join(tmpdir(), 'jobfx-soffice-'));
  const profile = join(dir, 'profile');
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(
    join(profile, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>da-DK</value></prop></item>
</oor:items>
`,
  );
  const out = join(dir, 'out');
  execFileSync(
    soffice,
    [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless',
      '--convert-to',
      filter,
      '--outdir',
      out,
      xlsx,
    ],
    { env: { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' }, stdio: 'pipe', timeout: 110_000 },
  );
  return out;
}

/** The first sheet of a workbook as LibreOffice Calc shows it, as CSV text (see libreofficeCsv). */
export function libreofficeFirstSheetCsv(xlsx: string): string {
  const out = libreofficeCsv(xlsx, 1);
  const csv = readdirSync(out).filter((f) => f.endsWith('.csv'));
  if (csv.length !== 1) throw new Error(`LibreOffice wrote ${csv.length} CSV files for ${xlsx}`);
  return readFileSync(join(out, csv[0]!), 'utf8').replace(/\r\n/g, '\n');
}
