import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultVoteRule, hasQuorum, leastReaching, voteOutcome, type Share, type VoteRule } from './vote-rule';

/**
 * The reference, written differently from the rule: the least count that reaches a share is found by
 * counting up, in exact rationals (never a float), and compared.
 */
function leastByCounting(whole: number, share: Share): number {
  for (let k = 0; k <= whole; k++) if (k * share.den >= share.num * whole) return k;
  return whole + 1;
}
function referenceOutcome(t: { expected: number; present: number; agree: number }, rule: VoteRule) {
  if (t.expected === 0 || t.present < leastByCounting(t.expected, rule.quorum)) return 'noQuorum';
  return t.agree >= leastByCounting(t.present, rule.pass) ? 'passed' : 'failed';
}

const share = fc
  .record({ num: fc.integer({ min: 1, max: 12 }), den: fc.integer({ min: 1, max: 12 }) })
  .filter((s) => s.num <= s.den && s.num * 2 > s.den);
const rule = fc.oneof(fc.constant(defaultVoteRule), fc.record({ quorum: share, pass: share }));

/** Every combination of 应到 / 实到 / votes that can happen: votes add up to 实到 ≤ 应到. */
const tally = fc.integer({ min: 0, max: 35 }).chain((expected) =>
  fc.integer({ min: 0, max: expected }).chain((present) =>
    fc.integer({ min: 0, max: present }).chain((agree) =>
      fc.integer({ min: 0, max: present - agree }).map((disagree) => ({
        expected,
        present,
        agree,
        disagree,
        abstain: present - agree - disagree,
      })),
    ),
  ),
);

describe('quorum and thresholds against a reference', () => {
  it('agree with the counted reference on every tally and rule', () => {
    fc.assert(
      fc.property(tally, rule, (t, r) => {
        expect(voteOutcome(t, r)).toBe(referenceOutcome(t, r));
        expect(hasQuorum(t.expected, t.present, r)).toBe(voteOutcome(t, r) !== 'noQuorum');
        if (t.expected > 0) expect(leastReaching(t.expected, r.quorum)).toBe(leastByCounting(t.expected, r.quorum));
      }),
      { numRuns: 5000 },
    );
  });

  it('count the default 2/3 exactly at its edges (FORM.md §4: 到会三分之二（含）以上同意)', () => {
    const at = (expected: number, present: number, agree: number) =>
      voteOutcome({ expected, present, agree, disagree: present - agree, abstain: 0 }, defaultVoteRule);
    expect(at(9, 6, 4)).toBe('passed'); // 4/6 = 2/3 exactly
    expect(at(9, 6, 3)).toBe('failed');
    expect(at(9, 5, 4)).toBe('noQuorum'); // 5/9 < 2/3
    expect(at(5, 4, 3)).toBe('passed'); // 3/4 ≥ 2/3
    expect(at(5, 4, 2)).toBe('failed');
    expect(at(7, 5, 4)).toBe('passed'); // 5/7 ≥ 2/3, 4/5 ≥ 2/3
  });

  it('refuses counts that cannot be', () => {
    expect(() => voteOutcome({ expected: 5, present: 4, agree: 3, disagree: 0, abstain: 0 }, defaultVoteRule)).toThrow(
      '同意、不同意、弃权之和应等于实到人数',
    );
    expect(() => voteOutcome({ expected: 5, present: 4, agree: -1, disagree: 5, abstain: 0 }, defaultVoteRule)).toThrow(
      '票数应为非负整数',
    );
  });
});
