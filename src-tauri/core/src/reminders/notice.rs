//! What a reminder says, kept as data: which message and its parameters (a streak, a category, a promise's
//! text and due date), never the words. The title and body are rendered in the reader's language when the
//! inbox is shown or a notification goes out, with the category's label and the person's name as they are
//! then; an assistant who switches to Dutch reads yesterday's reminders in Dutch.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::i18n::{fill, Locale};

/// Which message a reminder gives, with what it needs to say it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "say", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum Say {
    Checkin,
    StreakRisk { streak: u32 },
    /// The score fell by `points` (whole hundredths) over 7 days, to `score`.
    ScoreFell { category: String, points: i64, score: i64 },
    ScoreBelow { category: String, score: i64, threshold: i64 },
    Silence { category: String, days: i64, last: NaiveDate },
    SilenceNever { category: String },
    FollowupToday { text: String },
    FollowupOverdue { text: String, due: NaiveDate },
}

/// A reminder's message: what it says, and whether its title names the person (an assistant's leader; the
/// app's own user is not named).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Notice {
    #[serde(flatten)]
    pub say: Say,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub named: bool,
}

impl Notice {
    /// The title and body in `locale`; `label` gives a category's label by key (the key itself when it is
    /// gone), `name` the person's name.
    pub fn render(&self, locale: Locale, name: &str, label: impl Fn(&str) -> Option<String>) -> (String, String) {
        let t = locale.texts();
        let category = |key: &str| label(key).unwrap_or_else(|| key.to_string()).to_lowercase();
        let (title, body) = match &self.say {
            Say::Checkin => (t.checkin_title.to_string(), t.checkin_body.to_string()),
            Say::StreakRisk { streak } => (t.streak_title.to_string(), fill(t.streak_body, &[("streak", streak)])),
            Say::ScoreFell { category: key, points, score } => {
                (t.drop_title.to_string(), fill(t.drop_fell_body, &[("category", &category(key)), ("points", points), ("score", score)]))
            }
            Say::ScoreBelow { category: key, score, threshold } => (
                t.drop_title.to_string(),
                fill(t.drop_below_body, &[("category", &category(key)), ("score", score), ("threshold", threshold)]),
            ),
            Say::Silence { category: key, days, last } => {
                let c = category(key);
                (fill(t.silence_title, &[("category", &c)]), fill(t.silence_body, &[("category", &c), ("days", days), ("last", &locale.date(*last))]))
            }
            Say::SilenceNever { category: key } => {
                let c = category(key);
                (fill(t.silence_title, &[("category", &c)]), fill(t.silence_never_body, &[("category", &c)]))
            }
            Say::FollowupToday { text } => (t.followup_title.to_string(), fill(t.followup_today_body, &[("text", text)])),
            Say::FollowupOverdue { text, due } => {
                (t.followup_title.to_string(), fill(t.followup_overdue_body, &[("due", &locale.date(*due)), ("text", text)]))
            }
        };
        let title = if self.named { fill(t.person_title, &[("name", &name), ("text", &title)]) } else { title };
        (title, body)
    }

    /// As stored: JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// A stored notice; `None` for one this Cadence cannot read (the stored words are shown instead).
    pub fn from_json(text: &str) -> Option<Notice> {
        serde_json::from_str(text).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(key: &str) -> Option<String> {
        (key == "open-communication").then(|| "Open communication".to_string())
    }

    #[test]
    fn one_notice_reads_in_either_language() {
        let n = Notice { say: Say::Silence { category: "open-communication".into(), days: 6, last: NaiveDate::from_ymd_opt(2026, 11, 17).unwrap() }, named: false };
        assert_eq!(n.render(Locale::En, "Ann", labels).1, "No open communication for 6 days (last on 17 November 2026).");
        // The category is named by its label in the catalogue (the organisation's own words).
        assert_eq!(n.render(Locale::Nl, "Ann", labels).1, "Al 6 dagen geen open communication (laatst op 17 november 2026).");
        let named = Notice { say: Say::StreakRisk { streak: 4 }, named: true };
        assert_eq!(named.render(Locale::En, "Bram", labels).0, "Bram: Your streak is at risk");
        let due = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let overdue = Notice { say: Say::FollowupOverdue { text: "Send the training budget".into(), due }, named: false };
        assert_eq!(overdue.render(Locale::En, "Ann", labels).1, "Overdue since 24 November 2026: Send the training budget");
        // A category that is gone is named by its key.
        let gone = Notice { say: Say::SilenceNever { category: "old-thing".into() }, named: false };
        assert!(gone.render(Locale::En, "Ann", labels).0.contains("old-thing"));
    }

    #[test]
    fn a_notice_is_stored_as_json_and_an_unreadable_one_is_none() {
        let n = Notice { say: Say::ScoreFell { category: "follow-up".into(), points: 12, score: 40 }, named: true };
        let text = n.to_json();
        assert_eq!(text, r#"{"say":"scoreFell","category":"follow-up","points":12,"score":40,"named":true}"#);
        assert_eq!(Notice::from_json(&text), Some(n));
        assert_eq!(Notice::from_json(r#"{"say":"fromTheFuture"}"#), None);
        assert_eq!(Notice::from_json(r#"{"say":"checkin"}"#), Some(Notice { say: Say::Checkin, named: false }));
    }
}
