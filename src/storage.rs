//! The only module that touches the browser's storage.
//!
//! The desk lives in IndexedDB (database `triage-desk`): a `meta` record with the settings
//! and the revision, and the cases spread over `chunks` records of UTF-8 JSON bytes (see
//! `domain::layout` for why; records of earlier layouts are strings and are read as well). Every save is one read-write transaction that first checks the revision, so a write
//! never replaces another tab's newer one and a failed write changes nothing. After a write
//! commits, the other tabs hear which chunks changed over a BroadcastChannel.
//!
//! Local storage holds what the earlier layout left (the single `triage-desk` key, read once,
//! moved into the database and removed after that write commits, and its backups), the
//! markers of saves under way, and the rescue of changes a closing page had not yet stored.

use crate::domain::desk::Desk;
use crate::domain::layout::{self, Capacity, CaseReader, Damage, DeskRecord, Meta, Notice, Start};
use crate::domain::persist::{read_envelope, Envelope, LoadError};
use js_sys::{Array, Function, Promise, Uint8Array};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbKeyRange, IdbObjectStore, IdbRequest, IdbTransaction, IdbTransactionMode};

pub const LEGACY_KEY: &str = "triage-desk";
const BACKUP_PREFIX: &str = "triage-desk:backup:";
const DATABASE: &str = "triage-desk";
/// Raised with each record layout older builds cannot read (2: records of bytes), so that the
/// browser refuses an older build the database instead of letting it misread the records.
const DATABASE_VERSION: u32 = 2;
const META: &str = "meta";
const META_KEY: &str = "desk";
const CHUNKS: &str = "chunks";
const BACKUPS: &str = "backups";
const CHANNEL: &str = "triage-desk";

/// Stored data this page could not use (or not all of), kept aside for the user.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    /// What was found, as a sentence.
    pub reason: String,
    /// Where the raw text was copied; None when even the copy failed, in which case the
    /// original stays where it was and this tab must not write there.
    pub backup_key: Option<String>,
    /// The unreadable data was in the database (else under the earlier local-storage key).
    in_database: bool,
}

impl Unreadable {
    /// Records that do not add up stay where they are until the user decides, and so do
    /// any that could not be copied aside: nothing may be saved over them before.
    pub fn holds_saving(&self) -> bool {
        self.in_database || self.backup_key.is_none()
    }
}

pub struct Loaded {
    pub start: Start,
    pub unreadable: Option<Unreadable>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum SaveError {
    /// Another tab wrote a newer revision; read and merge it, then save again.
    Newer,
    /// The records vanished (site data cleared while the page was open): write everything.
    Gone,
    /// The browser refused the write: quota, privacy mode or storage turned off.
    Refused(String),
}

/// One save, prepared from the desk before anything waits, so typing can go on meanwhile.
pub struct Write {
    /// The revision this tab last read or wrote; the write fails if the store has moved on.
    pub expected: u64,
    pub revision: u64,
    pub meta: String,
    pub chunks: Vec<(u32, String)>,
    /// Drop every chunk first: a rewrite of everything leaves nothing stale behind.
    pub clear_first: bool,
}

thread_local! {
    static DB: std::cell::RefCell<Option<IdbDatabase>> = const { std::cell::RefCell::new(None) };
    static CHANNEL_HANDLE: std::cell::RefCell<Option<web_sys::BroadcastChannel>> = const { std::cell::RefCell::new(None) };
}

pub fn available() -> bool {
    web_sys::window().and_then(|window| window.indexed_db().ok().flatten()).is_some()
}

pub fn unavailable_reason() -> String {
    "this browser does not allow storage for this page".into()
}

fn local() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|window| window.local_storage().ok().flatten())
}

/// Resolves when the request or transaction fires `ok`, fails on `fail`. Listens from the
/// moment it is called; the handlers are plain promise functions, so nothing leaks.
fn settle(target: &web_sys::EventTarget, ok: &str, fail: &str) -> JsFuture {
    JsFuture::from(Promise::new(&mut |resolve: Function, reject: Function| {
        let _ = target.add_event_listener_with_callback(ok, &resolve);
        let _ = target.add_event_listener_with_callback(fail, &reject);
    }))
}

async fn request(request: IdbRequest) -> Result<JsValue, String> {
    settle(&request, "success", "error").await.map_err(|_| describe(request.error().ok().flatten()))?;
    request.result().map_err(|_| describe(None))
}

