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
 * (written towards the zip and forgotten) as it comes, so a long list is never held whole. exceljs hands
 * the sheet's XML on without waiting for the compression or the reader, so between batches this waits
 * until what it was given has been taken and `out` has drained. When `signal` aborts (the client went
 * away) it stops reading and leaves the file unfinished. Returns the rows written.
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
    for (const sink of [...sheetSinks(worksheet), out]) await drained(sink, signal);
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

/** A stream written to: Node's own, or the readable-stream copies inside exceljs's zip. */
interface Sink {
  on(event: string, listener: () => void): unknown;
  removeListener(event: string, listener: () => void): unknown;
  writableNeedDrain?: boolean;
  destroyed?: boolean;
  _writableState?: { needDrain?: boolean };
}

/** Resolves once `sink` may take more, or is gone. */
function drained(sink: Sink, signal: AbortSignal): Promise<void> {
  const full = sink.writableNeedDrain ?? sink._writableState?.needDrain ?? false;
  if (!full || sink.destroyed || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      sink.removeListener('drain', done);
      sink.removeListener('close', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    sink.on('drain', done);
    sink.on('close', done);
    signal.addEventListener('abort', done);
  });
}

/**
 * Where exceljs writes a sheet's XML (the zip's entry): it ignores their answer to write(), so their
 * buffers would take the whole list whenever the compression falls behind. Not in exceljs's types;
 * without them the pace is kept by `out` alone.
 */
function sheetSinks(worksheet: ExcelJS.Worksheet): Sink[] {
  const pipes = (worksheet as unknown as { stream?: { pipes?: unknown } }).stream?.pipes;
  if (!Array.isArray(pipes)) return [];
  return pipes.filter((p): p is Sink => typeof p === 'object' && p !== null && '_writableState' in p);
}

/** Stops the zip of a file nobody will read, so that it lets go of what it buffered. */
function abandon(workbook: ExcelJS.stream.xlsx.WorkbookWriter): void {
  // The archiver is not in exceljs's types; without it the zip would only wait to be collected.
  const zip = (workbook as unknown as { zip?: { abort?: () => void } }).zip;
  zip?.abort?.();
}
