import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawExperts, recusalOf, type DrawCandidate } from './expert-draw';

const specialties = ['档案管理', '档案保护', '图书馆学'];
const candidate = (expertId: number) =>
  fc.record({
    expertId: fc.constant(expertId),
    specialties: fc.subarray(specialties, { minLength: 1 }),
    unitId: fc.option(fc.integer({ min: 1, max: 8 }), { nil: null }),
    supervisorId: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
    conflictUnitIds: fc.uniqueArray(fc.integer({ min: 1, max: 8 }), { maxLength: 3 }),
  });
const pool = fc
  .uniqueArray(fc.integer({ min: 1, max: 500 }), { minLength: 0, maxLength: 40 })
  .chain((ids) => fc.tuple(...ids.map(candidate)))
  .map((c) => c as DrawCandidate[]);
const input = fc.record({
  seed: fc.string({ minLength: 1, maxLength: 32 }),
  count: fc.integer({ min: 1, max: 20 }),
  specialties: fc.subarray(specialties),
  recusal: fc.record({
    unitIds: fc.uniqueArray(fc.integer({ min: 1, max: 8 }), { maxLength: 4 }),
    supervisorIds: fc.uniqueArray(fc.integer({ min: 1, max: 4 }), { maxLength: 2 }),
  }),
});

describe('the draw of experts', () => {
  it('never draws a recused expert or one of another specialty, and draws each at most once', () => {
    fc.assert(
      fc.property(pool, input, (candidates, draw) => {
        const result = drawExperts(candidates, draw);
        const byId = new Map(candidates.map((c) => [c.expertId, c]));
        expect(new Set(result.memberIds).size).toBe(result.memberIds.length);
        for (const id of result.memberIds) {
          const c = byId.get(id)!;
          expect(recusalOf(c, draw.recusal)).toBeNull();
          if (draw.specialties.length) expect(c.specialties.some((s) => draw.specialties.includes(s))).toBe(true);
        }
        for (const { expertId } of result.recused) expect(result.memberIds).not.toContain(expertId);
        expect(result.memberIds.length).toBe(Math.min(draw.count, result.eligibleIds.length));
        expect(result.enough).toBe(result.eligibleIds.length >= draw.count);
      }),
      { numRuns: 2000 },
    );
  });

  it('is reproducible from its seed, whatever order the pool is read in', () => {
    fc.assert(
      fc.property(pool, input, fc.integer(), (candidates, draw, salt) => {
        const shuffled = [...candidates].sort(
          (a, b) => ((a.expertId * 7919 + salt) % 101) - ((b.expertId * 7919 + salt) % 101),
        );
        expect(drawExperts(shuffled, draw)).toEqual(drawExperts(candidates, draw));
      }),
      { numRuns: 1000 },
    );
  });

  it('depends on the seed: over many seeds every eligible expert is drawn sometimes', () => {
    const candidates: DrawCandidate[] = Array.from({ length: 10 }, (_, i) => ({
      expertId: i + 1,
      specialties: ['档案管理'],
      unitId: null,
      supervisorId: null,
      conflictUnitIds: [],
    }));
    const drawnEver = new Set<number>();
    const firsts = new Set<number>();
    for (let s = 0; s < 200; s++) {
      const r = drawExperts(candidates, {
        seed: `seed-${s}`,
        count: 3,
        specialties: [],
        recusal: { unitIds: [], supervisorIds: [] },
      });
      r.memberIds.forEach((id) => drawnEver.add(id));
      firsts.add(r.memberIds[0]!);
    }
    expect(drawnEver.size).toBe(10);
    expect(firsts.size).toBe(10);
  });
});
