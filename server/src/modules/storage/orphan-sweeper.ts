import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import type { FileStorage } from './file-storage';
import { deleteStoredFiles, storedKeys, unreferencedFiles } from './file.repository';

/**
 * How long a file may wait for what names it. A file written moments ago may belong to an upload whose
 * transaction has not committed yet; a licence uploaded but not yet saved in 单位信息 waits for its unit.
 */
export interface SweepRules {
  /** A stored file with no row, older than this, is from a crash or a failed transaction. */
  fileGraceMinutes: number;
  /** A row no attachment or unit names, older than this, is a removed attachment or an abandoned licence. */
  rowGraceHours: number;
}

export interface SweepResult {
  rowsRemoved: number;
  filesRemoved: number;
}

/** Removes what an upload left half-done or an attachment left behind: rows nothing names, files no row names. */
export async function sweepOrphans(
  db: Db,
  storage: FileStorage,
  clock: Clock,
  rules: SweepRules,
): Promise<SweepResult> {
  const now = clock.now().getTime();
  // Rows first: a file whose row goes here is then a file without a row, removed below or next time.
  const rows = await unreferencedFiles(db, new Date(now - rules.rowGraceHours * 3600_000));
  const removed = await deleteStoredFiles(
    db,
    rows.map((r) => r.id),
  );
  const known = await storedKeys(db);
  let filesRemoved = 0;
  const fileCutoff = now - rules.fileGraceMinutes * 60_000;
  for await (const { key, writtenAt } of storage.list()) {
    if (known.has(key) || writtenAt.getTime() > fileCutoff) continue;
    await storage.remove(key);
    filesRemoved += 1;
  }
  return { rowsRemoved: removed, filesRemoved };
}

export interface FileSweeper {
  runOnce(): Promise<SweepResult>;
  /** Sweeps every `intervalMs`; several servers may sweep at once, each removal being idempotent. */
  start(intervalMs: number): void;
  stop(): void;
}

export function createFileSweeper(
  db: Db,
  storage: FileStorage,
  clock: Clock,
  rules: SweepRules,
  log: { info(o: object, m: string): void; error(o: object, m: string): void },
): FileSweeper {
  let timer: ReturnType<typeof setInterval> | null = null;
  const sweeper: FileSweeper = {
    runOnce: () => sweepOrphans(db, storage, clock, rules),
    start(intervalMs) {
      timer = setInterval(() => {
        sweeper.runOnce().then(
          (r) => {
            if (r.rowsRemoved || r.filesRemoved) log.info(r, 'orphan files swept');
          },
          (err: unknown) => log.error({ err }, 'orphan sweep failed; the next round tries again'),
        );
      }, intervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
  return sweeper;
}
