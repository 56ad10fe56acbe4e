//! Reading this app's own files for an import: Export JSON's file, a storage envelope of any
//! known schema, and the page's "Download unreadable data" backup. Each case is read on its
//! own, so one unreadable case leaves out only itself and is listed with the reason.

use super::{RowError, RowRef};
use crate::domain::case::{Case, Choice, Priority, Status, Surface, Tier, TimelineEntry, Urgency};
use crate::domain::desk::{record_fields, Desk, DeskRecords, Settings};
use crate::domain::layout;
use crate::domain::persist::{
    parse, read_envelope, ExportFile, Header, LoadError, EXPORT_FORMAT, SCHEMA_VERSION,
};
use crate::domain::{sort, stamp};
use crate::i18n::{Message, Text};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;
use std::collections::BTreeMap;

/// Why one case of the file was left out: the field-level detail stays as the file names it.
fn case_unreadable(detail: String) -> Message {
    Message::new(Text::ImportCaseUnreadable).arg("detail", detail)
}

/// Which of this app's files an import is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportKind {
    /// Export JSON's file.
    Export,
    /// A storage envelope (the earlier local-storage layout, of any known schema).
    Envelope,
    /// The page's "Download unreadable data" file: the database's records as text.
    UnreadableBackup,
}

/// An import file of this app, read as far as it can be.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportFile {
    pub kind: ImportKind,
    /// Every case that could be read, with where it is in the file, in the desk's order.
    pub cases: Vec<(RowRef, Case)>,
    /// The rest of the file's desk (its `cases` empty): settings, not-duplicate pairs,
    /// incidents, merges and undone merges; none for a backup whose desk record is lost.
    pub records: Option<Desk>,
    /// The cases (or whole records) that could not be read, in file order.
    pub skipped: Vec<RowError>,
    /// What the user should know about the file as a whole.
    pub notes: Vec<Message>,
}

impl ImportFile {
    /// A file read in one piece (a migrated envelope of an earlier schema).
    fn whole(kind: ImportKind, mut desk: Desk) -> ImportFile {
        let cases = std::mem::take(&mut desk.cases);
        let cases = cases.into_iter().enumerate().map(|(i, case)| (RowRef::Item(i + 1), case)).collect();
        ImportFile { kind, cases, records: Some(desk), skipped: Vec::new(), notes: Vec::new() }
    }

    /// The file's desk: its records holding its cases.
    pub fn into_desk(self) -> Desk {
        Desk {
            cases: self.cases.into_iter().map(|(_, case)| case).collect(),
            ..self.records.unwrap_or_default()
        }
    }
}

/// Reads an import file: this app's export, a storage envelope of any known version, or the
/// "Download unreadable data" file. A case that cannot be read is left out and listed; the
/// file is refused only when its frame (what it is, its settings) cannot be read.
pub fn read_import(raw: &str) -> Result<ImportFile, LoadError> {
    let raw = raw.trim_start_matches('\u{feff}');
    let header = Header::of(raw).map_err(|e| match e {
        LoadError::Unreadable(reason) => LoadError::Unreadable(format!("not valid JSON: {reason}")),
        other => other,
    })?;
    if header.format.as_ref().and_then(Value::as_str) == Some(EXPORT_FORMAT) {
        let version = header.schema_version()?;
        if version > SCHEMA_VERSION {
            return Err(LoadError::TooNew(version));
        }
        return read_export(raw);
    }
    if header.schema_version.is_some() || header.version.is_some() {
        return match header.schema_version()? {
            SCHEMA_VERSION => read_envelope_cases(raw),
            _ => read_envelope(raw).map(|envelope| ImportFile::whole(ImportKind::Envelope, envelope.data)),
        };
    }
    if header.meta.is_some() && header.chunks.is_some() {
        return read_backup(raw);
    }
    Err(LoadError::Unreadable("this is not a Triage Desk export file".into()))
}

fn read_export(raw: &str) -> Result<ImportFile, LoadError> {
    let file: ExportFile<&RawValue> = parse(raw)?;
    let records = Desk {
        cases: Vec::new(),
        settings: file.settings,
        records: DeskRecords {
            not_duplicates: file.not_duplicate_pairs,
            merges: file.merges,
            undone_merges: file.undone_merges,
            incidents: file.incidents,
        },
    };
    Ok(read_items(ImportKind::Export, file.cases, records))
}

