import { computed, reactive, ref, watch } from 'vue';
import {
  checkApplication,
  defaultFormConfig,
  emptyForm,
  formTableKeys,
  formTables,
  type Application,
  type ApplicationChoicesBody,
  type AttachmentCategory,
  type CheckIssue,
  type FormData,
  type FormTableKey,
} from '#common';
import { applicationsApi } from '../../../api/applications';
import { isApiError } from '../../../api/http';

/** A table's unsaved copy in localStorage: what was typed, and the saved copy it was typed over. */
interface LocalCopy {
  base: unknown;
  data: unknown;
  at: string;
}

export type TableState = 'saved' | 'dirty' | 'saving' | 'failed' | 'conflict';

const AUTOSAVE_MS = 2000;
const RETRY_MS = 10_000;

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The table as the server would store it (trimmed, defaults), or as typed when it does not parse. */
function normalise<K extends FormTableKey>(table: K, data: unknown): FormData[K] {
  const parsed = formTables[table].safeParse(data);
  return (parsed.success ? parsed.data : data) as FormData[K];
}

/** A row table's problem names its row. */
function issueText(issue: { path: PropertyKey[]; message: string }): string {
  const [first] = issue.path;
  return typeof first === 'number' ? `第${first + 1}行：${issue.message}` : issue.message;
}

/**
 * The 申报评审表 being edited: the server's copy, the working copy of each table, and how they are
 * saved. Every table saves on its own with the application's version (one save at a time, so that
 * the version is always the latest); edits autosave after two quiet seconds, and until saved they
 * live in localStorage too, so that a reload or a lost connection restores them.
 */
