import { createHash } from 'node:crypto';

/** How long the second step of a login may wait after the password. */
export const challengeMinutes = 5;

/** The challenge id is kept as its SHA-256, as session tokens are: a leaked row opens nothing. */
export const challengeDigest = (id: string): string => createHash('sha256').update(id).digest('hex');
