//! The only module that touches the browser's local storage.
//!
//! One key holds the versioned envelope. Unreadable data is copied to a backup key before
//! anything else may write, and a write never replaces a newer revision from another tab
//! without the caller merging it first.

use crate::domain::case::Timestamp;
use crate::domain::desk::Desk;
use crate::domain::persist::{read_envelope, Envelope, LoadError, SCHEMA_VERSION};
use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};
use serde::Deserialize;

pub const DESK_KEY: &str = "triage-desk";
const BACKUP_PREFIX: &str = "triage-desk:backup:";

/// Stored data this page could not use, kept aside for the user.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    pub reason: String,
    /// Where the raw text was copied; None when even the copy failed, in which case the
    /// original stays under the main key and this tab must not write there.
    pub backup_key: Option<String>,
}

pub struct Loaded {
    pub envelope: Option<Envelope>,
    pub unreadable: Option<Unreadable>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum SaveError {
    /// Another tab wrote a newer revision; merge it and save again.
    Newer(Box<Envelope>),
    /// The browser refused the write: quota, privacy mode or storage turned off.
    Refused(String),
}

pub fn available() -> bool {
    web_sys::window().and_then(|window| window.local_storage().ok().flatten()).is_some()
}

pub fn load() -> Loaded {
    if !available() {
        return Loaded { envelope: None, unreadable: None };
    }
    let Ok(raw) = LocalStorage::raw().get_item(DESK_KEY) else {
        return Loaded { envelope: None, unreadable: None };
    };
    let Some(raw) = raw else {
        return Loaded { envelope: None, unreadable: None };
    };
    match read_envelope(&raw) {
        Ok(envelope) => Loaded { envelope: Some(envelope), unreadable: None },
        Err(error) => Loaded { envelope: None, unreadable: Some(set_aside(&raw, &error)) },
    }
}

/// Copies unreadable data to a backup key, then frees the main key for new work.
fn set_aside(raw: &str, error: &LoadError) -> Unreadable {
    let key = format!("{BACKUP_PREFIX}{}", js_sys::Date::new_0().to_iso_string());
    let storage = LocalStorage::raw();
    let copied =
        storage.set_item(&key, raw).is_ok() && storage.get_item(&key).ok().flatten().as_deref() == Some(raw);
    if copied {
        let _ = storage.remove_item(DESK_KEY);
    }
    Unreadable { reason: error.to_string(), backup_key: copied.then_some(key) }
}

/// The raw text the user may download: from the backup, or still under the main key.
pub fn read_unreadable(unreadable: &Unreadable) -> Option<String> {
    let key = unreadable.backup_key.as_deref().unwrap_or(DESK_KEY);
    LocalStorage::raw().get_item(key).ok().flatten()
}

/// The user has decided: the unreadable copy goes.
pub fn discard_unreadable(unreadable: &Unreadable) {
    LocalStorage::delete(unreadable.backup_key.as_deref().unwrap_or(DESK_KEY));
}

/// The revision of what is stored now, without building the whole desk.
fn stored_revision() -> Result<Option<u64>, SaveError> {
    #[derive(Deserialize)]
    struct RevisionOnly {
        revision: u64,
    }
    let raw = LocalStorage::raw().get_item(DESK_KEY).map_err(|_| SaveError::Refused(unavailable()))?;
    Ok(raw.and_then(|raw| serde_json::from_str::<RevisionOnly>(&raw).ok()).map(|stored| stored.revision))
}

/// Writes `desk` as the revision after `known_revision`, unless another tab got there first.
pub fn save(desk: &Desk, known_revision: u64, now: Timestamp) -> Result<u64, SaveError> {
    if !available() {
        return Err(SaveError::Refused(unavailable()));
    }
    if let Some(stored) = stored_revision()? {
        if stored > known_revision {
            return match parse_stored() {
                Some(newer) => Err(SaveError::Newer(Box::new(newer))),
                None => Err(SaveError::Refused("the stored data changed and could not be read".into())),
            };
        }
    }
    let envelope = Envelope {
        schema_version: SCHEMA_VERSION,
        revision: known_revision + 1,
        saved_at: now,
        data: desk.clone(),
    };
    LocalStorage::set(DESK_KEY, &envelope).map_err(|error| SaveError::Refused(describe(&error)))?;
    Ok(envelope.revision)
}

/// Another tab's write, as delivered by the `storage` event.
pub fn parse_stored() -> Option<Envelope> {
    let raw = LocalStorage::raw().get_item(DESK_KEY).ok().flatten()?;
    read_envelope(&raw).ok()
}

fn unavailable() -> String {
    "this browser does not allow local storage for this page".into()
}

fn describe(error: &StorageError) -> String {
    match error {
        StorageError::JsError(js) if js.name == "QuotaExceededError" => {
            "the browser's storage for this page is full".into()
        }
        StorageError::JsError(js) => format!("the browser refused to store it ({}: {})", js.name, js.message),
        other => format!("the browser refused to store it ({other})"),
    }
}
