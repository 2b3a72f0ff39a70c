/**
 * Reading a file's bytes by position, with one message per failure (not found, a folder, no
 * permission), and the bytes the CSV scanners look for.
 */
import { openSync, readSync } from 'node:fs';
import { inputError } from '../errors.js';

/** Bytes read from the file at a time. */
export const CHUNK = 1 << 21;
export const LF = 0x0a;
export const CR = 0x0d;
export const QUOTE = 0x22;

/** Opens a file for reading, with the messages of readBytes. */
export function openInput(file: string): number {
  try {
    return openSync(file, 'r');
  } catch (e) {
    throw readError(file, e);
  }
}

export function readError(file: string, e: unknown): Error {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return inputError(`${file}: file not found; check the path`);
  if (code === 'EISDIR') return inputError(`${file}: is a folder, not a file; give the export file`);
  if (code === 'EACCES') return inputError(`${file}: permission denied; check that you may read the file`);
  return inputError(`${file}: cannot be read (${code ?? String(e)})`);
}

export function readAt(file: string, fd: number, buf: Buffer, off: number, len: number, pos: number): number {
  try {
    return readSync(fd, buf, off, len, pos);
  } catch (e) {
    throw readError(file, e);
  }
}
