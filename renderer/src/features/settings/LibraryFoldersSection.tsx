import { useCallback, useEffect, useState } from 'react';
import type { LibraryFoldersView } from '../../../../shared/ipc/views.js';
import { api, connection } from '../../api';
import { toAppError } from '../../app-error';
import { useT } from '../../i18n';
import { SaveStatus } from './SaveStatus';
import type { SettingsProblem } from './settings-store';
import './library-folders.css';

/**
 * The folders whose videos the library lists: the output folder, always, and
 * any the person added (a folder of clips made elsewhere, a shared drive).
 * The desktop app adds one with the OS dialog; the browser host cannot open
 * one, so a typed path is offered there. Main watches each folder; its state
 * says whether changes show by themselves, by polling, or not until it is back.
 */
export function LibraryFoldersSection() {
  const t = useT();
  const [view, setView] = useState<LibraryFoldersView | undefined>();
  const [path, setPath] = useState('');
  const [problem, setProblem] = useState<SettingsProblem | undefined>();
  const [done, setDone] = useState(false);
  const canChoose = connection.kind !== 'socket';
  const canType = connection.kind !== 'preload';

  const load = useCallback(() => {
    api.library.folders({}).then(setView, (err: unknown) => setProblem(toAppError(err)));
  }, []);
  useEffect(() => {
    load();
    // A folder's state changes on its own (unplugged, back, made by the first video): its notices and the library's changes say when.
    const offs = [api.app.onNotice(load), api.library.onChanged(load)];
    return () => offs.forEach((off) => off());
  }, [load]);

  const run = async (call: () => Promise<LibraryFoldersView>): Promise<boolean> => {
    try {
      setView(await call());
      setProblem(undefined);
      setDone(true);
      return true;
    } catch (err) {
      setProblem(toAppError(err));
      setDone(false);
      return false;
    }
  };

  return (
    <section className="settings-section" aria-labelledby="settings-folders-title">
      <h3 id="settings-folders-title">{t('settings.folders.title')}</h3>
      <p className="hint">{t('settings.folders.hint')}</p>
      <ul className="settings-folders" aria-labelledby="settings-folders-title">
        {(view?.folders ?? []).map((f) => (
          <li key={f.path} data-folder-state={f.state}>
            <span className="settings-folder-name">
              <code className="settings-folder-path">{f.path}</code>
              {f.output ? <span className="settings-folder-tag">{t('settings.folders.output')}</span> : null}
            </span>
            <span className="settings-folder-state">
              <span className="settings-folder-dot" aria-hidden="true" />
              {t(`settings.folders.state.${f.state}`)}
            </span>
            {f.output ? (
              <span />
            ) : (
              <button type="button" aria-label={t('settings.folders.removeLabel', { folder: f.path })} onClick={() => void run(() => api.library.removeFolder({ path: f.path }))}>
                {t('settings.folders.remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {canChoose ? (
        <div className="settings-row">
          <button type="button" onClick={() => void run(() => api.library.chooseFolder({}))}>
            {t('settings.folders.choose')}
          </button>
        </div>
      ) : null}
      {canType ? (
        <form
          className="settings-row"
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => api.library.addFolder({ path: path.trim() })).then((ok) => ok && setPath(''));
          }}
        >
          <label className="field-label" htmlFor="settings-folder-add">
            {t('settings.folders.path')}
          </label>
          <div className="settings-inline">
            <input id="settings-folder-add" type="text" spellCheck={false} value={path} onChange={(e) => setPath(e.target.value)} />
            <button type="submit" disabled={path.trim() === ''}>
              {t('settings.folders.add')}
            </button>
          </div>
          <p className="hint">{t('settings.folders.typedHint')}</p>
        </form>
      ) : null}
      <SaveStatus problem={problem} done={done} />
    </section>
  );
}
