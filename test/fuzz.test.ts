import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import * as common from '#common';
import { apiErrorSchema, type Endpoint } from '#common';
import { createTestContext, type Agent, type Reply, type TestContext } from './test-app';
import {
  adminCreates,
  archivesChoices,
  completeForm,
  goodPassword,
  loggedInAdmin,
  loggedInApplicant,
  loggedInReviewer,
  makeCreditCode,
  makeIdNumber,
  makePhone,
  multipart,
  pdfBytes,
  reviewWorld,
  unitWithInfo,
} from './fixtures';

/**
 * Every endpoint of the contract, as a visitor and as each kind of account, fed input no page would
 * send: wrong types, numbers past the database's integer, NUL and lone surrogates, very long text,
 * unknown fields, arrays for scalars, broken JSON and multipart, odd path segments and cursors. No
 * answer may be a 5xx, and every refusal must carry the API's error body with a Chinese message.
 *
 * Reproduce a failure with the seed it prints: FUZZ_SEED=<seed> FUZZ_RUNS=<n> npx vitest run test/fuzz.test.ts
 */
const seed = Number(process.env.FUZZ_SEED ?? 20260526);
const numRuns = Number(process.env.FUZZ_RUNS ?? 24);

const contracts = Object.entries(common).filter(([name]) => name.endsWith('Contract')) as [
  string,
  Record<string, Endpoint>,
][];
const endpoints = contracts.flatMap(([contract, list]) =>
  Object.entries(list).map(([name, endpoint]) => ({ name: `${contract}.${name}`, endpoint })),
);

type Role = 'visitor' | 'applicant' | 'unit' | 'reviewer' | 'admin';
const roles: Role[] = ['visitor', 'applicant', 'unit', 'reviewer', 'admin'];

let ctx: TestContext;
let adminAgent: Agent;
const agents = {} as Record<Role, Agent>;
/** Ids of records that exist, so that some requests get past validation into the services. */
const realIds: string[] = [];
let hrBureauId: string;
let unitId: number;

async function signIn(role: Role): Promise<Agent> {
  switch (role) {
    case 'visitor':
      return ctx.agent();
    case 'admin':
      return (await loggedInAdmin(ctx)).agent;
    case 'unit':
      return (await unitWithInfo(ctx)).agent;
    case 'applicant':
      return (await loggedInApplicant(ctx, unitId)).agent;
    case 'reviewer':
      return (await loggedInReviewer(ctx, adminAgent, 'hrBureau', hrBureauId)).agent;
  }
}

/** A fuzzed request may sign its account out or reset its password: sign in afresh when it did. */
async function keepSignedIn(): Promise<void> {
  for (const role of roles) {
    if (role === 'visitor') continue;
    const session = await agents[role].get('/api/session');
    if (session.body?.account && !session.body.account.mustChangePassword) continue;
    if (role === 'admin') adminAgent = agents.admin = await signIn('admin');
    else agents[role] = await signIn(role);
  }
}

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set('2026-05-26T02:00:00Z');
  adminAgent = agents.admin = await signIn('admin');
  hrBureauId = await adminCreates(adminAgent, '/api/admin/hr-bureaus', { name: '五华区人社局', regionCode: '530102' });
  const world = await reviewWorld(ctx, adminAgent);
  const unit = await unitWithInfo(ctx);
  unitId = unit.unit.unitId;
  agents.unit = unit.agent;
  agents.reviewer = await signIn('reviewer');
  agents.visitor = ctx.agent();
  const choices = await archivesChoices(ctx);
  const { agent } = await loggedInApplicant(ctx, unitId);
  agents.applicant = agent;
  const created = await agent.post('/api/applications', {
    kind: 'evaluation',
    batchId: world.batchId,
    ...choices,
    specialtyStudiedId: choices.specialtyId,
    specialtyPractisedId: choices.specialtyId,
  });
  const attachment = await agent.request({
    method: 'POST',
    url: `/api/applications/${created.body.id}/attachments/idCard`,
    ...multipart('身份证.pdf', pdfBytes),
  });
  realIds.push(
    ...new Set(
      [created.body.id, attachment.body?.id, world.committeeId, world.batchId, hrBureauId, String(unitId)].filter(
        (id): id is string => typeof id === 'string',
      ),
    ),
  );
}, 120_000);
afterAll(() => ctx?.close());

