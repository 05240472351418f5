/**
 * 居民身份证号码 (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence (odd for men),
 * and a check character over the first 17 digits (weights 2^(17-i) mod 11, result mapped by the table).
 */
const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChars = '10X98765432';

export function idNumberCheckCharacter(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (weights[i] ?? 0);
  return checkChars.charAt(sum % 11);
}

export type IdNumberProblem = 'format' | 'birthDate' | 'checkCharacter';

export function idNumberProblem(idNumber: string, today: Date = new Date()): IdNumberProblem | null {
  if (!/^\d{17}[\dX]$/.test(idNumber)) return 'format';
  const birth = idNumberBirthDate(idNumber);
  if (!birth || birth > today || birth.getUTCFullYear() < 1900) return 'birthDate';
  return idNumberCheckCharacter(idNumber.slice(0, 17)) === idNumber.charAt(17) ? null : 'checkCharacter';
}

/** The birth date written in the number, or null when it is not a real date. */
export function idNumberBirthDate(idNumber: string): Date | null {
  const y = Number(idNumber.slice(6, 10));
  const m = Number(idNumber.slice(10, 12));
  const d = Number(idNumber.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? date : null;
}

/** 性别 from the sequence code: odd for men, even for women. */
export function idNumberGender(idNumber: string): 'male' | 'female' {
  return Number(idNumber.charAt(16)) % 2 === 1 ? 'male' : 'female';
}

/** 年龄 in full years on `today` (Beijing calendar is close enough for whole years). */
export function ageOn(birth: Date, today: Date): number {
  let age = today.getUTCFullYear() - birth.getUTCFullYear();
  const beforeBirthday =
    today.getUTCMonth() < birth.getUTCMonth() ||
    (today.getUTCMonth() === birth.getUTCMonth() && today.getUTCDate() < birth.getUTCDate());
  if (beforeBirthday) age--;
  return age;
}
