import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { NEGATIVE_PROMPT_MAX_CHARS, PERSON_POLICIES } from '../../../../shared/domain/generation-options.js';
import { FieldError } from '../../components/FieldError';
import { Segmented } from '../../components/Segmented';
import { useT } from '../../i18n';
import { useComposeStore } from './compose-store';
import type { FieldErrors } from './request';
import { SETTING_UI } from './settings-ui';

const OPEN_KEY = 'keyframe.rail.more';

function storedOpen(): boolean {
  try {
    return localStorage.getItem(OPEN_KEY) === '1';
  } catch {
    return false;
  }
}

/** "More", folded by default: the negative prompt, the people policy, and how a first frame is fitted. */
export function MoreOptions({ errors }: { errors: FieldErrors }) {
  const t = useT();
  const [open, setOpen] = useState(storedOpen);
  const s = useComposeStore(
    useShallow((st) => ({
      negative: st.negative_prompt,
      person: st.person_generation,
      hasFirst: st.first !== undefined,
      // Unset is the provider's default, pad.
      resizeMode: st.resize_mode ?? 'pad',
      update: st.update,
    })),
  );
  // Something in here differs from the defaults: the folded section says so with a dot.
  const changed = s.negative.trim() !== '' || s.person === 'disallow' || (s.hasFirst && s.resizeMode === 'crop');
  const invalid = errors.negative_prompt !== undefined || errors.person_generation !== undefined;
  return (
    <details
      className="rail-more"
      open={open || invalid}
      onToggle={(e) => {
        const now = e.currentTarget.open;
        setOpen(now);
        try {
          localStorage.setItem(OPEN_KEY, now ? '1' : '0');
        } catch {
          // Not remembered: it just starts folded next time.
        }
      }}
    >
      <summary>
        {t('compose.section.more')}
        {changed ? <span className="rail-more-dot" title={t('compose.more.changed')} aria-label={t('compose.more.changed')} role="img" /> : null}
      </summary>
      <div className="rail-more-body">
        <div className="field">
          <label htmlFor="negative-prompt" className="field-label" title={t('compose.negative.hint')}>
            {t(SETTING_UI.negative_prompt.label)}
          </label>
          <textarea
            id="negative-prompt"
            name="negative_prompt"
            className="short"
            rows={2}
            maxLength={NEGATIVE_PROMPT_MAX_CHARS}
            value={s.negative}
            placeholder={t('compose.negative.placeholder')}
            title={t('compose.negative.hint')}
            aria-invalid={errors.negative_prompt ? true : undefined}
            aria-describedby={errors.negative_prompt ? 'negative-error' : undefined}
            onChange={(e) => s.update({ negative_prompt: e.target.value })}
          />
          <FieldError id="negative-error" message={errors.negative_prompt} />
        </div>
        <Segmented
          legend={t(SETTING_UI.person_generation.label)}
          name="person"
          value={s.person}
          options={PERSON_POLICIES.map((p) => ({ value: p, label: t(p === 'allow_adult' ? 'compose.person.allow' : 'compose.person.disallow') }))}
          onChange={(person_generation) => s.update({ person_generation })}
        />
        <FieldError id="person-error" message={errors.person_generation} />
        {s.hasFirst ? (
          <Segmented
            legend={t(SETTING_UI.resize_mode.label)}
            name="resize"
            value={s.resizeMode}
            title={t(s.resizeMode === 'pad' ? 'compose.resize.padHint' : 'compose.resize.cropHint')}
            options={[
              { value: 'pad', label: t('compose.resize.pad'), title: t('compose.resize.padHint') },
              { value: 'crop', label: t('compose.resize.crop'), title: t('compose.resize.cropHint') },
            ]}
            onChange={(m) => s.update({ resize_mode: m })}
          />
        ) : null}
      </div>
    </details>
  );
}
