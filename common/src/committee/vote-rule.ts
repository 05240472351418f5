import { z } from 'zod';

/** A share such as 2/3, kept as two integers so that a threshold is exact (no rounding of 0.666…). */
export interface Share {
  num: number;
  den: number;
}

/**
 * A committee's voting rule ([推断] FORM.md §4: 出席 ≥ 2/3 of the members drawn, 同意 ≥ 2/3 of those
 * present; 人社部令第40号). Configurable per committee.
 */
export interface VoteRule {
  quorum: Share;
  pass: Share;
}

export const defaultVoteRule: VoteRule = { quorum: { num: 2, den: 3 }, pass: { num: 2, den: 3 } };

export const shareSchema = z
  .object({ num: z.number().int().min(1).max(99), den: z.number().int().min(1).max(99) })
  .refine((s) => s.num <= s.den, { message: '比例不能大于1' })
  .refine((s) => s.num * 2 > s.den, { message: '比例应超过半数' });

/** Whether `part` reaches `share` of `whole`: part/whole ≥ num/den, in integers. */
export const reaches = (part: number, whole: number, share: Share) => part * share.den >= share.num * whole;

/** A meeting can vote only with enough of its drawn members present (应到, 实到). */
export function hasQuorum(expected: number, present: number, rule: VoteRule): boolean {
  return expected > 0 && present <= expected && reaches(present, expected, rule.quorum);
}

export interface Tally {
  /** 应到: the members drawn for the meeting. */
  expected: number;
  /** 实到: the members recorded present. */
  present: number;
  agree: number;
  disagree: number;
  abstain: number;
}

export type VoteOutcome = 'passed' | 'failed' | 'noQuorum';
export const voteOutcomeLabels: Record<VoteOutcome, string> = {
  passed: '通过',
  failed: '未通过',
  noQuorum: '出席人数不足，不能表决',
};

/**
 * The result of one application's vote. Ballots not cast by a member present count as 弃权 (the counts
 * always add up to 实到); 通过 needs 同意 ≥ the pass share of those present.
 */
export function voteOutcome(tally: Tally, rule: VoteRule): VoteOutcome {
  const { expected, present, agree, disagree, abstain } = tally;
  if ([expected, present, agree, disagree, abstain].some((n) => !Number.isInteger(n) || n < 0)) {
    throw new RangeError('票数应为非负整数');
  }
  if (agree + disagree + abstain !== present) throw new RangeError('同意、不同意、弃权之和应等于实到人数');
  if (!hasQuorum(expected, present, rule)) return 'noQuorum';
  return reaches(agree, present, rule.pass) ? 'passed' : 'failed';
}

/** The least number of members present for a quorum, and of 同意 votes for a pass: what the pages show. */
export const leastReaching = (whole: number, share: Share) => Math.ceil((share.num * whole) / share.den);
