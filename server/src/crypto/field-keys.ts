import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from '../config';
import {
  createFieldCipher,
  formatEncryptionKeys,
  generateFieldKeys,
  parseEncryptionKeys,
  parseHashKey,
  type FieldCipher,
  type FieldKeys,
} from './field-cipher';

/** Written in the environment's own format, so that a developer's data can move to a server with them. */
interface DevKeyFile {
  FIELD_ENCRYPTION_KEYS: string;
  FIELD_HASH_KEY: string;
}

export const devKeyFileName = 'dev-field-keys.json';

/**
 * The keys of a development data folder: made at random at its first start and kept beside the
 * database (the user's only), so that its data reads at every later start. No key is in the source.
 */
export function devFieldKeys(dataDir: string): FieldKeys {
  const dir = resolve(dataDir);
  const path = join(dir, devKeyFileName);
  let text: string | undefined;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (text !== undefined) {
    const file = JSON.parse(text) as DevKeyFile;
    return { encryption: parseEncryptionKeys(file.FIELD_ENCRYPTION_KEYS), hash: parseHashKey(file.FIELD_HASH_KEY) };
  }
  const keys = generateFieldKeys();
  const file: DevKeyFile = {
    FIELD_ENCRYPTION_KEYS: formatEncryptionKeys(keys.encryption),
    FIELD_HASH_KEY: keys.hash.toString('base64'),
  };
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    // 'wx': of two first starts at once, one writes and the other reads what it wrote.
    writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return devFieldKeys(dataDir);
    throw error;
  }
  return keys;
}

/** The keys the server uses: the environment's; else the data folder's (embedded database) or, in a test run on PostgreSQL, the run's own. */
export function resolveFieldKeys(config: Pick<Config, 'fieldKeys' | 'database' | 'dataDir'>): FieldKeys {
  if (config.fieldKeys) return config.fieldKeys;
  // loadConfig allows no keys on PostgreSQL outside NODE_ENV=test: a test database lives for one run.
  return config.database.kind === 'pglite' ? devFieldKeys(config.dataDir) : generateFieldKeys('test1');
}

export function fieldCipherFor(config: Pick<Config, 'fieldKeys' | 'database' | 'dataDir'>): FieldCipher {
  return createFieldCipher(resolveFieldKeys(config));
}
