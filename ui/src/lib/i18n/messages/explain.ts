// Messages of the explain namespace: the plain-language sentences behind a score, a streak and "how long
// since". `{what}` is a category's own label (the organisation's words), lower-cased.
import type { Translation } from './types';

export const en = {
  // Under the category's name on its card, and inside the Why? text: a sentence, not a formula.
  'target.week': { one: 'once a week', other: '{n} times a week' },
  'target.day': { one: 'every working day', other: '{n} times every working day' },
  'why.unchanged': 'Your {what} score is {score}, unchanged over the last week.',
  'why.up': {
    one: 'Your {what} score is {score}, up {n} point over the last week.',
    other: 'Your {what} score is {score}, up {n} points over the last week.',
  },
  'why.down': {
    one: 'Your {what} score is {score}, down {n} point over the last week.',
    other: 'Your {what} score is {score}, down {n} points over the last week.',
  },
  'why.ruleWeek': {
    one: 'It grows a little on every working day on which your last {days} working days hold at least {n} action of {what} (your target: {target}), and fades a little on working days that fall short. Like Loop Habit Tracker, Cadence judges a weekly target over two weeks, so a week whose action falls on another day still counts in full. Non-working days and planned absence leave it alone and stretch the window.',
    other: 'It grows a little on every working day on which your last {days} working days hold at least {n} actions of {what} (your target: {target}), and fades a little on working days that fall short. Like Loop Habit Tracker, Cadence judges a weekly target over two weeks, so a week whose actions fall on other days still counts in full. Non-working days and planned absence leave it alone and stretch the window.',
  },
  'why.ruleDay': {
    one: 'It grows a little on every working day with at least {n} action of {what} (your target: {target}), and fades a little on working days that fall short. Non-working days and planned absence leave it alone.',
    other: 'It grows a little on every working day with at least {n} actions of {what} (your target: {target}), and fades a little on working days that fall short. Non-working days and planned absence leave it alone.',
  },
  'why.met': 'In the last 30 days, {met} of {counted} working days met the target.',
  'why.halfLife': {
    one: "A day's effect halves after about {n} working day, so a steady rhythm counts for more than a single busy day. Loop Habit Tracker uses the same formula.",
    other: "A day's effect halves after about {n} working days, so a steady rhythm counts for more than a single busy day. Loop Habit Tracker uses the same formula.",
  },
  'slip.nothingYet': 'Nothing logged yet for {what}.',
  'slip.silence': {
    one: 'No {what} for {n} working day; your target means about one every {interval}.',
    other: 'No {what} for {n} working days; your target means about one every {interval}.',
  },
  'slip.scoreDrop': { one: 'The score fell {n} point in 7 days.', other: 'The score fell {n} points in 7 days.' },
  'slip.onTrack': 'On track.',
  'since.never': 'never',
  'since.today': 'today',
  'since.yesterday': 'yesterday',
  'since.daysAgo': { one: '{n} day ago', other: '{n} days ago' },
  'streak.days': { one: '{n} day', other: '{n} days' },
  'streak.weeks': { one: '{n} week', other: '{n} weeks' },
} as const;

export const nl: Translation<typeof en> = {
  'target.week': { one: '1 keer per week', other: '{n} keer per week' },
  'target.day': { one: 'elke werkdag', other: '{n} keer per werkdag' },
  'why.unchanged': 'Je score voor {what} is {score}, onveranderd in de afgelopen week.',
  'why.up': {
    one: 'Je score voor {what} is {score}, {n} punt gestegen in de afgelopen week.',
    other: 'Je score voor {what} is {score}, {n} punten gestegen in de afgelopen week.',
  },
  'why.down': {
    one: 'Je score voor {what} is {score}, {n} punt gedaald in de afgelopen week.',
    other: 'Je score voor {what} is {score}, {n} punten gedaald in de afgelopen week.',
  },
  'why.ruleWeek': {
    one: 'Hij stijgt een beetje op elke werkdag waarop je laatste {days} werkdagen minstens {n} actie voor {what} bevatten (je doel: {target}), en zakt een beetje op werkdagen die tekortschieten. Net als Loop Habit Tracker beoordeelt Cadence een weekdoel over twee weken, zodat een week waarin de actie op een andere dag valt toch volledig telt. Vrije dagen en geplande afwezigheid laten hem ongemoeid en rekken het venster op.',
    other: 'Hij stijgt een beetje op elke werkdag waarop je laatste {days} werkdagen minstens {n} acties voor {what} bevatten (je doel: {target}), en zakt een beetje op werkdagen die tekortschieten. Net als Loop Habit Tracker beoordeelt Cadence een weekdoel over twee weken, zodat een week waarin de acties op andere dagen vallen toch volledig telt. Vrije dagen en geplande afwezigheid laten hem ongemoeid en rekken het venster op.',
  },
  'why.ruleDay': {
    one: 'Hij stijgt een beetje op elke werkdag met minstens {n} actie voor {what} (je doel: {target}), en zakt een beetje op werkdagen die tekortschieten. Vrije dagen en geplande afwezigheid laten hem ongemoeid.',
    other: 'Hij stijgt een beetje op elke werkdag met minstens {n} acties voor {what} (je doel: {target}), en zakt een beetje op werkdagen die tekortschieten. Vrije dagen en geplande afwezigheid laten hem ongemoeid.',
  },
  'why.met': 'In de afgelopen 30 dagen haalden {met} van de {counted} werkdagen het doel.',
  'why.halfLife': {
    one: 'Het effect van een dag halveert na ongeveer {n} werkdag, dus een vast ritme telt zwaarder dan één drukke dag. Loop Habit Tracker gebruikt dezelfde formule.',
    other: 'Het effect van een dag halveert na ongeveer {n} werkdagen, dus een vast ritme telt zwaarder dan één drukke dag. Loop Habit Tracker gebruikt dezelfde formule.',
  },
  'slip.nothingYet': 'Nog niets vastgelegd voor {what}.',
  'slip.silence': {
    one: 'Al {n} werkdag geen {what}; je doel komt neer op ongeveer één per {interval}.',
    other: 'Al {n} werkdagen geen {what}; je doel komt neer op ongeveer één per {interval}.',
  },
  'slip.scoreDrop': { one: 'De score is in 7 dagen {n} punt gedaald.', other: 'De score is in 7 dagen {n} punten gedaald.' },
  'slip.onTrack': 'Op koers.',
  'since.never': 'nooit',
  'since.today': 'vandaag',
  'since.yesterday': 'gisteren',
  'since.daysAgo': { one: '{n} dag geleden', other: '{n} dagen geleden' },
  'streak.days': { one: '{n} dag', other: '{n} dagen' },
  'streak.weeks': { one: '{n} week', other: '{n} weken' },
};
