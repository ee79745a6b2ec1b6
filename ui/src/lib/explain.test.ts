import { describe, expect, it } from 'vitest';
import { addDays, weekStart, relativeLabel } from './dates';
import { slippingText, streakText, targetText, whyScore, sinceText } from './explain';
import { setLocale } from './i18n/index.svelte';
import type { CategoryStats } from './types';

const base: CategoryStats = {
  key: 'open-communication', label: 'Open communication', colour: '#2563eb',
  target: { times: 3, per: 'week' }, targetIsDefault: true,
  currentStreak: 4, bestStreak: 9, streakAtRisk: false, streakUnit: 'weeks',
  score: 0.634, score7dAgo: 0.61, lastDate: '2026-11-25', daysSince: 2, countedDaysSince: 1,
  slipping: false, slippingReason: null, status: 'onTrack', intervalDays: 2, countInRange: 30,
  explanation: { countedDays30: 22, metDays30: 14, halfLifeDays: 16.78, change7d: 0.024, frequency: 0.6, windowActions: 6, windowDays: 10 },
};

describe('calendar arithmetic on local dates', () => {
  it('steps across month ends and DST weekends without drifting', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(weekStart('2026-11-29')).toBe('2026-11-23');
    expect(weekStart('2026-11-23')).toBe('2026-11-23');
    expect(relativeLabel('2026-11-26', '2026-11-27')).toBe('Yesterday');
  });
});

describe('why is my score what it is', () => {
  it('explains a weekly target in plain words with the numbers', () => {
    const lines = whyScore(base);
    expect(lines[0]).toBe('Your open communication score is 63%, up 2 points over the last week.');
    expect(lines[1]).toContain('your last 10 working days hold at least 6 actions of open communication (your target: 3 times a week)');
    expect(lines[1]).toContain('over two weeks');
    expect(lines[2]).toBe('In the last 30 days, 14 of 22 working days met the target.');
    expect(lines[3]).toContain('about 17 working days');
  });

  it('explains daily targets and slipping', () => {
    const daily = { ...base, target: { times: 1, per: 'day' as const }, explanation: { ...base.explanation, windowActions: 1, windowDays: 1 } };
    expect(targetText(daily)).toBe('every working day');
    expect(targetText({ ...base, target: { times: 1, per: 'week' } })).toBe('once a week');
    expect(targetText({ ...base, target: { times: 2, per: 'day' } })).toBe('2 times every working day');
    expect(whyScore(daily)[1]).toContain('with at least 1 action of open communication');
    expect(slippingText({ ...base, slipping: true, slippingReason: 'silence', countedDaysSince: 5 }))
      .toBe('No open communication for 5 working days; your target means about one every 2.');
    expect(slippingText({ ...base, slipping: true, slippingReason: 'scoreDrop', score7dAgo: 0.8, score: 0.65 }))
      .toBe('The score fell 15 points in 7 days.');
    expect(sinceText(null)).toBe('never');
    expect(sinceText(1)).toBe('yesterday');
  });
});

describe('in Dutch', () => {
  it('explains the score, the target and how long ago, with Dutch numbers and plurals', () => {
    setLocale('nl');
    try {
      const lines = whyScore(base);
      expect(lines[0]).toBe('Je score voor open communication is 63%, 2 punten gestegen in de afgelopen week.');
      expect(lines[2]).toBe('In de afgelopen 30 dagen haalden 14 van de 22 werkdagen het doel.');
      expect(targetText({ ...base, target: { times: 1, per: 'day' } })).toBe('elke werkdag');
      expect(targetText({ ...base, target: { times: 3, per: 'week' } })).toBe('3 keer per week');
      expect(slippingText({ ...base, slipping: true, slippingReason: 'scoreDrop', score7dAgo: 0.8, score: 0.79 }))
        .toBe('De score is in 7 dagen 1 punt gedaald.');
      expect(sinceText(1234)).toBe('1.234 dagen geleden');
      expect(sinceText(null)).toBe('nooit');
      expect(streakText(base, 1)).toBe('1 week');
      expect(streakText(base, 4)).toBe('4 weken');
    } finally {
      setLocale('en');
    }
  });
});
