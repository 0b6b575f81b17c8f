import { errorText } from '../../error-text';
import { useT } from '../../i18n';
import { useComposeStore } from './compose-store';
import type { FrameRole } from './draft';
import { formatBytes } from './frames';
import { useFieldErrors } from './use-field-errors';

/** Why a frame was refused (type, size, import), or the schema's word on it. */
export function FrameProblemText({ role }: { role: FrameRole }) {
  const t = useT();
  const problem = useComposeStore((s) => s.frameStatus[role].problem);
  const fieldError = useFieldErrors()[role === 'first' ? 'first_frame_image' : 'last_frame_image'];
  let message: string | undefined;
  if (problem?.kind === 'type') message = t('compose.frame.badType', { name: problem.name });
  else if (problem?.kind === 'size') message = t('compose.frame.tooBig', { name: problem.name, size: formatBytes(problem.bytes) });
  else if (problem?.kind === 'import') message = t('compose.frame.importFailed', { message: errorText(t, problem.error) });
  else message = fieldError;
  if (!message) return null;
  return (
    <p className="field-error" role="alert" data-frame-error={role}>
      {message}
    </p>
  );
}
