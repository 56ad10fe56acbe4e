//! The stored and exported shapes of a desk: the versioned storage envelope, the export file,
//! and migration of older schema versions. Pure: text in, text out.

use super::case::{Case, CaseId, Event, NoteKind, Status, Surface, Tier, TimelineEntry, Timestamp, Urgency};
use super::desk::{Desk, MergeRecord, Settings, UndoneMerge};
use super::duplicates::group_of;
use super::grouping::{Group, NotDuplicates};
use super::incident::Incident;
use crate::domain::sort;
use chrono::DateTime;
use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt;

pub const SCHEMA_VERSION: u32 = 2;
pub const EXPORT_FORMAT: &str = "triage-desk-export";

/// What local storage holds: the desk plus a revision counter that tabs use to notice each
/// other's writes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Envelope {
    pub schema_version: u32,
    pub revision: u64,
    pub saved_at: Timestamp,
    pub data: Desk,
}

/// The file that Export JSON writes (with [`ExportCase`]s) and Import reads back (each case
/// as raw text first, so that one unreadable case leaves out only itself; read as plain
/// cases, which skip the group ids: reading through `flatten` would buffer every case).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExportFile<C = ExportCase> {
    pub format: String,
    pub schema_version: u32,
    pub exported_at: Timestamp,
    pub cases: Vec<C>,
    pub settings: Settings,
    /// Pairs of case ids a person said are not duplicates.
    #[serde(default)]
    pub not_duplicate_pairs: NotDuplicates,
    #[serde(default)]
    pub incidents: Vec<Incident>,
    /// Standing merges, so that Unmerge still works after an import.
    #[serde(default)]
    pub merges: Vec<MergeRecord>,
    /// Merges undone, so that importing an older copy that still shows one cannot bring it back.
    #[serde(default)]
    pub undone_merges: Vec<UndoneMerge>,
}

/// A case as exported: every stored field plus the duplicate group it is in at export time.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ExportCase {
    #[serde(flatten)]
    pub case: Case,
    /// The same string for every case of one group; null for a case in no group. Grouping is
    /// recomputed after an import, so reading ignores it.
    #[serde(default)]
    pub group_id: Option<String>,
}

/// The export file of `desk`, with each case's group among `groups`.
pub fn export_json(desk: &Desk, groups: &[Group], now: Timestamp) -> String {
    let file = export_file(desk, groups, now);
    indent(&serde_json::to_string(&file).expect("a desk always serialises"))
}

fn export_file(desk: &Desk, groups: &[Group], now: Timestamp) -> ExportFile {
    let group_ids = group_of(groups);
    ExportFile {
        format: EXPORT_FORMAT.into(),
        schema_version: SCHEMA_VERSION,
        exported_at: now,
        cases: desk
            .cases
            .iter()
            .map(|case| ExportCase {
                case: case.clone(),
                group_id: group_ids.get(&case.id).map(|(id, _)| id.clone()),
            })
            .collect(),
        settings: desk.settings.clone(),
        not_duplicate_pairs: desk.records.not_duplicates.clone(),
        incidents: desk.records.incidents.clone(),
        merges: desk.records.merges.clone(),
        undone_merges: desk.records.undone_merges.clone(),
    }
}

/// Compact JSON laid out as `serde_json::to_string_pretty` would. Serialising compactly and
/// indenting the text keeps serde's pretty-printing copies of every stored type's serialiser
/// out of the download (the stores write compact JSON already).
fn indent(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() * 2);
    let mut depth = 0;
    let (mut in_string, mut escaped) = (false, false);
    let mut chars = compact.chars().peekable();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        (0..depth).for_each(|_| out.push_str("  "));
    };
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            (in_string, escaped) = (escaped || c != '"', !escaped && c == '\\');
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '[' | '{' => {
                out.push(c);
                if matches!(chars.peek(), Some(']' | '}')) {
                    out.extend(chars.next());
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            ']' | '}' => {
                depth -= 1;
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// Not JSON, or JSON of the wrong shape.
    Unreadable(String),
    /// Written by a newer version of the app than this one.
    TooNew(u32),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Unreadable(reason) => write!(f, "the data could not be read ({reason})"),
            LoadError::TooNew(version) => write!(
                f,
                "the data was written by a newer version of Triage Desk (schema {version}; this page reads up to {SCHEMA_VERSION})"
            ),
        }
    }
}

