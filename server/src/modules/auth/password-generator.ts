import { randomInt } from 'node:crypto';
import { passwordPolicyProblems } from '#common';

const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz';
const digits = '23456789';
const specials = '!@#%&*?';
const pick = (set: string) => set.charAt(randomInt(set.length));

/** A random password of 12 characters that meets the policy, without look-alike characters. */
export function generatePassword(): string {
  const chars = [pick(letters), pick(digits), pick(specials)];
  while (chars.length < 12) chars.push(pick(letters + digits + (chars.length % 4 === 0 ? specials : '')));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  const password = chars.join('');
  if (passwordPolicyProblems(password).length) throw new Error('generated password broke the policy');
  return password;
}
