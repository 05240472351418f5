import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  initialWorkflowState,
  next,
  type RouteStep,
  type WorkflowAction,
  type WorkflowActor,
  type WorkflowState,
} from '#common';
import type { Db } from '../../server/src/db/database';
import type { Ledger } from './workload';

export interface Findings {
  /** Acknowledged writes not found in the database: each one is data a user was told was saved. */
  missing: string[];
  /** Applications whose state is not what their review log replays to. */
  stateMismatches: string[];
  orphanFiles: string[];
  orphanRows: string[];
  applications: number;
  reviewLogRows: number;
}

function filesUnder(root: string): string[] {
  try {
    return readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(root, join(entry.parentPath, entry.name)).split('\\').join('/'));
  } catch {
    return [];
  }
}

/** The state rebuilt from the log alone, each row's actor as the log names it (as review.model.test does). */
function replay(
  rows: { action: WorkflowAction; org_kind: string | null; org_id: number | null; state_after: unknown }[],
  applicantId: number,
) {
  return rows.reduce<WorkflowState>((state, row) => {
    const actor: WorkflowActor =
      row.org_kind === 'applicant'
        ? { kind: 'applicant', accountId: applicantId, owns: true }
        : row.org_kind === 'unit'
          ? { kind: 'unit', accountId: 0, unitId: row.org_id! }
          : { kind: 'reviewer', accountId: 0, orgKind: row.org_kind as 'hrBureau', orgId: row.org_id! };
    const route = (row.state_after as { route: RouteStep[] | null }).route ?? undefined;
    const result = next(state, row.action, actor, { route });
    if (!result.ok) throw new Error(`the log holds a refused step: ${row.action} (${result.code})`);
    return result.state;
  }, initialWorkflowState);
}

/** jsonb keeps its own key order: compare the fields, not the texts. */
const canonical = (s: WorkflowState) =>
  JSON.stringify([s.status, s.stageIndex, s.route, s.returnedFromIndex, s.returnCount]);

export async function verify(db: Db, filesDir: string, ledger: Ledger): Promise<Findings> {
  const findings: Findings = {
    missing: [],
    stateMismatches: [],
    orphanFiles: [],
    orphanRows: [],
    applications: 0,
    reviewLogRows: 0,
  };
  const applications = await db
    .selectFrom('application')
    .select([
      'id',
      'applicant_account_id',
      'status',
      'stage_index',
      'route',
      'returned_from_index',
      'return_count',
      'form',
    ])
    .execute();
  const log = await db.selectFrom('review_log').selectAll().orderBy('application_id').orderBy('seq').execute();
  const attachments = await db.selectFrom('attachment').select(['id', 'application_id', 'stored_file_id']).execute();
  const storedFiles = await db.selectFrom('stored_file').select(['id', 'storage_key']).execute();
  findings.applications = applications.length;
  findings.reviewLogRows = log.length;

  for (const app of applications) {
    const rows = log.filter((r) => r.application_id === app.id);
    const actual: WorkflowState = {
      status: app.status,
      stageIndex: app.stage_index,
      route: app.route,
      returnedFromIndex: app.returned_from_index,
      returnCount: app.return_count,
    };
    try {
      const replayed = replay(rows, app.applicant_account_id);
      const last = rows.at(-1)?.state_after ?? initialWorkflowState;
      for (const [what, expected] of [
        ['replay', replayed],
        ['last review_log row', last],
      ] as const) {
        if (canonical(expected as WorkflowState) !== canonical(actual)) {
          findings.stateMismatches.push(
            `application ${app.id}: state ${JSON.stringify(actual)} != ${what} ${JSON.stringify(expected)}`,
          );
        }
      }
    } catch (error) {
      findings.stateMismatches.push(`application ${app.id}: ${(error as Error).message}`);
    }
  }

  const byId = new Map(applications.map((a) => [String(a.id), a]));
  // Transitions: every acknowledged step is in the log (as many of each action as were acknowledged).
  const ackedSteps = new Map<string, number>();
  for (const w of ledger.writes) {
    if (w.kind === 'transition' && w.acked) {
      const key = `${w.applicationId} ${w.action}`;
      ackedSteps.set(key, (ackedSteps.get(key) ?? 0) + 1);
    }
  }
  for (const [key, count] of ackedSteps) {
    const [id, action] = key.split(' ');
    const logged = log.filter((r) => String(r.application_id) === id && r.action === action).length;
    if (logged < count)
      findings.missing.push(`application ${id}: ${count} × ${action} acknowledged, ${logged} in review_log`);
  }
  // Attachments: every acknowledged upload has its row.
  const attachmentIds = new Set(attachments.map((a) => String(a.id)));
  for (const w of ledger.writes) {
    if (w.kind === 'attachment' && w.acked && !attachmentIds.has(w.attachmentId!)) {
      findings.missing.push(`application ${w.applicationId}: attachment ${w.attachmentId} acknowledged, no row`);
    }
  }
  // 表一: the stored save is the last acknowledged one, or one sent after it (unanswered, yet committed).
  for (const [id, app] of byId) {
    const saves = ledger.writes.filter((w) => w.kind === 'table' && w.applicationId === id);
    const lastAcked = saves.findLastIndex((w) => w.acked);
    if (lastAcked < 0) continue;
    const stored = (app.form as { table1?: { witness?: string }[] }).table1?.[0]?.witness;
    const allowed = saves.slice(lastAcked).map((w) => w.marker);
    if (!allowed.includes(stored)) {
      findings.missing.push(`application ${id}: 表一 save ${saves[lastAcked]!.marker} acknowledged, stored ${stored}`);
    }
  }
  // Orphans, after the sweeper: a file no row names, or a row whose file is gone (a file in use removed).
  const keys = new Set(storedFiles.map((f) => f.storage_key));
  const onDisk = new Set(filesUnder(filesDir));
  findings.orphanFiles = [...onDisk].filter((file) => !keys.has(file));
  findings.orphanRows = storedFiles
    .filter((f) => !onDisk.has(f.storage_key))
    .map((f) => `stored_file ${f.id} (${f.storage_key})`);
  return findings;
}
