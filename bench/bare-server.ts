// The yardstick: a bare Fastify with no plugins, one route that answers at once and one that checks
// one argon2id password, the floor under what our /api/health and login can do on this machine.
import Fastify from 'fastify';
import { hashPassword, verifyPassword } from '../server/src/modules/auth/password-hasher';

const app = Fastify({ logger: false });
const hash = await hashPassword('Bench#2026pw');
app.get('/health', async () => ({ status: 'ok' }));
app.post('/argon2', async () => ({ ok: await verifyPassword(hash, 'Bench#2026pw') }));
await app.listen({ port: Number(process.env.PORT ?? 3201), host: '127.0.0.1' });
console.log('bare server ready');
