import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
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

  it('refuses, at the schema, every id in a path or a filter beyond the database integer (no 500)', () => {
    const tooBig = '2147483648';
    const accepted: string[] = [];
    for (const [contract, endpoints] of contracts) {
      for (const [name, endpoint] of Object.entries(endpoints)) {
        for (const part of ['params', 'query'] as const) {
          const schema = endpoint[part];
          if (!(schema instanceof z.ZodObject)) continue;
          const shape = schema.shape as Record<string, z.ZodType>;
          const sampleUuid = '0b1f5a2e-3c4d-4e5f-8a6b-7c8d9e0f1a2b';
          // Random ids (a file's) cannot overflow anything: only counted ids are bounded.
          const isUuid = (key: string) => shape[key]!.safeParse(sampleUuid).success;
          const idKeys = Object.keys(shape).filter((key) => key === 'id' || key.endsWith('Id'));
          const countedKeys = idKeys.filter((key) => !isUuid(key));
          // Ids of 1 (or a uuid) and the first choice of any enum: a request the schema accepts.
          const fine = Object.fromEntries(
            Object.entries(shape).map(([k, field]) => [
              k,
              field instanceof z.ZodEnum
                ? field.options[0]
                : idKeys.includes(k)
                  ? isUuid(k)
                    ? sampleUuid
                    : '1'
                  : undefined,
            ]),
          );
          for (const key of countedKeys) {
            expect(schema.safeParse(fine).success, `${contract}.${name} ${part} with ids 1`).toBe(true);
            if (schema.safeParse({ ...fine, [key]: tooBig }).success)
              accepted.push(`${contract}.${name} ${part}.${key}`);
          }
        }
      }
    }
    expect(accepted).toEqual([]);
  });

  it('answers a too large id with 400 and a message, anonymously too', async () => {
    const res = await ctx.agent().get('/api/specialties?parentId=2147483648');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('has a Chinese name for every field a request may carry, so a refusal names it as the page does', () => {
    const unnamed = new Set<string>();
    const visit = (schema: z.ZodType, where: string) => {
      if (schema instanceof z.ZodObject) {
        for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
          if (!common.fieldLabels[key]) unnamed.add(`${key} (${where})`);
          visit(field, where);
        }
      } else if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault) {
        visit(schema.unwrap() as z.ZodType, where);
      } else if (schema instanceof z.ZodArray) {
        visit(schema.element as z.ZodType, where);
      } else if (schema instanceof z.ZodIntersection) {
        visit(schema.def.left as z.ZodType, where);
        visit(schema.def.right as z.ZodType, where);
      } else if (schema instanceof z.ZodPipe) {
        visit(schema.def.in as z.ZodType, where);
      }
    };
    for (const [contract, endpoints] of contracts) {
      for (const [name, endpoint] of Object.entries(endpoints)) {
        for (const part of ['params', 'query', 'body'] as const) {
          const schema = endpoint[part];
          if (schema) visit(schema, `${contract}.${name}`);
        }
      }
    }
    expect([...unnamed]).toEqual([]);
  });

  it('fills in and escapes path parameters, and refuses a missing one', () => {
    expect(
      common.endpointPath('/applications/:id/attachments/:attachmentId/file', { id: 7, attachmentId: 'a/b' }),
    ).toBe('/applications/7/attachments/a%2Fb/file');
    expect(() => common.endpointPath('/applications/:id', {})).toThrow(/id/);
  });
});