/// A storage envelope of the current schema with its cases as text: the page sets such
/// text aside (and offers it for download) because something in it could not be read.
#[derive(Deserialize)]
struct EnvelopeText<'a> {
    #[serde(borrow)]
    data: DeskText<'a>,
}

record_fields! {
    /// A stored [`Desk`], its cases as text.
    #[derive(Deserialize)]
    struct DeskText<'a> {
        #[serde(borrow)]
        cases: Vec<&'a RawValue>,
        #[serde(default)]
        settings: Settings,
    }
}

fn read_envelope_cases(raw: &str) -> Result<ImportFile, LoadError> {
    let data = parse::<EnvelopeText>(raw)?.data;
    let mut data = data;
    let records = Desk { cases: Vec::new(), records: data.records(), settings: data.settings };
    Ok(read_items(ImportKind::Envelope, data.cases, records))
}

/// Reads each case of a JSON list on its own, listing those that cannot be read by item.
fn read_items(kind: ImportKind, items: Vec<&RawValue>, records: Desk) -> ImportFile {
    let mut cases = Vec::with_capacity(items.len());
    let mut skipped = Vec::new();
    for (i, item) in items.into_iter().enumerate() {
        let at = RowRef::Item(i + 1);
        match read_case(item.get()) {
            Ok(case) => cases.push((at, case)),
            Err(reason) => skipped.push(RowError { at, reason: case_unreadable(reason) }),
        }
    }
    ImportFile { kind, cases, records: Some(records), skipped, notes: Vec::new() }
}

/// What `storage.rs` offers as "Download unreadable data" when the database's records could
/// not be read: the desk record's text (or "") and each case record's text.
#[derive(Deserialize)]
struct Backup {
    meta: String,
    chunks: Vec<String>,
}

/// A case record's entry: the case's place in the desk's order, and the case.
#[derive(Deserialize)]
struct PlacedText<'a> {
    at: usize,
    #[serde(borrow)]
    case: &'a RawValue,
}

/// Reads every case of the backup that can be read: each record on its own, and inside a
/// record each case on its own, so one damaged case costs only itself.
fn read_backup(raw: &str) -> Result<ImportFile, LoadError> {
    let backup: Backup = parse(raw)?;
    let mut notes = Vec::new();
    let (records, expected) = if backup.meta.trim().is_empty() {
        notes.push(Text::ImportBackupNoDeskRecord.into());
        (None, None)
    } else {
        match layout::decode_meta(&backup.meta) {
            Ok(meta) => {
                let expected = meta.case_count;
                (Some(meta.into_desk(Vec::new())), Some(expected))
            }
            Err(error) => {
                notes.push(Message::new(Text::ImportBackupDeskRecordUnreadable).arg("error", error));
                (None, None)
            }
        }
    };
    let mut placed = Vec::new();
    let mut skipped = Vec::new();
    for (i, chunk) in backup.chunks.iter().enumerate() {
        let record = i + 1;
        // A record stored as a string (layouts 1 and 2) may come out quoted a second time.
        let unquoted = serde_json::from_str::<String>(chunk).ok();
        let text = unquoted.as_deref().unwrap_or(chunk);
        let items: Vec<&RawValue> = match serde_json::from_str(text) {
            Ok(items) => items,
            Err(error) => {
                let reason =
                    Message::new(Text::ImportRecordUnreadable).arg("error", without_position(&error));
                skipped.push(RowError { at: RowRef::Record(record), reason });
                continue;
            }
        };
        for (j, item) in items.into_iter().enumerate() {
            let at = RowRef::RecordCase(record, j + 1);
            let read = serde_json::from_str::<PlacedText>(item.get())
                .map_err(|_| "is not a stored case (its place in the desk and the case)".to_string())
                .and_then(|entry| read_case(entry.case.get()).map(|case| (entry.at, at, case)));
            match read {
                Ok(entry) => placed.push(entry),
                Err(reason) => skipped.push(RowError { at, reason: case_unreadable(reason) }),
            }
        }
    }
    sort::sort_by(&mut placed, |a, b| a.0.cmp(&b.0).then_with(|| a.2.id.cmp(&b.2.id)));
    if let Some(expected) = expected.filter(|&expected| expected > placed.len()) {
        notes.push(
            Message::new(Text::ImportBackupCasesMissing).arg("expected", expected).arg("read", placed.len()),
        );
    }
    let cases = placed.into_iter().map(|(_, at, case)| (at, case)).collect();
    Ok(ImportFile { kind: ImportKind::UnreadableBackup, cases, records, skipped, notes })
}

