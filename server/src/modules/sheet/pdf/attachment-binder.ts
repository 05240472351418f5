import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb } from 'pdf-lib';
import { AppError } from '../../../domain/app-error';
import { A4, loadFonts } from './sheet-writer';

export interface BindableFile {
  label: string;
  name: string;
  contentType: string;
  content: Buffer;
}

export interface LoadedAttachment {
  label: string;
  name: string;
  pages: number;
  /** Adds the attachment's pages to the bound document. */
  appendTo(target: PDFDocument): Promise<void>;
}

/** A picture on its own A4 page, as large as fits inside the margins. */
async function imagePage(target: PDFDocument, file: BindableFile): Promise<void> {
  const image =
    file.contentType === 'image/png' ? await target.embedPng(file.content) : await target.embedJpg(file.content);
  const page = target.addPage([A4.width, A4.height]);
  const box = { width: A4.width - 80, height: A4.height - 120 };
  const scale = Math.min(box.width / image.width, box.height / image.height, 1);
  const width = image.width * scale;
  const height = image.height * scale;
  page.drawImage(image, { x: (A4.width - width) / 2, y: (A4.height - height) / 2 + 10, width, height });
}

/**
 * Reads each attachment once to know its pages (the table of contents needs them before the form is
 * laid out): a PDF's own pages, a picture one page. An unreadable PDF is refused with its name.
 */
export async function loadAttachments(files: BindableFile[]): Promise<LoadedAttachment[]> {
  const loaded: LoadedAttachment[] = [];
  for (const file of files) {
    if (file.contentType === 'application/pdf') {
      const source = await PDFDocument.load(file.content, { ignoreEncryption: true }).catch(() => {
        throw new AppError('RULE_VIOLATED', `附件“${file.name}”不是可读取的PDF文件，请申报人重新上传后再导出`);
      });
      loaded.push({
        label: file.label,
        name: file.name,
        pages: source.getPageCount(),
        appendTo: async (target) => {
          for (const page of await target.copyPages(source, source.getPageIndices())) target.addPage(page);
        },
      });
    } else {
      loaded.push({ label: file.label, name: file.name, pages: 1, appendTo: (target) => imagePage(target, file) });
    }
  }
  return loaded;
}

/**
 * The form followed by its attachments in one PDF. The attachments' pages carry 第 N 页 共 M 页 of the
 * whole and the verification code, as the form's pages do (the form's font, only those glyphs embedded).
 */
export async function bindAttachments(form: Buffer, attachments: LoadedAttachment[], code: string): Promise<Buffer> {
  const bound = await PDFDocument.load(form);
  const formPages = bound.getPageCount();
  for (const attachment of attachments) await attachment.appendTo(bound);
  bound.registerFontkit(fontkit);
  const font = await bound.embedFont(loadFonts().regular, { subset: true });
  const total = bound.getPageCount();
  for (let i = formPages; i < total; i++) {
    const page = bound.getPage(i);
    const text = `附件材料 · 核验码 ${code}    第 ${i + 1} 页 共 ${total} 页`;
    const width = font.widthOfTextAtSize(text, 8);
    page.drawText(text, { x: page.getWidth() - width - 30, y: 18, size: 8, font, color: rgb(0.35, 0.35, 0.38) });
  }
  return Buffer.from(await bound.save());
}