export function useApplicationEditor(applicationId: string, hooks: { onConflict: () => void }) {
  const app = ref<Application | null>(null);
  const drafts = reactive(emptyForm()) as FormData;
  const tableSavedAt = reactive<Partial<Record<FormTableKey, string>>>({});
  const saving = reactive<Partial<Record<FormTableKey, boolean>>>({});
  const failures = reactive<Partial<Record<FormTableKey, string>>>({});
  const invalid = reactive<Partial<Record<FormTableKey, string[]>>>({});
  /** Tables restored from localStorage: 'clean' (typed over the saved copy), 'conflict' (the saved copy changed since). */
  const restored = reactive<Partial<Record<FormTableKey, 'clean' | 'conflict'>>>({});
  const lastSavedAt = ref<string | null>(null);
  const conflict = ref(false);
  let quiet = 0;
  const timers = new Map<FormTableKey, ReturnType<typeof setTimeout>>();

  const storageKey = (table: FormTableKey) => `zc:application:${applicationId}:${table}`;
  function readLocal(table: FormTableKey): LocalCopy | null {
    try {
      const text = localStorage.getItem(storageKey(table));
      return text ? (JSON.parse(text) as LocalCopy) : null;
    } catch {
      return null;
    }
  }
  function writeLocal(table: FormTableKey): void {
    if (!app.value) return;
    try {
      localStorage.setItem(
        storageKey(table),
        JSON.stringify({
          base: app.value.form[table],
          data: drafts[table],
          at: new Date().toISOString(),
        } satisfies LocalCopy),
      );
    } catch {
      // A full or disabled storage only loses the safety copy.
    }
  }
  function clearLocal(table: FormTableKey): void {
    try {
      localStorage.removeItem(storageKey(table));
    } catch {
      // Nothing to clear.
    }
  }

  /** When the unsaved copy of a table was last typed (null without one). */
  function localCopyAt(table: FormTableKey): string | null {
    return readLocal(table)?.at ?? null;
  }

  const editable = computed(() => app.value?.editable.tables ?? false);

  function isDirty(table: FormTableKey): boolean {
    if (!app.value) return false;
    return !same(normalise(table, drafts[table]), app.value.form[table]);
  }
  const dirtyTables = computed(() => (app.value && editable.value ? formTableKeys.filter(isDirty) : []));

  function setDraft<K extends FormTableKey>(table: K, data: FormData[K]): void {
    quiet++;
    try {
      (drafts as Record<FormTableKey, unknown>)[table] = clone(data);
    } finally {
      quiet--;
    }
  }

  function cancelTimer(table: FormTableKey): void {
    const timer = timers.get(table);
    if (timer) clearTimeout(timer);
    timers.delete(table);
  }
  function schedule(table: FormTableKey, delay = AUTOSAVE_MS): void {
    cancelTimer(table);
    if (restored[table] === 'conflict' || conflict.value) return;
    timers.set(
      table,
      setTimeout(() => {
        timers.delete(table);
        void save(table, { auto: true });
      }, delay),
    );
  }

  // Every edit: kept in localStorage at once, saved after two quiet seconds.
  for (const table of formTableKeys) {
    watch(
      () => drafts[table],
      () => {
        if (quiet > 0 || !app.value || !editable.value) return;
        invalid[table] = [];
        if (isDirty(table)) {
          writeLocal(table);
          schedule(table);
        } else {
          clearLocal(table);
          cancelTimer(table);
          if (restored[table]) delete restored[table];
        }
      },
      { deep: true, flush: 'sync' },
    );
  }

  /** Takes the server's copy; tables with unsaved local edits keep them (see `restored`). */
  function take(fresh: Application, initial: boolean): void {
    app.value = fresh;
    for (const table of formTableKeys) {
      const server = fresh.form[table];
      const local = readLocal(table);
      if (!fresh.editable.tables || !local || same(normalise(table, local.data), server)) {
        if (local) clearLocal(table);
        delete restored[table];
        setDraft(table, server);
        continue;
      }
      setDraft(table, local.data as FormData[typeof table]);
      if (same(normalise(table, local.base), server)) {
        if (initial) restored[table] = 'clean';
        schedule(table);
      } else {
        restored[table] = 'conflict';
      }
    }
  }

  // One call at a time: each one uses the version the previous one left.
  let chain: Promise<unknown> = Promise.resolve();
  function serial<T>(job: () => Promise<T>): Promise<T> {
    const run = chain.then(job, job);
    chain = run.catch(() => undefined);
    return run;
  }

  async function load(): Promise<void> {
    take(await applicationsApi.get(applicationId), true);
  }

  /** After an upload, a removal or a conflict: the server's copy again, unsaved edits kept. */
  async function refresh(): Promise<void> {
    const fresh = await applicationsApi.get(applicationId);
    conflict.value = false;
    take(fresh, false);
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
    cancelTimer(table);
    if (!app.value || !editable.value) return Promise.resolve(false);
    if (!isDirty(table)) return Promise.resolve(true);
    if (!validate(table)) return Promise.resolve(false);
    if (options.auto && restored[table] === 'conflict') return Promise.resolve(false);
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
        tableSavedAt[table] = saved.savedAt;
        lastSavedAt.value = saved.savedAt;
        delete failures[table];
        delete restored[table];
        if (isDirty(table)) writeLocal(table);
        else clearLocal(table);
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
    const results = await Promise.all(dirtyTables.value.map((t) => save(t).catch(() => false)));
    return results.every(Boolean);
  }

  /** A table restored over a saved copy that changed meanwhile: keep what was typed (saved over it)… */
  async function keepLocal(table: FormTableKey): Promise<void> {
    delete restored[table];
    writeLocal(table);
    await save(table);
  }
  /** …or drop it and take the saved copy. */
  function dropLocal(table: FormTableKey): void {
    if (!app.value) return;
    cancelTimer(table);
    clearLocal(table);
    delete restored[table];
    delete failures[table];
    setDraft(table, app.value.form[table]);
  }

  function stateOf(table: FormTableKey): TableState {
    if (saving[table]) return 'saving';
    if (restored[table] === 'conflict' || (conflict.value && isDirty(table))) return 'conflict';
    if (failures[table] && isDirty(table)) return 'failed';
    if (isDirty(table)) return 'dirty';
    return 'saved';
  }

  const anySaving = computed(() => formTableKeys.some((t) => saving[t]));

  async function saveChoices(body: ApplicationChoicesBody): Promise<void> {
    await serial(async () => {
      if (!app.value) return;
      await applicationsApi.saveChoices(applicationId, app.value.version, body);
    });
    await serial(refresh);
  }

  async function upload(category: AttachmentCategory, file: File): Promise<void> {
    await serial(() => applicationsApi.upload(applicationId, category, file));
    await serial(refresh);
  }

  async function removeAttachment(attachmentId: string): Promise<void> {
    await serial(() => applicationsApi.removeAttachment(applicationId, attachmentId));
    await serial(refresh);
  }

  async function submit(): Promise<Application> {
    const submitted = await serial(async () => applicationsApi.submit(applicationId, app.value?.version ?? 0));
    take(submitted, false);
    return submitted;
  }

  /** What 提交 waits for, computed as the server does, on what is typed now. */
  const liveIssues = computed<CheckIssue[]>(() => {
    const current = app.value;
    if (!current) return [];
    const counts: Partial<Record<AttachmentCategory, number>> = {};
    for (const a of current.attachments) counts[a.category] = (counts[a.category] ?? 0) + 1;
    const form = Object.fromEntries(formTableKeys.map((t) => [t, normalise(t, drafts[t])])) as FormData;
    return checkApplication(
      {
        kind: current.kind,
        titleLevel: current.title.level,
        hasCommittee: current.committee !== null,
        hasSpecialties: current.specialtyStudied !== null && current.specialtyPractised !== null,
        form,
        attachmentCounts: counts,
        year: current.year,
      },
      defaultFormConfig,
    );
  });

  function dispose(): void {
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
  }

  return {
    app,
    drafts,
    editable,
    tableSavedAt,
    lastSavedAt,
    failures,
    invalid,
    restored,
    conflict,
    dirtyTables,
    anySaving,
    liveIssues,
    load,
    refresh: () => serial(refresh),
    save,
    saveAll,
    keepLocal,
    dropLocal,
    stateOf,
    isDirty,
    localCopyAt,
    setDraft,
    saveChoices,
    upload,
    removeAttachment,
    submit,
    dispose,
  };
}

export type ApplicationEditor = ReturnType<typeof useApplicationEditor>;