/// Reads what local storage held, migrating older schema versions.
pub fn read_envelope(raw: &str) -> Result<Envelope, LoadError> {
    match Header::of(raw)?.schema_version()? {
        1 => migrate_v1(raw),
        SCHEMA_VERSION => parse(raw),
        newer if newer > SCHEMA_VERSION => Err(LoadError::TooNew(newer)),
        other => Err(LoadError::Unreadable(format!("unknown schema version {other}"))),
    }
}

/// The top-level fields that say what a file is; the rest is skipped unread. Every file is
/// parsed from text twice (this, then its own shape) rather than through a `Value` tree:
/// deserialising each stored type from both text and `Value` doubled its code in the download.
#[derive(Deserialize)]
pub(crate) struct Header {
    pub(crate) format: Option<Value>,
    pub(crate) schema_version: Option<Value>,
    pub(crate) version: Option<Value>,
    pub(crate) meta: Option<IgnoredAny>,
    pub(crate) chunks: Option<IgnoredAny>,
}

impl Header {
    pub(crate) fn of(raw: &str) -> Result<Header, LoadError> {
        parse(raw)
    }

    pub(crate) fn schema_version(&self) -> Result<u32, LoadError> {
        self.schema_version
            .as_ref()
            .or(self.version.as_ref())
            .and_then(Value::as_u64)
            .and_then(|v| u32::try_from(v).ok())
            .ok_or_else(|| LoadError::Unreadable("no schema version".into()))
    }
}

pub(crate) fn parse<'a, T: Deserialize<'a>>(raw: &'a str) -> Result<T, LoadError> {
    serde_json::from_str(raw).map_err(|e| LoadError::Unreadable(e.to_string()))
}

/// Schema 1 was the prototype's layout: a flat list of cases with free-form notes, times in
/// epoch milliseconds, lower-case statuses and a "channel" instead of a surface.
#[derive(Deserialize)]
struct V1Store {
    #[serde(default)]
    rev: u64,
    #[serde(default)]
    author: String,
    cases: Vec<V1Case>,
}

#[derive(Deserialize)]
struct V1Case {
    id: Value,
    title: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    customer: String,
    #[serde(default)]
    tier: String,
    #[serde(default)]
    channel: String,
    #[serde(default)]
    status: String,
    created: i64,
    #[serde(default)]
    notes: Vec<V1Note>,
}

#[derive(Deserialize)]
struct V1Note {
    at: i64,
    text: String,
    #[serde(default)]
    contact: bool,
}

