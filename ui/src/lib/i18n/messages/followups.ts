// Messages of the follow-ups view: what the leader promised, open, overdue and done.
import type { Translation } from './types';

export const en = {
  title: 'What I promised',
  who: 'Who',
  promised: 'I promised to…',
  due: 'Due',
  overdue: 'Overdue',
  open: 'Open',
  done: 'Done',
  doneOn: 'done {date}',
  dueOn: 'due {date}',
  dueToday: 'due today',
  close: 'Done',
  none: 'None.',
} as const;

export const nl: Translation<typeof en> = {
  title: 'Wat ik heb toegezegd',
  who: 'Wie',
  promised: 'Ik heb toegezegd…',
  due: 'Deadline',
  overdue: 'Te laat',
  open: 'Open',
  done: 'Afgerond',
  doneOn: 'afgerond {date}',
  dueOn: 'uiterlijk {date}',
  dueToday: 'moet vandaag af',
  close: 'Afronden',
  none: 'Geen.',
};
