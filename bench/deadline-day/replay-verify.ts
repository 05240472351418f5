import type { Db } from '../../server/src/db/database';
import { markerPattern, type ApplicantLedger } from './applicant-journey';
import type { AcknowledgedDecision } from './reviewer-desk';

export interface Verification {
  /** Acknowledged changes the database does not hold: must be 0. */
  lost: number;
  /** The first few, described. */
  lostSamples: string[];
}

const chunks = <T>(list: T[], size: number) =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

/**
 * Reads back from the database what the server acknowledged: each applicant's 表三 ends with the marker
 * of their last acknowledged save or of a later one they sent (never an earlier one, never none); each
 * acknowledged submission left its draft with its 'submit' row in the review log; each acknowledged
 * 通过 has its row, by that reviewer, written since the replay began.
 */
export async function verifyAcknowledged(
  db: Db,
  runId: string,
  since: Date,
  ledgers: ApplicantLedger[],
  decisions: AcknowledgedDecision[],
): Promise<Verification> {
  const lostSamples: string[] = [];
  let lost = 0;
  const lose = (what: string) => {
    lost += 1;
    if (lostSamples.length < 20) lostSamples.push(what);
  };
  const marker = markerPattern(runId);

  for (const part of chunks(ledgers, 2000)) {
    const ids = part.map((l) => l.applicationId);
    const rows = await db
      .selectFrom('application')
      .select(['id', 'status', (eb) => eb.ref('form', '->').key('table3').key('summary').as('summary')])
      .where('id', 'in', ids)
      .execute();
    const submits = await db
      .selectFrom('review_log')
      .select('application_id')
      .where('application_id', 'in', ids)
      .where('action', '=', 'submit')
      .where('at', '>=', since)
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const submitted = new Set(submits.map((s) => s.application_id));
    for (const ledger of part) {
      const row = byId.get(ledger.applicationId);
      const stored = Number(marker.exec(String(row?.summary ?? ''))?.[1] ?? 0);
      if (ledger.lastSaveAcknowledged > 0 && (stored < ledger.lastSaveAcknowledged || stored > ledger.savesSent)) {
        lose(
          `申报 ${ledger.applicationId}: 第${ledger.lastSaveAcknowledged}次保存已确认，库中为第${stored}次（共发出${ledger.savesSent}次）`,
        );
      }
      if (ledger.submission !== 'none' && (row?.status === 'draft' || !submitted.has(ledger.applicationId))) {
        lose(
          `申报 ${ledger.applicationId}: 提交已确认，库中状态 ${row?.status}，提交记录 ${submitted.has(ledger.applicationId)}`,
        );
      }
    }
  }

  for (const part of chunks(decisions, 2000)) {
    const logged = await db
      .selectFrom('review_log')
      .select(['application_id', 'actor_account_id'])
      .where(
        'application_id',
        'in',
        part.map((d) => d.applicationId),
      )
      .where('action', '=', 'approve')
      .where('at', '>=', since)
      .execute();
    const seen = new Set(logged.map((r) => `${r.application_id}/${r.actor_account_id}`));
    for (const d of part) {
      if (!seen.has(`${d.applicationId}/${d.reviewerAccountId}`)) {
        lose(`申报 ${d.applicationId}: 审核账号 ${d.reviewerAccountId} 的通过已确认，审核记录中没有`);
      }
    }
  }
  return { lost, lostSamples };
}
