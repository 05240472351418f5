import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import type { AccountKind } from '#common';
import type { FieldCipher } from '../crypto/field-cipher';
import type { Db, Executor } from './database';
import type { PageOf } from './paginate';

/**
 * ID and phone numbers are sealed (encrypted) in the database and found by their keyed digest. The
 * cipher travels with the database handle (and every transaction opened on it) as a Kysely plugin
 * that changes no query: repositories, which take the executor first, reach it without new arguments,
 * and a handle opened without keys (migrations, backup) cannot read or write these columns by mistake.
 */
class FieldCipherPlugin implements KyselyPlugin {
  constructor(readonly cipher: FieldCipher) {}
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }
  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}

export function withFieldCipher(db: Db, cipher: FieldCipher): Db {
  return db.withPlugin(new FieldCipherPlugin(cipher));
}

export function cipherOf(db: Executor): FieldCipher {
  // The last given wins: a handle wrapped again (a test of rotation) reads with the keys it was given.
  const plugin = [...db.getExecutor().plugins].reverse().find((p) => p instanceof FieldCipherPlugin);
  if (!plugin) throw new Error('数据库句柄未配置字段加密密钥（withFieldCipher）');
  return (plugin as FieldCipherPlugin).cipher;
}

/** ID numbers are kept and compared upper case: the X is often typed small. */
export const normaliseIdNumber = (idNumber: string) => idNumber.trim().toUpperCase();

/** What repositories seal, open and look up with, bound to the executor's keys. */
export function personalData(db: Executor) {
  const cipher = cipherOf(db);
  return {
    seal: (plain: string) => cipher.seal(plain),
    open: (sealed: string) => cipher.open(sealed),
    openOrNull: (sealed: string | null) => (sealed === null ? null : cipher.open(sealed)),
    phoneKey: (phone: string) => cipher.digest(phone.trim()),
    idNumberKey: (idNumber: string) => cipher.digest(normaliseIdNumber(idNumber)),
    /** A phone as stored: sealed, with its digest. */
    phone: (phone: string) => ({ sealed: cipher.seal(phone.trim()), key: cipher.digest(phone.trim()) }),
    /** An ID number as stored: sealed, with its digest. */
    idNumber: (idNumber: string) => ({
      sealed: cipher.seal(normaliseIdNumber(idNumber)),
      key: cipher.digest(normaliseIdNumber(idNumber)),
    }),
  };
}

/** An account row as read: the phone opened, and the login name of a person (their ID number). */
export function openAccount<R extends { kind: AccountKind; phone: string | null; login_name: string }>(
  db: Executor,
  row: R | undefined,
): R | undefined {
  if (!row) return row;
  const data = personalData(db);
  return {
    ...row,
    phone: data.openOrNull(row.phone),
    login_name: row.kind === 'applicant' ? data.open(row.login_name) : row.login_name,
  };
}

/** A page of a list with the named columns of its rows opened. */
export function openPage<R, K extends keyof R>(db: Executor, page: PageOf<R>, columns: K[]): PageOf<R> {
  return { ...page, rows: openColumns(db, page.rows, columns) };
}

/** Rows of a list with the named columns opened. */
export function openColumns<R, K extends keyof R>(db: Executor, rows: R[], columns: K[]): R[] {
  if (rows.length === 0) return rows;
  const data = personalData(db);
  return rows.map((row) => {
    const opened = { ...row };
    for (const column of columns) {
      const value = row[column];
      if (typeof value === 'string') opened[column] = data.open(value) as R[K];
    }
    return opened;
  });
}
