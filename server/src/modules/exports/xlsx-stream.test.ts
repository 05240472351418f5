import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readSheet } from '../../../../test/xlsx';
import { writeXlsx } from './xlsx-stream';

const columns = [
  { header: '序号', width: 8 },
  { header: '内容', width: 40 },
];

/** `count` batches of 500 rows of text that compresses badly, counting how many were asked for. */
function batches(count: number) {
  const seen = { pulled: 0 };
  async function* rows() {
    for (let b = 0; b < count; b++) {
      seen.pulled++;
      yield Array.from({ length: 500 }, (_, i) => [b * 500 + i + 1, randomBytes(24).toString('base64')]);
    }
  }
  return { seen, rows: rows() };
}

describe('writeXlsx', () => {
  it('asks for no more rows while nobody reads the file, and finishes it once read', async () => {
    const out = new PassThrough();
    const { seen, rows } = batches(40);
    const writing = writeXlsx(out, { name: '评审名单', columns }, rows, new AbortController().signal);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // A few batches fill the buffers between the rows and the reader; then it waits.
    expect(seen.pulled).toBeLessThan(10);

    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    expect(await writing).toBe(40 * 500);
    await new Promise((resolve) => (out.readableEnded ? resolve(null) : out.once('end', resolve)));
    const sheet = await readSheet(Buffer.concat(chunks));
    expect(sheet).toHaveLength(1 + 40 * 500);
    expect(sheet[0]).toEqual(['序号', '内容']);
    expect(sheet.at(-1)![0]).toBe(String(40 * 500));
  });
});
