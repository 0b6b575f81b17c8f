/** Exports from the page: a sequence as one MP4, a frame as PNG, a contact sheet, an animated WebP. */
export { runSequenceExport, type ExportProgress, type RunExportOptions } from './export-runner';
export { reencodeSequence, frameCounts, type ReencodeOptions, type ReencodeResult } from './reencode-sequence';
export { currentFramePng } from './frame-png';
export { contactSheetPng, sheetTimes, timecode, type SheetSpan, type ContactSheetOptions } from './contact-sheet';
export { animatedWebp, type AnimatedWebpOptions } from './animated-webp';
export { muxAnimatedWebp, webpChunks, type WebpFrame } from './webp-mux';
