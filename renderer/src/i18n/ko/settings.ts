import type { settings as en } from '../en/settings';

/** 한국어: settings. */
export const settings: Record<keyof typeof en, string> = {

};
