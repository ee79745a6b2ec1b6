// Plain-language explanations of the numbers on the dashboard ("why is my score 63%?").
import type { CategoryStats } from './types';

export const pct = (x: number) => `${Math.round(x * 100)}%`;

export function targetText(c: Pick<CategoryStats, 'target' | 'label'>): string {
  const what = c.label.toLowerCase();
  return c.target.per === 'week'
    ? `${c.target.times} ${what} per week`
    : `${c.target.times} ${what} per working day`;
}

/** Why a category's score is what it is, in three or four sentences. */
export function whyScore(c: CategoryStats): string[] {
  const e = c.explanation;
  const what = c.label.toLowerCase();
  const enough = `${c.target.times} ${c.target.times === 1 ? 'action' : 'actions'}`;
  const rule = c.target.per === 'week'
    ? `on which the 7 days up to it hold at least ${enough} of ${what}`
    : `with at least ${enough} of ${what}`;
  const points = Math.round(e.change7d * 100);
  const trend = points === 0 ? 'unchanged over the last week' : `${points > 0 ? 'up' : 'down'} ${Math.abs(points)} points over the last week`;
  return [
    `Your ${c.label.toLowerCase()} score is ${pct(c.score)}, ${trend}.`,
    `It grows a little on every working day ${rule} (your target: ${targetText(c)}), and fades a little on working days that fall short. Non-working days and planned absence leave it alone.`,
    `In the last 30 days, ${e.metDays30} of ${e.countedDays30} working days met the target.`,
    `A day's effect halves after about ${Math.round(e.halfLifeDays)} working days, so a steady rhythm counts for more than a single busy day. Loop Habit Tracker uses the same formula.`,
  ];
}

export function slippingText(c: CategoryStats): string {
  if (c.slippingReason === 'silence') {
    return c.lastDate === null
      ? `Nothing logged yet for ${c.label.toLowerCase()}.`
      : `No ${c.label.toLowerCase()} for ${c.countedDaysSince} working days; your target means about one every ${c.intervalDays}.`;
  }
  if (c.slippingReason === 'scoreDrop') {
    return `The score fell ${Math.round((c.score7dAgo - c.score) * 100)} points in 7 days.`;
  }
  return 'On track.';
}

export function sinceText(days: number | null): string {
  if (days === null) return 'never';
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${days} days ago`;
}
