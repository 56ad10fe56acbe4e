//! Reading one cell of another helpdesk's export as a value of this app.
//!
//! Each reader returns `None` for a word it does not know, so the caller decides whether
//! that is an error (dates, counts) or a default with a warning (choices).

use super::Format;
use crate::domain::case::{Rating, Status, Surface, Tier, Timestamp, Urgency};
use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};

/// Lower-cases and drops spaces, dashes and underscores, so "On-hold", "on hold" and
/// "ON_HOLD" are one word.
fn squash(text: &str) -> String {
    text.chars().filter(|c| !matches!(c, ' ' | '-' | '_')).flat_map(char::to_lowercase).collect()
}

/// Helpdesks write "-" or "none" where no value was chosen.
pub(super) fn is_blank(text: &str) -> bool {
    matches!(text.trim(), "" | "-" | "—") || text.trim().eq_ignore_ascii_case("none")
}

pub(super) fn urgency(text: &str, format: Format) -> Option<Urgency> {
    let word = squash(text);
    let rank = ["severity", "sev", "priority", "p"].iter().find_map(|prefix| word.strip_prefix(prefix));
    if let Ok(number) = rank.unwrap_or(&word).parse::<u8>() {
        // Freshdesk numbers its priorities upwards (1 = Low … 4 = Urgent); everywhere else a
        // bare number is a rank where 1 is the most urgent (P1, Jira's priority ids).
        let from_top = match format {
            Format::Freshdesk if (1..=4).contains(&number) => 5 - number,
            Format::Freshdesk => return None,
            _ => number,
        };
        return match from_top {
            1 | 2 => Some(Urgency::High),
            3 => Some(Urgency::Medium),
            4 | 5 => Some(Urgency::Low),
            _ => None,
        };
    }
    Urgency::parse(text).or(match word.as_str() {
        "urgent" | "highest" | "critical" | "blocker" | "emergency" => Some(Urgency::High),
        "normal" | "major" | "moderate" => Some(Urgency::Medium),
        "lowest" | "minor" | "trivial" => Some(Urgency::Low),
        _ => None,
    })
}

pub(super) fn status(text: &str, format: Format) -> Option<Status> {
    Status::parse(text).or(match squash(text).as_str() {
        // Zendesk has a separate "New", so its "Open" means an agent is on it.
        "open" if format == Format::Zendesk => Some(Status::InProgress),
        "open" | "reopened" | "backlog" | "untriaged" => Some(Status::New),
        "todo" | "selectedfordevelopment" | "accepted" => Some(Status::Triaged),
        "inprogress" | "inreview" | "working" | "active" => Some(Status::InProgress),
        "pending" | "waitingoncustomer" | "awaitingcustomer" | "waitingforcustomer" => {
            Some(Status::WaitingOnCustomer)
        }
        "hold" | "onhold" | "waitingonthirdparty" | "blocked" | "waitingonengineering" => {
            Some(Status::WaitingOnEngineering)
        }
        "solved" | "resolved" | "done" | "fixed" | "completed" => Some(Status::Resolved),
        "closed" | "wontfix" | "cancelled" | "canceled" | "duplicate" => Some(Status::Closed),
        _ => None,
    })
}

pub(super) fn tier(text: &str) -> Option<Tier> {
    Tier::parse(text).or(match squash(text).as_str() {
        "ent" | "enterpriseplus" | "strategic" | "platinum" => Some(Tier::Enterprise),
        "pro" | "professional" | "business" | "gold" | "plus" => Some(Tier::Premium),
        "basic" | "starter" | "team" | "silver" | "growth" => Some(Tier::Standard),
        "trial" | "community" | "freemium" => Some(Tier::Free),
        _ => None,
    })
}

pub(super) fn surface(text: &str) -> Option<Surface> {
    Surface::parse(text).or(match squash(text).as_str() {
        "web" | "webform" | "webwidget" | "portal" | "browser" | "helpcenter" => Some(Surface::Website),
        "mobile" | "mobileapp" | "mobilesdk" | "ios" | "android" | "desktopapp" => Some(Surface::App),
        "email" | "mail" | "chat" | "phone" | "voice" | "sms" | "messaging" | "twitter" | "facebook"
        | "feedbackwidget" | "outboundemail" | "forum" | "whatsapp" => Some(Surface::SupportPlatform),
        "apicall" | "integration" | "webhook" => Some(Surface::Api),
        _ => None,
    })
}

