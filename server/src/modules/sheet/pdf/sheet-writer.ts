import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { buffer } from 'node:stream/consumers';
import PDFDocument from 'pdfkit';
import { breakLines, cachedMeasure, type Measure } from './text-lines';

const require = createRequire(import.meta.url);

/** Noto Sans SC (SIL Open Font License), from npm: it has the rare name characters (喆 堃 犇 䶮). */
let fonts: { regular: Buffer; bold: Buffer } | undefined;
export function loadFonts() {
  fonts ??= {
    regular: readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf')),
    bold: readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf')),
  };
  return fonts;
}

export const A4 = { width: 595.28, height: 841.89 };
const margin = { top: 56, bottom: 64, side: 50 };
const pad = 4;
const fontSize = 9.5;
const lineHeight = 14;

export interface Column {
  label: string;
  /** Share of the table's width in percent. */
  width: number;
}

/**
 * Lays the 申报评审表 out on A4 with pdfkit: bordered tables whose rows break between pages at a line,
 * their header repeated on each page, long texts that run on, headings kept with what follows.
 * Page numbers and the footer are written once every page exists (`finish`).
 */
export class SheetWriter {
  readonly doc: PDFKit.PDFDocument;
  private readonly measures = new Map<string, Measure>();
  readonly contentWidth = A4.width - 2 * margin.side;

