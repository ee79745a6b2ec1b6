// Generated from the Rust types by `script/bindings` (src-tauri/tests/bindings.rs): do not edit.
// The wire is camelCase JSON; `api.ts` is the one wrapper that sends and receives these.

export type ApiErrorBody = { kind: string, message: string, field?: string, };

export type AppStatus = { version: string, dataDir: string | null, 
/**
 * Why the database could not be opened: the UI shows the error screen.
 */
error: ApiErrorBody | null, 
/**
 * The app's user; `None` until onboarding is done.
 */
me: Person | null, 
/**
 * The OS time zone, proposed by onboarding.
 */
osZone: string, 
/**
 * Today in the user's own zone and day start.
 */
today: string | null, 
/**
 * The language in use (`en` or `nl`): the setting, or the OS locale.
 */
locale: Locale, 
/**
 * `system`, `en` or `nl`.
 */
localePref: "system" | "en" | "nl", 
/**
 * The OS locale's language, named by the "as the system" choice.
 */
osLocale: Locale, };

export type Locale = "en" | "nl";

export type ShortcutStatus = { available: boolean, 
/**
 * `wayland` or `refused` (the desktop or another program would not let Cadence have it); none when available.
 */
reason: "wayland" | "refused" | null, 
/**
 * The error the desktop gave, when it refused.
 */
detail: string | null, 
/**
 * The command to bind to a key in the desktop's keyboard settings: this very binary with `quick-log`.
 */
command: string, };

export type Person = { id: number, 
/**
 * Random, made once, the same in every copy (export, import, another device).
 */
uid: string, name: string, role: string, layer: string | null, unit: string | null, tz: string, workingDays: Array<string>, dayStart: string, 
/**
 * True for the person using this app (set by onboarding).
 */
isSelf: boolean, 
/**
 * Archived: left the organisation (or a test person). Hidden from pickers, the team and reminders;
 * their history stays. See [`crate::Db::archive_person`].
 */
archived: boolean, };

export type NewPerson = { name: string, role?: string | null, layer?: string | null, unit?: string | null, 
/**
 * IANA zone; the OS zone when absent.
 */
tz?: string | null, 
/**
 * Weekday names (`mon`, `tue`, ...); Monday to Friday when absent.
 */
workingDays?: Array<string> | null, 
/**
 * `HH:MM`; midnight when absent.
 */
dayStart?: string | null, };

export type Category = { id: number, 
/**
 * Random, made once, the same in every copy (export, import, another device).
 */
uid: string, key: string, label: string, colour: string, archived: boolean, };

export type Channel = { id: number, 
/**
 * Random, made once, the same in every copy (export, import, another device).
 */
uid: string, key: string, label: string, external: boolean, archived: boolean, 
/**
 * The unit keys it is meant for, sorted; empty: everyone.
 */
units: Array<string>, };

export type Audience = { id: number, 
/**
 * Random, made once, the same in every copy (export, import, another device).
 */
uid: string, key: string, label: string, 
/**
 * `layer` or `unit`.
 */
kind: "layer" | "unit", 
/**
 * Archived: no longer offered, still named in the history (only `catalog_all` lists these).
 */
archived: boolean, };

export type ValueItem = { id: number, 
/**
 * Random, made once, the same in every copy (export, import, another device).
 */
uid: string, key: string, label: string, 
/**
 * `value` or `theme`.
 */
kind: "value" | "theme", 
/**
 * Archived: no longer offered, still named in the history (only `catalog_all` lists these).
 */
archived: boolean, };

export type Catalog = { categories: Array<Category>, channels: Array<Channel>, layers: Array<Audience>, units: Array<Audience>, values: Array<ValueItem>, };

export type Action = { id: number, 
/**
 * The action's uid: random, made once, the same in every copy (export, import, a second device).
 */
uid: string, personId: number, personName: string, category: string, 
/**
 * RFC 3339 with the offset of the zone it was logged in.
 */
occurredAt: string, 
/**
 * The local calendar date it counts for (`YYYY-MM-DD`).
 */
localDate: string, 
/**
 * The zone it was logged in (IANA name or `+HH:MM`).
 */
tz: string, 
/**
 * Wall-clock time in that zone, `HH:MM`.
 */
localTime: string, note: string, channel: string | null, 
/**
 * The audiences reached, by kind: `layer:KEY` and `unit:KEY` (a layer and a unit may share a name, Staff
 * or Board, and stay two audiences). Input may also give a bare key: the layer's, else the unit's.
 */
audiences: Array<string>, values: Array<string>, loggedBy: number | null, createdAt: string, updatedAt: string, };

