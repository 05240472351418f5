import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  certificateNumberStem,
  certificatePatternSchema,
  defaultCertificatePattern,
  formatCertificateNumber,
  titleLevelCodes,
} from './certificate-number';

const parts = { year: 2026, levelCode: titleLevelCodes.associateSenior, seq: 12, committeeId: 7 };

describe('证书编号 from the committee’s pattern', () => {
  it('fills year, level, committee and the zero-padded sequence', () => {
    expect(formatCertificateNumber(defaultCertificatePattern, parts)).toBe('云档证2026F00012');
    expect(formatCertificateNumber('滇档〔{year}〕{committee}-{level}{seq:3}号', parts)).toBe('滇档〔2026〕7-F012号');
    expect(formatCertificateNumber('{year}{seq}', parts)).toBe('202612');
    // A sequence that outgrows its digits is longer, never cut.
    expect(formatCertificateNumber('{year}{seq:2}', { ...parts, seq: 1234 })).toBe('20261234');
  });

  it('has one code a level', () => {
    expect(titleLevelCodes).toEqual({ junior: 'C', intermediate: 'Z', associateSenior: 'F', senior: 'G' });
  });

  it('refuses a sequence that is not a positive integer', () => {
    expect(() => formatCertificateNumber(defaultCertificatePattern, { ...parts, seq: 0 })).toThrow(RangeError);
  });

  it('names the stem the counter is kept for: everything but the sequence', () => {
    expect(certificateNumberStem(defaultCertificatePattern, parts)).toBe('云档证2026F{seq:5}');
    expect(certificateNumberStem('{committee}/{seq}/{year}', parts)).toBe('7/{seq}/2026');
  });

  it('gives distinct sequences distinct numbers, each holding its sequence', () => {
    const level = fc.constantFrom(...Object.values(titleLevelCodes));
    const pattern = fc
      .tuple(fc.constantFrom('', '云档证', 'ZC-'), fc.integer({ min: 1, max: 9 }), fc.constantFrom('', '号'))
      .map(([prefix, pad, suffix]) => `${prefix}{year}{level}{seq:${pad}}${suffix}`);
    fc.assert(
      fc.property(
        pattern,
        level,
        fc.integer({ min: 1, max: 10 ** 7 }),
        fc.integer({ min: 1, max: 10 ** 7 }),
        (p, l, a, b) => {
          const x = formatCertificateNumber(p, { ...parts, levelCode: l, seq: a });
          const y = formatCertificateNumber(p, { ...parts, levelCode: l, seq: b });
          expect(x === y).toBe(a === b);
          expect(x).toContain(`2026${l}`);
          expect(x).toContain(String(a));
        },
      ),
    );
  });
});

describe('certificatePatternSchema', () => {
  const problem = (pattern: unknown) => {
    const parsed = certificatePatternSchema.safeParse(pattern);
    return parsed.success ? null : parsed.error.issues[0]!.message;
  };

  it('accepts the default and patterns with one sequence', () => {
    expect(problem(defaultCertificatePattern)).toBeNull();
    expect(problem('{seq}')).toBeNull();
    expect(problem('滇档〔{year}〕{committee}-{level}{seq:3}号')).toBeNull();
    expect(certificatePatternSchema.parse('  云档证{year}{seq:5} ')).toBe('云档证{year}{seq:5}');
  });

  it('refuses a pattern without a sequence, with two, or with an unknown placeholder, in Chinese', () => {
    expect(problem('云档证{year}{level}')).toMatch(/须含流水号/);
    expect(problem('{seq:0}')).toMatch(/无法识别/);
    expect(problem('{seq:10}')).toMatch(/无法识别/);
    expect(problem('{seq}{seq:5}')).toMatch(/只能含一个流水号/);
    expect(problem('{yaer}{seq:5}')).toMatch(/\{yaer\} 无法识别/);
    expect(problem('云档 {seq:5}')).toMatch(/不能含空格/);
    expect(problem('云档{{seq:5}')).toMatch(/花括号/);
    expect(problem('')).toBe('请填写证书编号规则');
    expect(problem(`${'证'.repeat(60)}{seq}`)).toMatch(/不超过60/);
  });
});
