/** file → RawTable: sniffs the format from the bytes and hands over to the CSV or XLSX reader. */
import { closeSync, readSync, statSync } from 'node:fs';
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inputError, JobfxError, usageError } from '../errors.js';
import { openInput, readCsvFast, readError } from './fast-csv.js';
import { readBytes, readCsvFile } from './read-csv.js';
import { sniffKind } from './sniff.js';
import type { RawTable, ReadOptions } from './raw.js';

/** How messages name standard input, when the file given was `-`. */
export const STDIN_NAME = 'stdin';
let stdinGiven = false;

/**
 * The file argument `-`: standard input, named "stdin" in every message. The name is the input's
 * path from here on; only after this call does it mean standard input rather than a file "stdin".
 */
export function inputName(file: string): string {
  if (file !== '-') return file;
  stdinGiven = true;
  return STDIN_NAME;
}

const isStdin = (file: string): boolean => stdinGiven && file === STDIN_NAME;

export async function readTable(file: string, opts: ReadOptions): Promise<RawTable> {
  // A pipe or device (/dev/stdin, <(...), a FIFO) can be read once, from the start: it is read
  // whole, once, up to a cap (/dev/zero never ends), and sniffed and read from that buffer.
  // A FIFO without a writer blocks until one comes, as it would for cat.
  const stdin = isStdin(file);
  const regular = !stdin && isRegularFile(file);
  const bytes = regular
    ? undefined
    : stdin
      ? await readStdin(file, maxInputBytes())
      : await readPipe(file, maxInputBytes());
  switch (sniffKind(bytes ? bytes.subarray(0, 4096) : readHead(file))) {
    case 'empty':
      throw inputError(`${file}: the file is empty; export the data again`);
    case 'ole':
      throw inputError(
        `${file}: is password-protected or an old .xls workbook; open it in Excel and save it as .xlsx without a password`,
      );
    case 'binary':
      throw inputError(`${file}: is not a CSV file or an Excel workbook (.xlsx)`);
    case 'zip-or-xlsx': {
      // exceljs takes ~0.3 s to load: only pay for it when the input is a workbook.
      const { readXlsx } = await import('./read-xlsx.js');
      return bytes ? readXlsxBytes(file, bytes, opts, readXlsx) : readXlsx(file, opts);
    }
    case 'text':
      if (/\.xlsx$/i.test(file))
        throw inputError(`${file}: is named .xlsx but holds text, not an Excel workbook; check the file`);
      if (bytes) return readCsvFile(file, bytes, opts);
      return readCsvFast(file, opts) ?? readCsvFile(file, await readBytes(file), opts);
  }
}

/** JOBFX_MAX_INPUT_MB: the most read from a pipe or device (a regular file is read as it is). */
export function maxInputBytes(env: NodeJS.ProcessEnv = process.env): number {
  const mb = Number(env.JOBFX_MAX_INPUT_MB);
  return (Number.isFinite(mb) && mb > 0 ? mb : 500) * 1e6;
}

/** All the bytes of a pipe or device, refused beyond `cap` bytes. */
async function readPipe(file: string, cap: number): Promise<Buffer> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (e) {
    // Standard input that is a socket (a parent process's pipe) cannot be opened by path.
    if (STDIN.has(file) && (e as NodeJS.ErrnoException).code === 'ENXIO') return readStdin(file, cap);
    throw readError(file, e);
  }
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(1 << 20);
      let got: number;
      try {
        ({ bytesRead: got } = await handle.read(chunk, 0, chunk.length, null));
      } catch (e) {
        throw readError(file, e);
      }
      if (got === 0) return Buffer.concat(chunks, total);
      total += got;
      if (total > cap) throw tooLarge(file, cap);
      chunks.push(got === chunk.length ? chunk : chunk.subarray(0, got));
    }
  } finally {
    await handle.close();
  }
}

const STDIN = new Set(['/dev/stdin', '/dev/fd/0', '/proc/self/fd/0']);

async function readStdin(file: string, cap: number): Promise<Buffer> {
  // `-` on a terminal: nothing was piped, and reading would wait for typing.
  if (file === STDIN_NAME && process.stdin.isTTY)
    throw usageError(
      '- reads the export from standard input, but nothing is piped in; e.g. jobfx keyfigures - < export.xlsx',
    );
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > cap) throw tooLarge(file, cap);
      chunks.push(chunk);
    }
  } catch (e) {
    if (e instanceof JobfxError) throw e;
    throw readError(file, e);
  } finally {
    process.stdin.destroy();
  }
  return Buffer.concat(chunks, total);
}

const tooLarge = (file: string, cap: number) =>
  inputError(
    `${file}: is not a regular file and gives more than ${Math.round(cap / 1e6)} MB, the most jobfx reads from a pipe or device; ` +
      'save the export to a file and give that, or set JOBFX_MAX_INPUT_MB higher',
  );

/**
 * A workbook that came through a pipe: the xlsx reader reads from a path, so the bytes go to a
 * private temporary file, and the messages name the input as the user gave it.
 */
async function readXlsxBytes(
  file: string,
  bytes: Buffer,
  opts: ReadOptions,
  readXlsx: (file: string, opts: ReadOptions) => Promise<RawTable>,
): Promise<RawTable> {
  const dir = await mkdtemp(join(tmpdir(), 'jobfx-pipe-'));
  const tmp = join(dir, 'input.xlsx');
  try {
    await writeFile(tmp, bytes, { mode: 0o600 });
    const table = await readXlsx(tmp, opts);
    table.info.file = file;
    table.info.notes = table.info.notes.map((n) => ({ ...n, text: n.text.split(tmp).join(file) }));
    return table;
  } catch (e) {
    if (e instanceof JobfxError) throw new JobfxError(e.kind, e.message.split(tmp).join(file));
    throw e;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function isRegularFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch (e) {
    throw readError(file, e);
  }
}

/** The first 4096 bytes, for sniffing: the whole file is read only by the reader that needs it. */
function readHead(file: string): Buffer {
  const fd = openInput(file);
  try {
    const head = Buffer.alloc(4096);
    let n = 0;
    while (n < head.length) {
      const got = readSync(fd, head, n, head.length - n, n);
      if (got === 0) break;
      n += got;
    }
    return head.subarray(0, n);
  } catch (e) {
    throw readError(file, e);
  } finally {
    closeSync(fd);
  }
}
