// First, before React and the contract's schemas: the connection to main and the library's first page
// start now and travel while the rest of the page loads.
import './boot/zod-config';
import './boot/early-host';
import { warmLocalStorage } from './boot/warm-storage';
import './styles.css';

void import('./start-app');
// A page in Korean fetches its messages alongside the app (an English one never does).
if (navigator.language.toLowerCase().startsWith('ko')) void import('./i18n/ko');
warmLocalStorage();
