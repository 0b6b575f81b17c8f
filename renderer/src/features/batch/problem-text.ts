import type { BatchProblem } from '../../../../shared/ipc/views.js';
import { errorText } from '../../error-text';
import { hasMessage, type Translate } from '../../i18n';
import type { LocalProblem } from './batch-form';
import { SEED_MAX } from '../../../../shared/domain/generation-options.js';
import { BATCH_TEXT_MAX } from '../../../../shared/ipc/request-schemas.js';

/** A batch problem in the page's language, from its catalog key (main's English only as a last resort). */
export const batchProblemText = (t: Translate, p: BatchProblem): string =>
  errorText(t, { message: p.message, key: p.key, ...(p.params ? { params: p.params } : {}) });

/**
 * A field's name in words: `first_frame_image.url` is the first frame. English
 * keeps the request's own names, which are a CSV's column names too.
 */
export function fieldWord(t: Translate, field: string): string {
  const parts = field.split('.');
  for (let n = parts.length; n > 0; n--) {
    const key = `error.field.${parts.slice(0, n).join('.')}`;
    if (hasMessage(key)) return t(key);
  }
  return field;
}

export function localProblemText(t: Translate, p: LocalProblem): string {
  switch (p.kind) {
    case 'not_seed':
      return t('batch.seeds.notSeed', { text: p.text, max: SEED_MAX });
    case 'too_large':
      return t('batch.text.tooLarge', { size: p.size.toLocaleString(), max: BATCH_TEXT_MAX.toLocaleString() });
    case 'schema':
      return batchProblemText(t, p.issue);
  }
}
