/** file → RawTable: sniffs the format from the bytes and hands over to the CSV or XLSX reader. */
import { closeSync, readSync, statSync } from 'node:fs';
import { inputError } from '../errors.js';
import { openInput, readCsvFast, readError } from './fast-csv.js';
import { readBytes, readCsvFile } from './read-csv.js';
import { sniffKind } from './sniff.js';
import type { RawTable, ReadOptions } from './raw.js';

export async function readTable(file: string, opts: ReadOptions): Promise<RawTable> {
  // A pipe or device (/dev/stdin) can be read once, from the start: read it whole, the general way.
  const regular = isRegularFile(file);
  const bytes = regular ? undefined : await readBytes(file);
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
      return readXlsx(file, opts);
    }
    case 'text':
      if (/\.xlsx$/i.test(file))
        throw inputError(`${file}: is named .xlsx but holds text, not an Excel workbook; check the file`);
      if (bytes) return readCsvFile(file, bytes, opts);
      return readCsvFast(file, opts) ?? readCsvFile(file, await readBytes(file), opts);
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
