import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';

export interface SheetColumn {
  header: string;
  /** In characters, as Excel counts them (a Chinese character is about two). */
  width: number;
}

export type Cell = string | number;

/**
 * Writes one worksheet as an .xlsx into `out` while its rows are still being read: each row is committed
 * (written to the zip and forgotten) as it comes, so a long list is never held whole. exceljs's zip does
 * not wait for a slow reader, so between batches this waits until `out` has drained. When `signal`
 * aborts (the client went away) it stops reading and leaves the file unfinished. Returns the rows written.
 */
export async function writeXlsx(
  out: Writable,
  sheet: { name: string; columns: SheetColumn[] },
  batches: AsyncIterable<Cell[][]>,
  signal: AbortSignal,
): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.columns = sheet.columns.map((c, i) => ({ key: String(i), header: c.header, width: c.width }));
  worksheet.getRow(1).font = { bold: true };
  worksheet.getRow(1).commit();
  let written = 0;
  for await (const rows of batches) {
    for (const cells of rows) worksheet.addRow(cells).commit();
    written += rows.length;
    await drained(out, signal);
    if (signal.aborted) break;
  }
  if (signal.aborted) {
    abandon(workbook);
    return written;
  }
  worksheet.commit();
  await workbook.commit();
  return written;
}

/** Resolves once `out` may take more, or is gone. */
function drained(out: Writable, signal: AbortSignal): Promise<void> {
  if (!out.writableNeedDrain || out.destroyed || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
    signal.addEventListener('abort', done);
  });
}

/** Stops the zip of a file nobody will read, so that it lets go of what it buffered. */
function abandon(workbook: ExcelJS.stream.xlsx.WorkbookWriter): void {
  // The archiver is not in exceljs's types; without it the zip would only wait to be collected.
  const zip = (workbook as unknown as { zip?: { abort?: () => void } }).zip;
  zip?.abort?.();
}
