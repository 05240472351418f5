import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as common from '#common';
import type { Endpoint } from '#common';
import { createTestContext, type TestContext } from './test-app';

/** Every `xContract` that common/ exports, with its endpoints. */
const contracts = Object.entries(common).filter(([name]) => name.endsWith('Contract')) as [
  string,
  Record<string, Endpoint>,
][];

describe('the API contract', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('names every endpoint once, by method and path', () => {
    const seen = new Map<string, string>();
    for (const [contract, endpoints] of contracts) {
      for (const [name, endpoint] of Object.entries(endpoints)) {
        const key = `${endpoint.method} ${endpoint.path}`;
        expect(seen.get(key), `${contract}.${name} repeats ${key}`).toBeUndefined();
        seen.set(key, `${contract}.${name}`);
      }
    }
    expect(seen.size).toBeGreaterThan(40);
  });

  it('is served: the server has a route for each endpoint under /api', () => {
    const missing = contracts.flatMap(([contract, endpoints]) =>
      Object.entries(endpoints)
        .filter(([, e]) => !ctx.app.hasRoute({ method: e.method, url: `/api${e.path}` }))
        .map(([name, e]) => `${contract}.${name}: ${e.method} ${e.path}`),
    );
    expect(missing).toEqual([]);
  });

  it('fills in and escapes path parameters, and refuses a missing one', () => {
    expect(
      common.endpointPath('/applications/:id/attachments/:attachmentId/file', { id: 7, attachmentId: 'a/b' }),
    ).toBe('/applications/7/attachments/a%2Fb/file');
    expect(() => common.endpointPath('/applications/:id', {})).toThrow(/id/);
  });
});