/// Reads one case, or says in words what is wrong with it, field by field.
fn read_case(text: &str) -> Result<Case, String> {
    serde_json::from_str(text).map_err(|error| explain_case(text, &error))
}

/// Why a case's JSON is not a case. Only unreadable cases come here, so each field is
/// read again on its own to name the field and the value.
fn explain_case(text: &str, error: &serde_json::Error) -> String {
    let fields: BTreeMap<String, &RawValue> = match serde_json::from_str(text) {
        Ok(fields) => fields,
        Err(_) => return format!("is {}, not a case", json_kind(text)),
    };
    const REQUIRED: [&str; 9] = [
        "id",
        "title",
        "tier",
        "surface",
        "customers_affected",
        "urgency",
        "status",
        "created_at",
        "updated_at",
    ];
    let missing =
        REQUIRED.iter().filter(|name| !fields.contains_key(**name)).map(|name| format!("{name}: missing"));
    let wrong = fields
        .iter()
        .filter_map(|(name, raw)| check_field(name, raw.get()).err().map(|why| format!("{name}: {why}")));
    let problems: Vec<String> = missing.chain(wrong).collect();
    if problems.is_empty() {
        without_position(error)
    } else {
        problems.join("; ")
    }
}

/// Checks one field of a case's JSON on its own; unknown fields (such as `group_id`) pass.
fn check_field(name: &str, raw: &str) -> Result<(), String> {
    fn is<T: DeserializeOwned>(raw: &str) -> bool {
        serde_json::from_str::<T>(raw).is_ok()
    }
    fn choice<T: Choice + DeserializeOwned>(raw: &str) -> Result<(), String> {
        if is::<T>(raw) {
            return Ok(());
        }
        let keys: Vec<&str> = T::all().iter().map(|choice| choice.key()).collect();
        Err(format!("{} is not one of {}", shortened(raw), keys.join(", ")))
    }
    let time = |optional: bool| {
        let mut reader = serde_json::Deserializer::from_str(raw);
        let read = if optional {
            stamp::read_optional(&mut reader).map(drop)
        } else {
            stamp::read(&mut reader).map(drop)
        };
        read.and_then(|()| reader.end()).is_ok()
    };
    let ok_or = |ok: bool, why: &str| if ok { Ok(()) } else { Err(format!("{} {why}", shortened(raw))) };
    const TIME: &str = "is not a date and time (like \"2026-11-02T09:00:00Z\")";
    match name {
        "id" | "title" | "external_id" | "description" | "customer" | "category" => {
            ok_or(is::<String>(raw), "is not text")
        }
        "tier" => choice::<Tier>(raw),
        "surface" => choice::<Surface>(raw),
        "urgency" => choice::<Urgency>(raw),
        "status" => choice::<Status>(raw),
        "customers_affected" => ok_or(is::<u32>(raw), "is not a whole number of customers"),
        "created_at" | "updated_at" => ok_or(time(false), TIME),
        "first_response_at" | "resolved_at" => ok_or(time(true), TIME),
        "priority_pin" => ok_or(is::<Option<Priority>>(raw), "is not a priority"),
        "extra" => ok_or(is::<BTreeMap<String, String>>(raw), "is not a set of named text values"),
        // The list as a case reads it, so no second copy of the entry reader is built.
        "timeline" => {
            serde_json::from_str::<Vec<TimelineEntry>>(raw).map(drop).map_err(|e| without_position(&e))
        }
        _ => Ok(()),
    }
}

/// What a JSON value is, in words: "null", "a single number", …
pub fn json_kind(raw: &str) -> &'static str {
    match raw.trim_start().as_bytes().first() {
        Some(b'n') => "null",
        Some(b't' | b'f') => "true or false",
        Some(b'"') => "a single piece of text",
        Some(b'[') => "a list",
        Some(b'{') => "an object",
        _ => "a single number",
    }
}

