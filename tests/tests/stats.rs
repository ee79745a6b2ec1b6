//! Streaks, the engagement score, slipping attention and coverage, through the public API on real files.

mod common;

use cadence_core::stats::score;
use cadence_core::{NewAction, NewPerson, Per, Stats, StatsQuery, Target};
use common::open_at;

fn daily() -> Target {
    Target { times: 1, per: Per::Day }
}

#[test]
fn loop_reference_values_for_a_perfect_daily_habit() {
    let counts = vec![1u32; 90];
    let counted = vec![true; 90];
    let s = score::scores(&counts, &counted, daily(), 7);
    assert!((s[29] - 0.80).abs() < 0.01, "30 days: {}", s[29]);
    assert!((s[59] - 0.96).abs() < 0.01, "60 days: {}", s[59]);
    assert!((s[89] - 0.99).abs() < 0.01, "90 days: {}", s[89]);
}

#[test]
fn skip_days_leave_the_score_unchanged() {
    let counts = vec![1, 1, 0, 0, 1];
    let counted = vec![true, true, false, false, true];
    let s = score::scores(&counts, &counted, daily(), 5);
    assert_eq!(s[1], s[2]);
    assert_eq!(s[2], s[3]);
    assert!(s[4] > s[3]);
}

fn leader(db: &mut cadence_core::Db, tz: &str, days: &[&str]) -> String {
    db.add_person(&NewPerson {
        name: "Anna".into(),
        tz: Some(tz.into()),
        working_days: Some(days.iter().map(|d| d.to_string()).collect()),
        ..NewPerson::default()
    })
    .expect("person")
    .id
    .to_string()
}

fn log(db: &mut cadence_core::Db, person: &str, category: &str, date: &str) {
    db.log_action(&NewAction {
        person: person.into(),
        category: category.into(),
        date: Some(date.into()),
        time: Some("10:00".into()),
        ..NewAction::default()
    })
    .expect("log");
}

fn stats(db: &cadence_core::Db, person: &str, as_of: &str) -> Stats {
    db.stats(&StatsQuery { person: person.into(), as_of: Some(as_of.into()), range_days: None }).expect("stats")
}

fn dates(from: &str, n: i64) -> Vec<String> {
    let start = chrono::NaiveDate::parse_from_str(from, "%Y-%m-%d").expect("date");
    (0..n).map(|i| (start + chrono::Duration::days(i)).to_string()).collect()
}

#[test]
fn thirty_daily_actions_give_eighty_percent_in_stats() {
    let (_d, mut db) = open_at("2026-06-30T18:00:00Z");
    let p = leader(&mut db, "Europe/Amsterdam", &["mon", "tue", "wed", "thu", "fri", "sat", "sun"]);
    db.set_target(&p, "open-communication", 1, Per::Day).expect("target");
    for d in dates("2026-06-01", 30) {
        log(&mut db, &p, "open-communication", &d);
    }
    let s = stats(&db, &p, "2026-06-30");
    let oc = &s.categories[0];
    assert_eq!(oc.key, "open-communication");
    assert!((oc.score - 0.80).abs() < 0.01, "{}", oc.score);
    assert_eq!((oc.current_streak, oc.best_streak, oc.streak_unit.as_str()), (30, 30, "days"));
    assert_eq!(s.overall.current_streak_days, 30);
    assert_eq!((oc.explanation.met_days_30, oc.explanation.counted_days_30), (30, 30));
    assert!(!oc.slipping);
    assert_eq!(s.heatmap.len(), 365);
    assert_eq!(s.heatmap.last().map(|h| (h.date.as_str(), h.count)), Some(("2026-06-30", 1)));
    assert_eq!(s.weekly.len(), 52);
    assert_eq!(s.monthly.len(), 12);
    assert_eq!(s.monthly.last().and_then(|m| m.month.clone()).as_deref(), Some("2026-06"));
    assert_eq!(s.monthly.last().map(|m| m.counts["open-communication"]), Some(30));
}

