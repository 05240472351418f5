import { z } from 'zod';
import type { TitleLevel } from '../enums';

/**
 * 证书编号 of the 专业技术资格电子证书: each committee sets a pattern (评委会管理) of text and
 * placeholders, e.g. 云档证{year}{level}{seq:5} → 云档证2026F00012.
 *
 * - {year}: the 评审年度 of the application (four digits)
 * - {level}: the level's code, from `titleLevelCodes` (初级 C, 中级 Z, 副高级 F, 正高级 G)
 * - {committee}: the committee's number in the system
 * - {seq:N}: the sequence number, zero-padded to N digits (longer once it outgrows them); {seq}: unpadded
 */

export const titleLevelCodes: Record<TitleLevel, string> = {
  junior: 'C',
  intermediate: 'Z',
  associateSenior: 'F',
  senior: 'G',
};

export const defaultCertificatePattern = '云档证{year}{level}{seq:5}';

export interface CertificateNumberParts {
  year: number;
  levelCode: string;
  seq: number;
  committeeId: number | string;
}

const placeholder = /\{([^{}]*)\}/g;
const seqPlaceholder = /^seq(?::([1-9]))?$/;
const named = ['year', 'level', 'committee'] as const;

/** Fills the pattern's placeholders; `seq` decides what {seq…} becomes. */
function fill(pattern: string, parts: Omit<CertificateNumberParts, 'seq'>, seq: (pad: number) => string): string {
  return pattern.replace(placeholder, (whole, name: string) => {
    if (name === 'year') return String(parts.year);
    if (name === 'level') return parts.levelCode;
    if (name === 'committee') return String(parts.committeeId);
    const padding = seqPlaceholder.exec(name);
    if (padding) return seq(Number(padding[1] ?? 0));
    return whole;
  });
}

export function formatCertificateNumber(pattern: string, parts: CertificateNumberParts): string {
  if (!Number.isInteger(parts.seq) || parts.seq < 1) throw new RangeError(`流水号应为正整数：${parts.seq}`);
  return fill(pattern, parts, (pad) => String(parts.seq).padStart(pad, '0'));
}

/**
 * The number with everything but the sequence filled in ({seq…} left as written): the numbers that
 * share a stem differ only by their sequence, so one counter per stem gives every one a distinct number,
 * whichever committees share the pattern.
 */
export function certificateNumberStem(pattern: string, parts: Omit<CertificateNumberParts, 'seq'>): string {
  return fill(pattern, parts, (pad) => (pad ? `{seq:${pad}}` : '{seq}'));
}

/** What is wrong with a pattern, in the words of 评委会管理; null when it will do. */
export function certificatePatternProblem(pattern: string): string | null {
  const names = [...pattern.matchAll(placeholder)].map((m) => m[1]!);
  const unknown = names.find((n) => !(named as readonly string[]).includes(n) && !seqPlaceholder.test(n));
  if (unknown !== undefined)
    return `证书编号规则中的 {${unknown}} 无法识别，可用 {year} {level} {committee} {seq:5}（流水号补足5位）`;
  const seqs = names.filter((n) => seqPlaceholder.test(n)).length;
  if (seqs === 0) return '证书编号规则须含流水号 {seq:N}（N为位数1–9），如 云档证{year}{level}{seq:5}';
  if (seqs > 1) return '证书编号规则只能含一个流水号 {seq:N}';
  if (/[{}\s]/.test(pattern.replace(placeholder, ''))) return '证书编号规则不能含空格或不成对的花括号';
  return null;
}

export const certificatePatternSchema = z
  .string({ error: '请填写证书编号规则' })
  .trim()
  .min(1, '请填写证书编号规则')
  .max(60, '证书编号规则不超过60个字符')
  .superRefine((pattern, ctx) => {
    const problem = certificatePatternProblem(pattern);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
