// The UI's language: which locale is active, `t()` to look a message up, and Intl formatting of dates,
// numbers and percentages for that locale. The locale comes from Rust (the setting, or the OS locale);
// because it is `$state`, every `t()` in a template re-renders when the user switches language.
import { lookup, type Key, type Locale } from './messages';

export type { Key, Locale } from './messages';

let current = $state<Locale>('en');

/** BCP 47 tags for Intl: British English (day-month order, 24 h) and Dutch as spoken in the Netherlands. */
const intlTags: Record<Locale, string> = { en: 'en-GB', nl: 'nl-NL' };

export function locale(): Locale {
  return current;
}

export function intlLocale(): string {
  return intlTags[current];
}

export function setLocale(next: string): void {
  current = next === 'nl' ? 'nl' : 'en';
  if (typeof document !== 'undefined') document.documentElement.lang = current;
}

export type Params = Record<string, string | number>;

// Intl objects are slow to build (a DateTimeFormat costs a fraction of a millisecond): each one is made once
// per language and options, then reused — the week strip and timeline format dozens of values per render.
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>(kind: string, options: object, make: () => T): T {
  const key = `${kind}|${intlLocale()}|${JSON.stringify(options)}`;
  let found = cache.get(key) as T | undefined;
  if (!found) {
    found = make();
    cache.set(key, found);
  }
  return found;
}

function fill(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    return typeof v === 'number' ? formatNumber(v === 0 ? 0 : v) : v;
  });
}

/** The message for `key` in the active locale, placeholders filled; plural messages choose by `n`. */
export function t(key: Key, params: Params = {}): string {
  const msg = lookup(current, key) ?? lookup('en', key);
  if (msg === undefined) return key;
  if (typeof msg === 'string') return fill(msg, params);
  const n = Number(params.n ?? 0);
  const form = cached('plural', {}, () => new Intl.PluralRules(intlLocale())).select(n) === 'one' ? msg.one : msg.other;
  return fill(form, params);
}

export function formatNumber(n: number, options: Intl.NumberFormatOptions = {}): string {
  return cached('number', options, () => new Intl.NumberFormat(intlLocale(), options)).format(n);
}

/** A share 0..1 as a whole percentage, e.g. "63%" or, in Dutch, "63%". */
export function formatPercent(x: number): string {
  const options = { style: 'percent', maximumFractionDigits: 0 } as const;
  return cached('number', options, () => new Intl.NumberFormat(intlLocale(), options)).format(x);
}

function parseDay(day: string): Date {
  return new Date(`${day.slice(0, 10)}T00:00:00Z`);
}

/** A calendar date (`YYYY-MM-DD`, a local day from Rust) in the active locale; never shifted by a zone. */
export function formatDay(day: string, options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' }): string {
  const all = { ...options, timeZone: 'UTC' };
  return cached('date', all, () => new Intl.DateTimeFormat(intlLocale(), all)).format(parseDay(day));
}

/** A month (`YYYY-MM`) as "November 2026" / "november 2026". */
export function formatMonth(month: string): string {
  const all = { month: 'long', year: 'numeric', timeZone: 'UTC' } as const;
  return cached('date', all, () => new Intl.DateTimeFormat(intlLocale(), all)).format(parseDay(`${month}-01`));
}

// The machine's zone as the core detects it (TZ first, then the system setting): instants without a zone of
// their own (backups) are shown in it, not in whatever zone WebKit picked, so the window and the core agree.
let machineZone: string | undefined;

/** Sets the zone `formatInstant` uses when given none: `osZone` from the app status. */
export function setMachineZone(zone: string | undefined) {
  machineZone = zone || undefined;
}

/** An instant (milliseconds or ISO string) as a local date and time in the given IANA zone (else the machine's). */
export function formatInstant(at: number | string, timeZone?: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }): string {
  const all = { ...options, timeZone: timeZone ?? machineZone };
  return cached('date', all, () => new Intl.DateTimeFormat(intlLocale(), all)).format(new Date(at));
}
