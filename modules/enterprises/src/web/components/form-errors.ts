/**
 * Puts the server's message next to the field it names: an AppError's `details.field`, or each of a
 * request-validation error's `details.fields[].field` ("body.revenue" → revenue). Anything else is a toast.
 */
import type { FormInstance } from 'antd';
import { ApiError, errorMessage } from '@kechuang/platform-web';

export function fieldErrorsOf(e: unknown): { name: string; errors: string[] }[] {
  if (!(e instanceof ApiError)) return [];
  if (e.field) return [{ name: e.field, errors: [e.message] }];
  const fields = (e.details as { fields?: { field?: unknown; message?: unknown }[] } | null)?.fields;
  if (!Array.isArray(fields)) return [];
  return fields
    .filter((f) => typeof f.field === 'string')
    .map((f) => ({
      name: String(f.field)
        .replace(/^(body|querystring|params)\./, '')
        .split('.')[0],
      errors: [typeof f.message === 'string' ? f.message : e.message],
    }));
}

/** a server message stays under its field only until the field is changed: `<Form onValuesChange={clearChangedErrors(form)}>` */
export function clearChangedErrors<T>(form: FormInstance<T>) {
  return (changed: object) => form.setFields(Object.keys(changed).map((name) => ({ name: name as never, errors: [] })));
}

/** true when at least one message landed on a field of the form; otherwise `toast` is called with the message */
export function showApiError<T>(form: FormInstance<T>, e: unknown, toast: (text: string) => void): boolean {
  const known = new Set(Object.keys((form.getFieldsValue(true) as object | undefined) ?? {}));
  const onFields = fieldErrorsOf(e).filter((f) => known.has(f.name));
  if (onFields.length === 0) {
    toast(errorMessage(e));
    return false;
  }
  form.setFields(onFields.map((f) => ({ name: f.name as never, errors: f.errors })));
  return true;
}
