// Messages of the first-run setup.
import type { Translation } from './types';

export const en = {
  title: "Welcome. Let's set up your daily leadership routine.",
  intro: 'Everything stays on this computer. You can change all of this later.',
  name: 'Your name',
  role: 'Role or title',
  rolePlaceholder: 'e.g. Director of Operations',
  layer: 'Organisational layer',
  unit: 'Unit',
  unitPlaceholder: 'e.g. Operations',
  tz: 'Time zone',
  tzHint: 'Detected from this computer.',
  dayStart: 'My day starts at',
  dayStartHint: '04:00 lets a late evening count for the day before.',
  workingDays: 'Working days',
  values: "Your organisation's core values",
  valuesPlaceholder: 'Openness, Customer focus, Ownership',
  valuesHint: 'Separate with commas. Actions can be linked to them.',
  submit: 'Start my routine',
} as const;

export const nl: Translation<typeof en> = {
  title: 'Welkom. Laten we je dagelijkse leiderschapsroutine inrichten.',
  intro: 'Alles blijft op deze computer. Je kunt dit later allemaal nog wijzigen.',
  name: 'Je naam',
  role: 'Rol of functie',
  rolePlaceholder: 'bijv. directeur Bedrijfsvoering',
  layer: 'Organisatielaag',
  unit: 'Eenheid',
  unitPlaceholder: 'bijv. Bedrijfsvoering',
  tz: 'Tijdzone',
  tzHint: 'Overgenomen van deze computer.',
  dayStart: 'Mijn dag begint om',
  dayStartHint: 'Met 04:00 telt een late avond nog mee voor de dag ervoor.',
  workingDays: 'Werkdagen',
  values: 'De kernwaarden van je organisatie',
  valuesPlaceholder: 'Openheid, Klantgerichtheid, Eigenaarschap',
  valuesHint: "Scheid ze met komma's. Je kunt acties eraan koppelen.",
  submit: 'Start mijn routine',
};