/// The number of customers affected; thousands separators are allowed.
/// A satisfaction survey's answer: Zendesk's Good and Bad, Freshdesk's smileys in words,
/// thumbs, or a score out of five; Korean and Chinese answers too. Anything else (offered,
/// neutral, blank) is no rating.
pub(super) fn rating(text: &str) -> Option<Rating> {
    let text = text.trim().to_lowercase();
    const BAD: [&str; 14] = [
        "bad",
        "unhappy",
        "dissatisfied",
        "unsatisfied",
        "not satisfied",
        "not happy",
        "not good",
        "negative",
        "poor",
        "thumbs down",
        "불만",
        "나쁨",
        "不滿",
        "不满",
    ];
    const GOOD: [&str; 11] = [
        "good",
        "happy",
        "satisfied",
        "positive",
        "great",
        "excellent",
        "thumbs up",
        "만족",
        "좋음",
        "滿意",
        "满意",
    ];
    match text.as_str() {
        "1" | "2" => Some(Rating::Bad),
        "4" | "5" => Some(Rating::Good),
        _ if BAD.iter().any(|w| text.contains(w)) => Some(Rating::Bad),
        _ if GOOD.iter().any(|w| text.contains(w)) => Some(Rating::Good),
        _ => None,
    }
}

pub(super) fn count(text: &str) -> Option<u32> {
    let digits: String = text.chars().filter(|c| !matches!(c, ',' | '_' | ' ' | '\u{a0}')).collect();
    digits.parse().ok()
}

/// Formats with an explicit offset.
const ZONED: &[&str] = &["%Y-%m-%d %H:%M:%S %z", "%Y-%m-%d %H:%M %z", "%Y-%m-%d %H:%M:%S%.f %z"];

/// Formats without a zone: read as UTC, since exports rarely say which zone the agent used
/// and UTC is the one assumption a reader can check against the source system.
const NAIVE: &[&str] = &[
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%dT%H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    // Jira's default, with two- or four-digit years and 24- or 12-hour clocks.
    "%d/%b/%y %H:%M",
    "%d/%b/%y %I:%M %p",
    "%d/%b/%Y %H:%M",
    "%d/%b/%Y %I:%M %p",
    "%d %b %Y %H:%M",
    "%d %b %Y %I:%M %p",
    // Month first, as US spreadsheets write it; day-first dates are tried after.
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %H:%M",
    "%m/%d/%Y %I:%M %p",
    "%m/%d/%Y %I:%M:%S %p",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
];

const DATE_ONLY: &[&str] =
    &["%Y-%m-%d", "%Y/%m/%d", "%d/%b/%y", "%d/%b/%Y", "%m/%d/%Y", "%d/%m/%Y", "%d.%m.%Y"];

