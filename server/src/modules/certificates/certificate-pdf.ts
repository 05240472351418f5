import { buffer } from 'node:stream/consumers';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { titleLevelLabels, type TitleLevel } from '#common';
import { beijingDay } from '../../clock';
import { loadFonts } from '../sheet/pdf/sheet-writer';

/** What the electronic certificate prints. */
export interface CertificatePrint {
  number: string;
  holderName: string;
  seriesName: string;
  titleName: string;
  titleLevel: TitleLevel;
  /** 'YYYY-MM-DD'. */
  qualifiedOn: string;
  documentNumber: string;
  committeeName: string;
  issuedAt: Date;
  /** The public 证书核验 page for this number (in the QR code). */
  verifyUrl: string;
}

const page = { width: 841.89, height: 595.28 };
const red = '#a8071a';

/** 2026-12-01 → 2026年12月01日, as certificates print dates. */
const chineseDate = (day: string) => `${day.slice(0, 4)}年${day.slice(5, 7)}月${day.slice(8, 10)}日`;

/** 档案 → 档案系列; a name that already says 系列 stays as it is. */
export const seriesLabel = (name: string) => (name.endsWith('系列') ? name : `${name}系列`);

/**
 * 专业技术资格电子证书 on one A4 landscape page: a framed certificate with its fields, and a QR code to the
 * public check. The file's date is the issue's, so the same certificate is the same bytes.
 */
export async function renderCertificatePdf(c: CertificatePrint): Promise<Buffer> {
  const { regular, bold } = loadFonts();
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    info: {
      Title: '专业技术资格电子证书',
      Subject: `${c.holderName} ${c.titleName} ${c.number}`,
      Creator: 'zhicheng 职称申报管理系统',
      CreationDate: c.issuedAt,
    },
  });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  const bytes = buffer(doc);

  // A double frame.
  doc
    .lineWidth(3)
    .strokeColor(red)
    .rect(28, 28, page.width - 56, page.height - 56)
    .stroke();
  doc
    .lineWidth(0.8)
    .rect(38, 38, page.width - 76, page.height - 76)
    .stroke();

  // No letter spacing: a copied or searched title reads as one word.
  doc.font('bold').fontSize(30).fillColor(red);
  doc.text('专业技术资格电子证书', 0, 78, { width: page.width, align: 'center' });

  const left = 110;
  const labelWidth = 120;
  const valueWidth = 400;
  doc.fillColor('#000').font('regular').fontSize(13);
  doc.text(
    `${c.holderName}同志经${c.committeeName}评审通过，具备${seriesLabel(c.seriesName)}${c.titleName}专业技术资格。`,
    left,
    150,
    { width: page.width - 2 * left, lineGap: 4 },
  );

  const fields: [string, string][] = [
    ['姓\u3000\u3000名', c.holderName],
    ['职称系列', seriesLabel(c.seriesName)],
    ['资格名称', c.titleName],
    ['资格等级', titleLevelLabels[c.titleLevel]],
    ['取得资格时间', chineseDate(c.qualifiedOn)],
    ['文\u3000\u3000号', c.documentNumber],
    ['证书编号', c.number],
    ['评审机构', c.committeeName],
  ];
  let y = 215;
  for (const [label, value] of fields) {
    doc.font('bold').fontSize(13).text(`${label}：`, left, y, { width: labelWidth, lineBreak: false });
    doc
      .font('regular')
      .fontSize(13)
      .text(value, left + labelWidth, y, { width: valueWidth });
    y = Math.max(y + 30, doc.y + 10);
  }

  const qrSize = 130;
  const qrX = page.width - 110 - qrSize;
  const qrY = 225;
  const qr = await QRCode.toBuffer(c.verifyUrl, { type: 'png', margin: 1, width: 300, errorCorrectionLevel: 'M' });
  doc.image(qr, qrX, qrY, { width: qrSize, height: qrSize });
  doc.font('regular').fontSize(10).fillColor('#333');
  doc.text('扫描二维码核验证书', qrX - 20, qrY + qrSize + 8, { width: qrSize + 40, align: 'center' });

  doc.fontSize(13).fillColor('#000');
  doc.text(`发证时间：${chineseDate(beijingDay(c.issuedAt))}`, qrX - 60, page.height - 120, {
    width: qrSize + 80,
    align: 'right',
    lineBreak: false,
  });
  doc.fontSize(8).fillColor('#666');
  doc.text(`核验地址：${c.verifyUrl}`, left, page.height - 72, { width: page.width - 2 * left, lineBreak: false });

  doc.end();
  return bytes;
}
