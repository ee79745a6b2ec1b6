// Messages of the team namespace: the overview of everyone this app follows.
import type { Translation } from './types';

export const en = {
  title: 'Who needs attention',
  'col.leader': 'Leader',
  'col.score': 'Score',
  'col.streak': 'Daily streak',
  'col.lastOpenCommunication': 'Last open communication',
  'col.status': 'Status',
  you: '(you)',
  streakDays: '{n} d',
  atRisk: 'at risk',
  slipping: 'Slipping: {categories}',
  onTrack: 'On track',
  building: 'Building up',
} as const;

export const nl: Translation<typeof en> = {
  title: 'Wie heeft aandacht nodig',
  'col.leader': 'Leidinggevende',
  'col.score': 'Score',
  'col.streak': 'Dagelijkse reeks',
  'col.lastOpenCommunication': 'Laatste open communicatie',
  'col.status': 'Status',
  you: '(jij)',
  streakDays: '{n} d',
  atRisk: 'in gevaar',
  slipping: 'Verslapt: {categories}',
  onTrack: 'Op koers',
  building: 'In opbouw',
};
