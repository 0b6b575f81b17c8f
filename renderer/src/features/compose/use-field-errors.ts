import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { errorText } from '../../error-text';
import { useT } from '../../i18n';
import { useComposeStore } from './compose-store';
import { DRAFT_FIELDS, pickDraft, type Draft } from './draft';
import type { FieldErrors } from './request';
import { validate } from './request-check';

/**
 * The draft's field errors as the form shows them: the shared schema's messages in
 * the UI language, except "prompt is required", which waits for a Generate attempt.
 */
export function useFieldErrors(): FieldErrors {
  const t = useT();
  const draft = useComposeStore(useShallow((s) => Object.fromEntries(DRAFT_FIELDS.map((k) => [k, s[k]])) as Draft));
  const attempted = useComposeStore((s) => s.attempted);
  return useMemo(() => {
    const issues = validate(pickDraft(draft)).errors ?? {};
    const errors: FieldErrors = Object.fromEntries(Object.entries(issues).map(([field, issue]) => [field, issue && errorText(t, issue)]));
    if (draft.prompt.trim() === '') {
      if (attempted) errors.prompt = t('compose.empty');
      else delete errors.prompt;
    }
    return errors;
  }, [draft, attempted, t]);
}
