// In this order, before React and the contract's schemas: zod's settings, then the connection to main and
// the library's first page, which travel while the rest of the app is evaluated.
import './boot/zod-config';
import './boot/early-host';
import './boot/prefetch-language';
import './styles.css';
import './start-app';
