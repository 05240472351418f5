import type { FormItemRule, FormRules } from 'element-plus';
import type { ZodType } from 'zod';
import { isApiError } from '../api/http';

/** Every message of the shared schema, grouped by top-level field, joined with "；". */
export function schemaErrors(schema: ZodType, data: unknown): Record<string, string> {
  const result = schema.safeParse(data);
  const errors: Record<string, string[]> = {};
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? '');
      if (!field) continue;
      const list = (errors[field] ??= []);
      if (!list.includes(issue.message)) list.push(issue.message);
    }
  }
  return Object.fromEntries(Object.entries(errors).map(([field, messages]) => [field, messages.join('；')]));
}

export interface FieldRule {
  /** Shown when the field is empty (Element Plus "required" rule). */
  required?: string;
  trigger?: 'blur' | 'change';
}

/**
 * Element Plus rules whose real check is the shared zod schema: a field is valid when the schema finds
 * nothing wrong with it in the whole model (so that "两次输入的密码不一致" lands on the confirm field).
 */
export function schemaRules<T extends object>(
  schema: ZodType,
  model: T,
  fields: Partial<Record<keyof T & string, FieldRule>>,
): FormRules {
  const rules: FormRules = {};
  for (const [field, options] of Object.entries(fields) as [string, FieldRule | undefined][]) {
    const trigger = options?.trigger ?? 'blur';
    const list: FormItemRule[] = [];
    if (options?.required) list.push({ required: true, message: options.required, trigger });
    list.push({
      trigger,
      validator: (_rule: unknown, _value: unknown, callback: (error?: Error) => void) => {
        const message = schemaErrors(schema, model)[field];
        if (message) callback(new Error(message));
        else callback();
      },
    });
    rules[field] = list;
  }
  return rules;
}

/** Field errors of a VALIDATION_FAILED answer, by field name, to show under the inputs. */
export function serverFieldErrors(error: unknown): Record<string, string> {
  if (!isApiError(error)) return {};
  const errors: Record<string, string> = {};
  for (const issue of error.fieldIssues) {
    const field = issue.field.split('.')[0] ?? '';
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}