/** encodeURIComponent, except that a lone surrogate (which it refuses) is sent as its raw UTF-8 escape. */
const encode = (text: string) =>
  encodeURIComponent(text.replace(/[\uD800-\uDFFF]/gu, '\uE000')).replaceAll('%EE%80%80', '%ED%A0%80');

// ---- Values --------------------------------------------------------------------------------------

const longText = (n: number, unit = 'x') => unit.repeat(n);
const badStrings = [
  '',
  ' ',
  'NaN',
  'Infinity',
  '-Infinity',
  'undefined',
  'null',
  'true',
  '-1',
  '0',
  '1.5',
  '1e3',
  '0x1F',
  ' 1',
  '１２３',
  '2147483647',
  '2147483648',
  '-2147483649',
  '9007199254740993',
  '99999999999999999999999999',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\u202eexe.pdf',
  '\u200b\u200b',
  "'; drop table account; --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%00',
  '0001-01-01T00:00:00Z',
  '275760-09-13T00:00:00.000Z',
  '2026-02-31T00:00:00+08:00',
  '2026-05-26T02:00:00+08:00',
  longText(1001),
  longText(5000, '档'),
  longText(70_000),
];
const badNumbers = [
  0,
  -1,
  1.5,
  -0,
  2_147_483_647,
  2_147_483_648,
  -2_147_483_649,
  4_294_967_296,
  2 ** 53,
  1e21,
  1e308,
  -1e308,
  5e-324,
];

/** A cursor as `nextCursor` looks (base64url JSON of [instant, id]), with instants and ids out of range. */
const cursorArb = fc
  .tuple(
    fc.oneof(
      fc.constantFrom('2026-05-26T02:00:00.000Z', '+275760-09-13T00:00:00.000Z', '-000001-01-01T00:00:00.000Z', 'x'),
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      fc.integer().map(String),
    ),
    fc.oneof(fc.constantFrom(...badNumbers), fc.integer(), fc.string(), fc.constant(null)),
  )
  .map((key) => Buffer.from(JSON.stringify(key)).toString('base64url'));

const badString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...badStrings) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: cursorArb },
);

const badScalar = fc.oneof(
  { weight: 4, arbitrary: badString },
  { weight: 2, arbitrary: fc.constantFrom(...badNumbers) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false) },
);

/** Any JSON value, leaning to the nasty ones: arrays for scalars, objects for strings, deep nesting. */
const badJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 5, arbitrary: badScalar },
    { weight: 1, arbitrary: fc.array(tie('value'), { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.dictionary(badString, tie('value'), { maxKeys: 4 }) },
  ),
})).value;

