import { batch } from './en/batch';
import { common } from './en/common';
import { compare } from './en/compare';
import { compose } from './en/compose';
import { errors } from './en/errors';
import { history } from './en/history';
import { library } from './en/library';
import { librarySources } from './en/library-sources';
import { lineage } from './en/lineage';
import { queue } from './en/queue';
import { settings } from './en/settings';
import { spending } from './en/spending';
import { storyboard } from './en/storyboard';
import { studio } from './en/studio';
import { viewer } from './en/viewer';

/** English: every feature's table merged. Each feature owns its own file under en/ and ko/. */
export const en = {
  ...common, ...compose, ...queue, ...library, ...librarySources, ...lineage, ...viewer, ...compare, ...settings,
  ...studio, ...batch, ...history, ...spending, ...storyboard, ...errors,
};
export type MessageKey = keyof typeof en;
