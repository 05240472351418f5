import type { FormTableKey } from '#common';
import { formatBeijingSecond } from '../../../utils/datetime';
import type { ApplicationEditor, TableState } from './useApplicationEditor';

/** What the page says of its saves: per table beside its title, for the whole form at the top. */
const hms = (iso: string | null | undefined) => formatBeijingSecond(iso).slice(11);

const stateText: Record<TableState, string> = {
  saved: '已保存',
  dirty: '未保存',
  saving: '保存中…',
  failed: '保存失败',
  conflict: '内容冲突',
};

export function tableStateText(editor: ApplicationEditor, table: FormTableKey): string {
  const state = editor.stateOf(table);
  const at = editor.tableSavedAt[table];
  return state === 'saved' && at ? `已保存 ${hms(at)}` : stateText[state];
}

export function overallSaveState(editor: ApplicationEditor): {
  text: string;
  type: 'info' | 'danger' | 'warning' | 'success';
} {
  if (editor.anySaving.value) return { text: '保存中…', type: 'info' };
  if (editor.conflict.value) return { text: '内容冲突，请重新加载', type: 'danger' };
  const dirty = editor.dirtyTables.value.length;
  if (dirty) return { text: `未保存（${dirty} 张表）`, type: 'warning' };
  const at = editor.lastSavedAt.value;
  return { text: at ? `已保存 ${hms(at)}` : '已保存', type: 'success' };
}
