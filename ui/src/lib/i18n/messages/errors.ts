// Messages of the screen shown when the data file cannot be used. The reason itself comes from Rust.
import type { Translation } from './types';

export const en = {
  'title.notCadence': 'This is not a Cadence database',
  'title.tooNew': 'This database is from a newer Cadence',
  'title.unreadable': 'Cadence cannot read its database',
  'title.corrupt': 'The database is damaged',
  'title.other': 'Cadence cannot start',
  untouched: 'Nothing was written: the file is exactly as it was.',
  // {date} is shown in bold.
  backupFrom: {
    one: 'The newest backup that passes the check is from {date} ({n} action).',
    other: 'The newest backup that passes the check is from {date} ({n} actions).',
  },
  restore: 'Restore this backup',
  keptBeside: 'The damaged file is kept beside it, renamed, in case you need it.',
  whatToDo: 'What you can do',
  installNewest: 'Install the newest Cadence, then open this file again.',
  // {file}, {folder}, {command} and {variable} are shown as code.
  checkFolder: 'Check that the data folder holds your own {file}, or restore a copy from {folder}.',
  otherFolder: 'Start Cadence on another folder: {command} (or set {variable}).',
  command: 'cadence --data-dir /path/to/folder',
  dataFolder: 'Data folder: {path}',
} as const;

export const nl: Translation<typeof en> = {
  'title.notCadence': 'Dit is geen Cadence-database',
  'title.tooNew': 'Deze database komt van een nieuwere versie van Cadence',
  'title.unreadable': 'Cadence kan zijn database niet lezen',
  'title.corrupt': 'De database is beschadigd',
  'title.other': 'Cadence kan niet starten',
  untouched: 'Er is niets weggeschreven: het bestand is precies zoals het was.',
  backupFrom: {
    one: 'De nieuwste back-up die door de controle komt, is van {date} ({n} actie).',
    other: 'De nieuwste back-up die door de controle komt, is van {date} ({n} acties).',
  },
  restore: 'Deze back-up terugzetten',
  keptBeside: 'Het beschadigde bestand blijft ernaast bewaard, onder een andere naam, voor het geval je het nodig hebt.',
  whatToDo: 'Wat je kunt doen',
  installNewest: 'Installeer de nieuwste versie van Cadence en open dit bestand daarna opnieuw.',
  checkFolder: 'Controleer of de gegevensmap je eigen {file} bevat, of zet een kopie terug uit {folder}.',
  otherFolder: 'Start Cadence met een andere map: {command} (of stel {variable} in).',
  command: 'cadence --data-dir /pad/naar/map',
  dataFolder: 'Gegevensmap: {path}',
};