async fn database() -> Result<IdbDatabase, String> {
    if let Some(db) = DB.with(|db| db.borrow().clone()) {
        return Ok(db);
    }
    let factory = web_sys::window()
        .and_then(|window| window.indexed_db().ok().flatten())
        .ok_or_else(unavailable_reason)?;
    let open = factory.open_with_u32(DATABASE, DATABASE_VERSION).map_err(|_| unavailable_reason())?;
    let upgrade = Closure::once_into_js(move |event: web_sys::Event| {
        let Some(db) = event
            .target()
            .and_then(|target| target.dyn_into::<IdbRequest>().ok())
            .and_then(|request| request.result().ok())
            .and_then(|result| result.dyn_into::<IdbDatabase>().ok())
        else {
            return;
        };
        for store in [META, CHUNKS, BACKUPS] {
            if !db.object_store_names().contains(store) {
                let _ = db.create_object_store(store);
            }
        }
    });
    open.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    let db: IdbDatabase = request(open.into()).await?.unchecked_into();
    // A later version of the app opening the database asks older tabs to step aside.
    let close = Closure::<dyn Fn()>::new({
        let db = db.clone();
        move || {
            db.close();
            DB.with(|cached| cached.borrow_mut().take());
        }
    });
    db.set_onversionchange(Some(close.as_ref().unchecked_ref()));
    close.forget();
    DB.with(|cached| *cached.borrow_mut() = Some(db.clone()));
    Ok(db)
}

fn transaction(
    db: &IdbDatabase,
    stores: &[&str],
    mode: IdbTransactionMode,
) -> Result<IdbTransaction, String> {
    let names: Array = stores.iter().map(|name| JsValue::from_str(name)).collect();
    db.transaction_with_str_sequence_and_mode(&names, mode).map_err(|error| describe(error.dyn_into().ok()))
}

fn store(tx: &IdbTransaction, name: &str) -> Result<IdbObjectStore, String> {
    tx.object_store(name).map_err(|error| describe(error.dyn_into().ok()))
}

fn op(result: Result<IdbRequest, JsValue>) -> Result<IdbRequest, String> {
    result.map_err(|error| describe(error.dyn_into().ok()))
}

async fn committed(tx: &IdbTransaction) -> Result<(), String> {
    settle(tx, "complete", "abort").await.map(|_| ()).map_err(|_| describe(tx.error()))
}

/// Chunk records are asked for in this many key ranges at once, so that the page decodes the
/// first ones while the database still reads the rest.
const READ_RANGES: u32 = 8;

/// Requests for every chunk record, in key ranges that together cover every key (as
/// `getAll()` would), in key order.
fn request_chunks(chunks: &IdbObjectStore) -> Result<Vec<IdbRequest>, String> {
    let step = layout::CHUNK_COUNT / READ_RANGES;
    (0..READ_RANGES)
        .map(|part| {
            let low = JsValue::from(part * step);
            let high = JsValue::from((part + 1) * step);
            let range = match part {
                0 => IdbKeyRange::upper_bound_with_open(&high, true),
                _ if part == READ_RANGES - 1 => IdbKeyRange::lower_bound(&low),
                _ => IdbKeyRange::bound_with_lower_open_and_upper_open(&low, &high, false, true),
            };
            op(range.and_then(|range| chunks.get_all_with_key(&range)))
        })
        .collect()
}

/// A chunk record's JSON: bytes since layout 3, a string before.
fn record_bytes(record: JsValue) -> Option<Vec<u8>> {
    match record.dyn_into::<Uint8Array>() {
        Ok(bytes) => Some(bytes.to_vec()),
        Err(record) => record.as_string().map(String::into_bytes),
    }
}

