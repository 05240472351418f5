import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id of @node-rs/argon2: a const enum, which isolated modules cannot import.
const argon2id = 2;

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): about 19 ms a hash on our machines.
const options = { algorithm: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, options);

export const verifyPassword = (hashed: string, password: string): Promise<boolean> => verify(hashed, password);

let dummy: Promise<string> | undefined;
/** Spends the time of a real check when the account does not exist, so timing does not reveal it. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummy ??= hashPassword('not-a-real-account-password-1!');
  await verify(await dummy, password);
}