export type NewAction = { 
/**
 * Person id or name.
 */
person: string, 
/**
 * Category key.
 */
category: string, note?: string | null, 
/**
 * Channel key.
 */
channel?: string | null, 
/**
 * Layer or unit keys.
 */
audiences?: Array<string>, 
/**
 * Value or theme keys.
 */
values?: Array<string>, 
/**
 * An RFC 3339 instant; its offset fixes the local date.
 */
at?: string | null, 
/**
 * A local calendar date `YYYY-MM-DD` (back-logging).
 */
date?: string | null, 
/**
 * A local wall time `HH:MM` on `date` (defaults to 12:00).
 */
time?: string | null, 
/**
 * The zone the action happened in, when not the person's own (travel).
 */
tz?: string | null, 
/**
 * The person who logged it, when not the leader themself (an assistant).
 */
loggedBy?: number | null, };

export type ActionQuery = { 
/**
 * Person id or name; everyone when absent.
 */
person?: string | null, 
/**
 * First local date, inclusive.
 */
from?: string | null, 
/**
 * Last local date, inclusive.
 */
to?: string | null, };

export type DayCount = { date: string, count: number, };

export type DayChange = { 
/**
 * Today for the app's user (`YYYY-MM-DD`); `None` before onboarding.
 */
me: string | null, people: Array<PersonDay>, };

export type PersonDay = { personId: number, 
/**
 * `YYYY-MM-DD`.
 */
date: string, };

export type Per = "week" | "day";

export type Target = { times: number, per: Per, };

export type CategoryTarget = { category: string, label: string, colour: string, target: Target, 
/**
 * True when no target was set and the default applies.
 */
isDefault: boolean, };

export type Absence = { id: number, 
/**
 * Created once, never reused: what an import matches on.
 */
uid: string, personId: number, personName: string, from: string, to: string, reason: string, };

export type StatsQuery = { 
/**
 * Person id or name.
 */
person: string, 
/**
 * The day to compute for (`YYYY-MM-DD`); today in the person's zone when absent.
 */
asOf?: string | null, 
/**
 * Days covered by channel mix, audience and value counts (default 90).
 */
rangeDays?: number | null, };

export type Stats = { asOf: string, personId: number, personName: string, range: Range, totalActions: number, overall: Overall, categories: Array<CategoryStats>, 
/**
 * The 365 days up to as-of, oldest first.
 */
heatmap: Array<DayTotal>, 
/**
 * The 52 ISO weeks up to as-of, oldest first.
 */
weekly: Array<PeriodCounts>, 
/**
 * The 12 months up to as-of, oldest first.
 */
monthly: Array<PeriodCounts>, 
/**
 * Overall and per-category score at the end of each of the 52 weeks.
 */
scoreTrend: Array<ScorePoint>, channels: Array<ChannelShare>, 
/**
 * Share of actions with a channel that used an internal / external one, in range.
 */
internalShare: number, externalShare: number, audiences: Array<Coverage>, values: Array<Coverage>, 
/**
 * Follow-ups: open, overdue, done, follow-through rate and median days to close.
 */
followThrough: FollowThrough, };

export type Range = { from: string, to: string, days: number, };

export type Overall = { currentStreakDays: number, bestStreakDays: number, 
/**
 * Today is a working day without an action yet while a streak is running.
 */
atRisk: boolean, 
/**
 * The mean of the category scores (0..1).
 */
score: number, score7dAgo: number, slipping: boolean, loggedToday: number, };

export type DayTotal = { date: string, count: number, };

export type ScorePoint = { weekStart: string, overall: number, scores: { [key in string]?: number }, };

export type ChannelShare = { key: string, label: string, external: boolean, count: number, share: number, };

export type Explanation = { 
/**
 * Counted days in the last 30 calendar days, and how many of them met the target.
 */
countedDays30: number, metDays30: number, 
/**
 * Counted days over which a missed day's effect halves.
 */
halfLifeDays: number, 
/**
 * Change over the last 7 days, in score points (0..1 scale).
 */
change7d: number, 
/**
 * The target frequency per counted day used by the formula.
 */
frequency: number, 
/**
 * Loop's window for the day's fulfilment: the actions needed in the last `window_days` counted days
 * (twice the target over two weeks' working days for "N per week").
 */
windowActions: number, windowDays: number, };

