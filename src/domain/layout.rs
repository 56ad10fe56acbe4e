//! How the desk is laid out in the browser's database, which parts a save must write, how a
//! tab catches up with another tab's write, the move from the earlier single-key layout, and
//! how many more cases fit. Pure: records in, records out; the browser side is `storage.rs`.
//!
//! The cases are spread over [`CHUNK_COUNT`] records by a hash of their id, so a case always
//! lands in the same record in every tab and a save rewrites only the records holding changed
//! cases. One record per case would make loading 50,000 cases read 50,000 records, which
//! Chromium does in well over a second; a few hundred larger records read in under 0.1 s.

use super::case::{Case, CaseId, Timestamp, Version};
use super::desk::{record_fields, Desk, DeskRecords, Settings};
use super::fast_hash::FastMap;
use super::persist::{Envelope, LoadError, SCHEMA_VERSION};
use crate::i18n::{Message, Text};
use serde::de::{DeserializeSeed, Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Version of the record layout itself; the cases and settings inside keep [`SCHEMA_VERSION`].
/// Version 2 spreads the cases over more records; builds of version 1 must not write into it,
/// as they would file cases under other records and so store them twice. Version 3 stores
/// each record's JSON as UTF-8 bytes instead of a string: the browser hands bytes to the page
/// with a copy, where a string had to be re-encoded from UTF-16 (and the database holds half
/// as much for Korean and Chinese text). Records of either kind are read.
pub const LAYOUT_VERSION: u32 = 3;
/// Records the cases are spread over: about 50 cases (40 KB) each at 50,000 cases, so one
/// edit rewrites little (256 records of 200 cases made the write of one edit 20-30 ms of the
/// 50 ms budget), and few enough that a load reads them quickly.
pub const CHUNK_COUNT: u32 = 1024;

/// The record at the centre of the layout: everything but the cases, plus the revision that
/// tabs compare before writing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(from = "StoredMeta")]
pub struct Meta {
    pub layout_version: u32,
    pub schema_version: u32,
    pub revision: u64,
    pub saved_at: Timestamp,
    pub chunk_count: u32,
    /// How many cases the chunks hold, so a load sizes its list once (0 before layout 3).
    #[serde(default)]
    pub case_count: usize,
    /// [`id_check`] of the cases the chunks hold, so a load notices a case lost or stored
    /// twice even when the count still adds up (absent before it was written).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_check: Option<u64>,
    pub settings: Settings,
    /// Duplicate decisions and incidents: small, so they ride with the settings. Written
    /// flattened; read through `StoredMeta`.
    #[serde(flatten)]
    pub records: DeskRecords,
}

record_fields! {
    /// A [`Meta`] as stored: the desk records beside its other fields.
    #[derive(Deserialize)]
    struct StoredMeta {
        layout_version: u32,
        schema_version: u32,
        revision: u64,
        saved_at: Timestamp,
        chunk_count: u32,
        #[serde(default)]
        case_count: usize,
        #[serde(default)]
        id_check: Option<u64>,
        settings: Settings,
    }
}

impl From<StoredMeta> for Meta {
    fn from(mut stored: StoredMeta) -> Meta {
        let records = stored.records();
        let StoredMeta {
            layout_version,
            schema_version,
            revision,
            saved_at,
            chunk_count,
            case_count,
            id_check,
            settings,
            ..
        } = stored;
        Meta {
            layout_version,
            schema_version,
            revision,
            saved_at,
            chunk_count,
            case_count,
            id_check,
            settings,
            records,
        }
    }
}

impl Meta {
    /// The desk these records describe, holding `cases`.
    pub fn into_desk(self, cases: Vec<Case>) -> Desk {
        Desk { cases, settings: self.settings, records: self.records }
    }
}

/// A case in a chunk, with its place in the desk's order so a reload keeps that order.
#[derive(Serialize)]
struct PlacedRef<'a> {
    at: usize,
    case: &'a Case,
}

#[derive(Deserialize)]
struct Placed {
    at: usize,
    case: Case,
}

/// The record that holds case `id`: FNV-1a of the id, stable across tabs and releases.
pub fn chunk_of(id: &CaseId) -> u32 {
    let hash =
        id.0.bytes().fold(0x811c_9dc5_u32, |hash, byte| (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193));
    hash % CHUNK_COUNT
}

/// A number that changes when a case id is lost, added or stored twice: the wrapping sum of
/// each id's 64-bit FNV-1a, which does not depend on the order the records are read in.
pub fn id_check<'a>(ids: impl IntoIterator<Item = &'a CaseId>) -> u64 {
    ids.into_iter().fold(0, |sum: u64, id| {
        let hash = id.0.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
        });
        sum.wrapping_add(hash)
    })
}

