/** Phone numbers in lists and logs: 158****5372. */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

/** ID numbers in lists and logs: 5301**********1234. */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length < 8) return '*'.repeat(idNumber.length);
  return `${idNumber.slice(0, 4)}${'*'.repeat(idNumber.length - 8)}${idNumber.slice(-4)}`;
}

/** A name on a public page: the family name kept, the rest starred (张*, 欧阳**). */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('');
  const kept = chars.length >= 4 ? 2 : 1;
  return chars.slice(0, kept).join('') + '*'.repeat(chars.length - kept);
}
