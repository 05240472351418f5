import { createHash } from 'node:crypto';
import type { Writable } from 'node:stream';
import { ZipArchive } from 'archiver';
import ExcelJS from 'exceljs';
import { formDeclaration, type FormData } from '#common';
import { beijingMinute } from '../../clock';
import type { ApplicationExporter, ExportedApplication } from './application-exporter';

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

/** A folder name a file system on any desk accepts. */
const safe = (text: string) => text.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 60);

interface ManifestRow {
  index: number;
  name: string;
  idNumberMasked: string;
  unitName: string;
  titleName: string;
  status: string;
  files: { path: string; bytes: number; sha256: string }[];
  note: string;
}

/** The form data of one application in the declaration's keys, with what identifies the declaration. */
function formJson(item: ExportedApplication) {
  const app = item.sheet.application;
  return {
    format: 'zhicheng-form',
    declaration: formDeclaration.id,
    application: { id: app.id, year: app.year, kind: app.kind, title: app.title.name, level: app.title.level },
    cover: app.cover,
    form: app.form satisfies FormData,
    unitOpinion: item.sheet.unitOpinion,
    recommendations: item.sheet.recommendations,
  };
}

async function manifestXlsx(rows: ManifestRow[], at: Date): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.created = at;
  const sheet = book.addWorksheet('清单');
  sheet.columns = [
    { header: '序号', key: 'index', width: 6 },
    { header: '姓名', key: 'name', width: 12 },
    { header: '身份证号', key: 'idNumberMasked', width: 22 },
    { header: '工作单位', key: 'unitName', width: 28 },
    { header: '申报职称', key: 'titleName', width: 12 },
    { header: '当前状态', key: 'status', width: 30 },
    { header: '文件', key: 'path', width: 40 },
    { header: '字节数', key: 'bytes', width: 10 },
    { header: 'SHA-256', key: 'sha256', width: 68 },
    { header: '说明', key: 'note', width: 40 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const row of rows)
    for (const file of row.files) sheet.addRow({ ...row, path: file.path, bytes: file.bytes, sha256: file.sha256 });
  return Buffer.from(await book.xlsx.writeBuffer());
}

/**
 * `zhicheng-zip`: one folder per application (`001-姓名/`) holding `form.json` (the declaration's keys)
 * and `申报评审表.pdf`, and at the top `清单.xlsx`: who is in it, each file with its SHA-256. The ZIP is
 * streamed: one application's files are in memory at a time.
 */
export const zipExporter: ApplicationExporter = {
  id: 'zhicheng-zip',
  contentType: 'application/zip',
  fileName: (at) => `导出到YPPM-${beijingMinute(at).replace(/[-: ]/g, '').slice(0, 12)}.zip`,
  async write(applications, out: Writable, at) {
    const zip = new ZipArchive({ zlib: { level: 6 } });
    const finished = new Promise<void>((resolve, reject) => {
      out.on('finish', resolve);
      out.on('close', resolve);
      zip.on('error', reject);
      out.on('error', reject);
    });
    zip.pipe(out);
    const rows: ManifestRow[] = [];
    let index = 0;
    for await (const item of applications) {
      index++;
      const app = item.sheet.application;
      const folder = `${String(index).padStart(3, '0')}-${safe(app.cover.name)}`;
      const files: ManifestRow['files'] = [];
      const add = (name: string, content: Buffer) => {
        const path = `${folder}/${name}`;
        zip.append(content, { name: path, date: at });
        files.push({ path, bytes: content.length, sha256: sha256(content) });
      };
      add('form.json', Buffer.from(JSON.stringify(formJson(item), null, 2)));
      if ('content' in item.pdf) add('申报评审表.pdf', item.pdf.content);
      rows.push({
        index,
        name: app.cover.name,
        idNumberMasked: item.idNumberMasked,
        unitName: app.cover.unitName,
        titleName: app.cover.titleName,
        status: app.whereNow,
        files,
        note: 'refusal' in item.pdf ? `未附申报评审表PDF：${item.pdf.refusal}` : '',
      });
    }
    zip.append(await manifestXlsx(rows, at), { name: '清单.xlsx', date: at });
    await zip.finalize();
    await finished;
  },
};
