//! A person's history as dense per-day arrays: the input of every streak and score computation.
//!
//! Loaded with one grouped query over the covering index `actions_person_day`; everything after that is
//! plain arithmetic on vectors, so the statistics are pure functions that tests can feed directly.

use chrono::{Datelike, Duration, NaiveDate};

use crate::time::WorkingDays;

/// Per-day counts from `start` to the as-of date (inclusive), per category and in total.
#[derive(Debug, Clone)]
pub struct DaySeries {
    pub start: NaiveDate,
    /// `by_category[c][d]`: actions of category `c` on day `d`.
    pub by_category: Vec<Vec<u32>>,
    /// Actions of any category (archived ones included) per day.
    pub totals: Vec<u32>,
    /// Whether a day is a counted day: a working day without planned absence.
    pub counted: Vec<bool>,
    pub calendar: Calendar,
}

/// Which dates count: working days minus absences. Also answers for dates after the series ends
/// (the rest of the current week).
#[derive(Debug, Clone, Default)]
pub struct Calendar {
    /// The working days in force now (and for any date `history` does not cover).
    pub working: WorkingDays,
    pub absences: Vec<(NaiveDate, NaiveDate)>,
    /// Earlier working days: `(from, days)` sorted by `from`; each applies from its date until the next.
    /// Dates before the first entry use the first entry. Empty: `working` applied always.
    pub history: Vec<(NaiveDate, WorkingDays)>,
}

impl Calendar {
    /// A calendar whose working days never changed.
    pub fn new(working: WorkingDays, absences: Vec<(NaiveDate, NaiveDate)>) -> Calendar {
        Calendar { working, absences, history: Vec::new() }
    }

    /// The working days in force on `date`.
    pub fn working_on(&self, date: NaiveDate) -> WorkingDays {
        match self.history.partition_point(|(from, _)| *from <= date) {
            0 => self.history.first().map_or(self.working, |(_, w)| *w),
            n => self.history[n - 1].1,
        }
    }

    pub fn is_absent(&self, date: NaiveDate) -> bool {
        self.absences.iter().any(|(a, b)| *a <= date && date <= *b)
    }

    /// A working day (as it was on that date) without planned absence.
    pub fn is_counted(&self, date: NaiveDate) -> bool {
        self.working_on(date).contains(date.weekday()) && !self.is_absent(date)
    }

    /// Working days in a week now (at least 1, so targets per week stay defined).
    pub fn working_per_week(&self) -> u32 {
        self.working.0.count_ones().max(1)
    }

    /// Working days in a week as they were on `date` (at least 1).
    pub fn working_per_week_on(&self, date: NaiveDate) -> u32 {
        self.working_on(date).0.count_ones().max(1)
    }
}

impl DaySeries {
    /// An empty series of `days` days ending at `as_of`, for `categories` categories.
    pub fn empty(as_of: NaiveDate, days: usize, categories: usize, calendar: Calendar) -> DaySeries {
        let start = as_of - Duration::days(days.max(1) as i64 - 1);
        let counted = (0..days.max(1)).map(|i| calendar.is_counted(start + Duration::days(i as i64))).collect();
        DaySeries {
            start,
            by_category: vec![vec![0; days.max(1)]; categories],
            totals: vec![0; days.max(1)],
            counted,
            calendar,
        }
    }

    pub fn len(&self) -> usize {
        self.totals.len()
    }

    pub fn is_empty(&self) -> bool {
        self.totals.is_empty()
    }

    /// The last day of the series.
    pub fn as_of(&self) -> NaiveDate {
        self.date(self.len() - 1)
    }

    pub fn date(&self, index: usize) -> NaiveDate {
        self.start + Duration::days(index as i64)
    }

    /// The index of `date`, if it lies in the series.
    pub fn index(&self, date: NaiveDate) -> Option<usize> {
        let i = (date - self.start).num_days();
        (0..self.len() as i64).contains(&i).then_some(i as usize)
    }

    /// Adds `n` actions of category `category` (or of an untracked category when `None`) on `date`.
    pub fn add(&mut self, date: NaiveDate, category: Option<usize>, n: u32) {
        if let Some(i) = self.index(date) {
            self.totals[i] += n;
            if let Some(c) = category {
                self.by_category[c][i] += n;
            }
        }
    }
}