/// The meta record of `desk`: everything but its cases, counting the first `written` of them
/// (those the chunks of the same write hold).
pub fn encode_meta(revision: u64, saved_at: Timestamp, desk: &Desk, written: usize) -> String {
    let written = &desk.cases[..written.min(desk.cases.len())];
    let meta = Meta {
        layout_version: LAYOUT_VERSION,
        schema_version: SCHEMA_VERSION,
        revision,
        saved_at,
        chunk_count: CHUNK_COUNT,
        case_count: written.len(),
        id_check: Some(id_check(written.iter().map(|case| &case.id))),
        settings: desk.settings.clone(),
        records: desk.records.clone(),
    };
    serde_json::to_string(&meta).expect("settings always serialise")
}

/// The places in `cases` of the cases each of `chunks` holds (every one of them, empty or not),
/// so that chunks can be written one at a time.
pub fn members(cases: &[Case], chunks: &BTreeSet<u32>) -> BTreeMap<u32, Vec<usize>> {
    let mut members: BTreeMap<u32, Vec<usize>> =
        chunks.iter().filter(|&&chunk| chunk < CHUNK_COUNT).map(|&chunk| (chunk, Vec::new())).collect();
    for (at, case) in cases.iter().enumerate() {
        if let Some(places) = members.get_mut(&chunk_of(&case.id)) {
            places.push(at);
        }
    }
    members
}

/// The text of one chunk holding the cases at `places` (places past the end are left out).
pub fn encode_chunk(cases: &[Case], places: &[usize]) -> String {
    let placed: Vec<PlacedRef> =
        places.iter().filter_map(|&at| cases.get(at).map(|case| PlacedRef { at, case })).collect();
    serde_json::to_string(&placed).expect("cases always serialise")
}

pub fn decode_meta(raw: &str) -> Result<Meta, LoadError> {
    #[derive(Deserialize)]
    struct Versions {
        layout_version: u32,
        schema_version: u32,
    }
    let versions: Versions =
        serde_json::from_str(raw).map_err(|e| LoadError::Unreadable(format!("the index record: {e}")))?;
    if versions.layout_version > LAYOUT_VERSION || versions.schema_version > SCHEMA_VERSION {
        return Err(LoadError::TooNew(versions.schema_version.max(versions.layout_version)));
    }
    serde_json::from_str(raw).map_err(|e| LoadError::Unreadable(format!("the index record: {e}")))
}

/// True when the records were written under another layout (another number of records):
/// the desk is then rewritten whole before anything else is saved.
pub fn is_outdated(meta: &Meta) -> bool {
    meta.layout_version != LAYOUT_VERSION || meta.chunk_count != CHUNK_COUNT
}

/// Builds the desk from the meta record and chunk records (in any order), in the saved order.
pub fn decode(meta: Meta, chunks: &[impl AsRef<[u8]>]) -> Result<Envelope, LoadError> {
    let mut reader = CaseReader::new(meta.case_count);
    for chunk in chunks {
        reader.read(chunk.as_ref())?;
    }
    Ok(envelope(meta, reader.finish()))
}

/// The stored desk: the meta record and the cases its chunks held.
pub fn envelope(meta: Meta, cases: Vec<Case>) -> Envelope {
    Envelope {
        schema_version: SCHEMA_VERSION,
        revision: meta.revision,
        saved_at: meta.saved_at,
        data: meta.into_desk(cases),
    }
}

/// The cases found without a readable desk record, under the default settings, at the
/// revision the damaged record still gives (0 if none), which a save over them must pass.
pub fn envelope_of_cases(revision: u64, cases: Vec<Case>) -> Envelope {
    Envelope { revision, data: Desk { cases, ..Desk::default() }, ..empty_envelope() }
}

/// Reads the cases of chunk records one record at a time, as storage hands them over (so
/// decoding overlaps the database reading the rest), then puts them in the saved order.
pub struct CaseReader {
    placed: Vec<Placed>,
    records: usize,
    /// Why each record that [`CaseReader::salvage`] could not read in full failed.
    lost: Vec<String>,
}

impl CaseReader {
    /// `expected` is the meta record's case count. One list sized for every case: growing
    /// per-chunk lists and moving 50,000 cases between them cost as much as parsing.
    /// The count comes from a stored record, so it is trusted only up to far more cases than a
    /// desk holds: a damaged count must not ask for terabytes (which aborts the page).
    pub fn new(expected: usize) -> CaseReader {
        const MOST_PRESIZED: usize = 1 << 20;
        CaseReader { placed: Vec::with_capacity(expected.min(MOST_PRESIZED)), records: 0, lost: Vec::new() }
    }

    /// Adds the cases of one record's JSON.
    pub fn read(&mut self, record: &[u8]) -> Result<(), LoadError> {
        self.records += 1;
        let text = std::str::from_utf8(record)
            .map_err(|e| LoadError::Unreadable(format!("case record {}: {e}", self.records)))?;
        let mut reader = serde_json::Deserializer::from_str(text);
        AppendTo(&mut self.placed)
            .deserialize(&mut reader)
            .and_then(|()| reader.end())
            .map_err(|e| LoadError::Unreadable(format!("case record {}: {e}", self.records)))
    }

