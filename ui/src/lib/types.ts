// Mirrors of cadence-core's serde types (camelCase on the wire). Keep in step with src-tauri/core/src/model.rs.

export interface Person {
  id: number;
  name: string;
  role: string;
  layer: string | null;
  unit: string | null;
  tz: string;
  workingDays: string[];
  dayStart: string;
  isSelf: boolean;
}

export interface NewPerson {
  name: string;
  role?: string;
  layer?: string;
  unit?: string;
  tz?: string;
  workingDays?: string[];
  dayStart?: string;
}

export interface Category { id: number; key: string; label: string; colour: string; archived: boolean }
export interface Channel { id: number; key: string; label: string; external: boolean; archived: boolean }
export interface Audience { id: number; key: string; label: string; kind: 'layer' | 'unit' }
export interface ValueItem { id: number; key: string; label: string; kind: 'value' | 'theme' }

export interface Catalog {
  categories: Category[];
  channels: Channel[];
  layers: Audience[];
  units: Audience[];
  values: ValueItem[];
}

export interface Action {
  id: number;
  personId: number;
  personName: string;
  category: string;
  occurredAt: string;
  localDate: string;
  tz: string;
  localTime: string;
  note: string;
  channel: string | null;
  audiences: string[];
  values: string[];
  loggedBy: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface NewAction {
  person: string;
  category: string;
  note?: string;
  channel?: string | null;
  audiences?: string[];
  values?: string[];
  at?: string;
  date?: string;
  time?: string;
  tz?: string;
  loggedBy?: number | null;
}

export interface ActionQuery { person?: string; from?: string; to?: string }
export interface DayCount { date: string; count: number }

/** The error every command can return: mirrors ApiError in src-tauri/src/error.rs. */
export interface ApiErrorBody { kind: string; message: string; field?: string }

export interface AppStatus {
  version: string;
  dataDir: string | null;
  error: ApiErrorBody | null;
  me: Person | null;
  osZone: string;
  today: string | null;
}