/** A well-formed value for a field, by its name where the name says what it must be. */
function goodValueFor(key: string): unknown {
  const byName: Record<string, () => unknown> = {
    phone: makePhone,
    newPhone: makePhone,
    contactPhone: () => '0871-63112233',
    idNumber: () => makeIdNumber(),
    creditCode: makeCreditCode,
    smsCode: () => '123456',
    password: () => goodPassword,
    confirmPassword: () => goodPassword,
    oldPassword: () => goodPassword,
    newPassword: () => `${goodPassword}x`,
    confirmNewPassword: () => `${goodPassword}x`,
    captchaId: () => randomUUID(),
    captchaCode: () => 'test',
    regionCode: () => '530102',
    parentCode: () => '530000',
    username: () => `fuzz${Math.floor(Math.random() * 1e6)}`,
    year: () => 2026,
    version: () => 0,
    keyword: () => '档案',
    name: () => '档案馆',
    unitName: () => '测试单位',
    displayName: () => '审核员',
    contactName: () => '张三',
    reason: () => '已核验营业执照及说明',
    opinion: () => '请补充材料',
    unitOpinion: () => '同意推荐',
    content: () => '请尽快补充材料',
    seriesCode: () => 'archives',
    opensAt: () => '2026-05-01T00:00:00+08:00',
    closesAt: () => '2026-06-30T00:00:00+08:00',
    correctionClosesAt: () => '2026-07-15T00:00:00+08:00',
    data: () => Object.values(completeForm(2026, '申报人'))[0],
  };
  return byName[key]?.();
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, unknown>;
  values?: unknown[];
  format?: string;
}
const defOf = (schema: z.ZodType) => (schema as unknown as { def: Def }).def;

/** A value the schema would likely accept (ids are real ones, names give the rest), to mutate from. */
function sample(schema: z.ZodType, key = ''): unknown {
  const def = defOf(schema);
  const named = goodValueFor(key);
  if (named !== undefined && def.type !== 'object') return named;
  switch (def.type) {
    case 'object':
      return Object.fromEntries(Object.entries(def.shape!).map(([k, field]) => [k, sample(field, k)]));
    case 'optional':
    case 'nullable':
    case 'default':
      return sample(def.innerType!, key);
    case 'array':
      return [sample(def.element!, key)];
    case 'intersection':
      return { ...(sample(def.left!) as object), ...(sample(def.right!) as object) };
    case 'pipe':
      return sample(def.in!, key);
    case 'union':
      return sample(def.options![0]!, key);
    case 'enum':
      return Object.values(def.entries!)[0];
    case 'literal':
      return def.values![0];
    case 'boolean':
      return true;
    case 'number':
      return 1;
    case 'string':
      if (def.format === 'uuid') return randomUUID();
      if (def.format === 'datetime') return '2026-05-26T10:00:00+08:00';
      return key === 'id' || key.endsWith('Id') ? (realIds[0] ?? '1') : '档案';
    default:
      return {};
  }
}

/** The field names of an object schema (through intersections and wrappers), for query and body. */
function fieldNames(schema: z.ZodType | undefined): string[] {
  if (!schema) return [];
  const def = defOf(schema);
  if (def.type === 'object') return Object.keys(def.shape!);
  if (def.type === 'intersection') return [...fieldNames(def.left), ...fieldNames(def.right)];
  if (def.innerType) return fieldNames(def.innerType);
  if (def.in) return fieldNames(def.in);
  return [];
}

const idArb = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...['1', '2', '999999']).chain((id) => fc.constant(id)) },
  { weight: 2, arbitrary: fc.constant(null).map(() => realIds[0] ?? '1') },
  { weight: 1, arbitrary: fc.nat({ max: 5 }).map((i) => realIds[i % Math.max(realIds.length, 1)] ?? '1') },
  { weight: 5, arbitrary: badString },
);

/** A path segment: mostly encoded as a client would, sometimes raw (broken escapes, encoded NUL). */
const segmentArb = fc.oneof(
  { weight: 6, arbitrary: idArb.map((s) => encode(String(s).slice(0, 2000))) },
  { weight: 2, arbitrary: fc.constantFrom('%00', '%ZZ', '%', '%ED%A0%80', '%C0%AF', '..', '%2e%2e', '%2F', '*', ';') },
);

