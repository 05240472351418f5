/**
 * `npm run sheet:preview`: prints the sample 申报评审表 (every table filled, long texts, a name with rare
 * characters) to PDF with the server's renderer, then turns pages 1 and 2 into PNGs with pdftoppm
 * (Debian's poppler-utils) for a person to look at: docs/images/sheet-page-1.png and -2.png.
 * `npm run sheet:preview -- --repeat 30` also times the render (median of 30, the font loaded).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formDeclaration, sampleForm, type Sheet } from '#common';
import { renderSheetPdf } from '../server/src/modules/sheet/pdf/sheet-pdf';

const name = '龚䶮喆';
const form = sampleForm(2026, name, { everyTable: true, summaryChars: 6000 });
form.table4[0]!.content =
  '制定馆藏档案数字化实施方案，组织完成十万卷纸质档案的扫描、质检与著录，建立数字档案目录数据库。';

const sheet = {
  application: {
    id: '1',
    year: 2026,
    cover: {
      name,
      unitName: '曲靖市麒麟区档案馆',
      supervisorName: '曲靖市麒麟区档案局',
      seriesName: '档案系列',
      titleName: '馆员',
      specialtyName: '档案学',
      filledAt: '2026年05月26日',
    },
    form,
  },
  unitOpinion:
    '该同志政治素质好，业务能力强，任现职以来工作成绩突出。经本单位公示（2026年5月10日至5月17日），无异议。所报材料真实，符合申报条件，同意推荐。',
  committeeRecord: {
    label: '表十四：中级职称评审委员会评审记录',
    committeeName: '云南省档案系列中级职称评审委员会',
    meetingDate: null,
    members: null,
    present: null,
    agree: null,
    disagree: null,
    abstain: null,
    conclusion: null,
  },
  otherCommitteeRecords: ['表十三', '表十五', '表十六'],
  recommendations: [
    {
      stage: 'unitReview',
      stageLabel: '单位审核推荐意见',
      orgName: '曲靖市麒麟区档案馆',
      opinion: '同意推荐',
      at: '2026-05-27T02:00:00Z',
    },
    {
      stage: 'countyBureauReview',
      stageLabel: '县区人社局审核',
      orgName: '麒麟区人力资源和社会保障局',
      opinion: '符合申报条件，同意上报',
      at: '2026-05-29T03:30:00Z',
    },
  ],
  print: { allowed: true, message: null },
} as unknown as Sheet;

const code = '7KQ2-M9XD-4RTA-PZ3H';
const mark = {
  code,
  verifyUrl: `https://zc.example.gov.cn/#/verify/${code}`,
  digest: 'c201fa7a221259ab750fb000b7588317b8886c4574edb30cd2d74ebc4a133a96',
  printedAt: new Date('2026-06-01T01:30:00Z'),
};
const pdf = await renderSheetPdf(formDeclaration, sheet, mark);

// `-- --repeat N`: how long one render takes once the font is loaded (the median of N).
const repeat = Number(process.argv[process.argv.indexOf('--repeat') + 1] ?? 0);
if (process.argv.includes('--repeat') && repeat > 0) {
  const times: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const started = performance.now();
    await renderSheetPdf(formDeclaration, sheet, mark);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  console.log(
    `render, warm: median ${times[Math.floor(repeat / 2)]!.toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms (${repeat} runs, ${pdf.length} bytes)`,
  );
}
const out = resolve('.tmp');
mkdirSync(out, { recursive: true });
writeFileSync(`${out}/sheet-preview.pdf`, pdf);
mkdirSync('docs/images', { recursive: true });
execFileSync('pdftoppm', [
  '-png',
  '-r',
  '70',
  '-f',
  '1',
  '-l',
  '2',
  `${out}/sheet-preview.pdf`,
  'docs/images/sheet-page',
]);
console.log(`${out}/sheet-preview.pdf → docs/images/sheet-page-1.png, docs/images/sheet-page-2.png`);
