import { describe, expect, it } from 'vitest';
import { pdfPages } from '../../../../../test/pdf-text';
import fontkit from '@pdf-lib/fontkit';
import { loadFonts, SheetWriter } from './sheet-writer';
import { breakLines } from './text-lines';

const columns = [
  { label: '起止时间', width: 20 },
  { label: '内容', width: 80 },
];
const footer = (page: number, pages: number) => ({ left: '页脚', right: `第 ${page} 页 共 ${pages} 页` });

describe('the PDF layout of the 申报评审表', () => {
  it('repeats a table’s header on every page it runs onto, and loses no row', async () => {
    const w = new SheetWriter({ title: 't', subject: 's' });
    const rows = Array.from({ length: 150 }, (_, i) => [`2010-${i}`, `第${i + 1}项工作`]);
    w.table(columns, rows);
    const pages = await pdfPages(await w.finish(footer));
    expect(pages.length).toBeGreaterThan(3);
    for (const page of pages) expect(page.replace(/\s/g, '')).toContain('起止时间内容');
    const text = pages.join('');
    for (let i = 1; i <= 150; i++) expect(text).toContain(`第${i}项工作`);
  });

  it('breaks a long text between pages at a line, every character kept in order', async () => {
    const w = new SheetWriter({ title: 't', subject: 's' });
    const summary = Array.from({ length: 2500 }, (_, i) => `${i}号。`).join('');
    w.table([{ label: '', width: 100 }], [[summary]], { header: false });
    const pages = await pdfPages(await w.finish(footer));
    expect(pages.length).toBeGreaterThan(2);
    const body = pages.map((p) => p.replace(/\s/g, '').replace(/页脚第\d+页共\d+页$/, '')).join('');
    expect(body).toBe(summary);
  });

  it('prints rare name characters with real glyphs, not empty boxes', () => {
    for (const face of [loadFonts().regular, loadFonts().bold]) {
      const font = fontkit.create(face);
      for (const char of '喆堃犇䶮龚玥昇') expect(font.hasGlyphForCodePoint(char.codePointAt(0)!), char).toBe(true);
    }
  });

  it('breaks Chinese between characters, keeps a journal number whole and a comma off a line’s start', () => {
    const measure = (text: string) => [...text].length * 10;
    const lines = breakLines('数字档案馆建设，刊号CN53-1025/G2。', 150, measure);
    expect(lines.join('')).toBe('数字档案馆建设，刊号CN53-1025/G2。');
    expect(lines.some((l) => l.includes('CN53-1025/G2'))).toBe(true);
    for (const line of lines) expect(line.startsWith('，') || line.startsWith('。')).toBe(false);
    expect(breakLines('第一段\n第二段', 200, measure)).toEqual(['第一段', '第二段']);
  });
});