#[test]
fn weekends_bridge_and_today_is_only_at_risk() {
    // Mon 2 Nov .. Fri 13 Nov 2026: ten working days with an action, the weekend empty.
    let (_d, mut db) = open_at("2026-11-16T08:00:00Z");
    let p = leader(&mut db, "Europe/Amsterdam", &["mon", "tue", "wed", "thu", "fri"]);
    for d in dates("2026-11-02", 12) {
        let weekday = chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").expect("d").format("%a").to_string();
        if weekday != "Sat" && weekday != "Sun" {
            log(&mut db, &p, "open-communication", &d);
        }
    }
    // Monday 16 Nov, nothing logged yet: the streak holds and is at risk.
    let s = stats(&db, &p, "2026-11-16");
    assert_eq!((s.overall.current_streak_days, s.overall.best_streak_days, s.overall.at_risk), (10, 10, true));
    // Tuesday with Monday empty: broken.
    let s = stats(&db, &p, "2026-11-17");
    assert_eq!((s.overall.current_streak_days, s.overall.best_streak_days), (0, 10));
    // An action on Saturday extends the streak.
    log(&mut db, &p, "follow-up", "2026-11-14");
    let s = stats(&db, &p, "2026-11-16");
    assert_eq!(s.overall.current_streak_days, 11);
}

#[test]
fn absence_bridges_streaks_and_suppresses_slipping() {
    let (_d, mut db) = open_at("2026-11-27T08:00:00Z");
    let p = leader(&mut db, "Europe/Amsterdam", &["mon", "tue", "wed", "thu", "fri"]);
    for d in ["2026-11-09", "2026-11-10", "2026-11-11", "2026-11-12", "2026-11-13"] {
        log(&mut db, &p, "open-communication", d);
    }
    for d in ["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26"] {
        log(&mut db, &p, "open-communication", d);
    }
    let before = stats(&db, &p, "2026-11-26");
    assert_eq!(before.overall.current_streak_days, 4);
    db.add_absence(&p, "2026-11-16", "2026-11-20", "holiday").expect("absence");
    let after = stats(&db, &p, "2026-11-26");
    assert_eq!(after.overall.current_streak_days, 9);
    // The weekly streak: the absent week bridges instead of breaking "3 per week".
    let oc = &after.categories[0];
    assert_eq!((oc.streak_unit.as_str(), oc.current_streak), ("weeks", 2));
    assert!(db.add_absence(&p, "2026-11-20", "2026-11-16", "").is_err(), "reversed range");
    assert_eq!(db.absences(Some(&p)).expect("list").len(), 1);
}

#[test]
fn weekly_targets_count_iso_weeks_and_the_current_week_is_pending() {
    let (_d, mut db) = open_at("2026-11-27T08:00:00Z");
    let p = leader(&mut db, "Europe/Amsterdam", &["mon", "tue", "wed", "thu", "fri"]);
    // Weeks of 2, 9 and 16 Nov: three open communications each. Week of 23 Nov: one so far.
    for w in ["2026-11-02", "2026-11-09", "2026-11-16"] {
        for d in dates(w, 3) {
            log(&mut db, &p, "open-communication", &d);
        }
    }
    log(&mut db, &p, "open-communication", "2026-11-23");
    let s = stats(&db, &p, "2026-11-27");
    let oc = &s.categories[0];
    assert_eq!(oc.target, Target { times: 3, per: Per::Week });
    assert_eq!((oc.current_streak, oc.best_streak, oc.streak_at_risk), (3, 3, true));
    // Once that week is over without a third action, the streak is broken.
    let s = stats(&db, &p, "2026-11-30");
    assert_eq!((s.categories[0].current_streak, s.categories[0].best_streak), (0, 3));
}

#[test]
fn silence_makes_a_category_slip() {
    let (_d, mut db) = open_at("2026-11-27T08:00:00Z");
    let p = leader(&mut db, "Europe/Amsterdam", &["mon", "tue", "wed", "thu", "fri"]);
    for d in dates("2026-10-01", 40) {
        log(&mut db, &p, "open-communication", &d);
        log(&mut db, &p, "visible-participation", &d);
        log(&mut db, &p, "follow-up", &d);
    }
    // Last actions on 9 Nov. By Friday 27 Nov, 13 working days (today excluded) have passed.
    let s = stats(&db, &p, "2026-11-27");
    let oc = &s.categories[0];
    assert_eq!(oc.last_date.as_deref(), Some("2026-11-09"));
    assert_eq!(oc.days_since, Some(18));
    assert_eq!(oc.counted_days_since, Some(13));
    assert!(oc.slipping);
    assert_eq!(oc.slipping_reason.as_deref(), Some("silence"));
    assert!(s.overall.slipping);
    let fresh = stats(&db, &p, "2026-11-10");
    assert!(!fresh.categories[0].slipping, "{:?}", fresh.categories[0]);
    let team = db.team(Some("2026-11-27")).expect("team");
    assert_eq!(team.len(), 1);
    assert!(team[0].slipping);
    assert_eq!(team[0].days_since_open_communication, Some(18));
}

