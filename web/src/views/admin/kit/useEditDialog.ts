import { reactive, ref, shallowRef, type Ref, type ShallowRef } from 'vue';
import { ElMessage, type FormInstance } from 'element-plus';
import { notifyError } from '../../../utils/notify';
import { useServerErrors } from '../../../utils/server-errors';

/** How one admin object is edited in its 新增 / 修改 dialog (the page's data.ts and modules/*Form.vue say it). */
export interface EditOptions<Row, Form extends object, Body> {
  /** The form of 新增, and the form of a row for 修改 (a list that only adds has none). */
  blank: () => Form;
  fromRow?: (row: Row) => Form;
  /** What is sent, from the validated form; null when the shared schema refuses it (nothing is sent). */
  body: (form: Form) => Body | null;
  create: (body: Body) => Promise<unknown>;
  update?: (row: Row, body: Body) => Promise<unknown>;
  /** The toast after saving. */
  saved: (editing: Row | null, body: Body) => string;
  /** The field an error code is about (CONFLICT → 'name'), to show the server's message under it. */
  fieldOf?: Record<string, keyof Form & string>;
}

export interface EditDialog<Row, Form extends object> {
  open: Ref<boolean>;
  /** The row being changed; null for 新增. */
  editing: ShallowRef<Row | null>;
  form: Form;
  saving: Ref<boolean>;
  /** The server's messages by field, for ElFormItem :error. */
  errors: Record<string, string>;
  /** Opens the dialog for 新增 (null) or 修改 (a row). */
  edit: (row: Row | null) => void;
  close: () => void;
  save: () => Promise<void>;
  /** ElForm's function ref. */
  bindForm: (form: unknown) => void;
}

/**
 * The state every admin 新增 / 修改 dialog shares: the form filled from the row or blank, ElForm's check, the
 * server's field errors under the inputs, 保存 (create or update), the toast and the reload after it.
 */
export function useEditDialog<Row, Form extends object, Body>(
  options: EditOptions<Row, Form, Body>,
  afterSave: () => unknown,
): EditDialog<Row, Form> {
  const open = ref(false);
  const editing = shallowRef<Row | null>(null);
  const form = reactive(options.blank()) as Form;
  const server = useServerErrors(form);
  const saving = ref(false);
  let formRef: FormInstance | null = null;

  function edit(row: Row | null): void {
    editing.value = row;
    Object.assign(form, row && options.fromRow ? options.fromRow(row) : options.blank());
    server.clear();
    open.value = true;
    formRef?.clearValidate();
  }

  async function save(): Promise<void> {
    server.clear();
    const valid = await formRef?.validate().catch(() => false);
    if (!valid) return;
    const body = options.body(form);
    if (body === null) return;
    const row = editing.value;
    saving.value = true;
    try {
      if (row && options.update) await options.update(row, body);
      else await options.create(body);
      ElMessage.success(options.saved(row, body));
      open.value = false;
      await afterSave();
    } catch (error) {
      server.take(error, options.fieldOf);
      notifyError(error);
    } finally {
      saving.value = false;
    }
  }

  return {
    open,
    editing,
    form,
    saving,
    errors: server.errors,
    edit,
    close: () => {
      open.value = false;
    },
    save,
    bindForm: (instance) => {
      formRef = (instance as FormInstance | null) ?? null;
    },
  };
}
