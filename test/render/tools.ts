/**
 * External programs the renderer tests drive (LibreOffice, Chromium). A missing program fails
 * the test with the package to install; it is skipped only when its JOBFX_SKIP_* variable is 1.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface Tool {
  name: string;
  /** The Debian package that provides it. */
  pkg: string;
  /** Set to 1 to skip the test when the program is missing. */
  skipEnv: string;
}

export const SOFFICE: Tool = {
  name: 'soffice',
  pkg: 'libreoffice-calc-nogui',
  skipEnv: 'JOBFX_SKIP_LIBREOFFICE',
};
export const CHROMIUM: Tool = { name: 'chromium', pkg: 'chromium', skipEnv: 'JOBFX_SKIP_CHROMIUM' };

/** The program's path on PATH, or null. */
export function which(name: string): string | null {
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

/** Skip only when the program is missing AND its skip variable is 1. */
export const skipTool = (tool: Tool): boolean =>
  which(tool.name) === null && process.env[tool.skipEnv] === '1';

/** The program's path; throws (failing the test) when it is missing. */
export function requireTool(tool: Tool): string {
  const path = which(tool.name);
  if (path === null) {
    throw new Error(
      `${tool.name} is not on PATH: install it (apt-get install -y ${tool.pkg}), or set ${tool.skipEnv}=1 to skip this test`,
    );
  }
  return path;
}

export const freshDir = (prefix: string): string => mkdtempSync(join(tmpdir(), prefix));

/** Renders a local html file to a PNG in headless Chromium (flags as this machine's network needs). */
export function chromiumScreenshot(page: string, png: string, size = '1000,800'): void {
  const chromium = requireTool(CHROMIUM);
  execFileSync(
    chromium,
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
      `--screenshot=${png}`,
      `--window-size=${size}`,
      pathToFileURL(page).href,
    ],
    { stdio: 'pipe', timeout: 110_000 },
  );
}

/**
 * Converts a workbook to CSV in LibreOffice Calc, as a Danish user sees it (cells as shown, ";"
 * separated), with a fresh profile so that parallel runs do not clash. `sheet` is the CSV
 * filter's sheet token: 1 for the first sheet, -1 for one file per sheet (LibreOffice 7.2+; an
 * older one writes only the first). Returns the folder the CSV files are in.
 */
export function libreofficeCsv(xlsx: string, sheet: 1 | -1): string {
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
  // ";" separator, '"' quote, UTF-8, from line 1, cells as shown (9th token), the sheet(s).
  const filter = `csv:Text - txt - csv (StarCalc):59,34,76,1,,1030,false,true,true,false,false,${sheet}`;
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
