import { sleep, type ReplayBrowser } from './replay-client';
import type { ReplayApplicant } from './replay-people';

/** What an applicant did and what the server acknowledged, for the check against the database. */
export interface ApplicantLedger {
  applicationId: number;
  /** The highest save number sent (its marker may be the one stored even if its answer was lost). */
  savesSent: number;
  /** The save number of the last save answered 2xx; 0: none. */
  lastSaveAcknowledged: number;
  /** `acknowledged`: answered 200; `settledAfterRetry`: a retry after 503 was refused, but the page shows it submitted. */
  submission: 'acknowledged' | 'settledAfterRetry' | 'none';
}

export interface JourneyPace {
  /** Seconds a person spends before each save and before 提交, at random between the two. */
  thinkSeconds: readonly [number, number];
  random: () => number;
}

/** The text each save writes at the end of 表三, numbered: what the database check looks for. */
export const saveMarker = (runId: string, n: number) => `（第${n}次修改·${runId}）`;
export const markerPattern = (runId: string) => new RegExp(`（第(\\d+)次修改·${runId}）$`);

const tableSave = '保存表三 PUT /api/applications/:id/tables/table3';
const submitOp = '提交 POST /api/applications/:id/submit';

/**
 * One applicant's last hour: opens 我的申报 and the application, edits 表三 and saves it one to three
 * times (each save's text ends with a numbered marker), runs the 提交前检查 as the page does, and submits.
 */
export async function applicantJourney(
  browser: ReplayBrowser,
  person: ReplayApplicant,
  runId: string,
  pace: JourneyPace,
): Promise<ApplicantLedger> {
  const id = person.applicationId;
  const ledger: ApplicantLedger = { applicationId: id, savesSent: 0, lastSaveAcknowledged: 0, submission: 'none' };
  const think = () => {
    const [min, max] = pace.thinkSeconds;
    return sleep((min + pace.random() * (max - min)) * 1000);
  };
  if (!(await browser.open())) return ledger;
  await browser.request('我的申报 GET /api/applications', 'GET', '/api/applications');
  let view = await browser.request('打开申报 GET /api/applications/:id', 'GET', `/api/applications/${id}`);
  if (view?.status !== 200) return ledger;
  let version = view.body.version as number;
  const text = (view.body.form.table3.summary as string).replace(markerPattern(runId), '');

  const saves = 1 + Math.floor(pace.random() * 3);
  for (let n = 1; n <= saves; n++) {
    await think();
    ledger.savesSent = n;
    const saved = await browser.request(tableSave, 'PUT', `/api/applications/${id}/tables/table3`, {
      version,
      data: { summary: text + saveMarker(runId, n) },
    });
    if (saved?.status === 200) {
      version = saved.body.version as number;
      ledger.lastSaveAcknowledged = n;
    } else {
      // The page would reload the application after a refusal or a lost answer.
      view = await browser.request('打开申报 GET /api/applications/:id', 'GET', `/api/applications/${id}`);
      if (view?.status !== 200) return ledger;
      version = view.body.version as number;
    }
  }

  await think();
  await browser.request('提交前检查 GET /api/applications/:id/check', 'GET', `/api/applications/${id}/check`);
  const submitted = await browser.request(submitOp, 'POST', `/api/applications/${id}/submit`, { version });
  if (submitted?.status === 200) ledger.submission = 'acknowledged';
  else if (submitted?.afterRetry) {
    // A 503 may follow a change that committed (a read after it waited too long for a connection): the
    // retry is then refused. What does the page show now?
    const now = await browser.request('打开申报 GET /api/applications/:id', 'GET', `/api/applications/${id}`);
    if (now?.status === 200 && now.body.status !== 'draft') ledger.submission = 'settledAfterRetry';
  }
  return ledger;
}
