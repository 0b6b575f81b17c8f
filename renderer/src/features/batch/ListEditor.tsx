import { useRef } from 'react';
import { BATCH_TEXT_MAX } from '../../../../shared/ipc/request-schemas.js';
import { Segmented } from '../../components/Segmented';
import { useT, type MessageKey } from '../../i18n';
import { useBatchDialogStore } from './batch-dialog-store';
import type { ListKind } from './batch-form';

const KINDS: readonly { kind: ListKind; label: MessageKey; placeholder: MessageKey }[] = [
  { kind: 'text', label: 'batch.kind.text', placeholder: 'batch.text.placeholder.text' },
  { kind: 'csv', label: 'batch.kind.csv', placeholder: 'batch.text.placeholder.csv' },
  { kind: 'jsonl', label: 'batch.kind.jsonl', placeholder: 'batch.text.placeholder.jsonl' },
];

/** The rows as text: pasted or typed, or read from a file in the page and sent as is (main reads CSV and JSON Lines). */
export function ListEditor() {
  const t = useT();
  const form = useBatchDialogStore((s) => s.form);
  const edit = useBatchDialogStore((s) => s.edit);
  const importFile = useBatchDialogStore((s) => s.importFile);
  const fileProblem = useBatchDialogStore((s) => s.fileProblem);
  const file = useRef<HTMLInputElement>(null);
  const placeholder = KINDS.find((k) => k.kind === form.kind)?.placeholder ?? 'batch.text.placeholder.text';
  return (
    <div className="batch-list">
      <div className="batch-list-head">
        <Segmented<ListKind>
          legend={t('batch.kind.label')}
          name="batch-kind"
          value={form.kind}
          options={KINDS.map((k) => ({ value: k.kind, label: t(k.label) }))}
          onChange={(kind) => edit({ kind })}
        />
        <button type="button" className="batch-import" onClick={() => file.current?.click()} title={t('batch.import.hint')}>
          {t('batch.import')}
        </button>
        <input
          ref={file}
          type="file"
          hidden
          aria-label={t('batch.import.hint')}
          accept=".txt,.csv,.jsonl,.ndjson,text/plain,text/csv"
          onChange={(e) => {
            const chosen = e.target.files?.[0];
            e.target.value = '';
            if (chosen) void importFile(chosen);
          }}
        />
      </div>
      <label htmlFor="batch-text" className="visually-hidden">
        {t('batch.text.label')}
      </label>
      <textarea
        id="batch-text"
        className="batch-text"
        wrap="off"
        spellCheck={false}
        value={form.text}
        placeholder={t(placeholder)}
        aria-describedby="batch-text-hint"
        onChange={(e) => edit({ text: e.target.value, fileName: undefined })}
      />
      <p id="batch-text-hint" className="hint">
        {form.fileName ? t('batch.imported', { name: form.fileName }) : t('batch.text.hint')}
      </p>
      {fileProblem ? (
        <p className="field-error" role="alert">
          {fileProblem.kind === 'too_large' ? t('batch.file.tooLarge', { max: BATCH_TEXT_MAX.toLocaleString() }) : t('batch.file.unreadable', { message: fileProblem.message })}
        </p>
      ) : null}
    </div>
  );
}