export type CategoryStats = { key: string, label: string, colour: string, target: Target, targetIsDefault: boolean, currentStreak: number, bestStreak: number, streakAtRisk: boolean, 
/**
 * `weeks` for "N per week" targets, `days` for "N per working day".
 */
streakUnit: "weeks" | "days", score: number, score7dAgo: number, lastDate: string | null, daysSince: number | null, 
/**
 * Counted days since the last action (today excluded while it is running).
 */
countedDaysSince: number | null, slipping: boolean, 
/**
 * `silence` (longer than the target interval without one) or `scoreDrop`.
 */
slippingReason: "silence" | "scoreDrop" | null, 
/**
 * What the card says: `slipping`, `onTrack` (not slipping, and the score at least half: the habit holds)
 * or `building` (not slipping, but the score still low: a 2% score is not "on track").
 */
status: "slipping" | "onTrack" | "building", 
/**
 * The target interval in counted days.
 */
intervalDays: number, countInRange: number, explanation: Explanation, };

export type PeriodCounts = { 
/**
 * `weekStart` (Monday) for weeks, `month` (`YYYY-MM`) for months.
 */
weekStart?: string, month?: string, counts: { [key in string]?: number }, total: number, };

export type Coverage = { key: string, label: string, 
/**
 * `layer`, `unit`, `value` or `theme`.
 */
kind: string, count: number, lastDate: string | null, daysSince: number | null, };

export type TeamRow = { personId: number, name: string, role: string, isSelf: boolean, asOf: string, score: number, currentStreakDays: number, atRisk: boolean, daysSinceOpenCommunication: number | null, slipping: boolean, 
/**
 * Keys of the categories that are slipping.
 */
slippingCategories: Array<string>, 
/**
 * Their labels, in the same order (what people read).
 */
slippingLabels: Array<string>, 
/**
 * `slipping`, `onTrack` or `building`, by the overall score (see `CategoryStats::status`).
 */
status: "slipping" | "onTrack" | "building", };

export type MonthlyReview = { personId: number, personName: string, 
/**
 * `YYYY-MM`.
 */
month: string, 
/**
 * The month's last day, or today while the month runs.
 */
asOf: string, 
/**
 * The month is still running: the figures are as of today.
 */
running: boolean, categories: Array<ReviewCategory>, 
/**
 * Actions in the month, all categories.
 */
total: number, score: number, currentStreakDays: number, bestStreakDays: number, 
/**
 * Overall score at the end of each of the (up to) six weeks ending in the month.
 */
trend: Array<TrendPoint>, 
/**
 * The four audiences (layers, units) longest without an action, longest first.
 */
quiet: Array<Coverage>, 
/**
 * Values and themes set up, and those not served in the month.
 */
valuesSet: number, neglectedValues: Array<Coverage>, followThrough: FollowThrough, };

export type ReviewCategory = { key: string, label: string, colour: string, 
/**
 * Actions in the month.
 */
count: number, target: Target, score: number, currentStreak: number, bestStreak: number, 
/**
 * `days` or `weeks`.
 */
streakUnit: "weeks" | "days", slipping: boolean, };

export type TrendPoint = { weekStart: string, score: number, };

export type Followup = { id: number, 
/**
 * The promise's uid: random, made once, the same in every copy.
 */
uid: string, personId: number, personName: string, text: string, due: string, fromActionId: number | null, 
/**
 * `open`, `overdue` (open past its due date, as of the person's today) or `done`.
 */
status: "open" | "overdue" | "done", createdDate: string, closedDate: string | null, closingActionId: number | null, };

export type NewFollowup = { person: string, text: string, due: string, fromAction?: number | null, };

export type FollowupEdit = { text?: string | null, due?: string | null, };

export type FollowThrough = { open: number, overdue: number, done: number, 
/**
 * Of the follow-ups that are done or overdue, the share done by their due date (0..1); `None` without any.
 */
rate: number | null, 
/**
 * Median calendar days from promise to done.
 */
medianDaysToClose: number | null, };