    /// Adds what can be read of one record: the cases before a fault are kept, and the fault
    /// is noted for [`CaseReader::finish_checked`] instead of failing the whole load.
    pub fn salvage(&mut self, record: Option<&[u8]>) {
        let result = match record {
            Some(bytes) => self.read(bytes),
            None => {
                self.records += 1;
                Err(LoadError::Unreadable(format!("case record {} is neither text nor bytes", self.records)))
            }
        };
        match result {
            Ok(()) => {}
            Err(LoadError::Unreadable(reason)) => self.lost.push(reason),
            Err(other) => self.lost.push(other.to_string()),
        }
    }

    /// Every case read, in the desk's order, each id once, and what does not add up against
    /// the meta record (`None` for a desk record that could not be read).
    pub fn finish_checked(self, record: &DeskRecord) -> (Vec<Case>, Option<Damage>) {
        let mut damage = Damage { unreadable_records: self.lost.clone(), ..Damage::default() };
        let mut cases = self.finish();
        damage.duplicates = keep_one_copy_each(&mut cases);
        damage.found = cases.len();
        match record {
            DeskRecord::Missing => damage.no_desk_record = true,
            DeskRecord::Unreadable(reason) => damage.desk_record_unreadable = Some(reason.clone()),
            // Layouts before 3 did not count their cases.
            DeskRecord::Read(meta) if meta.layout_version >= 3 => {
                damage.expected = Some(meta.case_count);
                damage.ids_differ =
                    meta.id_check.is_some_and(|check| check != id_check(cases.iter().map(|case| &case.id)));
            }
            DeskRecord::Read(_) => {}
        }
        (cases, damage.is_damage().then_some(damage))
    }

    /// Every case read, in the desk's order.
    pub fn finish(self) -> Vec<Case> {
        let placed = self.placed;
        // Sort positions, not cases, for the reason in `new`.
        let mut order: Vec<(usize, usize)> = placed.iter().enumerate().map(|(i, p)| (p.at, i)).collect();
        // The standard sort, not the shared one: this runs on every load (see `domain::sort`).
        order.sort_unstable_by(|a, b| {
            a.0.cmp(&b.0).then_with(|| placed[a.1].case.id.cmp(&placed[b.1].case.id))
        });
        let mut cases: Vec<Option<Case>> = placed.into_iter().map(|placed| Some(placed.case)).collect();
        order.into_iter().filter_map(|(_, i)| cases[i].take()).collect()
    }
}

/// Drops all but one copy of each case id (the one changed last, with the longer history on a
/// tie), keeping the order; returns how many copies went. Ids are unique unless a record was
/// damaged or written by hand, so the common case is one pass that finds nothing.
fn keep_one_copy_each(cases: &mut Vec<Case>) -> usize {
    let mut first: FastMap<&CaseId, usize> =
        FastMap::with_capacity_and_hasher(cases.len(), Default::default());
    let mut doubles = Vec::new();
    for (at, case) in cases.iter().enumerate() {
        if let Some(&kept) = first.get(&case.id) {
            doubles.push((kept, at));
        } else {
            first.insert(&case.id, at);
        }
    }
    drop(first);
    if doubles.is_empty() {
        return 0;
    }
    let mut drop_at = BTreeSet::new();
    for (kept, other) in doubles {
        let newer = |case: &Case| (case.updated_at, case.timeline.len());
        if newer(&cases[other]) > newer(&cases[kept]) {
            cases.swap(kept, other);
        }
        drop_at.insert(other);
    }
    let mut at = 0;
    cases.retain(|_| {
        at += 1;
        !drop_at.contains(&(at - 1))
    });
    drop_at.len()
}

/// What a load found that does not add up: nothing of it is written over until the user decides.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Damage {
    /// The case count the desk record gives, when it can be read and counts.
    pub expected: Option<usize>,
    pub found: usize,
    /// Copies of a case found in a second record and left out.
    pub duplicates: usize,
    /// Why each unreadable case record could not be read.
    pub unreadable_records: Vec<String>,
    /// The ids read are not the ones the desk record lists, though the count may add up.
    pub ids_differ: bool,
    /// The desk record (settings, incidents, merges) is missing.
    pub no_desk_record: bool,
    /// Why the desk record could not be read.
    pub desk_record_unreadable: Option<String>,
}

/// The desk record as a load found it.
#[derive(Clone, Debug, PartialEq)]
pub enum DeskRecord {
    Read(Box<Meta>),
    Missing,
    Unreadable(String),
}

impl Damage {
    fn is_damage(&self) -> bool {
        self.duplicates > 0
            || !self.unreadable_records.is_empty()
            || self.ids_differ
            || self.no_desk_record && self.found > 0
            || self.desk_record_unreadable.is_some()
            || self.expected.is_some_and(|expected| expected != self.found)
    }