function pathArb(e: Endpoint): fc.Arbitrary<string> {
  const names = [...e.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
  if (names.length === 0) return fc.constant(e.path);
  const schemaShape = e.params ? (defOf(e.params).shape ?? {}) : {};
  const segment = (name: string) => {
    const field = schemaShape[name];
    const enumValues = field && defOf(field).type === 'enum' ? Object.values(defOf(field).entries!) : [];
    return enumValues.length
      ? fc.oneof(fc.constantFrom(...(enumValues as string[])), segmentArb)
      : fc.oneof(
          idArb.map((id) => encode(String(id))),
          segmentArb,
        );
  };
  return fc
    .tuple(...names.map(segment))
    .map((values) => names.reduce((path, name, i) => path.replace(`:${name}`, values[i]!), e.path));
}

const queryValue = fc.oneof(
  { weight: 4, arbitrary: badString.map((s) => encode(s.slice(0, 3000))) },
  { weight: 1, arbitrary: fc.constantFrom('%00', '%ZZ', '%ED%A0%80', '', '%26', '[]', '{}') },
);

function queryArb(e: Endpoint): fc.Arbitrary<string> {
  const keys = [...fieldNames(e.query), 'page', 'pageSize', 'after', 'unknownField', '__proto__', 'constructor'];
  const pair = fc.tuple(fc.constantFrom(...keys), queryValue).map(([k, v]) => `${encode(k)}=${v}`);
  // A key given twice arrives as an array where the schema expects one value.
  return fc.array(pair, { maxLength: 6 }).map((pairs) => (pairs.length ? `?${pairs.join('&')}` : ''));
}

interface BodyCase {
  payload?: string | Buffer;
  contentType?: string;
}

const json = (value: unknown): BodyCase => ({ payload: JSON.stringify(value), contentType: 'application/json' });

const malformedJson = fc.constantFrom<BodyCase>(
  { payload: '{', contentType: 'application/json' },
  { payload: '{"a":1,}', contentType: 'application/json' },
  { payload: "{'a':1}", contentType: 'application/json' },
  { payload: '{"__proto__":{"admin":true}}', contentType: 'application/json' },
  { payload: '{"constructor":{"prototype":{"admin":true}}}', contentType: 'application/json' },
  { payload: 'NaN', contentType: 'application/json' },
  // Numbers JavaScript cannot hold exactly, as raw JSON text.
  {
    payload: '{"version":9007199254740993,"year":1e400,"items":[{"id":"1","version":-0.0}]}',
    contentType: 'application/json',
  },
  { payload: '', contentType: 'application/json' },
  { payload: `${'['.repeat(5000)}${']'.repeat(5000)}`, contentType: 'application/json' },
  { payload: `{"version":0,"data":${'['.repeat(200_000)}${']'.repeat(200_000)}}`, contentType: 'application/json' },
  {
    payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    contentType: 'application/json',
  },
  { payload: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' },
  { payload: '<a/>', contentType: 'text/xml' },
  { payload: '{"a":1}', contentType: 'text/plain' },
  { payload: '{"a":1}', contentType: 'application/json; charset=latin1' },
);

/** A body of the endpoint's shape with some fields made bad, some added, or one bad value whole. */
function bodyArb(e: Endpoint): fc.Arbitrary<BodyCase> {
  if (e.upload) return uploadArb;
  const keys = fieldNames(e.body);
  const mutated =
    e.body && keys.length
      ? fc
          .tuple(
            fc.subarray(keys, { minLength: 1 }),
            fc.array(badJson, { minLength: keys.length, maxLength: keys.length }),
            fc.dictionary(fc.oneof(badString, fc.constantFrom(...keys)), badJson, { maxKeys: 2 }),
            fc.boolean(),
          )
          .map(([bad, values, extra, dropOthers]) => {
            const base = sample(e.body!) as Record<string, unknown>;
            const body: Record<string, unknown> = dropOthers ? {} : { ...base };
            bad.forEach((k, i) => (body[k] = values[i]));
            return json({ ...extra, ...body });
          })
      : fc.constant(json({}));
  const none: BodyCase = {};
  return fc.oneof(
    { weight: e.body ? 6 : 1, arbitrary: mutated },
    { weight: 2, arbitrary: badJson.map(json) },
    { weight: 2, arbitrary: malformedJson },
    { weight: e.body ? 1 : 6, arbitrary: fc.constant(none) },
  );
}

const uploadArb: fc.Arbitrary<BodyCase> = fc.oneof(
  fc
    .tuple(
      fc.oneof(
        fc.constantFrom('a.pdf', '', '.pdf', 'a\u0000.pdf', '\ud800.pdf', '\u202efdp.exe', longText(3000)),
        badString,
      ),
      fc.oneof(
        fc.constant(pdfBytes),
        fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
        fc.constant(Buffer.alloc(0)),
      ),
      fc.constantFrom('application/pdf', 'image/png', 'text/html', ''),
    )
    .map(([filename, content, type]) => {
      const part = multipart(filename.replaceAll('"', ''), content, type);
      return { payload: part.payload, contentType: part.headers['content-type'] };
    }),
  fc.constantFrom<BodyCase>(
    {
      payload: '--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc',
      contentType: 'multipart/form-data; boundary=x',
    },
    { payload: '--x--\r\n', contentType: 'multipart/form-data; boundary=x' },
    { payload: 'abc', contentType: 'multipart/form-data' },
    {
      payload: '--x\r\nContent-Disposition: form-data; name="other"\r\n\r\nabc\r\n--x--\r\n',
      contentType: 'multipart/form-data; boundary=x',
    },
  ),
  badJson.map(json),
);

// ---- The property --------------------------------------------------------------------------------

const chinese = /[\u4e00-\u9fff]/;

function problemWith(reply: Reply): string | null {
  if (reply.status >= 500) return `answered ${reply.status}`;
  if (reply.status < 400) return null;
  const parsed = apiErrorSchema.safeParse(reply.body);
  if (!parsed.success) return `a ${reply.status} without the error body { code, message }`;
  if (!chinese.test(parsed.data.message)) return `a ${reply.status} whose message is not in Chinese`;
  return null;
}

const show = (value: unknown) => {
  const text = Buffer.isBuffer(value) ? `<${value.length} bytes>` : JSON.stringify(value);
  return text && text.length > 300 ? `${text.slice(0, 300)}…(${text.length})` : text;
};

describe(`fuzzing every endpoint (seed ${seed}, ${numRuns} runs each)`, () => {
  it('covers the whole contract', () => {
    expect(endpoints.length).toBeGreaterThan(60);
  });

  for (const { name, endpoint } of endpoints) {
    it(`${endpoint.method} ${endpoint.path} (${name})`, async () => {
      const request = fc
        .record({
          role: fc.constantFrom(...roles),
          path: pathArb(endpoint),
          query: queryArb(endpoint),
          body: bodyArb(endpoint),
        })
        // fast-check prints the counterexample with this: short, whatever the size of the input.
        .map((c) =>
          Object.assign(c, {
            [fc.toStringMethod]: () =>
              `${c.role} ${endpoint.method} ${show(`/api${c.path}${c.query}`)} ${c.body.contentType ?? ''} ${show(c.body.payload)}`,
          }),
        );
      await fc.assert(
        fc.asyncProperty(request, async ({ role, path, query, body }) => {
          const url = `/api${path}${query}`;
          const reply = await agents[role].request({
            method: endpoint.method,
            url,
            ...(body.payload !== undefined ? { payload: body.payload } : {}),
            headers: body.contentType ? { 'content-type': body.contentType } : {},
          });
          if (endpoint.method !== 'GET' && reply.status < 300) await keepSignedIn();
          const problem = problemWith(reply);
          if (problem) {
            throw new Error(
              `${problem}: ${role} ${endpoint.method} ${show(url)} ${body.contentType ?? ''} ${show(body.payload)}\n→ ${show(reply.body)}`,
            );
          }
        }),
        { seed, numRuns, endOnFailure: process.env.FUZZ_SHRINK !== '1' },
      );
    });
  }
});
