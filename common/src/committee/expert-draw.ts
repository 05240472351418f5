/**
 * 随机抽取评审专家: reproducible from a recorded seed. The same candidates (in any order) and the same
 * seed give the same members, so an auditor can replay a draw from the log.
 */
export interface DrawCandidate {
  expertId: number;
  specialties: readonly string[];
  /** The unit and supervising department the expert works in (either may be unknown). */
  unitId: number | null;
  supervisorId: number | null;
  /** Units the expert declared a conflict of interest with. */
  conflictUnitIds: readonly number[];
}

/** What the applications on the agenda make impossible: their units and supervising departments. */
export interface Recusal {
  unitIds: readonly number[];
  supervisorIds: readonly number[];
}

export type RecusalReason = 'sameUnit' | 'sameSupervisor' | 'declaredConflict';
export const recusalReasonLabels: Record<RecusalReason, string> = {
  sameUnit: '与申报人同单位',
  sameSupervisor: '与申报人单位同一主管部门',
  declaredConflict: '申明回避',
};

/** Why an expert may not sit on a meeting with this agenda, or null. */
export function recusalOf(candidate: DrawCandidate, recusal: Recusal): RecusalReason | null {
  if (candidate.unitId !== null && recusal.unitIds.includes(candidate.unitId)) return 'sameUnit';
  if (candidate.supervisorId !== null && recusal.supervisorIds.includes(candidate.supervisorId)) {
    return 'sameSupervisor';
  }
  if (candidate.conflictUnitIds.some((id) => recusal.unitIds.includes(id))) return 'declaredConflict';
  return null;
}

/** cyrb128: a seed string to four 32-bit words (public domain; bryc). */
function seedWords(seed: string): [number, number, number, number] {
  let h1 = 1779033703,
    h2 = 3144134277,
    h3 = 1013904242,
    h4 = 2773480762;
  for (let i = 0; i < seed.length; i++) {
    const k = seed.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}

/** sfc32: a small, well-tested generator of uniform 32-bit words from the seed (bryc). */
function generator(seed: string): () => number {
  let [a, b, c, d] = seedWords(seed);
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return t >>> 0;
  };
}

/** An unbiased integer in [0, n) by rejection. */
function below(next: () => number, n: number): number {
  const limit = Math.floor(0x1_0000_0000 / n) * n;
  for (;;) {
    const x = next();
    if (x < limit) return x % n;
  }
}

export interface DrawResult {
  /** Drawn, in the order drawn. */
  memberIds: number[];
  /** Every candidate not drawable, with the reason (for the record of the draw). */
  recused: { expertId: number; reason: RecusalReason }[];
  /** The candidates that could be drawn, sorted: with the seed, what replays the draw. */
  eligibleIds: number[];
}

/**
 * Draws `count` members among the candidates who share one of `specialties` (all, when none is given) and
 * are not recused, by a Fisher–Yates shuffle driven by the seed; `enough` says whether `count` could be met.
 */
export function drawExperts(
  candidates: readonly DrawCandidate[],
  input: { seed: string; count: number; specialties: readonly string[]; recusal: Recusal },
): DrawResult & { enough: boolean } {
  const recused: DrawResult['recused'] = [];
  const eligible: number[] = [];
  for (const candidate of [...candidates].sort((a, b) => a.expertId - b.expertId)) {
    const matches = input.specialties.length === 0 || candidate.specialties.some((s) => input.specialties.includes(s));
    if (!matches) continue;
    const reason = recusalOf(candidate, input.recusal);
    if (reason) recused.push({ expertId: candidate.expertId, reason });
    else eligible.push(candidate.expertId);
  }
  const pool = [...eligible];
  const next = generator(input.seed);
  const take = Math.min(input.count, pool.length);
  for (let i = 0; i < take; i++) {
    const j = i + below(next, pool.length - i);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return { memberIds: pool.slice(0, take), recused, eligibleIds: eligible, enough: pool.length >= input.count };
}