    /// The damage in words, for the banner.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        match self.expected {
            Some(expected) if expected > self.found => parts.push(format!(
                "{} saved but only {} could be read: {} missing",
                counted(expected, "case was", "cases were"),
                thousands(self.found as u64),
                counted(expected - self.found, "is", "are")
            )),
            Some(expected) if expected < self.found => parts.push(format!(
                "{} found where {} saved",
                counted(self.found, "case was", "cases were"),
                counted(expected, "was", "were")
            )),
            _ if self.ids_differ => {
                parts.push("the cases found are not the ones that were saved".to_string())
            }
            _ => {}
        }
        if let Some(first) = self.unreadable_records.first() {
            let records = counted(self.unreadable_records.len(), "case record", "case records");
            parts.push(format!("{records} could not be read ({first})"));
        }
        if self.duplicates > 0 {
            let stored = counted(self.duplicates, "case was", "cases were");
            parts.push(format!("{stored} stored twice and shown once"));
        }
        let without = |what: String| {
            let cases = counted(self.found, "case was", "cases were");
            format!("the desk record (settings, incidents, merges) {what}, so {cases} read without it")
        };
        if self.no_desk_record {
            parts.push(without("is missing".into()));
        }
        if let Some(reason) = &self.desk_record_unreadable {
            parts.push(without(format!("could not be read ({reason})")));
        }
        let text = parts.join("; ");
        let mut chars = text.chars();
        chars.next().map_or(String::new(), |first| first.to_uppercase().chain(chars).collect()) + "."
    }
}

/// "1 case was" or "3 cases were": `count` with the words that agree with it.
fn counted(count: usize, one: &str, many: &str) -> String {
    match count {
        1 => format!("1 {one}"),
        _ => format!("{} {many}", thousands(count as u64)),
    }
}

/// Appends the cases of one chunk's JSON array to a shared list.
struct AppendTo<'a>(&'a mut Vec<Placed>);

impl<'de> DeserializeSeed<'de> for AppendTo<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for AppendTo<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a list of cases")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(placed) = seq.next_element()? {
            self.0.push(placed);
        }
        Ok(())
    }
}

/// What the next save must write. Kept until a write commits, so a failed write is retried
/// with everything it held.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Dirty {
    everything: bool,
    chunks: BTreeSet<u32>,
    settings: bool,
}

impl Dirty {
    pub fn case(&mut self, id: &CaseId) {
        self.chunks.insert(chunk_of(id));
    }

    pub fn settings(&mut self) {
        self.settings = true;
    }

    /// Marks the cases a change touched: those whose version moved since `before` (taken by
    /// place just before the change) and those it added, plus the meta record, where links'
    /// partners, merges, incidents and not-duplicate pairs live. Cases are only ever
    /// appended, so places still match; should fewer come back, everything is marked.
    pub fn touched(&mut self, before: &[Version], cases: &[Case]) {
        self.settings();
        if cases.len() < before.len() {
            self.everything();
            return;
        }
        for (at, case) in cases.iter().enumerate() {
            if before.get(at) != Some(&case.version()) {
                self.case(&case.id);
            }
        }
    }

    /// Any part may have changed (an import, a merge of unknown scope): rewrite it all.
    pub fn everything(&mut self) {
        self.everything = true;
    }

    pub fn is_clean(&self) -> bool {
        !self.everything && !self.settings && self.chunks.is_empty()
    }

    pub fn rewrites_everything(&self) -> bool {
        self.everything
    }

    /// The chunks to write.
    pub fn chunks(&self) -> BTreeSet<u32> {
        if self.everything {
            (0..CHUNK_COUNT).collect()
        } else {
            self.chunks.clone()
        }
    }

    /// Adds back what a failed write held.
    pub fn absorb(&mut self, failed: Dirty) {
        self.everything |= failed.everything;
        self.settings |= failed.settings;
        self.chunks.extend(failed.chunks);
    }
}

/// What a tab tells the others after a write commits.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    pub revision: u64,
    /// The chunks that write changed; None when it rewrote everything.
    pub chunks: Option<Vec<u32>>,
}

impl Notice {
    pub fn of(revision: u64, wrote: &Dirty) -> Notice {
        Notice { revision, chunks: (!wrote.everything).then(|| wrote.chunks.iter().copied().collect()) }
    }
}

/// What a tab at `known` must read to catch up with a notice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CatchUp {
    UpToDate,
    /// Just these chunks (and the meta record): the notice is the very next revision.
    Chunks(Vec<u32>),
    /// Revisions were missed or everything changed: read all.
    Everything,
}

pub fn catch_up(known: u64, notice: &Notice) -> CatchUp {
    match &notice.chunks {
        _ if notice.revision <= known => CatchUp::UpToDate,
        Some(chunks) if notice.revision == known + 1 => CatchUp::Chunks(chunks.clone()),
        _ => CatchUp::Everything,
    }
}

/// How the page starts from what the database and the earlier single local-storage key hold.
#[derive(Clone, Debug, PartialEq)]
pub struct Start {
    pub envelope: Envelope,
    /// Write the whole desk before anything else (a migration or a merge of the old key).
    pub write_all: bool,
    /// Remove the earlier key, but only once that write has committed.
    pub remove_legacy: bool,
}

