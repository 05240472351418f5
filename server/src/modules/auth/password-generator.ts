import { randomInt } from 'node:crypto';
import { passwordPolicyProblems } from '#common';

// A one-time password is read out over the phone and written down by hand (a unit's 重置密码, a reviewer
// account the admin makes), so every character must survive both: no 0/O/o, 1/l/I/i, a lower case only
// where its capital looks different (c k s u v w x y z are capitals only), and of the symbols the policy
// demands only # (井号) and @ (艾特), which everyone can name.
const capitals = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const smallLetters = 'abdefghjmnqrt';
const digits = '23456789';
const symbols = '#@';
const letters = capitals + smallLetters;

/** Every character a generated password may contain. */
export const passwordAlphabet = letters + digits + symbols;

const pick = (set: string) => set.charAt(randomInt(set.length));

/** A random password of 12 characters that meets the policy and is easy to read out and write down. */
export function generatePassword(): string {
  const chars = [pick(letters), pick(digits), pick(symbols)];
  // Mostly letters and digits: one symbol is what the policy needs, more only make it harder to say.
  while (chars.length < 12) chars.push(pick(letters + digits));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  const password = chars.join('');
  if (passwordPolicyProblems(password).length) throw new Error('generated password broke the policy');
  return password;
}
