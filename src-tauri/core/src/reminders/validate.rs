//! The rule about quiet hours and streak-risk reminders (pure); a rule's input is checked by
//! `service::rules::validate`.

use chrono::NaiveTime;

/// Whether quiet hours would move a streak-risk reminder at `at` past the end of the person's day (day start
/// `day_start`, minutes after midnight): it would then arrive when the streak it warns about is already lost,
/// so such a rule is refused rather than never firing. Quiet hours move a time inside them to their end; on
/// the person's clock (minutes since the day start) that end must come later the same day.
pub(crate) fn streak_risk_after_day_end(at: NaiveTime, from: NaiveTime, to: NaiveTime, day_start: u32) -> bool {
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
