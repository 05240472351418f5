import pg from 'pg';
import { captureSql } from '../captured-sql';
import { listPage } from '../../server/src/modules/review/review.repository';
import { createFieldCipher, parseEncryptionKeys, parseHashKey } from '../../server/src/crypto/field-cipher';
const url = process.argv[2]!;
const cipher = createFieldCipher({
  encryption: parseEncryptionKeys(process.env.FIELD_ENCRYPTION_KEYS!),
  hash: parseHashKey(process.env.FIELD_HASH_KEY!),
});
const client = new pg.Client({ connectionString: url });
await client.connect();
const c = (await client.query(`select id from committee limit 1`)).rows[0].id;
const base = { page: 1, pageSize: 20 } as any;
const cases: [string, any, any][] = [
  ['desk first', 'desk', base],
  ['desk keyword name', 'desk', { ...base, keyword: '王' }],
  ['desk id', 'desk', { ...base, keyword: '530102196501010011' }],
  ['desk deep offset', 'desk', { ...base, page: 500 }],
  ['records first', 'records', base],
];
for (const [name, list, q] of cases) {
  const qs = await captureSql(url, cipher, (db) => listPage(db, list, { orgKind: 'committee', orgId: c }, q));
  for (const query of qs.flat()) {
    const t = Date.now();
    const plan = await client.query(`explain (analyze, buffers) ${query.sql}`, [...query.parameters]);
    console.log(
      `== ${name}: ${Date.now() - t} ms\n${query.sql.slice(0, 200)}\n` +
        plan.rows
          .map((r: any) => r['QUERY PLAN'])
          .filter((l: string) => /Execution|Scan|Sort|Hash Join|Nested/.test(l))
          .slice(0, 12)
          .join('\n'),
    );
  }
}
await client.end();