fn migrate_v1(raw: &str) -> Result<Envelope, LoadError> {
    let store: V1Store = parse(raw)?;
    let author = if store.author.trim().is_empty() { "Me".to_string() } else { store.author.clone() };
    let millis = |ms: i64| {
        DateTime::from_timestamp_millis(ms).ok_or_else(|| LoadError::Unreadable(format!("bad time {ms}")))
    };
    let mut cases = Vec::with_capacity(store.cases.len());
    let mut latest = None;
    for old in store.cases {
        let created_at = millis(old.created)?;
        let mut timeline =
            vec![TimelineEntry { at: created_at, author: author.clone(), event: Event::Created }];
        let mut first_response_at = None;
        for note in old.notes {
            let at = millis(note.at)?;
            let kind = if note.contact { NoteKind::Contact } else { NoteKind::Internal };
            if note.contact && first_response_at.is_none_or(|first| at < first) {
                first_response_at = Some(at);
            }
            timeline.push(TimelineEntry {
                at,
                author: author.clone(),
                event: Event::Note { kind, text: note.text },
            });
        }
        sort::sort_by_key(&mut timeline, |entry| entry.at);
        let updated_at = timeline.last().map_or(created_at, |entry| entry.at);
        latest = latest.max(Some(updated_at));
        let status = match old.status.to_ascii_lowercase().as_str() {
            "pending" | "waiting" => Status::WaitingOnCustomer,
            "solved" | "resolved" => Status::Resolved,
            "closed" => Status::Closed,
            "working" | "in progress" => Status::InProgress,
            _ => Status::New,
        };
        let surface = match old.channel.to_ascii_lowercase().as_str() {
            "web" | "website" => Surface::Website,
            "app" | "mobile" => Surface::App,
            "email" | "chat" | "support" => Surface::SupportPlatform,
            "api" => Surface::Api,
            _ => Surface::Other,
        };
        let id = match old.id {
            Value::String(text) => text,
            other => other.to_string(),
        };
        cases.push(Case {
            id: CaseId(format!("v1-{id}")),
            external_id: String::new(),
            title: old.title,
            description: old.body,
            customer: old.customer,
            tier: Tier::parse(&old.tier).unwrap_or(Tier::Standard),
            surface,
            category: String::new(),
            customers_affected: 1,
            urgency: Urgency::Medium,
            status,
            created_at,
            updated_at,
            first_response_at,
            resolved_at: if status.is_open() { None } else { Some(updated_at) },
            timeline,
            priority_pin: None,
            engineering: Default::default(),
            extra: Default::default(),
            satisfaction: None,
        });
    }
    let saved_at = latest.unwrap_or(DateTime::UNIX_EPOCH);
    Ok(Envelope {
        schema_version: SCHEMA_VERSION,
        revision: store.rev,
        saved_at,
        data: Desk {
            cases,
            settings: Settings { display_name: author, ..Settings::default() },
            ..Desk::default()
        },
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::case::{CaseDraft, Field, FieldValue};
    use crate::i18n::Lang;
    use chrono::{TimeZone, Utc};

    pub(crate) fn at(minute: u32) -> Timestamp {
        Utc.with_ymd_and_hms(2026, 11, 2, 9, minute, 0).unwrap()
    }

    pub(crate) fn busy_desk() -> Desk {
        let draft = CaseDraft {
            title: "결제 오류 付款失敗 <script>x</script>".into(),
            ..CaseDraft::default()
        };
        let mut case = Case::create(CaseId("c1".into()), draft, "Mina", at(0));
        case.set_field(Field::CustomersAffected, FieldValue::Count(40), "Mina", at(1)).unwrap();
        case.add_note(NoteKind::Contact, "Called", "Mina", at(2));
        case.set_status(Status::Resolved, "Mina", at(3));
        case.extra.insert("Via".into(), "email".into());
        Desk {
            cases: vec![case],
            settings: Settings {
                display_name: "Mina".into(),
                updated_at: Some(at(0)),
                language: Some(Lang::ZhTw),
                ..Settings::default()
            },
            ..Desk::default()
        }
    }

    #[test]
    fn export_is_laid_out_as_serde_pretty_prints() {
        let mut value: Value = serde_json::from_str(&export_json(&busy_desk(), &[], at(40))).unwrap();
        let tricky = serde_json::json!({"a": [], "b": {}, "c": [{}], "d": "]}\" \\\": [{,", "e": "\\"});
        value["tricky"] = tricky;
        let pretty = serde_json::to_string_pretty(&value).unwrap();
        assert_eq!(indent(&serde_json::to_string(&value).unwrap()), pretty);
        let file = export_file(&busy_desk(), &[], at(40));
        assert_eq!(export_json(&busy_desk(), &[], at(40)), serde_json::to_string_pretty(&file).unwrap());
    }

    #[test]
    fn envelope_round_trips() {
        let envelope =
            Envelope { schema_version: SCHEMA_VERSION, revision: 4, saved_at: at(5), data: busy_desk() };
        assert_eq!(read_envelope(&serde_json::to_string(&envelope).unwrap()).unwrap(), envelope);
    }

    #[test]
    fn v1_fixture_migrates() {
        let raw = include_str!("../../tests/fixtures/storage-v1.json");
        let envelope = read_envelope(raw).unwrap();
        assert_eq!(envelope.schema_version, SCHEMA_VERSION);
        assert_eq!(envelope.revision, 12);
        let cases = &envelope.data.cases;
        assert_eq!(cases.len(), 3);
        assert_eq!(envelope.data.settings.display_name, "Dana");
        assert_eq!(envelope.data.settings.language, None, "an older store follows the browser's language");
        let first = &cases[0];
        assert_eq!(first.id.0, "v1-101");
        assert_eq!(first.surface, Surface::Website);
        assert_eq!(first.tier, Tier::Enterprise);
        assert_eq!(first.description, "Customers see a spinner forever after pressing Pay.");
        assert_eq!(
            first.first_response_at,
            Some(DateTime::from_timestamp_millis(1_761_990_000_000).unwrap())
        );
        assert_eq!(first.timeline.len(), 3);
        assert_eq!(cases[1].status, Status::WaitingOnCustomer);
        assert_eq!(cases[2].status, Status::Resolved);
        assert!(cases[2].resolved_at.is_some());
        assert_eq!(cases[2].surface, Surface::App);
    }

    #[test]
    fn unreadable_and_too_new_data_are_refused_not_guessed() {
        assert!(matches!(read_envelope("{not json"), Err(LoadError::Unreadable(_))));
        assert!(matches!(read_envelope("{\"hello\":1}"), Err(LoadError::Unreadable(_))));
        let future = r#"{"schema_version":99,"revision":1,"saved_at":"2026-01-01T00:00:00Z","data":{}}"#;
        assert_eq!(read_envelope(future), Err(LoadError::TooNew(99)));
    }
}
