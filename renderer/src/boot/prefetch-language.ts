/**
 * A page in Korean fetches its messages while the rest of the app is still
 * being evaluated (an English one never does); start-app waits for them
 * before the first render, so the page never flashes in English.
 */
if (navigator.language.toLowerCase().startsWith('ko')) void import('../i18n/ko');
