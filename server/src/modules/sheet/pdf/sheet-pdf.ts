import QRCode from 'qrcode';
import {
  fieldsLayout,
  paperWidths,
  printedCells,
  printedColumns,
  printedValue,
  type FormDeclaration,
  type Sheet,
  type TableDeclaration,
} from '#common';
import { beijingMinute } from '../../../clock';
import { A4, SheetWriter, type Column } from './sheet-writer';

export interface PrintMark {
  /** The verification code printed on every page. */
  code: string;
  /** The address of the public verification page for this code (in the QR code). */
  verifyUrl: string;
  /** SHA-256 (hex) of the content printed. */
  digest: string;
  /** When this content was first printed: shown, and the PDF's creation date, so a reprint is the same file. */
  printedAt: Date;
}

export interface AttachmentEntry {
  label: string;
  name: string;
  /** First page of the attachment in the bound document, and its number of pages. */
  page: number;
  pages: number;
}

const pairsColumns: Column[] = [
  { label: '项目', width: 18 },
  { label: '内容', width: 32 },
  { label: '项目', width: 18 },
  { label: '内容', width: 32 },
];

function fieldsTable(w: SheetWriter, table: TableDeclaration, record: Record<string, unknown>): void {
  const layout = fieldsLayout(table);
  if (layout === 'signed' && table.shape === 'fields') {
    w.table([{ label: '', width: 100 }], [[table.preamble ?? '']], { header: false });
    const sign = table.columns.map((c) =>
      c.kind === 'flag'
        ? `${printedValue(c, record[c.key])} ${c.label}`
        : `${c.label}：${printedValue(c, record[c.key])}`,
    );
    w.table([{ label: '', width: 100 }], [[sign.join('      ')]], { header: false });
    return;
  }
  if (layout === 'text') {
    const text = String(record[table.columns[0]!.key] ?? '').trim();
    w.table([{ label: '', width: 100 }], [[text || '无']], { header: false });
    w.paragraph(`共 ${[...text].length} 字`, { size: 8, align: 'right' });
    return;
  }
  const cells = table.columns.flatMap((c) => [c.label, printedValue(c, record[c.key])]);
  const rows: string[][] = [];
  for (let i = 0; i < cells.length; i += 4) rows.push([...cells.slice(i, i + 4), '', ''].slice(0, 4));
  w.table(pairsColumns, rows, { header: false, boldColumns: [0, 2] });
}

function rowsTable(w: SheetWriter, table: TableDeclaration, rows: Record<string, unknown>[]): void {
  if (table.shape !== 'rows') return;
  const printed = printedColumns(table);
  const widths = paperWidths(printed);
  const columns = printed.map((c, i) => ({ label: c.label, width: widths[i]! }));
  const body = rows.map((row) => {
    const cells = printedCells(table, row);
    return printed.map((c) => cells[c.key] ?? '');
  });
  w.table(columns, body.length ? body : [printed.map((_, i) => (i === 0 ? '无' : ''))]);
}

async function cover(w: SheetWriter, declaration: FormDeclaration, sheet: Sheet, mark: PrintMark): Promise<void> {
  const { cover: c } = sheet.application;
  w.gap(90);
  w.title(declaration.sheet.title, 24);
  w.gap(60);
  w.table(
    [
      { label: '', width: 28 },
      { label: '', width: 72 },
    ],
    [
      ['姓\u3000\u3000名', c.name],
      ['工作单位', c.unitName],
      ['主管部门', c.supervisorName],
      ['职称系列', c.seriesName],
      ['申报职称', c.titleName],
      ['专业名称', c.specialtyName],
      ['填表时间', c.filledAt],
    ],
    { header: false, boldColumns: [0] },
  );
  const qr = await QRCode.toBuffer(mark.verifyUrl, { type: 'png', margin: 1, width: 240, errorCorrectionLevel: 'M' });
  const size = 96;
  const top = A4.height - 64 - size - 40;
  w.image(qr, size, 50, top);
  w.doc.font('regular').fontSize(9).fillColor('#000');
  const x = 50 + size + 14;
  const lines = [
    `核验码：${mark.code}`,
    `打印时间：${beijingMinute(mark.printedAt)}`,
    '内容摘要（SHA-256）：',
    mark.digest,
    `扫描二维码或访问 ${mark.verifyUrl}`,
    '核验纸质申报表与系统记录是否一致',
  ];
  lines.forEach((line, i) => w.doc.text(line, x, top + 6 + i * 14, { lineBreak: false }));
  w.newPage();
}

