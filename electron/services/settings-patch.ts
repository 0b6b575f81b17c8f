import { appFailure, errorMessage } from '../../shared/error-messages.js';
import { issueMessage } from '../../shared/issue-message.js';
import { SettingsSchema, type Settings } from '../../shared/ipc/views.js';

/**
 * Merges a settings patch and validates the result, for both settings stores
 * (electron-store in the app, a JSON file in the browser host). A bad value
 * is refused with the field it is about, and nothing is written.
 */
export function applySettingsPatch(current: Settings, patch: Partial<Settings>): Settings {
  const merged = SettingsSchema.safeParse({ ...current, ...patch });
  if (merged.success) return merged.data;
  const first = merged.error.issues[0];
  const said = first ? issueMessage(first) : errorMessage('schema.invalid_request');
  throw appFailure('invalid_request', said, { retryable: false, ...(first?.path[0] !== undefined ? { field: String(first.path[0]) } : {}) });
}
