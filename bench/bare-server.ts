// The yardstick: a bare Fastify with no plugins: one route that answers at once, one that asks the
// database `select 1`, one that checks one argon2id password, and routes that run SQL the benchmark
// caught from the system (bench/captured-sql.ts) — the floor under what the system's routes can do.
import Fastify from 'fastify';
import pg from 'pg';
import { hashPassword, verifyPassword } from '../server/src/modules/auth/password-hasher';

/** The statements of one request: each step's statements run together, the steps one after another. */
type Steps = { sql: string; parameters: unknown[] }[][];

const app = Fastify({ logger: false });
const hash = await hashPassword('Bench#2026pw');
const pool = process.env.BARE_DATABASE_URL
  ? new pg.Pool({ connectionString: process.env.BARE_DATABASE_URL, max: 10 })
  : undefined;
const registered = new Map<string, Steps>();

app.get('/health', async () => ({ status: 'ok' }));
app.get('/select1', async () => {
  await pool!.query('select 1');
  return { status: 'ok' };
});
app.post('/argon2', async () => ({ ok: await verifyPassword(hash, 'Bench#2026pw') }));
app.put<{ Params: { name: string }; Body: Steps }>('/sql/:name', async (request) => {
  registered.set(request.params.name, request.body);
  return { ok: true };
});
app.get<{ Params: { name: string } }>('/sql/:name', async (request, reply) => {
  const steps = registered.get(request.params.name);
  if (!steps) return reply.status(404).send({ error: 'not registered' });
  const results: unknown[] = [];
  for (const step of steps) {
    const answers = await Promise.all(step.map((q) => pool!.query(q.sql, q.parameters)));
    results.push(...answers.map((a) => a.rows));
  }
  return results;
});
await app.listen({ port: Number(process.env.PORT ?? 3201), host: '127.0.0.1' });
console.log('bare server ready');