#[test]
fn local_dates_hold_across_dst_and_travel() {
    let (_d, mut db) = open_at("2026-11-27T08:00:00Z");
    let p = leader(&mut db, "Europe/Amsterdam", &["mon", "tue", "wed", "thu", "fri", "sat", "sun"]);
    let at = |db: &mut cadence_core::Db, when: &str, tz: Option<&str>| {
        db.log_action(&NewAction {
            person: p.clone(),
            category: "open-communication".into(),
            at: Some(when.into()),
            tz: tz.map(String::from),
            ..NewAction::default()
        })
        .expect("log")
    };
    // Spring forward: 00:30 CET and 23:30 CEST are both 29 March in Amsterdam.
    assert_eq!(at(&mut db, "2026-03-29T00:30:00+01:00", None).local_date, "2026-03-29");
    assert_eq!(at(&mut db, "2026-03-29T23:30:00+02:00", None).local_date, "2026-03-29");
    // Fall back: 02:30 happens twice on 25 October; both are that day.
    assert_eq!(at(&mut db, "2026-10-25T02:30:00+02:00", None).local_date, "2026-10-25");
    assert_eq!(at(&mut db, "2026-10-25T02:30:00+01:00", None).local_date, "2026-10-25");
    // Travelling in New York: 22:00 there on 26 Oct is already 27 Oct at home, but counts for the 26th.
    let ny = at(&mut db, "2026-10-27T02:00:00Z", Some("America/New_York"));
    assert_eq!((ny.local_date.as_str(), ny.tz.as_str()), ("2026-10-26", "America/New_York"));
    let s = stats(&db, &p, "2026-10-26");
    let day = |d: &str| s.heatmap.iter().find(|h| h.date == d).map(|h| h.count);
    assert_eq!(day("2026-03-29"), Some(2));
    assert_eq!(day("2026-10-25"), Some(2));
    assert_eq!(day("2026-10-26"), Some(1));
    assert_eq!(day("2026-10-27"), None, "after as-of");
    assert_eq!(s.overall.current_streak_days, 2);
}

#[test]
fn channel_mix_and_coverage() {
    let (_d, mut db) = open_at("2026-11-27T08:00:00Z");
    let p = leader(&mut db, "Europe/Amsterdam", &["mon", "tue", "wed", "thu", "fri"]);
    db.add_value("Openness", "value").expect("value");
    db.add_value("Ownership", "value").expect("value");
    let mut log_with = |channel: &str, audience: &str, value: Option<&str>, date: &str| {
        db.log_action(&NewAction {
            person: p.clone(),
            category: "open-communication".into(),
            channel: Some(channel.into()),
            audiences: vec![audience.into()],
            values: value.map(|v| vec![v.to_string()]).unwrap_or_default(),
            date: Some(date.into()),
            ..NewAction::default()
        })
        .expect("log");
    };
    log_with("town-hall", "staff", Some("openness"), "2026-11-20");
    log_with("town-hall", "staff", Some("openness"), "2026-11-25");
    log_with("customer-visit", "board", None, "2026-11-26");
    log_with("email", "team-lead", None, "2026-01-05");
    let s = db.stats(&StatsQuery { person: p.clone(), as_of: Some("2026-11-27".into()), range_days: Some(30) }).expect("stats");
    assert_eq!(s.range.from, "2026-10-29");
    assert_eq!(s.channels[0].key, "town-hall");
    assert_eq!(s.channels[0].count, 2);
    assert!((s.external_share - 0.3333).abs() < 0.001 && (s.internal_share - 0.6667).abs() < 0.001);
    let staff = s.audiences.iter().find(|a| a.key == "staff").expect("staff");
    assert_eq!((staff.count, staff.last_date.as_deref(), staff.days_since), (2, Some("2026-11-25"), Some(2)));
    let leads = s.audiences.iter().find(|a| a.key == "team-lead").expect("leads");
    assert_eq!((leads.count, leads.days_since), (0, Some(326)));
    let never = s.audiences.iter().find(|a| a.key == "middle-management").expect("middle");
    assert_eq!((never.last_date.as_ref(), never.days_since), (None, None));
    let ownership = s.values.iter().find(|v| v.key == "ownership").expect("value");
    assert_eq!((ownership.count, ownership.days_since), (0, None));
    assert_eq!(s.values.iter().find(|v| v.key == "openness").map(|v| v.count), Some(2));
}