/// Reads a date and time as the common helpdesk exports write them. Times without a zone
/// are taken as UTC; dates without a time as midnight UTC; ambiguous slashed dates as
/// month first (09/10/2021 is 10 September).
pub(super) fn timestamp(text: &str) -> Option<Timestamp> {
    let text = text.trim();
    if let Ok(zoned) = DateTime::parse_from_rfc3339(text) {
        return Some(zoned.with_timezone(&Utc));
    }
    if let Ok(zoned) = DateTime::parse_from_rfc2822(text) {
        return Some(zoned.with_timezone(&Utc));
    }
    // Zendesk writes "+0800"; some tools write "+08:00" after a space; chrono's %z reads both.
    for format in ZONED {
        if let Ok(zoned) = DateTime::parse_from_str(text, format) {
            return Some(zoned.with_timezone(&Utc));
        }
    }
    let naive = |text: &str| {
        NAIVE.iter().find_map(|format| NaiveDateTime::parse_from_str(text, format).ok()).or_else(|| {
            DATE_ONLY
                .iter()
                .find_map(|format| NaiveDate::parse_from_str(text, format).ok()?.and_hms_opt(0, 0, 0))
        })
    };
    // A trailing "UTC" or "Z" says what we would assume anyway.
    let bare = text.strip_suffix(" UTC").or_else(|| text.strip_suffix('Z')).unwrap_or(text);
    naive(bare).map(|local| Utc.from_utc_datetime(&local))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> Timestamp {
        DateTime::parse_from_rfc3339(text).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn dates_in_each_export_format() {
        let expected = utc("2021-09-30T09:20:00Z");
        for text in [
            "2021-09-30T09:20:00Z",
            "2021-09-30T17:20:00+08:00",
            "2021-09-30 17:20:00 +0800",
            "2021-09-30 17:20:00 +08:00",
            "2021-09-30 09:20:00",
            "2021-09-30 09:20",
            "2021-09-30T09:20:00",
            "2021-09-30 09:20:00 UTC",
            "30/Sep/21 09:20",
            "30/Sep/21 9:20 AM",
            "30/sep/2021 9:20 am",
            "09/30/2021 09:20",
            "09/30/2021 9:20 AM",
            "30/09/2021 09:20",
            "30.09.2021 09:20",
            "Thu, 30 Sep 2021 17:20:00 +0800",
        ] {
            assert_eq!(timestamp(text), Some(expected), "{text}");
        }
        assert_eq!(timestamp("30/Sep/21 5:20 PM"), Some(utc("2021-09-30T17:20:00Z")));
        assert_eq!(timestamp("2021-09-30"), Some(utc("2021-09-30T00:00:00Z")));
        assert_eq!(timestamp("2021-09-30T09:20:00.250Z"), Some(utc("2021-09-30T09:20:00.250Z")));
        assert_eq!(timestamp("09/10/2021 10:00"), Some(utc("2021-09-10T10:00:00Z")), "month first");
        for bad in ["yesterday", "2021-13-45 10:00", "31/Feb/21 10:00", "12:00", ""] {
            assert_eq!(timestamp(bad), None, "{bad}");
        }
    }

    #[test]
    fn priorities_of_each_helpdesk() {
        let cases = [
            ("Urgent", Format::Zendesk, Urgency::High),
            ("High", Format::Zendesk, Urgency::High),
            ("Normal", Format::Zendesk, Urgency::Medium),
            ("Low", Format::Zendesk, Urgency::Low),
            ("Highest", Format::Jira, Urgency::High),
            ("Medium", Format::Jira, Urgency::Medium),
            ("Lowest", Format::Jira, Urgency::Low),
            ("1", Format::Freshdesk, Urgency::Low),
            ("2", Format::Freshdesk, Urgency::Medium),
            ("3", Format::Freshdesk, Urgency::High),
            ("4", Format::Freshdesk, Urgency::High),
            ("1", Format::GenericCsv, Urgency::High),
            ("P2", Format::GenericCsv, Urgency::High),
            ("p3", Format::GenericCsv, Urgency::Medium),
            ("4", Format::GenericCsv, Urgency::Low),
        ];
        for (text, format, expected) in cases {
            assert_eq!(urgency(text, format), Some(expected), "{text} in {format:?}");
        }
        assert_eq!(urgency("9", Format::GenericCsv), None);
        assert_eq!(urgency("5", Format::Freshdesk), None);
        assert_eq!(urgency("whenever", Format::Jira), None);
    }

    #[test]
    fn statuses_of_each_helpdesk() {
        assert_eq!(status("new", Format::Zendesk), Some(Status::New));
        assert_eq!(status("open", Format::Zendesk), Some(Status::InProgress));
        assert_eq!(status("pending", Format::Zendesk), Some(Status::WaitingOnCustomer));
        assert_eq!(status("On-hold", Format::Zendesk), Some(Status::WaitingOnEngineering));
        assert_eq!(status("solved", Format::Zendesk), Some(Status::Resolved));
        assert_eq!(status("closed", Format::Zendesk), Some(Status::Closed));
        assert_eq!(status("To Do", Format::Jira), Some(Status::Triaged));
        assert_eq!(status("In Progress", Format::Jira), Some(Status::InProgress));
        assert_eq!(status("Done", Format::Jira), Some(Status::Resolved));
        assert_eq!(status("Open", Format::Freshdesk), Some(Status::New));
        assert_eq!(status("Resolved", Format::Freshdesk), Some(Status::Resolved));
        assert_eq!(status("OPEN", Format::GitHubJson), Some(Status::New));
        assert_eq!(status("waiting_on_customer", Format::TriageDeskCsv), Some(Status::WaitingOnCustomer));
        assert_eq!(status("limbo", Format::GenericCsv), None);
    }

    #[test]
    fn tiers_surfaces_and_counts() {
        assert_eq!(tier("Enterprise"), Some(Tier::Enterprise));
        assert_eq!(tier("Pro"), Some(Tier::Premium));
        assert_eq!(tier("trial"), Some(Tier::Free));
        assert_eq!(tier("Diamond"), None);
        assert_eq!(surface("Web Form"), Some(Surface::Website));
        assert_eq!(surface("email"), Some(Surface::SupportPlatform));
        assert_eq!(surface("Mobile SDK"), Some(Surface::App));
        assert_eq!(surface("API"), Some(Surface::Api));
        assert_eq!(surface("Support platform"), Some(Surface::SupportPlatform));
        assert_eq!(count("1,200"), Some(1200));
        assert_eq!(count("many"), None);
        assert!(is_blank(" - ") && is_blank("") && !is_blank("0"));
    }

    #[test]
    fn survey_answers_read_as_good_bad_or_nothing() {
        for good in ["Good", "Extremely happy", "Satisfied", "5", "👍 thumbs up", "만족", "非常滿意"]
        {
            assert_eq!(rating(good), Some(Rating::Good), "{good}");
        }
        for bad in ["Bad", "Unhappy", "dissatisfied", "Not satisfied", "1", "불만족", "不滿意"] {
            assert_eq!(rating(bad), Some(Rating::Bad), "{bad}");
        }
        for none in ["Offered", "Unoffered", "Neutral", "3", "", "-"] {
            assert_eq!(rating(none), None, "{none}");
        }
    }
}
