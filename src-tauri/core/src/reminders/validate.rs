//! Checking a reminder rule's input per kind before it is stored: what each kind needs, sensible defaults
//! (09:00, 17:00 for streak-risk), thresholds as scores or percentages.

use chrono::NaiveTime;

use super::engine::Kind;
use super::NewRule;
use crate::catalog::{id_for_key, Table};
use crate::db::Db;
use crate::error::{CoreError, Result};
use crate::i18n::Msg;
use crate::people::resolve_person;
use crate::time::{format_minutes, parse_hhmm, WorkingDays};

pub(crate) struct ValidRule {
    pub(crate) person_id: i64,
    pub(crate) created_by: Option<i64>,
    pub(crate) kind: Kind,
    pub(crate) at: String,
    pub(crate) weekdays: Option<i64>,
    pub(crate) category_id: Option<i64>,
    pub(crate) after_days: Option<u32>,
    pub(crate) threshold: Option<f64>,
    pub(crate) drop_points: Option<f64>,
    pub(crate) min_streak: Option<u32>,
    pub(crate) quiet_from: Option<String>,
    pub(crate) quiet_to: Option<String>,
}

impl Db {
    pub(super) fn validate_rule(&self, input: &NewRule) -> Result<ValidRule> {
        let me = match input.created_by {
            Some(_) => None,
            None => self.self_person()?.map(|p| p.id),
        };
        validate_rule_in(&self.conn, input, me)
    }
}

/// Checks a rule as the window's form and the CLI do, on `conn` (the importer's transaction too); `me` is who
/// made it when the input does not say.
pub(crate) fn validate_rule_in(conn: &rusqlite::Connection, input: &NewRule, me: Option<i64>) -> Result<ValidRule> {
    {
        let person_id = resolve_person(conn, &input.person)?;
        let kind = Kind::parse(&input.kind).ok_or_else(|| {
            CoreError::invalid("kind", Msg::new("reminder.kind.unknown").arg("kind", &input.kind))
        })?;
        let default_at = match kind {
            Kind::StreakRisk => "17:00",
            _ => "09:00",
        };
        let at = parse_hhmm("at", input.at.as_deref().filter(|a| !a.trim().is_empty()).unwrap_or(default_at))?;
        let weekdays = match &input.days {
            Some(days) if !days.is_empty() => Some(i64::from(WorkingDays::parse(&days.join(",")).map_err(|e| match e {
                CoreError::Invalid { reason, .. } => CoreError::invalid("days", reason),
                other => other,
            })?.0)),
            _ => None,
        };
        let category_id = match input.category.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
            Some(key) => Some(id_for_key(conn, Table::Category, key)?),
            None => None,
        };
        let needs_category = matches!(kind, Kind::Silence | Kind::ScoreDrop);
        if needs_category && category_id.is_none() {
            return Err(CoreError::invalid("category", Msg::new("reminder.category.needed").arg("kind", kind.as_str())));
        }
        let after_days = match kind {
            Kind::Silence => Some(match input.after_days {
                Some(n) if (1..=365).contains(&n) => n,
                Some(_) => return Err(CoreError::invalid("afterDays", Msg::new("range.days").arg("min", 1).arg("max", 365))),
                None => return Err(CoreError::invalid("afterDays", Msg::new("reminder.after_days.missing"))),
            }),
            _ => None,
        };
        let threshold = match input.threshold.filter(|_| kind == Kind::ScoreDrop) {
            Some(t) if t > 1.0 && t <= 100.0 => Some(t / 100.0),
            Some(t) if (0.0..=1.0).contains(&t) => Some(t),
            Some(_) => return Err(CoreError::invalid("threshold", Msg::new("reminder.threshold.range"))),
            None => None,
        };
        // Only a score-drop rule keeps a threshold or a fall; other kinds ignore them.
        let drop_points = match input.drop_points.filter(|_| kind == Kind::ScoreDrop) {
            Some(p) if p > 0.0 && p <= 100.0 => Some(p),
            Some(_) => return Err(CoreError::invalid("dropPoints", Msg::new("range.points").arg("min", 0).arg("max", 100))),
            None => None,
        };
        if kind == Kind::ScoreDrop && threshold.is_none() && drop_points.is_none() {
            return Err(CoreError::invalid("threshold", Msg::new("reminder.score_drop.needs")));
        }
        let min_streak = match (kind, input.min_streak) {
            (Kind::StreakRisk, Some(0)) => return Err(CoreError::invalid("minStreak", Msg::new("at_least").arg("min", 1))),
            (Kind::StreakRisk, k) => Some(k.unwrap_or(1).min(10_000)),
            _ => None,
        };
        let quiet = |field: &'static str, v: &Option<String>| -> Result<Option<String>> {
            v.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(|t| parse_hhmm(field, t).map(|_| t.to_string())).transpose()
        };
        let (quiet_from, quiet_to) = (quiet("quietFrom", &input.quiet_from)?, quiet("quietTo", &input.quiet_to)?);
        if quiet_from.is_some() != quiet_to.is_some() {
            return Err(CoreError::invalid("quietTo", Msg::new("reminder.quiet.both")));
        }
        if let (Kind::StreakRisk, Some(from), Some(to)) = (kind, &quiet_from, &quiet_to) {
            let day_start: u32 = conn.query_row("SELECT day_start FROM people WHERE id = ?1", [person_id], |r| r.get(0))?;
            let (from, to) = (parse_hhmm("quietFrom", from)?, parse_hhmm("quietTo", to)?);
            if streak_risk_after_day_end(at, from, to, day_start) {
                return Err(CoreError::invalid(
                    "at",
                    Msg::new("reminder.streak_risk.quiet").arg("from", from.format("%H:%M")).arg("to", to.format("%H:%M")),
                ));
            }
        }
        let created_by = match input.created_by {
            Some(id) => Some(resolve_person(conn, &id.to_string())?),
            None => me,
        };
        Ok(ValidRule {
            person_id,
            created_by,
            kind,
            at: format_minutes(at.signed_duration_since(NaiveTime::MIN).num_minutes() as u32),
            weekdays,
            category_id,
            after_days,
            threshold,
            drop_points,
            min_streak,
            quiet_from,
            quiet_to,
        })
    }
}

