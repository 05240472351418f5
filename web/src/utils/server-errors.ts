import { reactive, watch } from 'vue';
import { isApiError } from '../api/http';
import { serverFieldErrors } from './form';

/**
 * Errors the server found in a form's fields, shown under the inputs (ElFormItem :error) and cleared
 * as soon as the field is edited.
 */
export function useServerErrors<T extends object>(model: T) {
  const errors = reactive<Record<string, string>>({});
  for (const key of Object.keys(model)) {
    errors[key] = '';
    watch(
      () => (model as Record<string, unknown>)[key],
      () => {
        if (errors[key]) errors[key] = '';
      },
    );
  }
  return {
    errors,
    clear(): void {
      for (const key of Object.keys(errors)) errors[key] = '';
    },
    /** Puts the answer's field issues under their inputs; `byCode` names the field an error code is about. */
    take(error: unknown, byCode: Record<string, string> = {}): void {
      Object.assign(errors, serverFieldErrors(error));
      if (isApiError(error)) {
        const field = byCode[error.code];
        if (field) errors[field] = error.message;
      }
    },
  };
}
