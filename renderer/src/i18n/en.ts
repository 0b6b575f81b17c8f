import { common } from './en/common';
import { compare } from './en/compare';
import { compose } from './en/compose';
import { errors } from './en/errors';
import { library } from './en/library';
import { queue } from './en/queue';
import { settings } from './en/settings';
import { viewer } from './en/viewer';

/** English: every feature's table merged. Each feature owns its own file under en/ and ko/. */
export const en = { ...common, ...compose, ...queue, ...library, ...viewer, ...compare, ...settings, ...errors };
export type MessageKey = keyof typeof en;
