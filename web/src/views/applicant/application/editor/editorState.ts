import { computed, reactive, ref } from 'vue';
import {
  checkApplication,
  defaultFormConfig,
  emptyForm,
  formTableKeys,
  formTables,
  type Application,
  type AttachmentCategory,
  type CheckIssue,
  type FormData,
  type FormTableKey,
} from '#common';
import { beijingToday } from '../../../../utils/datetime';

export const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
export const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The table as the server would store it (trimmed, defaults), or as typed when it does not parse. */
export function normalise<K extends FormTableKey>(table: K, data: unknown): FormData[K] {
  const parsed = formTables[table].safeParse(data);
  return (parsed.success ? parsed.data : data) as FormData[K];
}

/**
 * What the 申报评审表 page edits: the server's copy of the application, the working copy of each
 * table (`drafts`), which tables differ from the saved copy, and what 提交 still waits for, computed
 * as the server computes it, on what is typed now.
 */
export function useEditorState() {
  const app = ref<Application | null>(null);
  const drafts = reactive(emptyForm()) as FormData;
  const editable = computed(() => app.value?.editable.tables ?? false);

  function isDirty(table: FormTableKey): boolean {
    if (!app.value) return false;
    return !same(normalise(table, drafts[table]), app.value.form[table]);
  }
  const dirtyTables = computed(() => (app.value && editable.value ? formTableKeys.filter(isDirty) : []));

  // A working copy replaced by the page (the server's copy, a restored one) is not an edit.
  let quiet = 0;
  const isQuiet = () => quiet > 0;
  function setDraft<K extends FormTableKey>(table: K, data: FormData[K]): void {
    quiet++;
    try {
      (drafts as Record<FormTableKey, unknown>)[table] = clone(data);
    } finally {
      quiet--;
    }
  }

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
        today: beijingToday(),
      },
      defaultFormConfig,
    );
  });

  return { app, drafts, editable, isDirty, dirtyTables, isQuiet, setDraft, liveIssues };
}

export type EditorState = ReturnType<typeof useEditorState>;