/** The 申报评审表 as a PDF: the cover with its verification mark, 表一–表十七, page numbers. */
export async function renderSheetPdf(
  declaration: FormDeclaration,
  sheet: Sheet,
  mark: PrintMark,
  attachments: AttachmentEntry[] = [],
): Promise<Buffer> {
  const { application: app } = sheet;
  const w = new SheetWriter({
    title: declaration.sheet.title,
    subject: `${app.cover.name} ${app.cover.titleName}`,
    createdAt: mark.printedAt,
  });
  await cover(w, declaration, sheet, mark);

  const form = app.form as unknown as Record<string, unknown>;
  for (const table of declaration.tables) {
    w.heading(table.label);
    const value = form[table.key];
    if (table.shape === 'rows') rowsTable(w, table, (value ?? []) as Record<string, unknown>[]);
    else fieldsTable(w, table, (value ?? {}) as Record<string, unknown>);
  }

  w.heading(declaration.sheet.unitOpinion);
  w.table([{ label: '', width: 100 }], [[sheet.unitOpinion ?? '单位尚未填写基层意见']], { header: false });

  const record = sheet.committeeRecord;
  const blank = (v: number | string | null) => (v === null ? '' : String(v));
  w.heading(record.label);
  w.table(
    [
      { label: '评委会名称', width: 34 },
      { label: '评审时间', width: 16 },
      { label: '应到', width: 8 },
      { label: '实到', width: 8 },
      { label: '同意', width: 8 },
      { label: '不同意', width: 9 },
      { label: '弃权', width: 8 },
      { label: '评审结论', width: 9 },
    ],
    [
      [
        blank(record.committeeName),
        blank(record.meetingDate),
        blank(record.members),
        blank(record.present),
        blank(record.agree),
        blank(record.disagree),
        blank(record.abstain),
        blank(record.conclusion),
      ],
    ],
  );
  if (sheet.otherCommitteeRecords.length)
    w.paragraph(`${sheet.otherCommitteeRecords.join('；')}：本申报不适用`, { size: 8 });

  w.heading(declaration.sheet.recommendations);
  w.table(
    [
      { label: '审核环节', width: 18 },
      { label: '审核单位', width: 24 },
      { label: '审核推荐意见', width: 38 },
      { label: '审核时间', width: 20 },
    ],
    sheet.recommendations.length
      ? sheet.recommendations.map((r) => [r.stageLabel, r.orgName, r.opinion || '同意', beijingMinute(new Date(r.at))])
      : [['暂无', '', '', '']],
  );

  if (attachments.length) {
    w.newPage();
    w.title('附件材料目录', 14);
    w.table(
      [
        { label: '序号', width: 8 },
        { label: '类别', width: 28 },
        { label: '文件', width: 46 },
        { label: '页码', width: 18 },
      ],
      attachments.map((a, i) => [
        String(i + 1),
        a.label,
        a.name,
        a.pages > 1 ? `第 ${a.page}–${a.page + a.pages - 1} 页` : `第 ${a.page} 页`,
      ]),
    );
  }

  return w.finish((page, pages) => ({
    left: `${declaration.sheet.title} · ${app.cover.name} · 核验码 ${mark.code}`,
    right: `第 ${page} 页 共 ${pages + attachments.reduce((n, a) => n + a.pages, 0)} 页`,
  }));
}
