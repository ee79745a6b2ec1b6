// The one typed wrapper around every Tauri command. Components never call `invoke` directly.
import { invoke } from '@tauri-apps/api/core';
import type {
  BackupInfo, ImportPreview, ImportReport, Mapping,
  Absence, Action, CatalogPatch, ClosedFollowup, ActionQuery, ApiErrorBody, AppStatus, Catalog, CategoryTarget, DayCount, NewAction, NewPerson,
  Followup, FollowupEdit, InboxItem, ShortcutStatus, MonthlyReview, NewFollowup, NewRule, Per, Person, ReminderRule, Stats, StatsQuery, TeamRow,
} from './types';

/** A command's typed failure: `kind` to branch on, `field` to show it next to. */
export class ApiError extends Error {
  kind: string;
  field?: string;
  constructor(body: ApiErrorBody) {
    super(body.message);
    this.kind = body.kind;
    this.field = body.field;
  }
}

function isErrorBody(e: unknown): e is ApiErrorBody {
  return typeof e === 'object' && e !== null && 'kind' in e && 'message' in e;
}

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    if (isErrorBody(e)) {
      // The file turned out damaged while in use: the app shows the recovery screen (App.svelte listens).
      if (e.kind === 'corrupt') window.dispatchEvent(new CustomEvent('cadence-damaged'));
      throw new ApiError(e);
    }
    throw new ApiError({ kind: 'internal', message: String(e) });
  }
}

export const api = {
  appStatus: () => call<AppStatus>('app_status'),
  onboard: (person: NewPerson, values: string[]) => call<Person>('onboard', { person, values }),
  /** The active catalogue; with `person` (an id), only the channels meant for that person's unit. */
  catalog: (person?: string) => call<Catalog>('catalog', { person }),
  people: () => call<Person[]>('people'),
  logAction: (input: NewAction) => call<Action>('log_action', { input }),
  updateAction: (id: number, input: NewAction) => call<Action>('update_action', { id, input }),
  deleteAction: (id: number) => call<Action>('delete_action', { id }),
  restoreAction: (id: number) => call<Action>('restore_action', { id }),
  listActions: (query: ActionQuery) => call<Action[]>('list_actions', { query }),
  dayCounts: (query: ActionQuery) => call<DayCount[]>('day_counts', { query }),
  uiPainted: (marks: [string, number][]) => call<void>('ui_painted', { marks }),
  /** Quits the app (reminders stop until Cadence starts again). */
  quit: () => call<void>('quit_app'),
  runInBackground: () => call<void>('run_in_background'),
  shortcutStatus: () => call<ShortcutStatus>('shortcut_status'),
  personToday: (person: string) => call<string>('person_today', { person }),
  stats: (query: StatsQuery) => call<Stats>('stats', { query }),
  team: (asOf?: string) => call<TeamRow[]>('team', { asOf }),
  targets: (person: string) => call<CategoryTarget[]>('targets', { person }),
  setTarget: (person: string, category: string, times: number, per: Per) =>
    call<CategoryTarget>('set_target', { person, category, times, per }),
  setSchedule: (person: string, workingDays?: string[], dayStart?: string) =>
    call<Person>('set_schedule', { person, workingDays, dayStart }),
  absences: (person?: string) => call<Absence[]>('absences', { person }),
  addAbsence: (person: string, from: string, to: string, reason: string) =>
    call<Absence>('add_absence', { person, from, to, reason }),
  deleteAbsence: (id: number) => call<void>('delete_absence', { id }),
  rules: (person?: string) => call<ReminderRule[]>('rules', { person }),
  addRule: (input: NewRule) => call<ReminderRule>('add_rule', { input }),
  updateRule: (id: number, input: NewRule) => call<ReminderRule>('update_rule', { id, input }),
  setRulePaused: (id: number, paused: boolean) => call<ReminderRule>('set_rule_paused', { id, paused }),
  deleteRule: (id: number) => call<void>('delete_rule', { id }),
  inbox: (all = false) => call<InboxItem[]>('inbox', { all }),
  unreadCount: () => call<number>('unread_count'),
  inboxAction: (id: number, action: 'snooze' | 'dismiss' | 'acted', how?: string) =>
    call<InboxItem>('inbox_action', { id, action, how }),
  markSeen: () => call<void>('mark_seen'),
  runReminders: () => call<void>('run_reminders'),
  followups: (person?: string, status?: string) => call<Followup[]>('followups', { person, status }),
  addFollowup: (input: NewFollowup) => call<Followup>('add_followup', { input }),
  closeFollowup: (id: number, note?: string) => call<ClosedFollowup>('close_followup', { id, note }),
  updateFollowup: (id: number, edit: FollowupEdit) => call<Followup>('update_followup', { id, edit }),
  deleteFollowup: (id: number) => call<Followup>('delete_followup', { id }),
  restoreFollowup: (id: number) => call<Followup>('restore_followup', { id }),
  autostart: (enable?: boolean) => call<boolean>('autostart', { enable }),
  /** Stores 'system', 'en' or 'nl'; returns the language now in use. */
  setLocale: (pref: string) => call<'en' | 'nl'>('set_locale', { pref }),
  quicklogShortcut: (value?: string) => call<string>('quicklog_shortcut', { value }),
  /** One person's month (`YYYY-MM`; the previous month when absent), as the review sheet shows it. */
  monthlyReview: (person: string, month?: string) => call<MonthlyReview>('monthly_review', { person, month }),
  /** Writes the month's review PDF into Downloads; returns the file's path. */
  reviewPdf: (person: string, month?: string) => call<string>('review_pdf', { person, month }),
  exportData: (format: 'json' | 'csv' | 'ics') => call<string>('export_data', { format }),
  /** `data`: the file's bytes in base64; the core decides how to read them (UTF-8, Windows-1252, UTF-16). */
  importPreview: (data: string, mapping?: Mapping) => call<ImportPreview>('import_preview', { data, mapping }),
  importData: (data: string, mapping?: Mapping) => call<ImportReport>('import_data', { data, mapping }),
  backups: () => call<BackupInfo[]>('backups'),
  backupNow: () => call<string>('backup_now'),
  restoreBackup: (path: string) => call<string>('restore_backup', { path }),
  recoveryInfo: () => call<BackupInfo | null>('recovery_info'),
  recoverBackup: (path: string) => call<string>('recover_backup', { path }),
  catalogAll: () => call<Catalog>('catalog_all'),
  addCatalogEntry: (list: string, label: string, patch: CatalogPatch) =>
    call<string>('add_catalog_entry', { list, label, patch }),
  updateCatalogEntry: (list: string, key: string, patch: CatalogPatch) =>
    call<void>('update_catalog_entry', { list, key, patch }),
  addPerson: (person: NewPerson) => call<Person>('add_person', { person }),
  updatePerson: (person: string, input: NewPerson) => call<Person>('update_person', { person, input }),
  peopleAll: () => call<Person[]>('people_all'),
  archivePerson: (id: number) => call<Person>('archive_person', { id }),
  restorePerson: (id: number) => call<Person>('restore_person', { id }),
};

/** Maps an error to the field it belongs to (`''` for a banner). */
export function fieldOf(e: unknown): string {
  return e instanceof ApiError && e.field ? e.field : '';
}

export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
