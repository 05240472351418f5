import { buffer } from 'node:stream/consumers';
import PDFDocument from 'pdfkit';
import { loadFonts } from '../sheet/pdf/sheet-writer';

/**
 * A one-page PDF that says what it stands for: the demo's licence and attachments are real files the
 * upload checks accept and a reviewer can open, marked as samples so nobody takes them for documents.
 */
function samplePdf(title: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', info: { Title: title, Creator: 'zhicheng 演示数据' } });
  const done = buffer(doc);
  doc.font(loadFonts().regular).fontSize(24).text(title, 72, 96);
  doc.moveDown().fontSize(12).fillColor('#c8161d').text('演示数据生成的示例文件，不是真实材料。');
  doc.end();
  return done;
}

const made = new Map<string, Promise<Buffer>>();

/** The sample file of one title, made once: every demo application's 身份证 is the same file. */
export function sampleFile(title: string): Promise<Buffer> {
  let file = made.get(title);
  if (!file) {
    file = samplePdf(title);
    made.set(title, file);
  }
  return file;
}
