import ExcelJS from 'exceljs';

/** The first sheet of an .xlsx as text, a row an array (empty cells as ''), the heading row first. */
export async function readSheet(bytes: Buffer | ArrayBuffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes instanceof Buffer ? bytes : Buffer.from(bytes));
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('the file has no sheet');
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    // ExcelJS counts cells from 1: values[0] is always empty.
    const values = (row.values as unknown[]).slice(1);
    rows.push(Array.from(values, (v) => (v === undefined || v === null ? '' : String(v))));
  });
  return rows;
}
