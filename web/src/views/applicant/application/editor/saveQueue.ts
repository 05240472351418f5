import { computed, reactive, ref } from 'vue';
import { formTableKeys, formTables, type Application, type FormTableKey } from '#common';
import { applicationsApi } from '../../../../api/applications';
import { isApiError } from '../../../../api/http';
import { clone, normalise, type EditorState } from './editorState';
import type { LocalCopies } from './localCopies';

const AUTOSAVE_MS = 2000;
const RETRY_MS = 10_000;

/** A row table's problem names its row. */
function issueText(issue: { path: PropertyKey[]; message: string }): string {
  const [first] = issue.path;
  return typeof first === 'number' ? `第${first + 1}行：${issue.message}` : issue.message;
}

/**
 * How the tables reach the server. Every call goes one at a time, so that each one uses the version
 * the previous one left; an edit is saved after two quiet seconds, a lost connection retried every
 * ten; a refusal because the application changed meanwhile (409) stops every save until 重新加载,
 * which takes the server's copy and keeps what was typed (`take`).
 */
export function useSaveQueue(
  applicationId: string,
  state: EditorState,
  copies: LocalCopies,
  hooks: { onConflict: () => void; take: (fresh: Application) => void },
) {
  const { app, drafts, editable, isDirty } = state;
  const savedAt = reactive<Partial<Record<FormTableKey, string>>>({});
  const saving = reactive<Partial<Record<FormTableKey, boolean>>>({});
  const failures = reactive<Partial<Record<FormTableKey, string>>>({});
  const invalid = reactive<Partial<Record<FormTableKey, string[]>>>({});
  const lastSavedAt = ref<string | null>(null);
  const conflict = ref(false);
  const timers = new Map<FormTableKey, ReturnType<typeof setTimeout>>();

  let chain: Promise<unknown> = Promise.resolve();
  function serial<T>(job: () => Promise<T>): Promise<T> {
    const run = chain.then(job, job);
    chain = run.catch(() => undefined);
    return run;
  }

  function cancel(table: FormTableKey): void {
    const timer = timers.get(table);
    if (timer) clearTimeout(timer);
    timers.delete(table);
  }
  function schedule(table: FormTableKey, delay = AUTOSAVE_MS): void {
    cancel(table);
    if (copies.restored[table] === 'conflict' || conflict.value) return;
    timers.set(
      table,
      setTimeout(() => {
        timers.delete(table);
        void save(table, { auto: true });
      }, delay),
    );
  }

  function validate(table: FormTableKey): boolean {
    const parsed = formTables[table].safeParse(drafts[table]);
    invalid[table] = parsed.success ? [] : parsed.error.issues.map(issueText);
    return parsed.success;
  }

  /**
   * Saves one table if it changed. `auto`: the autosave (quiet about what a person did not ask for).
   * Resolves to whether the table is saved now.
   */
  function save(table: FormTableKey, options: { auto?: boolean } = {}): Promise<boolean> {
    cancel(table);
    if (!app.value || !editable.value) return Promise.resolve(false);
    if (!isDirty(table)) return Promise.resolve(true);
    if (!validate(table)) return Promise.resolve(false);
    if (options.auto && copies.restored[table] === 'conflict') return Promise.resolve(false);
    return serial(async () => {
      const current = app.value;
      if (!current || conflict.value) return false;
      if (!isDirty(table)) return true;
      const data = normalise(table, clone(drafts[table]));
      saving[table] = true;
      try {
        const saved = await applicationsApi.saveTable(applicationId, table, current.version, data);
        current.version = saved.version;
        (current.form as Record<FormTableKey, unknown>)[table] = data;
        savedAt[table] = saved.savedAt;
        lastSavedAt.value = saved.savedAt;
        delete failures[table];
        delete copies.restored[table];
        if (isDirty(table)) copies.write(table, current.form[table], drafts[table]);
        else copies.clear(table);
        return true;
      } catch (error) {
        if (isApiError(error) && error.code === 'CONFLICT') {
          conflict.value = true;
          failures[table] = error.message;
          hooks.onConflict();
        } else if (isApiError(error) && error.code === 'NETWORK') {
          failures[table] = '网络连接失败，已在本机保留未保存的内容，恢复连接后将自动保存';
          schedule(table, RETRY_MS);
        } else {
          failures[table] = isApiError(error) ? error.message : '保存失败，请稍后重试';
          if (!options.auto) throw error;
        }
        return false;
      } finally {
        saving[table] = false;
      }
    });
  }

  /** Saves every changed table (before 提交, or when leaving the page). */
  async function saveAll(): Promise<boolean> {
    const results = await Promise.all(state.dirtyTables.value.map((t) => save(t).catch(() => false)));
    return results.every(Boolean);
  }

  /** 重新加载 (after a conflict, an upload, a removal): the server's copy again, unsaved edits kept. */
  function reload(): Promise<void> {
    return serial(async () => {
      const fresh = await applicationsApi.get(applicationId);
      conflict.value = false;
      hooks.take(fresh);
    });
  }

  const anySaving = computed(() => formTableKeys.some((t) => saving[t]));

  function dispose(): void {
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
  }

  return {
    savedAt,
    saving,
    failures,
    invalid,
    lastSavedAt,
    conflict,
    anySaving,
    serial,
    schedule,
    cancel,
    save,
    saveAll,
    reload,
    dispose,
  };
}

export type SaveQueue = ReturnType<typeof useSaveQueue>;
