import type { MessageKey } from './en';
import { batch } from './ko/batch';
import { common } from './ko/common';
import { compare } from './ko/compare';
import { compose } from './ko/compose';
import { errors } from './ko/errors';
import { history } from './ko/history';
import { library } from './ko/library';
import { librarySources } from './ko/library-sources';
import { lineage } from './ko/lineage';
import { queue } from './ko/queue';
import { settings } from './ko/settings';
import { spending } from './ko/spending';
import { storyboard } from './ko/storyboard';
import { studio } from './ko/studio';
import { viewer } from './ko/viewer';

/** 한국어: every feature's table merged; the type makes a missing key a compile error. */
export const ko: Record<MessageKey, string> = {
  ...common, ...compose, ...queue, ...library, ...librarySources, ...lineage, ...viewer, ...compare, ...settings,
  ...studio, ...batch, ...history, ...spending, ...storyboard, ...errors,
};
