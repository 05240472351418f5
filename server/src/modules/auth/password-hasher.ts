import { hash, verify } from '@node-rs/argon2';
import { BusyError } from '../../domain/app-error';

// Algorithm.Argon2id of @node-rs/argon2: a const enum, which isolated modules cannot import.
const argon2id = 2;

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): about 19 ms a hash on our machines.
const options = { algorithm: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * The hashes run on libuv's thread pool (4 threads), which neither the event loop's delay nor its
 * utilisation shows: a crowd logging in at once queues there while every other request flows. Past
 * `limit` checks under way a new one is refused with 系统繁忙 before it waits (and before a wrong
 * password could be counted), instead of growing a queue that every login behind it waits through.
 */
let limit = { max: 0, retryAfterSeconds: 5 };
let underWay = 0;

/** The server's bound (LOAD_MAX_PASSWORD_CHECKS, 0: none), set once when the app is built. */
export function limitPasswordWork(max: number, retryAfterSeconds: number): void {
  limit = { max, retryAfterSeconds };
}

async function bounded<T>(work: () => Promise<T>): Promise<T> {
  if (limit.max > 0 && underWay >= limit.max) throw new BusyError(limit.retryAfterSeconds);
  underWay += 1;
  try {
    return await work();
  } finally {
    underWay -= 1;
  }
}

export const hashPassword = (password: string): Promise<string> => bounded(() => hash(password, options));

export const verifyPassword = (hashed: string, password: string): Promise<boolean> =>
  bounded(() => verify(hashed, password));

let dummy: Promise<string> | undefined;
/** Spends the time of a real check when the account does not exist, so timing does not reveal it. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummy ??= hash('not-a-real-account-password-1!', options);
  await bounded(async () => verify(await dummy!, password));
}
