import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadlineDay } from '../bench/deadline-day';
import { seedScale } from '../server/src/modules/scale-seed/scale-seed';
import { startReplayServer, type ReplayServer } from './replay-server';

const applicants = 200;
let server: ReplayServer;

beforeAll(async () => {
  server = await startReplayServer();
  await seedScale(server.db, server.config, {
    applications: 200,
    drafts: applicants,
    password: `Replay#${randomBytes(6).toString('hex')}`,
  });
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe('the deadline day, at small size', () => {
  it('loses no acknowledged save, submission or decision, and answers every request or sheds it with Retry-After', async () => {
    const result = await deadlineDay({
      baseUrl: server.baseUrl,
      db: server.db,
      applicants,
      reviewers: 4,
      minutes: 0.5,
    });
    expect({ errors: result.errors, samples: result.errorSamples }).toEqual({ errors: 0, samples: [] });
    expect({ lost: result.lost, samples: result.lostSamples }).toEqual({ lost: 0, samples: [] });
    // Every person saved and submitted; the desks decided while they did.
    expect(result.acknowledged.saves).toBe(applicants);
    expect(result.acknowledged.submissions + result.settledAfterRetry).toBe(applicants);
    expect(result.acknowledged.decisions).toBeGreaterThan(0);
  }, 180_000);
});
