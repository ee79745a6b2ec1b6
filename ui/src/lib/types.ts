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
  /** Left the organisation: hidden from pickers, the team and reminders; history kept. */
  archived: boolean;
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
export interface Channel {
  id: number;
  key: string;
  label: string;
  external: boolean;
  archived: boolean;
  /** The unit keys it is meant for; empty: everyone. Absent while the core's catalogue does not report it. */
  units?: string[];
}
/** `archived` entries appear only in `catalogAll` (the Organisation view, history labels). */
export interface Audience { id: number; key: string; label: string; kind: 'layer' | 'unit'; archived?: boolean }
export interface ValueItem { id: number; key: string; label: string; kind: 'value' | 'theme'; archived?: boolean }

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

/** Sent by the core when a day began for someone (`day-changed`): today for the user, and for everyone. */
export interface DayChange { me: string | null; people: { personId: number; date: string }[] }

export interface AppStatus {
  version: string;
  dataDir: string | null;
  error: ApiErrorBody | null;
  me: Person | null;
  osZone: string;
  today: string | null;
  /** The language in use ('en' | 'nl'): the setting, or the OS locale when it is 'system'. */
  locale: 'en' | 'nl';
  localePref: 'system' | 'en' | 'nl';
  osLocale: 'en' | 'nl';
}

export type Per = 'week' | 'day';
export interface Target { times: number; per: Per }
export interface CategoryTarget { category: string; label: string; colour: string; target: Target; isDefault: boolean }
export interface Absence { id: number; personId: number; personName: string; from: string; to: string; reason: string }

export interface Explanation {
  countedDays30: number;
  metDays30: number;
  halfLifeDays: number;
  change7d: number;
  frequency: number;
  /** Loop's window: the actions needed over the last `windowDays` working days. */
  windowActions: number;
  windowDays: number;
}

export interface CategoryStats {
  key: string;
  label: string;
  colour: string;
  target: Target;
  targetIsDefault: boolean;
  currentStreak: number;
  bestStreak: number;
  streakAtRisk: boolean;
  streakUnit: 'weeks' | 'days';
  score: number;
  score7dAgo: number;
  lastDate: string | null;
  daysSince: number | null;
  countedDaysSince: number | null;
  slipping: boolean;
  slippingReason: 'silence' | 'scoreDrop' | null;
  /** What the card says (the core decides): slipping, on track (score at least half), or still building up. */
  status: 'slipping' | 'onTrack' | 'building';
  intervalDays: number;
  countInRange: number;
  explanation: Explanation;
}

export interface PeriodCounts { weekStart?: string; month?: string; counts: Record<string, number>; total: number }
export interface Coverage { key: string; label: string; kind: string; count: number; lastDate: string | null; daysSince: number | null }

export interface Stats {
  asOf: string;
  personId: number;
  personName: string;
  range: { from: string; to: string; days: number };
  totalActions: number;
  overall: {
    currentStreakDays: number;
    bestStreakDays: number;
    atRisk: boolean;
    score: number;
    score7dAgo: number;
    slipping: boolean;
    loggedToday: number;
  };
  categories: CategoryStats[];
  heatmap: { date: string; count: number }[];
  weekly: PeriodCounts[];
  monthly: PeriodCounts[];
  scoreTrend: { weekStart: string; overall: number; scores: Record<string, number> }[];
  channels: { key: string; label: string; external: boolean; count: number; share: number }[];
  internalShare: number;
  externalShare: number;
  audiences: Coverage[];
  values: Coverage[];
  followThrough: FollowThrough;
}

/** A category on the monthly review: its count in the month and its state at the month's end. */
export interface ReviewCategory {
  key: string;
  label: string;
  colour: string;
  count: number;
  target: Target;
  score: number;
  currentStreak: number;
  bestStreak: number;
  streakUnit: 'days' | 'weeks';
  slipping: boolean;
}

/** One person's month, as the review sheet and its PDF show it: mirrors MonthlyReview in core/src/review/mod.rs. */
export interface MonthlyReview {
  personId: number;
  personName: string;
  /** `YYYY-MM`. */
  month: string;
  /** The month's last day, or today while the month runs. */
  asOf: string;
  /** The month is still running: `asOf` is today. */
  running: boolean;
  categories: ReviewCategory[];
  total: number;
  score: number;
  currentStreakDays: number;
  bestStreakDays: number;
  /** The overall score of each of the (up to) six weeks ending in the month. */
  trend: { weekStart: string; score: number }[];
  /** The audiences (layers, units) longest without an action, longest first. */
  quiet: Coverage[];
  valuesSet: number;
  neglectedValues: Coverage[];
  followThrough: FollowThrough;
}

