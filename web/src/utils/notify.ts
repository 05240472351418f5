import { ElMessage } from 'element-plus';
import { errorMessage, isApiError } from '../api/http';

/** Answers the app handles in one place (main.ts): a lost session, a temporary password, a required 两步验证. */
const handledGlobally = new Set([
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'PASSWORD_CHANGE_REQUIRED',
  'TWO_FACTOR_REQUIRED',
]);

/** Shows the server's message of a failed call, unless the app already reacts to it globally. */
export function notifyError(error: unknown, duration = 5000): void {
  if (isApiError(error) && handledGlobally.has(error.code)) return;
  ElMessage.error({ message: errorMessage(error), duration });
}
