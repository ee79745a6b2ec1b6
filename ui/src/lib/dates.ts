// Calendar arithmetic on `YYYY-MM-DD` strings. Days come from Rust already grouped by local date; these
// helpers only step through the calendar and format labels (in the active locale), never derive a day
// from an instant.
import { formatDay, t, type Key } from './i18n/index.svelte';

function parse(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  const d = parse(day);
  d.setUTCDate(d.getUTCDate() + n);
  return iso(d);
}

/** Monday of the ISO week containing `day`. */
export function weekStart(day: string): string {
  const d = parse(day);
  const offset = (d.getUTCDay() + 6) % 7;
  return addDays(day, -offset);
}

export function longLabel(day: string): string {
  return formatDay(day, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
}

export function weekdayShort(day: string): string {
  return formatDay(day, { weekday: 'short' });
}

export function dayOfMonth(day: string): number {
  return parse(day).getUTCDate();
}

/** "Today", "Yesterday" or the weekday and date. */
export function relativeLabel(day: string, today: string): string {
  if (day === today) return t('common.today');
  if (day === addDays(today, -1)) return t('common.yesterday');
  if (day === addDays(today, 1)) return t('common.tomorrow');
  return longLabel(day);
}

/** A stored working-day key (`mon` … `sun`) by its name in the active language. */
export function dayName(key: string): string {
  return t(`rhythm.day.${key}` as Key);
}