#[test]
fn adding_saturday_today_leaves_last_years_streaks_and_scores_where_they_were() {
    // Anna joined on Monday 3 November 2025 and logged every weekday until today, 2 December 2026.
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("cadence.sqlite3");
    let open = |now: &str| cadence_core::Db::open_with_clock(&path, Box::new(cadence_core::time::FixedClock(common::at(now)))).expect("open");
    leader(&mut open("2025-11-03T08:00:00Z"), "Europe/Amsterdam", &["mon", "tue", "wed", "thu", "fri"]);
    let mut db = open("2026-12-02T17:00:00Z");
    let p = "1".to_string();
    for d in dates("2025-11-03", 395) {
        let weekday = chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").expect("d").format("%a").to_string();
        if weekday != "Sat" && weekday != "Sun" {
            log(&mut db, &p, "open-communication", &d);
        }
    }
    let before: Vec<Stats> = ["2025-12-31", "2026-06-30", "2026-12-01"].iter().map(|d| stats(&db, &p, d)).collect();
    assert!(before[2].overall.best_streak_days > 200, "{}", before[2].overall.best_streak_days);
    // Today Saturday becomes a working day, and the open-communication target goes up to 5 a week.
    db.set_schedule(&p, Some(&["mon", "tue", "wed", "thu", "fri", "sat"].map(String::from)), None).expect("schedule");
    db.set_target(&p, "open-communication", 5, Per::Week).expect("target");
    for (s, d) in before.iter().zip(["2025-12-31", "2026-06-30", "2026-12-01"]) {
        let after = stats(&db, &p, d);
        assert_eq!(after.overall, s.overall, "as of {d}");
        assert_eq!(after.categories, s.categories, "as of {d}");
    }
    // From today on the new rhythm applies: Thursday and Friday logged, Saturday 5 December empty, so on Sunday
    // the streak is broken (under the old rhythm Saturday would have bridged).
    drop(db);
    let mut db = open("2026-12-06T17:00:00Z");
    log(&mut db, &p, "open-communication", "2026-12-03");
    log(&mut db, &p, "open-communication", "2026-12-04");
    assert!(stats(&db, &p, "2026-12-04").overall.current_streak_days > 200);
    let later = stats(&db, &p, "2026-12-06");
    assert_eq!(later.overall.current_streak_days, 0, "Saturday 5 December counted and empty");
    assert_eq!(later.categories[0].target, Target { times: 5, per: Per::Week });
}

#[test]
fn a_days_effect_halves_after_the_half_life_the_why_text_quotes() {
    // DESIGN.md: m = 0.5^(sqrt(f)/13), so m^(13/sqrt(f)) = 1/2: a daily habit's day halves after 13 counted days,
    // a quarter-frequency one after 26.
    for (f, days) in [(1.0, 13.0), (0.25, 26.0), (3.0 / 7.0, 13.0 / (3.0f64 / 7.0).sqrt())] {
        assert!((score::half_life_days(f) - days).abs() < 1e-9, "f = {f}");
        assert!((score::multiplier(f).powf(score::half_life_days(f)) - 0.5).abs() < 1e-12, "f = {f}");
    }
}

#[test]
fn a_card_says_on_track_only_when_the_score_says_so_too() {
    let (_d, mut db) = common::open_at("2026-12-02T17:00:00Z");
    let p = leader(&mut db, "Europe/Amsterdam", &["mon", "tue", "wed", "thu", "fri"]);
    // Open communication: one action yesterday, nothing before. Not slipping, but a score of a few percent.
    log(&mut db, &p, "open-communication", "2026-12-01");
    // Visible participation: three times a week since September.
    for (i, d) in dates("2026-09-01", 92).into_iter().enumerate() {
        if i % 2 == 0 {
            log(&mut db, &p, "visible-participation", &d);
        }
    }
    let s = stats(&db, &p, "2026-12-02");
    let card = |key: &str| s.categories.iter().find(|c| c.key == key).expect("category").clone();
    let (new, held, never) = (card("open-communication"), card("visible-participation"), card("follow-up"));
    assert!(!new.slipping && new.score < 0.1, "{} {}", new.slipping, new.score);
    assert_eq!(new.status, "building", "a {}% score is not on track", new.score * 100.0);
    assert!(!held.slipping && held.score >= 0.5, "{}", held.score);
    assert_eq!(held.status, "onTrack");
    assert!(never.slipping);
    assert_eq!(never.status, "slipping");
    let team = db.team(Some("2026-12-02")).expect("team");
    assert_eq!(team[0].status, "slipping", "follow-up slips: the row says so first");
}
