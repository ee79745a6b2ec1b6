// The one typed wrapper around every Tauri command. Components never call `invoke` directly.
import { invoke } from '@tauri-apps/api/core';
import type {
  Absence, Action, ActionQuery, ApiErrorBody, AppStatus, Catalog, CategoryTarget, DayCount, NewAction, NewPerson,
  Per, Person, Stats, StatsQuery, TeamRow,
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
    if (isErrorBody(e)) throw new ApiError(e);
    throw new ApiError({ kind: 'internal', message: String(e) });
  }
}

export const api = {
  appStatus: () => call<AppStatus>('app_status'),
  onboard: (person: NewPerson, values: string[]) => call<Person>('onboard', { person, values }),
  catalog: () => call<Catalog>('catalog'),
  people: () => call<Person[]>('people'),
  logAction: (input: NewAction) => call<Action>('log_action', { input }),
  updateAction: (id: number, input: NewAction) => call<Action>('update_action', { id, input }),
  deleteAction: (id: number) => call<Action>('delete_action', { id }),
  restoreAction: (id: number) => call<Action>('restore_action', { id }),
  listActions: (query: ActionQuery) => call<Action[]>('list_actions', { query }),
  dayCounts: (query: ActionQuery) => call<DayCount[]>('day_counts', { query }),
  uiPainted: () => call<void>('ui_painted'),
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
};

/** Maps an error to the field it belongs to (`''` for a banner). */
export function fieldOf(e: unknown): string {
  return e instanceof ApiError && e.field ? e.field : '';
}

export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