/// Chooses the starting desk. The database wins when both exist (a tab of the earlier version
/// may have written the old key since); their union is kept so neither loses a case or note.
pub fn plan_start(database: Option<Envelope>, legacy: Option<Envelope>) -> Start {
    match (database, legacy) {
        (None, None) => Start { envelope: empty_envelope(), write_all: false, remove_legacy: false },
        (Some(envelope), None) => Start { envelope, write_all: false, remove_legacy: false },
        (None, Some(envelope)) => Start { envelope, write_all: true, remove_legacy: true },
        (Some(mut envelope), Some(legacy)) => {
            let merged = envelope.data.clone().merge(legacy.data);
            let write_all = merged != envelope.data;
            envelope.data = merged;
            Start { envelope, write_all, remove_legacy: true }
        }
    }
}

fn empty_envelope() -> Envelope {
    Envelope {
        schema_version: SCHEMA_VERSION,
        revision: 0,
        saved_at: Timestamp::UNIX_EPOCH,
        data: Desk::default(),
    }
}

/// What the browser reports about this page's storage, and how many more cases fit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Capacity {
    pub used_bytes: u64,
    pub quota_bytes: u64,
    pub more_cases: u64,
}

/// Bytes one realistic case of about 670 characters of JSON is reckoned to take. Chromium
/// compresses large records, so repetitive text can measure far less; real text may not.
pub const TYPICAL_CASE_BYTES: u64 = 1_000;

/// `usage` and `quota` from the browser's estimate. A case is reckoned at the desk's own
/// average (taken over everything the page stores) or [`TYPICAL_CASE_BYTES`], whichever is
/// more, so the estimate errs towards fewer cases.
pub fn capacity(usage: u64, quota: u64, cases: usize) -> Capacity {
    // A small desk's average is mostly the page's fixed overhead, not its cases.
    let average = if cases >= 100 { usage / cases as u64 } else { 0 };
    let per_case = average.max(TYPICAL_CASE_BYTES);
    Capacity { used_bytes: usage, quota_bytes: quota, more_cases: quota.saturating_sub(usage) / per_case }
}

impl Capacity {
    pub fn describe(&self) -> Message {
        Message::new(Text::StorageCapacity)
            .arg("used", bytes(self.used_bytes))
            .arg("quota", bytes(self.quota_bytes))
            .arg("more", about(self.more_cases))
    }
}

fn bytes(count: u64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    let mut value = count as f64 / 1000.0;
    let mut unit = 0;
    while value >= 1000.0 && unit + 1 < UNITS.len() {
        value /= 1000.0;
        unit += 1;
    }
    if value < 10.0 {
        format!("{value:.1} {}", UNITS[unit])
    } else {
        format!("{value:.0} {}", UNITS[unit])
    }
}

/// Two significant figures with thousands separators: the estimate is rough.
fn about(count: u64) -> String {
    let mut scale = 1;
    while count / scale >= 100 {
        scale *= 10;
    }
    thousands((count + scale / 2) / scale * scale)
}

