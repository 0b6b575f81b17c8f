import { useState } from 'react';
import { useT } from '../../i18n';
import { useStoryboard } from './storyboard-store';
import { UnsavedDialog } from './UnsavedDialog';
import { wouldLoseEdits } from './unsaved-guard';

/** Which sequence the strip edits: the saved ones by name, or a new one named here. */
export function SequencePicker() {
  const t = useT();
  const names = useStoryboard((s) => s.names);
  const name = useStoryboard((s) => s.name);
  const dirty = useStoryboard((s) => s.dirty);
  const [naming, setNaming] = useState(false);
  const [draft, setDraft] = useState('');
  /** What waits for an answer about the unsaved edits (opening another sequence, starting a new one). */
  const [pending, setPending] = useState<(() => void) | undefined>();

  /** Runs `leave` at once when nothing would be lost, else once Save (and a successful save) or Discard says so. */
  const guarded = (leave: () => void) => {
    if (wouldLoseEdits(useStoryboard.getState())) setPending(() => leave);
    else leave();
  };
  const dialog = pending ? (
    <UnsavedDialog
      name={name}
      onCancel={() => setPending(undefined)}
      onDiscard={() => {
        setPending(undefined);
        pending();
      }}
      onSave={() => {
        setPending(undefined);
        void useStoryboard
          .getState()
          .save()
          .then((saved) => saved && pending());
      }}
    />
  ) : null;
  const startNaming = () => {
    setDraft('');
    setNaming(true);
  };

  if (naming) {
    const create = () => {
      const n = draft.trim();
      if (!n) return;
      void useStoryboard
        .getState()
        .create(n)
        .then(() => {
          if (useStoryboard.getState().error === undefined) setNaming(false);
        });
    };
    return (
      <form
        className="sb-picker"
        onSubmit={(e) => {
          e.preventDefault();
          create();
        }}
      >
        <input autoFocus aria-label={t('storyboard.newName')} placeholder={t('storyboard.newPlaceholder')} value={draft} maxLength={120} onChange={(e) => setDraft(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && setNaming(false)} />
        <button type="submit" className="sb-small" disabled={!draft.trim()}>
          {t('storyboard.create')}
        </button>
        <button type="button" className="sb-small quiet" onClick={() => setNaming(false)}>
          {t('storyboard.cancel')}
        </button>
      </form>
    );
  }
  return (
    <div className="sb-picker">
      <select
        aria-label={t('storyboard.sequence')}
        value={name ?? ''}
        onChange={(e) => {
          const next = e.target.value;
          if (next && next !== name) guarded(() => void useStoryboard.getState().open(next));
        }}
      >
        {name === undefined ? <option value="">{t('storyboard.unsaved')}</option> : null}
        {names.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="sb-small"
        // Clips gathered before any sequence was named go into the new one: only a named sequence's edits are at stake.
        onClick={() => (name === undefined ? startNaming() : guarded(startNaming))}
      >
        {t('storyboard.new')}
      </button>
      <button type="button" className="sb-small" disabled={!dirty || name === undefined} title={name === undefined ? t('storyboard.nameFirst') : undefined} onClick={() => void useStoryboard.getState().save()}>
        {dirty || name === undefined ? t('storyboard.save') : t('storyboard.saved')}
      </button>
      {dialog}
    </div>
  );
}