/// Whether quiet hours would move a streak-risk reminder at `at` past the end of the person's day (day start
/// `day_start`, minutes after midnight): it would then arrive when the streak it warns about is already lost,
/// so such a rule is refused rather than never firing. Quiet hours move a time inside them to their end; on
/// the person's clock (minutes since the day start) that end must come later the same day.
pub(super) fn streak_risk_after_day_end(at: NaiveTime, from: NaiveTime, to: NaiveTime, day_start: u32) -> bool {
    let minutes = |t: NaiveTime| (t.signed_duration_since(NaiveTime::MIN).num_minutes() + 1440 - i64::from(day_start)) % 1440;
    let inside = if from <= to { at >= from && at < to } else { at >= from || at < to };
    inside && minutes(to) <= minutes(at)
}

#[cfg(test)]
mod tests {
    use super::streak_risk_after_day_end;
    use chrono::NaiveTime;

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).expect("time")
    }

    #[test]
    fn quiet_hours_that_end_the_next_morning_refuse_a_streak_risk_inside_them() {
        assert!(streak_risk_after_day_end(t(21, 0), t(20, 0), t(7, 0), 0), "21:00 would wait until 07:00 tomorrow");
        assert!(streak_risk_after_day_end(t(20, 0), t(20, 0), t(7, 0), 0), "the first quiet minute is quiet");
        assert!(!streak_risk_after_day_end(t(19, 59), t(20, 0), t(7, 0), 0), "before quiet hours");
        assert!(!streak_risk_after_day_end(t(12, 30), t(12, 0), t(13, 0), 0), "a lunch break ends the same day");
        assert!(!streak_risk_after_day_end(t(6, 0), t(22, 0), t(7, 0), 0), "06:00 waits until 07:00 the same day");
        // With the day starting at 04:00, 03:00 belongs to the day before and 06:00 would be the next day.
        assert!(streak_risk_after_day_end(t(3, 0), t(2, 0), t(6, 0), 240));
        assert!(streak_risk_after_day_end(t(3, 0), t(2, 0), t(4, 0), 240), "04:00 begins the next day");
    }
}
