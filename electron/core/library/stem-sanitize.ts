/** Moved to shared/domain/file-name-template.ts (pure, shared with the renderer's preview); re-exported here. */
export {
  STEM_MAX_BYTES,
  STEM_MAX_CHARS,
  isReservedDeviceName,
  sanitizeStem,
  sanitizeStemOrEmpty,
} from '../../../shared/domain/file-name-template.js';
