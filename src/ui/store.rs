//! The desk as the page holds it: one signal, saved after every change, kept in step with
//! other tabs through the `storage` event.

use super::browser;
use crate::domain::desk::Desk;
use crate::storage::{self, SaveError, Unreadable, DESK_KEY};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct DeskStore {
    pub desk: RwSignal<Desk>,
    /// Why the last save failed; the data is still here in memory.
    pub save_problem: RwSignal<Option<String>>,
    /// Stored data this page could not read, set aside until the user decides.
    pub unreadable: RwSignal<Option<Unreadable>>,
    revision: StoredValue<u64>,
}

impl DeskStore {
    /// Applies a change and saves it.
    pub fn change(&self, apply: impl FnOnce(&mut Desk)) {
        self.desk.update(apply);
        self.save();
    }

    pub fn save(&self) {
        if self.unreadable.with_untracked(|u| u.as_ref().is_some_and(|u| u.backup_key.is_none())) {
            self.save_problem.set(Some(
                "Changes are not being saved: the unreadable stored data could not be backed up. Download it, then discard it to resume saving.".into(),
            ));
            return;
        }
        // A newer revision from another tab is merged in and the save tried again; twice is
        // enough unless tabs write in a tight loop, and then the next change retries.
        for _ in 0..3 {
            let result = self
                .desk
                .with_untracked(|desk| storage::save(desk, self.revision.get_value(), browser::now()));
            match result {
                Ok(revision) => {
                    self.revision.set_value(revision);
                    self.save_problem.set(None);
                    return;
                }
                Err(SaveError::Newer(theirs)) => self.take_in(*theirs),
                Err(SaveError::Refused(reason)) => {
                    self.save_problem.set(Some(format!(
                        "Your last change was not saved: {reason}. Everything is still here in this tab; use Export JSON to keep a copy."
                    )));
                    return;
                }
            }
        }
    }

    /// Merges another tab's newer envelope into this tab's desk.
    fn take_in(&self, theirs: crate::domain::persist::Envelope) {
        self.revision.set_value(theirs.revision);
        self.desk.update(|desk| *desk = std::mem::take(desk).merge(theirs.data));
    }

    /// Called when another tab wrote: show its changes; save only if this tab had more.
    fn on_other_tab_write(&self) {
        let Some(theirs) = storage::parse_stored() else { return };
        if theirs.revision <= self.revision.get_value() {
            return;
        }
        let their_desk = theirs.data.clone();
        self.take_in(theirs);
        if self.desk.with_untracked(|desk| desk != &their_desk) || self.save_problem.get_untracked().is_some()
        {
            self.save();
        }
    }

    pub fn discard_unreadable(&self) {
        if let Some(unreadable) = self.unreadable.get_untracked() {
            storage::discard_unreadable(&unreadable);
        }
        self.unreadable.set(None);
        self.save();
    }
}

/// Loads the desk, provides it to the page, and listens for other tabs.
pub fn use_desk_store() -> DeskStore {
    let loaded = storage::load();
    let (revision, desk) =
        loaded.envelope.map_or((0, Desk::default()), |envelope| (envelope.revision, envelope.data));
    let store = DeskStore {
        desk: RwSignal::new(desk),
        save_problem: RwSignal::new((!storage::available()).then(|| {
            "This browser does not allow local storage for this page, so cases stay only while this tab is open. Use Export JSON to keep a copy.".to_string()
        })),
        unreadable: RwSignal::new(loaded.unreadable),
        revision: StoredValue::new(revision),
    };
    let handle = window_event_listener(leptos::ev::storage, move |event| {
        if event.key().as_deref() == Some(DESK_KEY) {
            store.on_other_tab_write();
        }
    });
    on_cleanup(move || handle.remove());
    provide_context(store);
    store
}

pub fn use_desk() -> DeskStore {
    expect_context::<DeskStore>()
}
