/**
 * External programs the renderer tests drive (LibreOffice, Chromium). A missing program fails
 * the test with the package to install; it is skipped only when its JOBFX_SKIP_* variable is 1.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
