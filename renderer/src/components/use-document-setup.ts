import { useEffect } from 'react';
import { useSettingsStore } from '../features/settings/settings-store';

/**
 * Page-wide behaviour: the theme from settings on <html data-theme> ('system'
 * leaves it to prefers-color-scheme in the stylesheet), and a file dropped
 * outside a drop zone is ignored instead of the page navigating to it.
 */
export function useDocumentSetup(): void {
  const theme = useSettingsStore((s) => s.settings?.theme);
  useEffect(() => {
    const root = document.documentElement;
    if (!theme || theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
  }, [theme]);

  useEffect(() => {
    const stop = (e: DragEvent): void => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    window.addEventListener('dragover', stop);
    window.addEventListener('drop', stop);
    return () => {
      window.removeEventListener('dragover', stop);
      window.removeEventListener('drop', stop);
    };
  }, []);
}
