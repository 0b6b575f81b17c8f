// First, before React and the contract's schemas: the connection to main and the library's first page
// start now and travel while the rest of the page loads.
import './boot/zod-config';
import './boot/early-host';
import { warmLocalStorage } from './boot/warm-storage';
import './styles.css';

void import('./start-app');
warmLocalStorage();