/// A value as the file has it, cut short: a hostile file may hold a megabyte in one field.
fn shortened(raw: &str) -> String {
    const SHOWN: usize = 60;
    match raw.char_indices().nth(SHOWN) {
        Some((cut, _)) => format!("{}…", &raw[..cut]),
        None => raw.to_string(),
    }
}

/// A parse error without its "at line 1 column 40", which means nothing to the reader of
/// one case's fields (and is given apart where it does).
pub fn without_position(error: &serde_json::Error) -> String {
    let text = error.to_string();
    text.split(" at line ").next().unwrap_or_default().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case::{CaseDraft, CaseId};
    use crate::domain::grouping::Group;
    use crate::domain::persist::export_json;
    use crate::domain::persist::tests::{at, busy_desk};

    #[test]
    fn export_then_import_gives_back_the_same_desk() {
        let desk = busy_desk();
        let text = export_json(&desk, &[], at(9));
        assert!(text.contains(r#""language": "zh-TW""#), "the chosen language travels in the export");
        assert_eq!(read_import(&text).unwrap().into_desk(), desk);
    }

    /// A desk with two groups, a merge, a not-duplicate pair and an incident.
    fn grouped_desk() -> (Desk, Vec<Group>) {
        use crate::domain::grouping::{GroupingSettings, SimilarityIndex};
        let titles = [
            ("p1", "Payment declined at checkout PAY-502"),
            ("p2", "Checkout payment declined PAY-502 for all cards"),
            ("p3", "PAY-502 payment declined on checkout page"),
            ("k1", "앱 로그인 오류 AUTH-1103 발생"),
            ("k2", "로그인 오류 AUTH-1103 앱에서 발생"),
            ("z1", "订单显示已送達但客户未收到包裹"),
            ("lonely", "Dark mode request for the dashboard"),
        ];
        let mut desk = busy_desk();
        for (minute, (id, title)) in titles.into_iter().enumerate() {
            let draft = CaseDraft { title: title.into(), ..CaseDraft::default() };
            desk.cases.push(Case::create(CaseId(id.into()), draft, "Mina", at(10 + minute as u32)));
        }
        let id = |text: &str| CaseId(text.into());
        desk.not_duplicates.insert(&id("p3"), &id("p1"));
        desk.promote_to_incident("Checkout down", "g-k1", &[id("k1"), id("k2")], "Mina", at(30));
        desk.merge_into(&id("p1"), &[id("p2")], "Mina", at(31)).unwrap();
        let open: Vec<&Case> = desk.cases.iter().filter(|c| c.is_open()).collect();
        let groups =
            SimilarityIndex::from_cases(open).group(&GroupingSettings::default(), &desk.not_duplicates);
        (desk, groups)
    }

    #[test]
    fn export_carries_group_ids_pairs_and_incidents_and_reads_them_back() {
        let (desk, groups) = grouped_desk();
        assert!(!groups.is_empty());
        let text = export_json(&desk, &groups, at(40));
        let value: Value = serde_json::from_str(&text).unwrap();
        let group_id = |id: &str| {
            value["cases"].as_array().unwrap().iter().find(|c| c["id"] == id).unwrap()["group_id"].clone()
        };
        assert!(group_id("k1").is_string());
        assert_eq!(group_id("k1"), group_id("k2"));
        assert_eq!(group_id("lonely"), Value::Null);
        assert_eq!(group_id("p2"), Value::Null, "a merged duplicate is closed, so in no group");
        assert_eq!(value["not_duplicate_pairs"], serde_json::json!([["p1", "p3"]]));
        assert_eq!(value["incidents"][0]["id"], "INC-1");
        assert_eq!(value["incidents"][0]["status"], "investigating");

        let back = read_import(&text).unwrap().into_desk();
        assert_eq!(back, desk);
        assert_eq!(export_json(&back, &groups, at(40)), text, "export, import, export is stable");
    }

    #[test]
    fn import_accepts_a_byte_order_mark() {
        let text = format!("\u{feff}{}", export_json(&busy_desk(), &[], at(9)));
        assert!(read_import(&text).is_ok());
    }

    #[test]
    fn files_that_are_not_ours_are_refused() {
        assert!(read_import("[1,2,3]").is_err());
        assert!(read_import("\u{0}\u{1}binary").is_err());
    }
}
