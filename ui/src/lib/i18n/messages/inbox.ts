// Messages of the in-app inbox of reminders that fired. Titles and bodies come localised from Rust.
import type { Translation } from './types';

export const en = {
  title: 'Reminders',
  empty: 'Nothing waiting',
  emptyHint: 'Reminders that fire appear here, even when a desktop notification was missed.',
  at: '{day} {time}',
  late: 'delivered late, Cadence was closed',
  snoozedUntil: 'snoozed until {when}',
  logNow: 'Log now',
  snooze: 'Snooze',
  '15m': '15 min',
  '1h': '1 h',
  dismiss: 'Dismiss',
} as const;

export const nl: Translation<typeof en> = {
  title: 'Herinneringen',
  empty: 'Er wacht niets',
  emptyHint: 'Herinneringen die afgaan verschijnen hier, ook als je een melding op het bureaublad hebt gemist.',
  at: '{day} {time}',
  late: 'te laat bezorgd, Cadence was gesloten',
  snoozedUntil: 'uitgesteld tot {when}',
  logNow: 'Nu vastleggen',
  snooze: 'Uitstellen',
  '15m': '15 min',
  '1h': '1 uur',
  dismiss: 'Negeren',
};
