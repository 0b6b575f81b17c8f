import { useState } from 'react';
import type { SettingsView } from '../../../../shared/ipc/views.js';
import { connection } from '../../api';
import { useT } from '../../i18n';
import { SaveStatus } from './SaveStatus';
import { useSettingsStore, type SettingsProblem } from './settings-store';
import { TemplateField } from './TemplateField';

/**
 * Where videos land and what they are called. The desktop app picks the folder
 * with the OS dialog; the browser host cannot open one, so a typed path is offered
 * there (and wherever the kind of connection is not known).
 */
export function OutputSection({ settings }: { settings: SettingsView }) {
  const t = useT();
  const [path, setPath] = useState(settings.outputDir);
  const [problem, setProblem] = useState<SettingsProblem | undefined>();
  const [done, setDone] = useState(false);
  const canChoose = connection.kind !== 'socket';
  const canType = connection.kind !== 'preload';

  const finish = (p: SettingsProblem | undefined): void => {
    setProblem(p ? { field: 'outputDir', ...p } : undefined);
    setDone(!p);
  };

  return (
    <section className="settings-section" aria-labelledby="settings-output-title">
      <h3 id="settings-output-title">{t('settings.output.title')}</h3>
      {canChoose ? (
        <div className="settings-row">
          <span className="field-label" id="settings-folder-label">
            {t('settings.output.folder')}
          </span>
          <div className="settings-inline">
            <code className="settings-path" aria-labelledby="settings-folder-label" data-testid="output-dir">
              {settings.outputDir}
            </code>
            <button type="button" onClick={() => void useSettingsStore.getState().chooseOutputDir().then(finish)}>
              {t('settings.output.choose')}
            </button>
          </div>
        </div>
      ) : null}
      {canType ? (
        <form
          className="settings-row"
          onSubmit={(e) => {
            e.preventDefault();
            void useSettingsStore.getState().update({ outputDir: path.trim() }).then(finish);
          }}
        >
          <label className="field-label" htmlFor="settings-folder-path">
            {canChoose ? t('settings.output.typed') : t('settings.output.folder')}
          </label>
          <div className="settings-inline">
            <input id="settings-folder-path" type="text" spellCheck={false} value={path} onChange={(e) => setPath(e.target.value)} />
            <button type="submit" disabled={path.trim() === '' || path.trim() === settings.outputDir}>
              {t('settings.output.saveFolder')}
            </button>
          </div>
          <p className="hint">{t('settings.output.typedHint')}</p>
        </form>
      ) : null}
      <SaveStatus problem={problem} done={done} />
      <TemplateField saved={settings.nameTemplate} />
    </section>
  );
}
