import { sleep, type ReplayBrowser } from './replay-client';
import type { ReplayReviewer } from './replay-people';
import type { ReplayStats } from './replay-stats';

/** A 通过 the server acknowledged: the check looks for its review_log row. */
export interface AcknowledgedDecision {
  applicationId: number;
  reviewerAccountId: number;
}

export interface DeskPace {
  /** How many checked applications one 审核 decides (at most 100, the page's limit). */
  batch: number;
  /** Seconds between two rounds at the desk. */
  pauseSeconds: number;
  /** The desk stops once this resolves: when the crowd is done. */
  until: Promise<void>;
}

const deskOp = '审核列表 GET /api/review/desk';
const openOp = '打开申报 GET /api/applications/:id';
const opinionOp = '基层意见 PUT /api/review/applications/:id/unit-opinion';
const decideOp = '审核 POST /api/review/decisions';

/**
 * A reviewer at their desk while the crowd submits: lists what waits, opens the first two, and 通过 a
 * batch of them; a unit writes each one's 基层意见 (表十二) first, as it must before 通过.
 */
export async function workDesk(
  browser: ReplayBrowser,
  reviewer: ReplayReviewer,
  pace: DeskPace,
  stats: ReplayStats,
): Promise<AcknowledgedDecision[]> {
  const decided: AcknowledgedDecision[] = [];
  let done = false;
  void pace.until.then(() => (done = true));
  if (!(await browser.open())) return decided;
  while (!done) {
    const page = await browser.request(deskOp, 'GET', `/api/review/desk?page=1&pageSize=${pace.batch}`);
    const rows = (page?.status === 200 ? page.body.items : []) as { id: string; version: number }[];
    for (const row of rows.slice(0, 2)) await browser.request(openOp, 'GET', `/api/applications/${row.id}`);
    const items: { id: string; version: number }[] = [];
    for (const row of rows) {
      if (!reviewer.unit) {
        items.push({ id: row.id, version: row.version });
        continue;
      }
      const saved = await browser.request(opinionOp, 'PUT', `/api/review/applications/${row.id}/unit-opinion`, {
        version: row.version,
        unitOpinion: '该同志政治立场坚定，业务能力强，同意推荐。',
      });
      if (saved?.status === 200) items.push({ id: row.id, version: saved.body.version as number });
    }
    if (items.length) {
      const answer = await browser.request(decideOp, 'POST', '/api/review/decisions', {
        items,
        action: 'approve',
        opinion: '',
      });
      for (const result of (answer?.status === 200 ? answer.body.results : []) as {
        id: string;
        ok: boolean;
        code?: string;
        message?: string;
      }[]) {
        if (result.ok) decided.push({ applicationId: Number(result.id), reviewerAccountId: reviewer.accountId });
        else stats.failed(decideOp, `refused ${result.code}`, `${result.id}: ${result.message}`);
      }
    }
    await Promise.race([sleep(pace.pauseSeconds * 1000), pace.until]);
  }
  return decided;
}
