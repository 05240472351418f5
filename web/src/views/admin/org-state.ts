import { ref } from 'vue';
import { ElMessage } from 'element-plus';
import { confirmAction } from '../../utils/confirm';
import { notifyError } from '../../utils/notify';

/** One row of an admin list that may be disabled (停用), enabled again (启用) or deleted. */
export interface OrgStateTarget {
  /** What the confirmation and the toast call it: “主管部门“…””. */
  label: string;
  disabled: boolean;
  /** What disabling means, said before the admin confirms. */
  disableHint: string;
  setDisabled: (disabled: boolean) => Promise<unknown>;
  remove: () => Promise<unknown>;
}

/**
 * 停用 / 启用 and 删除 in the admin's lists. The server decides whether a row may be deleted: one that is
 * used answers 409 with why and 可以停用, shown as it is.
 */
export function useOrgState(reload: () => Promise<void>) {
  const busy = ref(false);

  async function run(action: () => Promise<unknown>, done: string): Promise<void> {
    busy.value = true;
    try {
      await action();
      ElMessage.success(done);
    } catch (error) {
      notifyError(error);
    } finally {
      busy.value = false;
    }
    await reload();
  }

  async function toggle(target: OrgStateTarget): Promise<void> {
    const disabling = !target.disabled;
    const question = disabling
      ? `确定停用${target.label}吗？${target.disableHint}`
      : `确定启用${target.label}吗？启用后恢复正常使用。`;
    if (!(await confirmAction(question))) return;
    await run(() => target.setDisabled(disabling), `${target.label}已${disabling ? '停用' : '启用'}`);
  }

  async function remove(target: OrgStateTarget): Promise<void> {
    if (!(await confirmAction(`确定删除${target.label}吗？删除后不可恢复；已被使用的不能删除，可以停用。`))) return;
    await run(target.remove, `${target.label}已删除`);
  }

  return { busy, toggle, remove };
}
