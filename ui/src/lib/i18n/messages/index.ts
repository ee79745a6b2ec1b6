// Every namespace of the UI's message catalogue, in English and Dutch. A namespace file exports `en`
// (the reference) and `nl` (typed to have the same keys); add a new file here to add a namespace.
import * as common from './common';
import * as quicklog from './quicklog';
import * as today from './today';
import * as onboarding from './onboarding';
import * as errors from './errors';
import * as inbox from './inbox';
import * as followups from './followups';
import * as data from './data';
import * as dashboard from './dashboard';
import * as team from './team';
import * as review from './review';
import * as rhythm from './rhythm';
import * as reminders from './reminders';
import * as organisation from './organisation';
import * as charts from './charts';
import * as explain from './explain';
import type { Message } from './types';

export const catalogue = {
  common,
  quicklog,
  today,
  onboarding,
  errors,
  inbox,
  followups,
  data,
  dashboard,
  team,
  review,
  rhythm,
  reminders,
  organisation,
  charts,
  explain,
} as const;

export type Catalogue = typeof catalogue;
export type Namespace = keyof Catalogue;
/** A message key: `namespace.key`, checked at compile time. */
export type Key = { [N in Namespace]: `${N}.${keyof Catalogue[N]['en'] & string}` }[Namespace];
export type Locale = 'en' | 'nl';
export const locales: Locale[] = ['en', 'nl'];

export function lookup(locale: Locale, key: string): Message | undefined {
  const dot = key.indexOf('.');
  const ns = catalogue[key.slice(0, dot) as Namespace] as unknown as Record<Locale, Record<string, Message>> | undefined;
  return ns?.[locale][key.slice(dot + 1)];
}