/// A stored record as text for a backup: text as it is, bytes as UTF-8, anything else as JSON
/// (or, for what JSON cannot hold, the debug form the bindings give).
fn record_text(record: JsValue) -> String {
    match record_bytes(record.clone()) {
        Some(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        None => js_sys::JSON::stringify(&record)
            .ok()
            .and_then(|text| text.as_string())
            .unwrap_or_else(|| format!("{record:?}")),
    }
}

/// What the database holds.
enum Stored {
    Nothing,
    /// The desk as far as it could be read, whether its records are in an earlier layout,
    /// and what did not add up.
    Desk(Box<Envelope>, bool, Option<Damage>),
    /// Written by a newer version of the app: nothing of it is guessed at.
    TooNew(LoadError),
}

/// Reads and decodes the stored desk, each range of records while the next is being read.
/// Every record that can be read is; what cannot, or does not add up against the desk
/// record's count and id check, is reported rather than dropped in silence.
async fn read_stored(db: &IdbDatabase) -> Result<Stored, String> {
    let tx = transaction(db, &[META, CHUNKS], IdbTransactionMode::Readonly)?;
    let meta = op(store(&tx, META)?.get(&JsValue::from_str(META_KEY)))?;
    let ranges = request_chunks(&store(&tx, CHUNKS)?)?;
    let meta = request(meta).await?;
    // What a save compares against (see `queue_write`), even when the rest cannot be read.
    let mut revision = 0;
    let record = if meta.is_undefined() {
        DeskRecord::Missing
    } else {
        let text =
            record_bytes(meta).ok_or_else(|| LoadError::Unreadable("the desk record is not text".into()));
        match text.and_then(|bytes| {
            String::from_utf8(bytes).map_err(|e| LoadError::Unreadable(format!("the desk record: {e}")))
        }) {
            Ok(text) => match layout::decode_meta(&text).inspect_err(|_| {
                revision = stored_revision(&text).unwrap_or(0);
            }) {
                Ok(meta) => DeskRecord::Read(Box::new(meta)),
                Err(error @ LoadError::TooNew(_)) => return Ok(Stored::TooNew(error)),
                Err(LoadError::Unreadable(reason)) => DeskRecord::Unreadable(reason),
            },
            Err(error) => DeskRecord::Unreadable(error.to_string()),
        }
    };
    let expected = match &record {
        DeskRecord::Read(meta) => meta.case_count,
        _ => 0,
    };
    let mut reader = CaseReader::new(expected);
    for range in ranges {
        for record in Array::from(&request(range).await?).iter() {
            reader.salvage(record_bytes(record).as_deref());
        }
    }
    let (cases, damage) = reader.finish_checked(&record);
    match record {
        DeskRecord::Missing if cases.is_empty() && damage.is_none() => Ok(Stored::Nothing),
        DeskRecord::Read(meta) => {
            let outdated = layout::is_outdated(&meta);
            Ok(Stored::Desk(Box::new(layout::envelope(*meta, cases)), outdated, damage))
        }
        // Without the desk record the cases are still the user's: shown, with the damage.
        _ => Ok(Stored::Desk(Box::new(layout::envelope_of_cases(revision, cases)), true, damage)),
    }
}

/// Every record as stored, as one JSON document of texts, for a backup or a download.
async fn read_dump(tx: &IdbTransaction) -> Result<String, String> {
    let meta = op(store(tx, META)?.get(&JsValue::from_str(META_KEY)))?;
    let chunks = op(store(tx, CHUNKS)?.get_all())?;
    let meta = request(meta).await?;
    let meta = if meta.is_undefined() { String::new() } else { record_text(meta) };
    let chunks: Vec<String> = Array::from(&request(chunks).await?).iter().map(record_text).collect();
    Ok(serde_json::json!({ "meta": meta, "chunks": chunks }).to_string())
}

/// Reads the desk, moving the earlier local-storage layout into the database. Unreadable
/// data is copied aside before anything may write over it.
pub async fn load() -> Result<Loaded, String> {
    let (legacy, legacy_problem) =
        match local().and_then(|storage| storage.get_item(LEGACY_KEY).ok().flatten()) {
            None => (None, None),
            Some(raw) => match read_envelope(&raw) {
                Ok(envelope) => (Some(envelope), None),
                Err(error) => (None, Some(set_aside_legacy(&raw, &error))),
            },
        };
    let db = database().await?;
    let (stored, outdated, problem) = match read_stored(&db).await? {
        Stored::Nothing => (None, false, None),
        Stored::Desk(envelope, outdated, None) => (Some(*envelope), outdated, None),
        Stored::Desk(envelope, outdated, Some(damage)) => {
            (Some(*envelope), outdated, Some(set_aside_database(&db, damage.describe()).await))
        }
        Stored::TooNew(error) => {
            (None, false, Some(set_aside_database(&db, format!("The page found data but {error}.")).await))
        }
    };
    let mut start = layout::plan_start(stored, legacy);
    // Records of an earlier layout are replaced by the whole desk in this one.
    start.write_all |= outdated;
    Ok(Loaded { start, unreadable: problem.or(legacy_problem) })
}

/// Copies unreadable text from the earlier key to a backup key, then frees the key.
fn set_aside_legacy(raw: &str, error: &LoadError) -> Unreadable {
    let key = backup_key();
    let copied = local().is_some_and(|storage| {
        let copied = storage.set_item(&key, raw).is_ok()
            && storage.get_item(&key).ok().flatten().as_deref() == Some(raw);
        if copied {
            let _ = storage.remove_item(LEGACY_KEY);
        }
        copied
    });
    let reason = format!("The page found data but {error}.");
    Unreadable { reason, backup_key: copied.then_some(key), in_database: false }
}

/// Copies every record into the backups store, in one transaction that also reads them (so a
/// write from another tab meanwhile cannot slip past the copy). The records themselves stay
/// as they are: the page holds its saves until the user has decided.
/// A backup of the same records that is already there (every load of damaged records finds
/// them again, in every tab) is reused rather than copied once more: the key ends with a hash
/// of what it holds.
async fn set_aside_database(db: &IdbDatabase, reason: String) -> Unreadable {
    let copied = async {
        let tx = transaction(db, &[META, CHUNKS, BACKUPS], IdbTransactionMode::Readwrite)?;
        let backups = store(&tx, BACKUPS)?;
        // Waited for before the next request: a request listened to only after it has
        // succeeded would never be heard.
        let keys = request(op(backups.get_all_keys())?).await?;
        let dump = read_dump(&tx).await?;
        let hash = format!("{:016x}", crate::domain::fast_hash::hash_of(&dump));
        let existing = Array::from(&keys)
            .iter()
            .filter_map(|key| key.as_string())
            .find(|key| key.starts_with(BACKUP_PREFIX) && key.ends_with(&hash));
        let key = match existing {
            Some(key) => key,
            None => {
                let key = format!("{}:{hash}", backup_key());
                op(backups.put_with_key(&JsValue::from_str(&dump), &JsValue::from_str(&key)))?;
                key
            }
        };
        committed(&tx).await.map(|()| key)
    }
    .await
    .ok();
    Unreadable { reason, backup_key: copied, in_database: true }
}

fn backup_key() -> String {
    format!("{BACKUP_PREFIX}{}", js_sys::Date::new_0().to_iso_string())
}

/// The raw text the user may download: from the backup, or from where it still lies.
pub async fn read_unreadable(unreadable: &Unreadable) -> Option<String> {
    if !unreadable.in_database {
        let key = unreadable.backup_key.as_deref().unwrap_or(LEGACY_KEY);
        return local()?.get_item(key).ok().flatten();
    }
    let db = database().await.ok()?;
    match &unreadable.backup_key {
        Some(key) => {
            let tx = transaction(&db, &[BACKUPS], IdbTransactionMode::Readonly).ok()?;
            let got = op(store(&tx, BACKUPS).ok()?.get(&JsValue::from_str(key))).ok()?;
            request(got).await.ok()?.as_string()
        }
        None => {
            let tx = transaction(&db, &[META, CHUNKS], IdbTransactionMode::Readonly).ok()?;
            read_dump(&tx).await.ok()
        }
    }
}

/// The user has decided: the unreadable copy goes.
pub async fn discard_unreadable(unreadable: &Unreadable) {
    if !unreadable.in_database {
        if let Some(storage) = local() {
            let _ = storage.remove_item(unreadable.backup_key.as_deref().unwrap_or(LEGACY_KEY));
        }
        return;
    }
    // The damaged records themselves are replaced by the desk's next save, which rewrites all.
    let (Ok(db), Some(key)) = (database().await, &unreadable.backup_key) else { return };
    let cleared = async {
        let tx = transaction(&db, &[BACKUPS], IdbTransactionMode::Readwrite)?;
        op(store(&tx, BACKUPS)?.delete(&JsValue::from_str(key)))?;
        committed(&tx).await
    };
    let _ = cleared.await;
}

/// Writes a save in one transaction, unless another tab got there first.
///
/// The revision is read first and every write queued behind it at once (a big save in
/// batches, see [`queue_write`]); if that read shows a newer revision the transaction is
/// aborted and none of the writes lands. Nothing waits before the first writes are queued, so
/// a tab closed right after a change still has its write queued.
pub async fn write(write: &Write) -> Result<(), SaveError> {
    let result = write_once(write).await;
    end_save();
    result
}

async fn write_once(write: &Write) -> Result<(), SaveError> {
    let refused = SaveError::Refused;
    let db = database().await.map_err(refused)?;
    let tx = transaction(&db, &[META, CHUNKS], IdbTransactionMode::Readwrite).map_err(refused)?;
    let done = settle(&tx, "complete", "abort");
    if let Err(error) = queue_write(&tx, write).await {
        // Nothing of this save may land: the transaction goes as a whole.
        let _ = tx.abort();
        return Err(error);
    }
    done.await.map(|_| ()).map_err(|_| refused(describe(tx.error())))
}

/// Text handed to the database in one go before the write waits for it to be taken: putting
/// 60 MB of records (85,000 cases) at once held the page for about 170 ms.
const PUT_BATCH_BYTES: usize = 4 << 20;

/// Reads the stored revision and queues the records behind it, a batch at a time, then
/// checks the revision. Each wait is for a request of this transaction, which keeps it open,
/// and the code after a request's success runs while the transaction still takes requests.
async fn queue_write(tx: &IdbTransaction, write: &Write) -> Result<(), SaveError> {
    // A failed write that was not waited on aborts the transaction; its error says why, where
    // the next request would only say the transaction is over.
    let refused =
        |reason: String| SaveError::Refused(tx.error().map_or(reason, |error| describe(Some(error))));
    let meta = store(tx, META).map_err(refused)?;
    let stored = op(meta.get(&JsValue::from_str(META_KEY))).map_err(refused)?;
    // Listened to now: its success may come while the batches below are being waited on.
    let read = settle(&stored, "success", "error");
    let chunks = store(tx, CHUNKS).map_err(refused)?;
    if write.clear_first {
        op(chunks.clear()).map_err(refused)?;
    }
    let mut batch = 0;
    for (chunk, text) in &write.chunks {
        let put = op(chunks.put_with_key(&Uint8Array::from(text.as_bytes()), &JsValue::from(*chunk)))
            .map_err(refused)?;
        batch += text.len();
        if batch >= PUT_BATCH_BYTES {
            request(put).await.map_err(refused)?;
            batch = 0;
        }
    }
    op(meta.put_with_key(&JsValue::from_str(&write.meta), &JsValue::from_str(META_KEY))).map_err(refused)?;
    read.await.map_err(|_| refused(describe(stored.error().ok().flatten())))?;
    let raw = stored.result().map_err(|_| refused(describe(None)))?;
    match raw.as_string().and_then(|raw| stored_revision(&raw)) {
        Some(revision) if revision > write.expected => Err(SaveError::Newer),
        None if write.expected > 0 && !write.clear_first => Err(SaveError::Gone),
        _ => Ok(()),
    }
}

fn stored_revision(raw: &str) -> Option<u64> {
    #[derive(serde::Deserialize)]
    struct RevisionOnly {
        revision: u64,
    }
    serde_json::from_str::<RevisionOnly>(raw).ok().map(|meta| meta.revision)
}

/// Local-storage keys of saves under way, one per tab: set before a write starts, kept fresh
/// while it runs, removed once it has committed or failed. One left behind means the page
/// closed with its save unfinished (the write's transaction then lands whole or not at all).
const SAVING_PREFIX: &str = "triage-desk:saving:";
/// A running save refreshes its key this often; one not refreshed for three times as long
/// belongs to a page that is gone.
const HEARTBEAT_MS: f64 = 500.0;

/// A save that had not finished when its page closed. Kept as three numbers separated by
/// spaces (cases, started, alive): no reader and writer of JSON for it in the download.
#[derive(Clone, Debug, PartialEq)]
pub struct Interrupted {
    /// Cases in the records it was writing.
    pub cases: usize,
    /// When it started and when its page last showed signs of life, in epoch milliseconds.
    pub started_ms: f64,
    pub alive_ms: f64,
}

impl Interrupted {
    fn text(&self) -> String {
        format!("{} {} {}", self.cases, self.started_ms, self.alive_ms)
    }

    fn read(text: &str) -> Option<Interrupted> {
        let mut parts = text.split(' ');
        let mut next = || parts.next();
        Some(Interrupted {
            cases: next()?.parse().ok()?,
            started_ms: next()?.parse().ok()?,
            alive_ms: next()?.parse().ok()?,
        })
    }
}

/// The interval that refreshes this tab's key, and its callback.
type Heartbeat = (i32, Closure<dyn Fn()>);

thread_local! {
    /// This tab's name in the keys below.
    static TAB: String = format!("{:08x}", (js_sys::Math::random() * f64::from(u32::MAX)) as u32);
    static TAB_KEY: String = TAB.with(|tab| format!("{SAVING_PREFIX}{tab}"));
    /// Other pages' rescues taken in (their tab and meta record as read), removed once this
    /// tab has stored everything or kept a rescue of its own.
    static TAKEN: std::cell::RefCell<Vec<(String, Option<String>)>> = const { std::cell::RefCell::new(Vec::new()) };
    static HEARTBEAT: std::cell::RefCell<Option<Heartbeat>> = const { std::cell::RefCell::new(None) };
}

/// Notes that a save of the records of `cases` cases is starting, from the moment its records
/// are being prepared; [`write`] ends it. See [`SAVING_PREFIX`].
pub fn begin_save(cases: usize) {
    let (Some(storage), Some(window)) = (local(), web_sys::window()) else { return };
    let now = js_sys::Date::now();
    let marker = Interrupted { cases, started_ms: now, alive_ms: now };
    let key = TAB_KEY.with(Clone::clone);
    let write = move |marker: &Interrupted| {
        let _ = storage.set_item(&key, &marker.text());
    };
    write(&marker);
    let beat = Closure::<dyn Fn()>::new(move || {
        write(&Interrupted { alive_ms: js_sys::Date::now(), ..marker.clone() })
    });
    let id = window
        .set_interval_with_callback_and_timeout_and_arguments_0(
            beat.as_ref().unchecked_ref(),
            HEARTBEAT_MS as i32,
        )
        .unwrap_or(0);
    end_heartbeat();
    HEARTBEAT.with(|slot| *slot.borrow_mut() = Some((id, beat)));
}

/// The save started by [`begin_save`] has committed or failed.
fn end_save() {
    end_heartbeat();
    if let Some(storage) = local() {
        let _ = TAB_KEY.with(|key| storage.remove_item(key));
    }
}

fn end_heartbeat() {
    if let Some((id, _)) = HEARTBEAT.with(|slot| slot.borrow_mut().take()) {
        if let Some(window) = web_sys::window() {
            window.clear_interval_with_handle(id);
        }
    }
}

/// Looks for saves that a page closed in the middle of: a key not refreshed for a while (a
/// write removes its key once it commits or fails, so one left behind never finished; the
/// revision it meant may since have been written by another tab). Also says whether another
/// live tab is saving right now: its key is left alone, and the caller asks again once that
/// save has had time to finish.
pub fn unfinished_saves() -> (Option<Interrupted>, bool) {
    let Some(storage) = local() else { return (None, false) };
    let (mut found, mut live) = (None, false);
    let keys = keys_under(&storage, SAVING_PREFIX);
    for key in keys.into_iter().filter(|key| TAB_KEY.with(|mine| mine != key)) {
        let marker = storage.get_item(&key).ok().flatten().and_then(|raw| Interrupted::read(&raw));
        match marker {
            Some(marker) if js_sys::Date::now() - marker.alive_ms < 3.0 * HEARTBEAT_MS => live = true,
            Some(marker) => {
                let _ = storage.remove_item(&key);
                found = Some(marker);
            }
            _ => {
                let _ = storage.remove_item(&key);
            }
        }
    }
    (found, live)
}

/// Local-storage keys of changes a page could not store before it went away:
/// `<prefix><tab>` holds the meta record and `<prefix><tab>:<chunk>` each case record the
/// unfinished saves held. Written at once as the page hides (an IndexedDB write started then
/// is cut off with the page), taken in by the next page that loads the desk.
const RESCUE_PREFIX: &str = "triage-desk:rescue:";

/// Keeps the records of what this tab has not yet stored; false if local storage refused
/// them. The case records go first and the meta record last, each over its older copy, so a
/// rescue cut short (local storage full) still holds, record by record, the older rescue or
/// newer copies, and its meta record's time says which save it covers.
pub fn keep_rescue(meta: &str, chunks: &[(u32, String)]) -> bool {
    let Some(storage) = local() else { return false };
    let tab = TAB.with(Clone::clone);
    let key = format!("{RESCUE_PREFIX}{tab}");
    let wanted: Vec<String> = chunks.iter().map(|(chunk, _)| format!("{key}:{chunk}")).collect();
    let mut kept = true;
    for (chunk_key, (_, record)) in wanted.iter().zip(chunks) {
        kept = kept && storage.set_item(chunk_key, record).is_ok();
    }
    kept = kept && storage.set_item(&key, meta).is_ok();
    if kept {
        // A record of an older rescue that this one no longer holds has been stored since.
        for found in rescue_keys(&storage, &tab) {
            if found != key && !wanted.contains(&found) {
                let _ = storage.remove_item(&found);
            }
        }
        // What this tab took in from other pages and has not stored is in this rescue too.
        drop_taken(&storage);
    }
    kept
}

/// Removes this tab's rescue and those it took in: everything they held has been stored.
pub fn drop_rescue() {
    if let Some(storage) = local() {
        TAB.with(|tab| drop_rescue_of(&storage, tab));
        drop_taken(&storage);
    }
}

/// Removes the rescues taken in from other pages, each only if it is still the one taken:
/// a live tab that was hidden may have written a newer one since.
fn drop_taken(storage: &web_sys::Storage) {
    for (tab, meta) in TAKEN.with(|taken| std::mem::take(&mut *taken.borrow_mut())) {
        if storage.get_item(&format!("{RESCUE_PREFIX}{tab}")).ok().flatten() == meta {
            drop_rescue_of(storage, &tab);
        }
    }
}

fn drop_rescue_of(storage: &web_sys::Storage, tab: &str) {
    for found in rescue_keys(storage, tab) {
        let _ = storage.remove_item(&found);
    }
}

/// The keys of one tab's rescue: its meta record's and its case records'.
fn rescue_keys(storage: &web_sys::Storage, tab: &str) -> Vec<String> {
    let key = format!("{RESCUE_PREFIX}{tab}");
    let mut keys = keys_under(storage, &key);
    keys.retain(|found| found.len() == key.len() || found.as_bytes()[key.len()] == b':');
    keys
}

fn keys_under(storage: &web_sys::Storage, prefix: &str) -> Vec<String> {
    (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.starts_with(prefix))
        .collect()
}

/// What pages that went away could not store, as desks to merge in (their cases and the
/// records beside them). A rescue read stays until this tab has stored it ([`drop_rescue`]);
/// taking one in twice changes nothing. Its page's unfinished-save marker goes now if the
/// rescue covers that save (kept after it started), as its changes are here to be saved
/// again; one that cannot be read is removed and the marker left, so the page still says that
/// a save did not finish. One written by a newer version of the app is left for it.
pub fn take_rescues() -> Vec<Desk> {
    let Some(storage) = local() else { return Vec::new() };
    let mine = TAB.with(Clone::clone);
    let mut tabs: Vec<String> = keys_under(&storage, RESCUE_PREFIX)
        .iter()
        .filter_map(|key| key[RESCUE_PREFIX.len()..].split(':').next().map(str::to_string))
        .filter(|tab| *tab != mine)
        .collect();
    tabs.sort_unstable();
    tabs.dedup();
    let mut desks = Vec::new();
    for tab in tabs {
        let meta = storage.get_item(&format!("{RESCUE_PREFIX}{tab}")).ok().flatten();
        let chunks: Vec<String> = rescue_keys(&storage, &tab)
            .iter()
            .filter(|key| key.len() > RESCUE_PREFIX.len() + tab.len())
            .filter_map(|key| storage.get_item(key).ok().flatten())
            .collect();
        match read_rescue(meta.as_deref(), &chunks) {
            Ok((saved_ms, desk)) => {
                desks.push(desk);
                let marker_key = format!("{SAVING_PREFIX}{tab}");
                let marker =
                    storage.get_item(&marker_key).ok().flatten().and_then(|raw| Interrupted::read(&raw));
                if marker.is_some_and(|marker| saved_ms.is_some_and(|saved| saved >= marker.started_ms)) {
                    let _ = storage.remove_item(&marker_key);
                }
                TAKEN.with(|taken| taken.borrow_mut().push((tab, meta)));
            }
            Err(LoadError::TooNew(_)) => {}
            Err(_) => drop_rescue_of(&storage, &tab),
        }
    }
    desks
}

/// A rescue's cases and records, and when it was kept (epoch milliseconds); case records
/// left without their meta record (a rescue cut short) are read under no settings.
fn read_rescue(meta: Option<&str>, chunks: &[String]) -> Result<(Option<f64>, Desk), LoadError> {
    let Some(meta) = meta else {
        let mut reader = CaseReader::new(0);
        for chunk in chunks {
            reader.read(chunk.as_bytes())?;
        }
        return Ok((None, Desk { cases: reader.finish(), ..Desk::default() }));
    };
    let meta = layout::decode_meta(meta)?;
    let saved_ms = meta.saved_at.timestamp_millis() as f64;
    // It counts the whole desk, not the few cases here: no list sized for all of them.
    let envelope = layout::decode(Meta { case_count: 0, ..meta }, chunks)?;
    Ok((Some(saved_ms), envelope.data))
}

/// Removes the earlier layout's key once its data is safely in the database.
pub fn remove_legacy() {
    if let Some(storage) = local() {
        let _ = storage.remove_item(LEGACY_KEY);
    }
}

/// Everything stored now, for merging after another tab's write.
pub async fn read_everything() -> Result<Envelope, String> {
    match read_stored(&database().await?).await? {
        Stored::Nothing => Err("the stored desk is gone".into()),
        Stored::Desk(envelope, _, _) => Ok(*envelope),
        Stored::TooNew(error) => Err(error.to_string()),
    }
}

/// The meta record and the cases of some chunks: enough to take in the next revision.
pub async fn read_chunks(chunks: &[u32]) -> Result<(Meta, Desk), String> {
    let db = database().await?;
    let tx = transaction(&db, &[META, CHUNKS], IdbTransactionMode::Readonly)?;
    let meta = op(store(&tx, META)?.get(&JsValue::from_str(META_KEY)))?;
    let chunk_store = store(&tx, CHUNKS)?;
    let requests = chunks
        .iter()
        .map(|chunk| op(chunk_store.get(&JsValue::from(*chunk))))
        .collect::<Result<Vec<_>, _>>()?;
    let meta = request(meta).await?.as_string().ok_or("the stored desk is gone")?;
    let meta = layout::decode_meta(&meta).map_err(|error| error.to_string())?;
    let mut reader = CaseReader::new(0);
    for chunk in requests {
        let record = request(chunk).await?;
        // A chunk that is not there holds no cases.
        if record.is_undefined() {
            continue;
        }
        let bytes = record_bytes(record).ok_or("a case record is neither text nor bytes")?;
        reader.read(&bytes).map_err(|error| error.to_string())?;
    }
    Ok((meta.clone(), meta.into_desk(reader.finish())))
}

/// Tells the other tabs what a committed write changed.
pub fn announce(notice: &Notice) {
    CHANNEL_HANDLE.with(|channel| {
        if let Some(channel) = channel.borrow().as_ref() {
            let text = serde_json::to_string(notice).expect("a notice always serialises");
            let _ = channel.post_message(&JsValue::from_str(&text));
        }
    });
}

/// Calls `heard` with each notice another tab announces.
pub fn listen(heard: impl Fn(Notice) + 'static) {
    let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) else { return };
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
        if let Some(notice) = event.data().as_string().and_then(|text| serde_json::from_str(&text).ok()) {
            heard(notice);
        }
    });
    channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The channel lives as long as the page.
    on_message.forget();
    CHANNEL_HANDLE.with(|handle| *handle.borrow_mut() = Some(channel));
}

/// How much this page stores and how many more cases fit, from the browser's estimate.
pub async fn capacity(cases: usize) -> Option<Capacity> {
    let manager = web_sys::window()?.navigator().storage();
    let estimate: web_sys::StorageEstimate =
        JsFuture::from(manager.estimate().ok()?).await.ok()?.unchecked_into();
    Some(layout::capacity(estimate.get_usage()? as u64, estimate.get_quota()? as u64, cases))
}

fn describe(error: Option<web_sys::DomException>) -> String {
    match error {
        Some(error) if error.name() == "QuotaExceededError" => {
            "the browser's storage for this page is full".into()
        }
        // Another tab runs a newer Triage Desk, which changed how the data is stored.
        Some(error) if error.name() == "VersionError" => {
            "a newer version of Triage Desk has changed the stored data: reload this page".into()
        }
        Some(error) => format!("the browser refused to store it ({}: {})", error.name(), error.message()),
        None => "the browser refused to store it".into(),
    }
}
