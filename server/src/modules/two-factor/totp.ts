import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

/** The name authenticator apps show above the code. */
export const totpIssuer = '职称申报管理系统';
const periodSeconds = 30;

export const newTotpSecret = (): string => generateSecret();

/** The otpauth:// address of the QR code: issuer and login name, so the app shows whose code it is. */
export function otpauthUri(loginName: string, secret: string): string {
  return generateURI({ issuer: totpIssuer, label: loginName, secret });
}

export const qrDataUrl = (uri: string): Promise<string> => QRCode.toDataURL(uri, { margin: 1, width: 220 });

/**
 * Whether `code` is the code of `secret` at `now`, one step either side (a phone's clock a little off, a
 * code typed as it turned over), and later than `afterStep` (a code once used never opens again).
 * Answers the step it matched, to remember.
 */
export async function checkTotp(
  secret: string,
  code: string,
  now: Date,
  afterStep: number | null,
): Promise<{ valid: true; step: number } | { valid: false }> {
  if (!/^\d{6}$/.test(code)) return { valid: false };
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    period: periodSeconds,
    epochTolerance: periodSeconds,
    ...(afterStep === null ? {} : { afterTimeStep: afterStep }),
  });
  // The functional verify answers for HOTP too; a TOTP result carries its time step.
  return result.valid && 'timeStep' in result ? { valid: true, step: result.timeStep } : { valid: false };
}

// No 0/O, 1/I/L: read off paper and typed back.
const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** Ten codes of 12 characters (about 59 bits each), shown as XXXX-XXXX-XXXX. */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 12 }, () => alphabet[randomInt(alphabet.length)]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
  });
}

/** What a typed recovery code is compared as: upper case, without dashes or spaces. */
export const normaliseRecoveryCode = (code: string): string => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

const digest = (salt: string, code: string) =>
  createHash('sha256')
    .update(`${salt}\n${normaliseRecoveryCode(code)}`)
    .digest('hex');

export function hashRecoveryCode(code: string): { salt: string; codeHash: string } {
  const salt = randomBytes(16).toString('hex');
  return { salt, codeHash: digest(salt, code) };
}

export function recoveryCodeMatches(stored: { salt: string; code_hash: string }, code: string): boolean {
  const given = Buffer.from(digest(stored.salt, code), 'hex');
  const kept = Buffer.from(stored.code_hash, 'hex');
  return given.length === kept.length && timingSafeEqual(given, kept);
}
