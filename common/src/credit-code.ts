/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters over a 31-character alphabet; the last one is a
 * check character computed from the first 17 with fixed weights modulo 31.
 * Units without a code register with `SGSR` followed by 14 digits (manual §1.2).
 */
const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export const selfAssignedCreditCodePattern = /^SGSR\d{14}$/;

export function creditCodeCheckCharacter(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = alphabet.indexOf(first17.charAt(i));
    if (value < 0) return null;
    sum += value * (weights[i] ?? 0);
  }
  const check = (31 - (sum % 31)) % 31;
  return alphabet.charAt(check);
}

export type CreditCodeProblem = 'format' | 'checkCharacter';

/** Returns null for a valid code, else what is wrong with it. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (selfAssignedCreditCodePattern.test(code)) return null;
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return 'format';
  return creditCodeCheckCharacter(code.slice(0, 17)) === code.charAt(17) ? null : 'checkCharacter';
}