  constructor(info: { title: string; subject: string; createdAt?: Date }) {
    const { regular, bold } = loadFonts();
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: margin.top, bottom: margin.bottom, left: margin.side, right: margin.side },
      bufferPages: true,
      info: {
        Title: info.title,
        Subject: info.subject,
        Creator: 'zhicheng 职称申报管理系统',
        // A fixed date makes the same content the same bytes (pdfkit derives the file's ID from it).
        CreationDate: info.createdAt ?? new Date(),
      },
    });
    this.doc.registerFont('regular', regular);
    this.doc.registerFont('bold', bold);
    this.doc.font('regular').fontSize(fontSize);
  }

  private measure(font: 'regular' | 'bold', size: number): Measure {
    const key = `${font}:${size}`;
    let m = this.measures.get(key);
    if (!m) {
      m = cachedMeasure((text) => this.doc.font(font).fontSize(size).widthOfString(text));
      this.measures.set(key, m);
    }
    return m;
  }

  private get y(): number {
    return this.doc.y;
  }
  private set y(value: number) {
    this.doc.y = value;
  }
  private get bottom(): number {
    return A4.height - margin.bottom;
  }

  newPage(): void {
    this.doc.addPage();
    this.y = margin.top;
  }

  /** Starts a new page unless `height` still fits on this one. */
  private room(height: number): boolean {
    if (this.y + height <= this.bottom) return false;
    this.newPage();
    return true;
  }

  title(text: string, size = 20): void {
    this.doc.font('bold').fontSize(size);
    // No letter spacing: a copied or searched title reads as one word.
    this.doc.text(text, margin.side, this.y, { width: this.contentWidth, align: 'center' });
    this.y += 10;
    this.doc.font('regular').fontSize(fontSize);
  }

  /** A table's heading, kept on the page with at least `keep` points of what follows. */
  heading(text: string, keep = 60): void {
    this.y += 10;
    this.room(22 + keep);
    this.doc.font('bold').fontSize(11).text(text, margin.side, this.y, { lineBreak: false });
    this.y += 20;
    this.doc.font('regular').fontSize(fontSize);
  }

  paragraph(text: string, options: { size?: number; align?: 'left' | 'center' | 'right' } = {}): void {
    const size = options.size ?? fontSize;
    const lines = breakLines(text, this.contentWidth, this.measure('regular', size));
    for (const line of lines) {
      this.room(lineHeight);
      this.doc
        .font('regular')
        .fontSize(size)
        .text(line, margin.side, this.y, {
          width: this.contentWidth,
          align: options.align ?? 'left',
          lineBreak: false,
        });
      this.y += lineHeight;
    }
    this.doc.fontSize(fontSize);
  }

  /**
   * A bordered table. Each row is as tall as its longest cell; a row that does not fit breaks at a
   * line, its rest continuing on the next page under the repeated header.
   */
  table(columns: Column[], rows: string[][], options: { header?: boolean; boldColumns?: number[] } = {}): void {
    const widths = columns.map((c) => (c.width / 100) * this.contentWidth);
    const header = options.header !== false;
    const measure = this.measure('regular', fontSize);
    const headerLines = columns.map((c, i) =>
      breakLines(c.label, widths[i]! - 2 * pad, this.measure('bold', fontSize)),
    );
    const headerHeight = Math.max(...headerLines.map((l) => l.length)) * lineHeight + 2 * pad;
    const drawHeader = () => {
      if (header) this.row(widths, headerLines, headerHeight, { bold: true, shade: true, center: true });
    };
    const firstLines = rows[0] ? rows[0].map((text, i) => breakLines(text, widths[i]! - 2 * pad, measure)) : [];
    // The header never stands alone at the foot of a page.
    const firstRowHeight = Math.min(Math.max(1, ...firstLines.map((l) => l.length)), 3) * lineHeight + 2 * pad;
    this.room((header ? headerHeight : 0) + firstRowHeight);
    drawHeader();
    for (const row of rows) {
      let cells = row.map((text, i) => breakLines(text, widths[i]! - 2 * pad, measure));
      for (;;) {
        const needed = Math.max(1, ...cells.map((l) => l.length));
        const fits = Math.floor((this.bottom - this.y - 2 * pad) / lineHeight);
        if (needed <= fits) {
          this.row(widths, cells, needed * lineHeight + 2 * pad, { boldColumns: options.boldColumns });
          break;
        }
        if (fits >= 2) {
          this.row(
            widths,
            cells.map((l) => l.slice(0, fits)),
            fits * lineHeight + 2 * pad,
            { boldColumns: options.boldColumns },
          );
          cells = cells.map((l) => l.slice(fits));
        }
        this.newPage();
        drawHeader();
      }
    }
  }

  private row(
    widths: number[],
    cells: string[][],
    height: number,
    style: { bold?: boolean; shade?: boolean; center?: boolean; boldColumns?: number[] },
  ): void {
    const { doc } = this;
    let x = margin.side;
    const top = this.y;
    widths.forEach((w, i) => {
      if (style.shade) doc.rect(x, top, w, height).fillAndStroke('#f0f2f5', '#606266');
      else doc.rect(x, top, w, height).lineWidth(0.6).stroke('#606266');
      doc
        .fillColor('#000')
        .font(style.bold || style.boldColumns?.includes(i) ? 'bold' : 'regular')
        .fontSize(fontSize);
      (cells[i] ?? []).forEach((line, n) =>
        doc.text(line, x + pad, top + pad + n * lineHeight + 1, {
          width: w - 2 * pad,
          align: style.center ? 'center' : 'left',
          lineBreak: false,
        }),
      );
      x += w;
    });
    this.y = top + height;
    doc.font('regular');
  }

  /** Space between blocks. */
  gap(points = 6): void {
    this.y += points;
  }

  image(png: Buffer, size: number, x: number, y: number): void {
    this.doc.image(png, x, y, { width: size, height: size });
  }

  /**
   * Writes `footer(page, pages)` at the foot of every page (第 N 页 共 M 页 and the verification
   * code), then ends the document and gives its bytes.
   */
  async finish(footer: (page: number, pages: number) => { left: string; right: string }): Promise<Buffer> {
    const { doc } = this;
    const bytes = buffer(doc);
    const { start, count } = doc.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      doc.switchToPage(i);
      const text = footer(i + 1, count);
      // Below the bottom margin pdfkit would open a new page for the text: lift the margin first.
      const bottomMargin = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      const y = A4.height - margin.bottom + 18;
      doc.font('regular').fontSize(8).fillColor('#606266');
      doc.text(text.left, margin.side, y, { width: this.contentWidth * 0.7, lineBreak: false });
      doc.text(text.right, margin.side, y, { width: this.contentWidth, align: 'right', lineBreak: false });
      doc.page.margins.bottom = bottomMargin;
    }
    doc.end();
    return bytes;
  }
}