export type RuleKind = "checkin" | "silence" | "score-drop" | "streak-risk" | "followup-due";

export type ReminderRule = { id: number, personId: number, personName: string, createdBy: number | null, createdByName: string | null, kind: RuleKind, at: string, 
/**
 * Weekdays it may fire on; `None` = the person's working days.
 */
days: Array<string> | null, category: string | null, afterDays: number | null, threshold: number | null, dropPoints: number | null, minStreak: number | null, quietFrom: string | null, quietTo: string | null, paused: boolean, 
/**
 * The person it is for has been archived: the rule rests until they are restored.
 */
personArchived: boolean, 
/**
 * When it would next fire if its condition holds (RFC 3339), for the preview.
 */
nextFire: string | null, };

export type NewRule = { person: string, kind: string, at?: string | null, days?: Array<string> | null, category?: string | null, afterDays?: number | null, 
/**
 * A score threshold, 0..1 (or a percentage above 1).
 */
threshold?: number | null, 
/**
 * A fall in points over 7 days (0..100).
 */
dropPoints?: number | null, minStreak?: number | null, quietFrom?: string | null, quietTo?: string | null, 
/**
 * The person who made it (the leader or their assistant); the app's user when absent.
 */
createdBy?: number | null, };

export type InboxItem = { id: number, 
/**
 * Created once, never reused.
 */
uid: string, ruleId: number, personId: number, personName: string, kind: RuleKind, category: string | null, followupId: number | null, key: string, fireAt: string, firedAt: string, late: boolean, 
/**
 * `fired`, `snoozed`, `dismissed` or `acted`.
 */
state: "fired" | "snoozed" | "dismissed" | "acted", snoozedUntil: string | null, seen: boolean, title: string, body: string, };

export type BackupInfo = { file: string, path: string, 
/**
 * `daily`, `weekly`, `pre-migration`, `pre-import`, `pre-restore`, `manual`.
 */
kind: string, createdAt: string, bytes: number, 
/**
 * Whether it passes the integrity check and is a Cadence database this version can open.
 */
ok: boolean, actions: number | null, };

export type Mapping = { date?: number | null, time?: number | null, tz?: number | null, person?: number | null, category?: number | null, note?: number | null, channel?: number | null, audiences?: number | null, values?: number | null, uid?: number | null, 
/**
 * How to read dates like `03/11/2026`; when absent, the file's own dates decide (a day above 12), and
 * else the OS locale (`sheet::os_order`).
 */
dateOrder?: DateOrder | null, };

export type DateOrder = "dmy" | "mdy";

export type CsvPreview = { headers: Array<string>, rows: Array<Array<string>>, totalRows: number, mapping: Mapping, 
/**
 * The order dates will be read in, and whether the file leaves it open (its dates read both ways, so the
 * preview asks; the default is the OS locale's).
 */
dateOrder: DateOrder, dateOrderOpen: boolean, };

export type Change = { 
/**
 * `category`, `channel`, `layer`, `unit`, `value` or `target`.
 */
kind: string, 
/**
 * The record: a catalogue key, or for a target `person / category`.
 */
key: string, 
/**
 * `label`, `colour`, `external`, `kind`, `archived` or `target` (`3/week`).
 */
field: string, from: string, to: string, };

export type ImportReport = { 
/**
 * `json` or `csv`.
 */
format: string, dryRun: boolean, 
/**
 * Rows added per kind of record.
 */
added: { [key in string]?: number }, 
/**
 * Records in the file that were already there.
 */
skipped: number, 
/**
 * The backup taken before importing (absent for a dry run).
 */
backup: string | null, 
/**
 * What the import changes in records already here (a label, a colour, a target), so the preview says it.
 */
changed: Array<Change>, };

export type ImportPreview = { csv: CsvPreview | null, encoding: string, report: { Ok : ImportReport } | { Err : ApiErrorBody }, };

export type CatalogPatch = { label?: string | null, 
/**
 * Categories: `#rrggbb`.
 */
colour?: string | null, 
/**
 * Channels: external (customers, partners, the public) or internal.
 */
external?: boolean | null, 
/**
 * Values: `value` or `theme`.
 */
kind?: string | null, archived?: boolean | null, 
/**
 * Channels: the unit keys it is meant for (empty: everyone).
 */
units?: Array<string> | null, };

export type ClosedFollowup = { followup: Followup, action: Action, };
