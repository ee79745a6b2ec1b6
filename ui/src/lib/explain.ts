// Plain-language explanations of the numbers on the dashboard ("why is my score 63%?"), in the active
// language. Category labels are the organisation's own words: they are used as they are, lower-cased.
import { formatPercent, t } from './i18n/index.svelte';
import type { CategoryStats } from './types';

export const pct = (x: number) => formatPercent(x);

export function targetText(c: Pick<CategoryStats, 'target' | 'label'>): string {
  const params = { n: c.target.times, what: c.label.toLowerCase() };
  return c.target.per === 'week' ? t('explain.target.week', params) : t('explain.target.day', params);
}

/** Why a category's score is what it is, in three or four sentences. */
export function whyScore(c: CategoryStats): string[] {
  const e = c.explanation;
  const what = c.label.toLowerCase();
  const score = pct(c.score);
  const points = Math.round(e.change7d * 100);
  const first = points === 0
    ? t('explain.why.unchanged', { what, score })
    : t(points > 0 ? 'explain.why.up' : 'explain.why.down', { what, score, n: Math.abs(points) });
  const rule = { n: e.windowActions, days: e.windowDays, what, target: targetText(c) };
  return [
    first,
    c.target.per === 'week' ? t('explain.why.ruleWeek', rule) : t('explain.why.ruleDay', rule),
    t('explain.why.met', { met: e.metDays30, counted: e.countedDays30 }),
    t('explain.why.halfLife', { n: Math.round(e.halfLifeDays) }),
  ];
}

export function slippingText(c: CategoryStats): string {
  const what = c.label.toLowerCase();
  if (c.slippingReason === 'silence') {
    return c.lastDate === null
      ? t('explain.slip.nothingYet', { what })
      : t('explain.slip.silence', { what, n: c.countedDaysSince ?? 0, interval: c.intervalDays });
  }
  if (c.slippingReason === 'scoreDrop') {
    // `+ 0` turns a rounded -0 into 0, which Intl would print as "-0".
    return t('explain.slip.scoreDrop', { n: Math.round((c.score7dAgo - c.score) * 100) + 0 });
  }
  return t('explain.slip.onTrack');
}

export function sinceText(days: number | null): string {
  if (days === null) return t('explain.since.never');
  if (days === 0) return t('explain.since.today');
  if (days === 1) return t('explain.since.yesterday');
  return t('explain.since.daysAgo', { n: days });
}

/** A streak with its unit: "4 weeks" for a weekly target, "12 days" for a daily one. */
export function streakText(c: Pick<CategoryStats, 'streakUnit'>, n: number): string {
  return t(c.streakUnit === 'weeks' ? 'explain.streak.weeks' : 'explain.streak.days', { n });
}
