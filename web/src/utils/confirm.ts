import { ElMessageBox } from 'element-plus';

/** 确定 / 取消 before an action; resolves to whether the user confirmed. */
export async function confirmAction(message: string, title = '提示'): Promise<boolean> {
  try {
    await ElMessageBox.confirm(message, title, {
      type: 'warning',
      confirmButtonText: '确定',
      cancelButtonText: '取消',
    });
    return true;
  } catch {
    return false;
  }
}
