import ExcelJS from 'exceljs';

/** The first sheet of an .xlsx as text, a row an array (empty cells as ''), the heading row first. */
export async function readSheet(bytes: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  // exceljs's types call for an ArrayBuffer; it reads a Buffer's bytes all the same.
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
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

/** The headings of 导出评审名单 from a unit's 单位审核 - 申报评审: the page's, with 序号 and 手机号码. */
export const unitDeskHeadings = [
  '序号',
  '姓名',
  '所属单位',
  '身份证号',
  '手机号码',
  '申报职称',
  '评委会',
  '提交时间',
  '基层意见',
];
