import { watch } from 'vue';
import {
  formTableKeys,
  type Application,
  type ApplicationChoicesBody,
  type AttachmentCategory,
  type FormData,
  type FormTableKey,
} from '#common';
import { applicationsApi } from '../../../api/applications';
import { normalise, same, useEditorState } from './editor/editorState';
import { useLocalCopies } from './editor/localCopies';
import { useSaveQueue } from './editor/saveQueue';

export type TableState = 'saved' | 'dirty' | 'saving' | 'failed' | 'conflict';

/**
 * The 申报评审表 being edited: the editor's state (`editor/editorState.ts`), the copies of unsaved
 * tables kept in this browser (`editor/localCopies.ts`) and the queue that saves them
 * (`editor/saveQueue.ts`), tied together: every edit is kept locally at once and saved after two
 * quiet seconds; opening the page restores what was typed but not saved.
 */
export function useApplicationEditor(applicationId: string, hooks: { onConflict: () => void }) {
  const state = useEditorState();
  const { app, drafts, editable, isDirty, setDraft } = state;
  const copies = useLocalCopies(applicationId);
  const queue = useSaveQueue(applicationId, state, copies, {
    onConflict: hooks.onConflict,
    take: (fresh) => take(fresh, false),
  });
  const keepCopy = (table: FormTableKey) => {
    if (app.value) copies.write(table, app.value.form[table], drafts[table]);
  };

  for (const table of formTableKeys) {
    watch(
      () => drafts[table],
      () => {
        if (state.isQuiet() || !app.value || !editable.value) return;
        queue.invalid[table] = [];
        if (isDirty(table)) {
          keepCopy(table);
          queue.schedule(table);
        } else {
          copies.clear(table);
          queue.cancel(table);
          delete copies.restored[table];
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
      const local = copies.read(table);
      if (!fresh.editable.tables || !local || same(normalise(table, local.data), server)) {
        if (local) copies.clear(table);
        delete copies.restored[table];
        setDraft(table, server);
        continue;
      }
      setDraft(table, local.data as FormData[typeof table]);
      if (same(normalise(table, local.base), server)) {
        if (initial) copies.restored[table] = 'clean';
        queue.schedule(table);
      } else {
        copies.restored[table] = 'conflict';
      }
    }
  }

  async function load(): Promise<void> {
    take(await applicationsApi.get(applicationId), true);
  }

  /** A table restored over a saved copy that changed meanwhile: keep what was typed (saved over it)… */
  async function keepLocal(table: FormTableKey): Promise<void> {
    delete copies.restored[table];
    keepCopy(table);
    await queue.save(table);
  }
  /** …or drop it and take the saved copy. */
  function dropLocal(table: FormTableKey): void {
    if (!app.value) return;
    queue.cancel(table);
    copies.clear(table);
    delete copies.restored[table];
    delete queue.failures[table];
    setDraft(table, app.value.form[table]);
  }
  /** The 已恢复 note read: the table stays as restored. */
  const dismissRestored = (table: FormTableKey) => delete copies.restored[table];

  function stateOf(table: FormTableKey): TableState {
    if (queue.saving[table]) return 'saving';
    if (copies.restored[table] === 'conflict' || (queue.conflict.value && isDirty(table))) return 'conflict';
    if (queue.failures[table] && isDirty(table)) return 'failed';
    if (isDirty(table)) return 'dirty';
    return 'saved';
  }

  // What else changes the application: each waits for the saves before it, then reloads.
  async function saveChoices(body: ApplicationChoicesBody): Promise<void> {
    await queue.serial(async () => {
      if (app.value) await applicationsApi.saveChoices(applicationId, app.value.version, body);
    });
    await queue.reload();
  }
  async function upload(category: AttachmentCategory, file: File): Promise<void> {
    await queue.serial(() => applicationsApi.upload(applicationId, category, file));
    await queue.reload();
  }
  async function removeAttachment(attachmentId: string): Promise<void> {
    await queue.serial(() => applicationsApi.removeAttachment(applicationId, attachmentId));
    await queue.reload();
  }
  async function submit(): Promise<Application> {
    const submitted = await queue.serial(() => applicationsApi.submit(applicationId, app.value?.version ?? 0));
    take(submitted, false);
    return submitted;
  }

  return {
    applicationId,
    app,
    drafts,
    editable,
    isDirty,
    dirtyTables: state.dirtyTables,
    liveIssues: state.liveIssues,
    setDraft,
    tableSavedAt: queue.savedAt,
    lastSavedAt: queue.lastSavedAt,
    failures: queue.failures,
    invalid: queue.invalid,
    conflict: queue.conflict,
    anySaving: queue.anySaving,
    restored: copies.restored,
    localCopyAt: copies.typedAt,
    load,
    refresh: queue.reload,
    save: queue.save,
    saveAll: queue.saveAll,
    keepLocal,
    dropLocal,
    dismissRestored,
    stateOf,
    saveChoices,
    upload,
    removeAttachment,
    submit,
    dispose: queue.dispose,
  };
}

export type ApplicationEditor = ReturnType<typeof useApplicationEditor>;
