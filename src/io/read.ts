/** file → RawTable: sniffs the format from the bytes and hands over to the CSV or XLSX reader. */
import { inputError } from '../errors.js';
import { readBytes, readCsvFile } from './read-csv.js';
import { sniffKind } from './sniff.js';
import type { RawTable, ReadOptions } from './raw.js';

export async function readTable(file: string, opts: ReadOptions): Promise<RawTable> {
  const bytes = await readBytes(file);
  switch (sniffKind(bytes.subarray(0, 4096))) {
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
      return readCsvFile(file, bytes, opts);
  }
}
