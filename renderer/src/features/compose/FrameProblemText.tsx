import { errorText } from '../../error-text';
import { useT } from '../../i18n';
import { useComposeStore } from './compose-store';
import type { FrameRole } from './draft';
import { formatBytes } from './frames';
import { useFieldErrors } from './use-field-errors';

/** Why a frame was refused (type, size, import), or the schema's word on it: a bubble over the chip until the next try. */
export function FrameProblemText({ role }: { role: FrameRole }) {
  const t = useT();
  const problem = useComposeStore((s) => s.frameStatus[role].problem);
  const dismiss = useComposeStore((s) => s.dismissFrameProblem);
  const fieldError = useFieldErrors()[role === 'first' ? 'first_frame_image' : 'last_frame_image'];
  let message: string | undefined;
  if (problem?.kind === 'type') message = t('compose.frame.badType', { name: problem.name });
  else if (problem?.kind === 'size') message = t('compose.frame.tooBig', { name: problem.name, size: formatBytes(problem.bytes) });
  else if (problem?.kind === 'import') message = t('compose.frame.importFailed', { message: errorText(t, problem.error) });
  else message = fieldError;
  if (!message) return null;
  return (
    <div className="frame-problem">
      <p className="field-error" role="alert" data-frame-error={role}>
        {message}
      </p>
      {problem ? (
        <button type="button" className="quiet icon-button" aria-label={t('notice.dismiss')} onClick={() => dismiss(role)}>
          <span aria-hidden="true">×</span>
        </button>
      ) : null}
    </div>
  );
}
