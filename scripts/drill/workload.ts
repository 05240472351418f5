import { sampleForm as completeForm, sampleRequiredCategories as requiredCategories } from '#common';
import type { Answer } from './browser';
import { pdf, type Application, type World } from './world';

/** One write sent to the server; `acked` once it answered 2xx (the client was told it is stored). */
export interface Write {
  round: number;
  kind: 'table' | 'attachment' | 'transition' | 'opinion';
  applicationId: string;
  acked: boolean;
  /** table: the text written into 表一, to recognise which save is stored. */
  marker?: string;
  action?: string;
  attachmentId?: string;
}

export interface Ledger {
  writes: Write[];
  /** Answers other than 2xx, by status (0: no answer, the server was killed mid-request). */
  refused: Map<number, number>;
  /** Any 5xx is a finding: a request the server could not handle. */
  serverErrors: string[];
}

export const newLedger = (): Ledger => ({ writes: [], refused: new Map(), serverErrors: [] });

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
let markers = 0;

async function attempt(ledger: Ledger, write: Write, send: () => Promise<Answer>): Promise<Answer> {
  ledger.writes.push(write);
  const answer = await send();
  if (answer.status >= 200 && answer.status < 300) {
    write.acked = !(write.kind === 'transition' && answer.body?.results && !answer.body.results[0]?.ok);
  } else {
    ledger.refused.set(answer.status, (ledger.refused.get(answer.status) ?? 0) + 1);
    if (answer.status >= 500) ledger.serverErrors.push(`${write.kind} ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return answer;
}

/** The next step of one application, by whoever holds it now: the applicant edits or submits, a desk decides. */
async function step(world: World, app: Application, round: number, ledger: Ledger): Promise<boolean> {
  const view = await app.applicant.get(`/api/applications/${app.id}`);
  if (view.status !== 200) {
    // A read the server cannot answer after a restart is a finding too (the workload would stall).
    if (view.status >= 500) ledger.serverErrors.push(`read ${view.status} ${JSON.stringify(view.body)}`);
    return true;
  }
  const { status, stage } = view.body as { status: string; stage: string | null };
  if (status === 'passed' || status === 'rejected') return false;
  const base = { round, applicationId: app.id, acked: false };
  if (status === 'draft' || status === 'returned') {
    const r = Math.random();
    if (r < 0.45) {
      const marker = `演练${++markers}`;
      const data = completeForm(world.year, '演练').table1.map((row, i) =>
        i === 0 ? { ...row, witness: marker } : row,
      );
      await attempt(ledger, { ...base, kind: 'table', marker }, () =>
        app.applicant.put(`/api/applications/${app.id}/tables/table1`, { version: view.body.version, data }),
      );
    } else if (r < 0.65) {
      const category = pick(requiredCategories);
      const write: Write = { ...base, kind: 'attachment' };
      const answer = await attempt(ledger, write, () =>
        app.applicant.upload(`/api/applications/${app.id}/attachments/${category}`, `${category}.pdf`, pdf),
      );
      if (write.acked) write.attachmentId = String(answer.body.attachmentId ?? answer.body.id);
    } else {
      await attempt(ledger, { ...base, kind: 'transition', action: 'submit' }, () =>
        app.applicant.post(`/api/applications/${app.id}/submit`, { version: view.body.version }),
      );
    }
    return true;
  }
  const desk = stage === 'unitReview' ? world.unit : world.desks[stage as keyof World['desks']];
  if (!desk) return true;
  if (stage === 'unitReview') {
    const opinion = await desk.get(`/api/review/applications/${app.id}/unit-opinion`);
    if (opinion.status === 200 && !opinion.body.unitOpinion) {
      await attempt(ledger, { ...base, kind: 'opinion' }, () =>
        desk.put(`/api/review/applications/${app.id}/unit-opinion`, {
          version: opinion.body.version,
          unitOpinion: '该同志业务能力强，同意推荐。',
        }),
      );
      return true;
    }
  }
  const seen = await desk.get(`/api/applications/${app.id}`);
  if (seen.status !== 200) return true;
  // The committee never passes one (a passed application leaves the workload): it returns or resets.
  const action =
    stage === 'committeeCheck'
      ? Math.random() < 0.5
        ? 'return'
        : 'reset'
      : Math.random() < 0.7
        ? 'approve'
        : 'return';
  await attempt(ledger, { ...base, kind: 'transition', action }, () =>
    desk.post('/api/review/decisions', {
      items: [{ id: app.id, version: seen.body.version }],
      action,
      opinion: action === 'approve' ? '' : '请补充材料（演练）',
    }),
  );
  return true;
}

/** `workers` loops, each on an application no other loop holds, until `until()` says stop. */
export async function runWorkload(world: World, round: number, ledger: Ledger, workers: number, until: () => boolean) {
  const busy = new Set<string>();
  const finished = new Set<string>();
  const loop = async () => {
    while (!until()) {
      const free = world.applications.filter((a) => !busy.has(a.id) && !finished.has(a.id));
      if (free.length === 0) {
        await new Promise((done) => setTimeout(done, 50));
        continue;
      }
      const app = pick(free);
      busy.add(app.id);
      try {
        if (!(await step(world, app, round, ledger))) finished.add(app.id);
      } finally {
        busy.delete(app.id);
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, loop));
  return { finished: finished.size };
}