/// 50000 as "50,000".
pub fn thousands(count: u64) -> String {
    let digits = count.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case::{CaseDraft, NoteKind};
    use chrono::{TimeZone, Utc};

    fn at(minute: u32) -> Timestamp {
        Utc.with_ymd_and_hms(2026, 11, 2, 9, minute, 0).unwrap()
    }

    fn case(id: &str) -> Case {
        let draft = CaseDraft { title: format!("Case {id}"), ..CaseDraft::default() };
        Case::create(CaseId(id.into()), draft, "Me", at(0))
    }

    fn desk(count: usize) -> Desk {
        Desk { cases: (0..count).map(|i| case(&format!("c{i}"))).collect(), ..Desk::default() }
    }

    fn encode_chunks(cases: &[Case], chunks: &BTreeSet<u32>) -> Vec<(u32, String)> {
        members(cases, chunks)
            .into_iter()
            .map(|(chunk, places)| (chunk, encode_chunk(cases, &places)))
            .collect()
    }

    fn all_chunks(desk: &Desk) -> Vec<String> {
        let mut dirty = Dirty::default();
        dirty.everything();
        encode_chunks(&desk.cases, &dirty.chunks()).into_iter().map(|(_, text)| text).collect()
    }

    #[test]
    fn chunks_are_stable_and_spread() {
        assert_eq!(chunk_of(&CaseId("c1".into())), chunk_of(&CaseId("c1".into())));
        // FNV-1a is fixed, so records written by one release are found by the next.
        assert_eq!(chunk_of(&CaseId(String::new())), 0x811c_9dc5 % CHUNK_COUNT);
        let used: BTreeSet<u32> = (0..20_000).map(|i| chunk_of(&CaseId(format!("c{i}")))).collect();
        assert_eq!(used.len(), CHUNK_COUNT as usize);
    }

    #[test]
    fn a_desk_round_trips_in_its_order() {
        let mut original = desk(600);
        original.cases.swap(0, 599);
        original.cases[3].add_note(NoteKind::Contact, "결제 付款 \"quoted\"", "Mina", at(4));
        original.settings.display_name = "Mina".into();
        original.not_duplicates.insert(&CaseId("c1".into()), &CaseId("c2".into()));
        original.promote_to_incident("Checkout down", "g-1", &[CaseId("c1".into())], "Mina", at(4));
        // One standing merge and one undone.
        let (c4, c5, c6) = (CaseId("c4".into()), CaseId("c5".into()), CaseId("c6".into()));
        original.merge_into(&c4, std::slice::from_ref(&c5), "Mina", at(4)).unwrap();
        original.unmerge(&c4, "Mina", at(4));
        original.merge_into(&c6, std::slice::from_ref(&c5), "Mina", at(5)).unwrap();
        assert_eq!((original.merges.len(), original.undone_merges.len()), (1, 1));
        let meta = decode_meta(&encode_meta(9, at(5), &original, usize::MAX)).unwrap();
        let mut chunks = all_chunks(&original);
        chunks.reverse();
        let envelope = decode(meta, &chunks).unwrap();
        assert_eq!(envelope.revision, 9);
        assert_eq!(envelope.saved_at, at(5));
        assert_eq!(envelope.data, original);
    }

    /// Reads `chunks` the way a load does, against the meta record of `saved`.
    fn load_checked(saved: &Desk, chunks: &[String]) -> (Vec<Case>, Option<Damage>) {
        let meta = decode_meta(&encode_meta(3, at(5), saved, usize::MAX)).unwrap();
        let mut reader = CaseReader::new(meta.case_count);
        for chunk in chunks {
            reader.salvage(Some(chunk.as_bytes()));
        }
        reader.finish_checked(&DeskRecord::Read(Box::new(meta)))
    }

    #[test]
    fn a_whole_desk_loads_with_no_damage() {
        let saved = desk(45);
        let (cases, damage) = load_checked(&saved, &all_chunks(&saved));
        assert_eq!((cases.len(), damage), (45, None));
    }

    #[test]
    fn missing_records_are_counted_not_silent() {
        let saved = desk(45);
        let (cases, damage) = load_checked(&saved, &[]);
        let damage = damage.unwrap();
        assert!(cases.is_empty());
        assert_eq!((damage.expected, damage.found), (Some(45), 0));
        assert_eq!(damage.describe(), "45 cases were saved but only 0 could be read: 45 are missing.");
        let mut chunks = all_chunks(&saved);
        chunks.retain(|chunk| chunk != "[]");
        let lost = serde_json::from_str::<Vec<serde_json::Value>>(&chunks.pop().unwrap()).unwrap().len();
        let (cases, damage) = load_checked(&saved, &chunks);
        assert_eq!(cases.len(), 45 - lost);
        assert_eq!(damage.unwrap().found, 45 - lost);
    }

    #[test]
    fn a_case_added_while_a_write_is_prepared_is_counted_by_the_next_write() {
        let mut desk = desk(10);
        let chunks = all_chunks(&desk);
        desk.cases.push(case("added meanwhile"));
        let meta = decode_meta(&encode_meta(3, at(5), &desk, 10)).unwrap();
        let mut reader = CaseReader::new(meta.case_count);
        for chunk in &chunks {
            reader.salvage(Some(chunk.as_bytes()));
        }
        assert_eq!(reader.finish_checked(&DeskRecord::Read(Box::new(meta))).1, None);
    }

    #[test]
    fn a_case_in_two_records_loads_once_and_is_flagged() {
        let saved = desk(10);
        let mut chunks = all_chunks(&saved);
        let mut newer = saved.cases[0].clone();
        newer.add_note(NoteKind::Internal, "the later copy", "Me", at(9));
        chunks.push(encode_chunk(std::slice::from_ref(&newer), &[0]));
        let (cases, damage) = load_checked(&saved, &chunks);
        assert_eq!(cases.len(), 10);
        assert_eq!(
            cases.iter().find(|case| case.id == newer.id),
            Some(&newer),
            "the copy changed last is kept"
        );
        assert_eq!(damage.unwrap().duplicates, 1);
    }

    #[test]
    fn a_swapped_case_is_caught_by_the_id_check() {
        let saved = desk(10);
        let mut other = saved.clone();
        other.cases[3] = case("stranger");
        let (_, damage) = load_checked(&saved, &all_chunks(&other));
        let damage = damage.unwrap();
        assert!(damage.ids_differ);
        assert_eq!(damage.describe(), "The cases found are not the ones that were saved.");
    }

    #[test]
    fn an_unreadable_record_keeps_the_readable_ones() {
        let saved = desk(200);
        let mut chunks = all_chunks(&saved);
        chunks.retain(|chunk| chunk != "[]");
        let broken = chunks.len() / 2;
        let in_broken = serde_json::from_str::<Vec<serde_json::Value>>(&chunks[broken]).unwrap().len();
        chunks[broken] = "[{\"at\":0,\"case\":{\"id\":".into();
        let meta = decode_meta(&encode_meta(3, at(5), &saved, usize::MAX)).unwrap();
        let mut reader = CaseReader::new(meta.case_count);
        for chunk in &chunks {
            reader.salvage(Some(chunk.as_bytes()));
        }
        reader.salvage(None);
        let (cases, damage) = reader.finish_checked(&DeskRecord::Missing);
        let damage = damage.unwrap();
        assert_eq!(cases.len(), 200 - in_broken);
        assert_eq!(damage.unreadable_records.len(), 2);
        assert!(damage.no_desk_record);
        assert!(damage.describe().starts_with("2 case records could not be read (case record "));
    }

    #[test]
    fn one_edit_rewrites_one_chunk_holding_only_its_neighbours() {
        let desk = desk(50_000);
        let mut dirty = Dirty::default();
        dirty.case(&desk.cases[42].id);
        let written = encode_chunks(&desk.cases, &dirty.chunks());
        assert_eq!(written.len(), 1);
        assert_eq!(written[0].0, chunk_of(&desk.cases[42].id));
        let mut reader = CaseReader::new(0);
        reader.read(written[0].1.as_bytes()).unwrap();
        let cases = reader.finish();
        assert!(cases.iter().any(|c| c.id == desk.cases[42].id));
        assert!(cases.len() < 400, "about 50,000 / 256 cases per chunk, got {}", cases.len());
    }

    #[test]
    fn a_group_action_marks_only_the_cases_it_touched() {
        let mut desk = desk(2_000);
        let chunk = |desk: &Desk, at: usize| chunk_of(&desk.cases[at].id);
        let versions = |desk: &Desk| desk.cases.iter().map(Case::version).collect::<Vec<_>>();

        let before = versions(&desk);
        let (a, b) = (desk.cases[3].id.clone(), desk.cases[1_500].id.clone());
        desk.link_cases(&a, &b, "Mina", at(5));
        let mut dirty = Dirty::default();
        dirty.touched(&before, &desk.cases);
        assert_eq!(dirty.chunks(), [chunk(&desk, 3), chunk(&desk, 1_500)].into());
        assert!(dirty.settings && !dirty.rewrites_everything());

        // A new case with links: the new one and its partner.
        let before = versions(&desk);
        desk.cases.push(case("new"));
        let new = CaseId("new".into());
        desk.link_cases(&new, &a, "Mina", at(6));
        let mut dirty = Dirty::default();
        dirty.touched(&before, &desk.cases);
        assert_eq!(dirty.chunks(), [chunk(&desk, 3), chunk(&desk, 2_000)].into());

        // Unmerging logs on both cases, so both are written.
        let (primary, duplicate) = (desk.cases[7].id.clone(), desk.cases[8].id.clone());
        desk.merge_into(&primary, std::slice::from_ref(&duplicate), "Mina", at(7)).unwrap();
        desk.case_mut(&duplicate).unwrap().add_note(NoteKind::Internal, "still seen", "Mina", at(8));
        let before = versions(&desk);
        assert_eq!(desk.unmerge(&primary, "Mina", at(9)), 1);
        assert_eq!(desk.scan_case(&duplicate).unwrap().updated_at, at(9));
        let mut dirty = Dirty::default();
        dirty.touched(&before, &desk.cases);
        assert_eq!(dirty.chunks(), [chunk(&desk, 7), chunk(&desk, 8)].into());

        let mut fewer = Dirty::default();
        fewer.touched(&versions(&desk), &desk.cases[..10]);
        assert!(fewer.rewrites_everything());
    }

    #[test]
    fn a_failed_write_is_retried_with_everything_it_held() {
        let mut dirty = Dirty::default();
        assert!(dirty.is_clean());
        dirty.case(&CaseId("a".into()));
        let failed = std::mem::take(&mut dirty);
        dirty.case(&CaseId("b".into()));
        dirty.absorb(failed);
        let expected: BTreeSet<u32> = [chunk_of(&CaseId("a".into())), chunk_of(&CaseId("b".into()))].into();
        assert_eq!(dirty.chunks(), expected);

        let mut settings_only = Dirty::default();
        settings_only.settings();
        assert!(!settings_only.is_clean());
        assert!(settings_only.chunks().is_empty());
        settings_only.absorb(Dirty { everything: true, ..Dirty::default() });
        assert_eq!(settings_only.chunks().len(), CHUNK_COUNT as usize);
    }

    #[test]
    fn another_tab_is_caught_up_by_chunks_only_for_the_next_revision() {
        let mut wrote = Dirty::default();
        wrote.case(&CaseId("a".into()));
        let notice = Notice::of(8, &wrote);
        assert_eq!(catch_up(7, &notice), CatchUp::Chunks(vec![chunk_of(&CaseId("a".into()))]));
        assert_eq!(catch_up(8, &notice), CatchUp::UpToDate);
        assert_eq!(catch_up(9, &notice), CatchUp::UpToDate);
        assert_eq!(catch_up(5, &notice), CatchUp::Everything);
        wrote.everything();
        assert_eq!(catch_up(7, &Notice::of(8, &wrote)), CatchUp::Everything);
        let text = serde_json::to_string(&notice).unwrap();
        assert_eq!(serde_json::from_str::<Notice>(&text).unwrap(), notice);
    }

    #[test]
    fn newer_or_broken_records_are_refused() {
        assert!(matches!(decode_meta("{"), Err(LoadError::Unreadable(_))));
        let current = encode_meta(1, at(0), &Desk::default(), 0);
        let future = current.replace(&format!("\"layout_version\":{LAYOUT_VERSION}"), "\"layout_version\":7");
        assert_eq!(decode_meta(&future), Err(LoadError::TooNew(7)));
        let meta = decode_meta(&current).unwrap();
        assert!(matches!(decode(meta, &["[{\"at\":0}"]), Err(LoadError::Unreadable(_))));
    }

    #[test]
    fn a_record_that_is_not_utf8_is_refused_not_skipped() {
        let meta = decode_meta(&encode_meta(1, at(0), &Desk::default(), 0)).unwrap();
        let broken: &[u8] = b"[{\"at\":0,\"case\":{\"id\":\"\xff\"}}]";
        assert!(matches!(decode(meta, &[broken]), Err(LoadError::Unreadable(_))));
    }

    #[test]
    fn records_of_the_first_layout_are_read_and_marked_for_a_rewrite() {
        let mut desk = Desk::default();
        desk.cases.push(case("a"));
        let first_layout = encode_meta(3, at(0), &desk, usize::MAX)
            .replace(&format!("\"layout_version\":{LAYOUT_VERSION}"), "\"layout_version\":1")
            .replace(&format!("\"chunk_count\":{CHUNK_COUNT}"), "\"chunk_count\":256");
        let meta = decode_meta(&first_layout).unwrap();
        assert!(is_outdated(&meta));
        let chunk = encode_chunk(&desk.cases, &[0]);
        assert_eq!(decode(meta, &[chunk]).unwrap().data.cases, desk.cases);
        assert!(!is_outdated(&decode_meta(&encode_meta(3, at(0), &desk, usize::MAX)).unwrap()));
    }

    fn envelope(revision: u64, desk: Desk) -> Envelope {
        Envelope { schema_version: SCHEMA_VERSION, revision, saved_at: at(0), data: desk }
    }

    #[test]
    fn the_earlier_key_migrates_and_is_removed_after_the_write() {
        let start = plan_start(None, Some(envelope(12, desk(3))));
        assert!(start.write_all && start.remove_legacy);
        assert_eq!(start.envelope.revision, 12);
        assert_eq!(start.envelope.data.cases.len(), 3);

        let fresh = plan_start(None, None);
        assert!(!fresh.write_all && !fresh.remove_legacy);
        assert!(fresh.envelope.data.cases.is_empty());

        let stored = plan_start(Some(envelope(4, desk(2))), None);
        assert!(!stored.write_all && !stored.remove_legacy);
    }

    #[test]
    fn the_v1_fixture_migrates_into_the_new_layout() {
        let legacy =
            crate::domain::persist::read_envelope(include_str!("../../tests/fixtures/storage-v1.json"));
        let start = plan_start(None, Some(legacy.unwrap()));
        let meta =
            decode_meta(&encode_meta(start.envelope.revision + 1, at(0), &start.envelope.data, usize::MAX));
        let back = decode(meta.unwrap(), &all_chunks(&start.envelope.data)).unwrap();
        assert_eq!(back.data, start.envelope.data);
        assert_eq!(back.revision, 13);
    }

    #[test]
    fn an_old_key_written_after_migration_is_merged_not_lost() {
        let mut database = desk(2);
        database.cases[0].add_note(NoteKind::Internal, "new layout", "A", at(3));
        let mut legacy = desk(3);
        legacy.cases[1].add_note(NoteKind::Internal, "old tab", "B", at(4));
        let start = plan_start(Some(envelope(5, database)), Some(envelope(40, legacy)));
        assert!(start.write_all && start.remove_legacy);
        assert_eq!(start.envelope.revision, 5, "the database's revision is the one tabs compare");
        assert_eq!(start.envelope.data.cases.len(), 3);
        assert_eq!(start.envelope.data.cases[0].timeline.len(), 2);
        assert_eq!(start.envelope.data.cases[1].timeline.len(), 2);

        let same = plan_start(Some(envelope(5, desk(2))), Some(envelope(1, desk(2))));
        assert!(!same.write_all && same.remove_legacy);
    }

    #[test]
    fn capacity_uses_the_desks_own_average_once_it_has_one() {
        let small = capacity(50_000, 1_000_000_000, 10);
        assert_eq!(small.more_cases, (1_000_000_000 - 50_000) / TYPICAL_CASE_BYTES);
        let big = capacity(60_000_000, 600_000_000, 50_000);
        assert_eq!(big.more_cases, 540_000_000 / 1_200);
        let compressed = capacity(5_000_000, 10_000_000_000, 50_000);
        assert_eq!(
            compressed.more_cases,
            9_995_000_000 / TYPICAL_CASE_BYTES,
            "never fewer bytes than a typical case"
        );
        assert_eq!(capacity(900, 800, 1_000).more_cases, 0, "over quota means no room, not a wrap");
        assert_eq!(
            big.describe().to_string(),
            "Using 60 MB of the 600 MB this browser allows this page; room for about 450,000 more cases."
        );
        assert_eq!(capacity(2_500, 1_234_567_890_000, 0).describe().to_string(),
            "Using 2.5 KB of the 1.2 TB this browser allows this page; room for about 1,200,000,000 more cases.");
    }
}