export interface StatsQuery { person: string; asOf?: string; rangeDays?: number }

export interface TeamRow {
  personId: number;
  name: string;
  role: string;
  isSelf: boolean;
  asOf: string;
  score: number;
  currentStreakDays: number;
  atRisk: boolean;
  daysSinceOpenCommunication: number | null;
  slipping: boolean;
  slippingCategories: string[];
  /** The labels of `slippingCategories`, in the same order. */
  slippingLabels: string[];
  status: 'slipping' | 'onTrack' | 'building';
}

export interface Followup {
  id: number;
  personId: number;
  personName: string;
  text: string;
  due: string;
  fromActionId: number | null;
  status: 'open' | 'overdue' | 'done';
  createdDate: string;
  closedDate: string | null;
  closingActionId: number | null;
}
export interface NewFollowup { person: string; text: string; due: string; fromAction?: number | null }
export interface FollowThrough { open: number; overdue: number; done: number; rate: number | null; medianDaysToClose: number | null }

export type RuleKind = 'checkin' | 'silence' | 'score-drop' | 'streak-risk' | 'followup-due';
export interface ReminderRule {
  id: number;
  personId: number;
  personName: string;
  createdBy: number | null;
  createdByName: string | null;
  kind: RuleKind;
  at: string;
  days: string[] | null;
  category: string | null;
  afterDays: number | null;
  threshold: number | null;
  dropPoints: number | null;
  minStreak: number | null;
  quietFrom: string | null;
  quietTo: string | null;
  paused: boolean;
  /** The person it is for was archived: the rule rests until they are restored. */
  personArchived: boolean;
  nextFire: string | null;
}

/** An edit of a follow-up: the fields given change. */
export interface FollowupEdit {
  text?: string;
  due?: string;
}
export interface NewRule {
  person: string;
  kind: string;
  at?: string;
  days?: string[] | null;
  category?: string | null;
  afterDays?: number | null;
  threshold?: number | null;
  dropPoints?: number | null;
  minStreak?: number | null;
  quietFrom?: string | null;
  quietTo?: string | null;
}
export interface InboxItem {
  id: number;
  ruleId: number;
  personId: number;
  personName: string;
  kind: RuleKind;
  category: string | null;
  followupId: number | null;
  key: string;
  fireAt: string;
  firedAt: string;
  late: boolean;
  state: 'fired' | 'snoozed' | 'dismissed' | 'acted';
  snoozedUntil: string | null;
  seen: boolean;
  title: string;
  body: string;
}

/** What "log now" hands to the quick log. */
export interface Prefill { person: number; category: string; inboxId?: number }

export interface BackupInfo { file: string; path: string; kind: string; createdAt: string; bytes: number; ok: boolean; actions: number | null }
export interface Mapping {
  date?: number | null; time?: number | null; tz?: number | null; person?: number | null; category?: number | null;
  note?: number | null; channel?: number | null; audiences?: number | null; values?: number | null; uid?: number | null;
  /** How to read dates like 03/11/2026: day first (dmy) or month first (mdy); absent, the file and the OS decide. */
  dateOrder?: 'dmy' | 'mdy' | null;
}
export interface CsvPreview {
  headers: string[]; rows: string[][]; totalRows: number; mapping: Mapping;
  /** The order dates will be read in, and whether the file's dates leave it open. */
  dateOrder: 'dmy' | 'mdy'; dateOrderOpen: boolean;
}
/** One field of a record already there that an import changes. */
export interface Change { kind: string; key: string; field: string; from: string; to: string }
export interface ImportReport { format: string; dryRun: boolean; added: Record<string, number>; skipped: number; backup: string | null; changed: Change[] }
/** `encoding`: how the core read the file's bytes (`utf-8`, `windows-1252`, `utf-16le`, `utf-16be`). */
export interface ImportPreview { csv: CsvPreview | null; encoding: string; report: { Ok: ImportReport } | { Err: ApiErrorBody } }

/** Whether the quick log's global shortcut works on this desktop, and the command to bind instead. */
export interface ShortcutStatus { available: boolean; reason: 'wayland' | 'refused' | null; detail: string | null; command: string }
