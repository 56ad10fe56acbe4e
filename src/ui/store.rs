//! The desk as the page holds it: one signal, read from the browser's database once, saved
//! after every change (only the parts that changed), kept in step with other tabs.

use super::browser;
use crate::domain::case::{Case, CaseId, Version};
use crate::domain::desk::{Desk, Settings};
use crate::domain::fast_hash::FastMap;
use crate::domain::layout::{self, catch_up, CatchUp, Dirty, Notice};
use crate::domain::persist::Envelope;
use crate::storage::{self, Interrupted, SaveError, Unreadable, Write};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// Milliseconds of serialising between two breaks for the browser.
const SERIALISE_STEP_MS: f64 = 12.0;

/// Shared data that compares by identity, so a memo notifies exactly when it recomputed.
#[derive(Debug)]
pub struct Shared<T>(pub Arc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Clone, Copy)]
pub struct DeskStore {
    pub desk: RwSignal<Desk>,
    /// Bumped whenever cases may have been added or reordered; an edit in place leaves it.
    roster: RwSignal<u64>,
    /// Where each case sits in `desk.cases`, worked out again only when the roster changes.
    places: Memo<Shared<FastMap<CaseId, usize>>>,
    /// Categories in use, most used first, offered while a category is typed; one memo for
    /// every field that offers them, so a change counts them once.
    pub categories: Memo<Vec<String>>,
    /// Why the last save failed; the data is still here in memory.
    pub save_problem: RwSignal<Option<String>>,
    /// Stored data this page could not read, set aside until the user decides.
    pub unreadable: RwSignal<Option<Unreadable>>,
    /// False until the stored desk has been read; nothing is saved over it before.
    pub ready: RwSignal<bool>,
    /// The revision last written or read, for views that refresh after a save.
    pub revision: RwSignal<u64>,
    /// Changes made in this tab that are not yet in storage: the page says "Saving…" and asks
    /// before it closes.
    pub unsaved: RwSignal<bool>,
    /// A save that a page of this desk closed in the middle of, found on load.
    pub interrupted: RwSignal<Option<Interrupted>>,
    saving: StoredValue<SaveState>,
}

#[derive(Default)]
struct SaveState {
    dirty: Dirty,
    /// Changes marked so far, and how many of them have committed.
    marked: u64,
    committed: u64,
    running: bool,
    /// The earlier local-storage key goes once the first write has committed.
    remove_legacy: bool,
}

impl DeskStore {
    /// Applies a change that may touch any case (an import, the demo queue) and saves all.
    pub fn change(&self, apply: impl FnOnce(&mut Desk)) {
        self.desk.update(apply);
        self.roster_changed();
        self.mark(Dirty::everything);
    }

    /// Applies a change to a few cases and the records beside them (links, merges, incidents,
    /// not-duplicate pairs), possibly adding a case, and saves just what it touched: a group
    /// action at 50,000 cases writes a few records, not all 1,024.
    pub fn change_some(&self, apply: impl FnOnce(&mut Desk)) {
        let before: Vec<Version> =
            self.desk.with_untracked(|desk| desk.cases.iter().map(Case::version).collect());
        self.desk.update(apply);
        if self.desk.with_untracked(|desk| desk.cases.len()) != before.len() {
            self.roster_changed();
        }
        self.mark(|dirty| self.desk.with_untracked(|desk| dirty.touched(&before, &desk.cases)));
    }

    fn roster_changed(&self) {
        self.roster.update(|n| *n += 1);
    }

    /// Counts changes that may have added or moved cases (not edits in place); tracked.
    pub fn order(&self) -> u64 {
        self.roster.get()
    }

    pub fn order_untracked(&self) -> u64 {
        self.roster.get_untracked()
    }

    /// Where the case `id` sits in `desk.cases`; tracks only additions and reorders.
    pub fn place(&self, id: &CaseId) -> Option<usize> {
        self.places.with(|places| places.0.get(id).copied())
    }

    /// Reads the case `id`, if there is one; tracks the desk.
    pub fn with_case<R>(&self, id: &CaseId, read: impl FnOnce(&Case) -> R) -> Option<R> {
        self.desk.with(|desk| self.find(desk, id).map(read))
    }

    /// The case `id` in `desk`, found at its place rather than by a scan of every case.
    pub fn find<'a>(&self, desk: &'a Desk, id: &CaseId) -> Option<&'a Case> {
        self.place(id).and_then(|at| desk.cases.get(at)).filter(|case| &case.id == id)
    }

    /// Applies a change to one case, if it exists, and saves just that case's record.
    pub fn change_case<R>(&self, id: &CaseId, apply: impl FnOnce(&mut Case, &Settings) -> R) -> Option<R> {
        let place = self.places.with_untracked(|places| places.0.get(id).copied());
        let result = self
            .desk
            .try_update(|desk| {
                let Desk { cases, settings, .. } = desk;
                // The places are worked out lazily, so an id not at its place is searched for.
                let at = place
                    .filter(|&at| cases.get(at).is_some_and(|case| &case.id == id))
                    .or_else(|| cases.iter().position(|case| &case.id == id));
                at.map(|at| apply(&mut cases[at], settings))
            })
            .flatten();
        if result.is_some() {
            self.mark(|dirty| dirty.case(id));
        }
        result
    }

    /// Adds a new case and saves its record.
    pub fn add_case(&self, case: Case) {
        let id = case.id.clone();
        self.desk.update(|desk| desk.cases.push(case));
        self.roster_changed();
        self.mark(|dirty| dirty.case(&id));
    }

    /// Applies a change to the settings and saves them (not the cases).
    pub fn change_settings(&self, apply: impl FnOnce(&mut Settings)) {
        self.desk.update(|desk| apply(&mut desk.settings));
        self.mark(Dirty::settings);
    }

    fn mark(&self, touch: impl FnOnce(&mut Dirty)) {
        browser::mark("triage-desk:changed");
        self.saving.update_value(|state| {
            touch(&mut state.dirty);
            state.marked += 1;
        });
        if !self.unsaved.get_untracked() {
            self.unsaved.set(true);
        }
        self.save();
    }

    /// How many changes this tab has made; see [`DeskStore::saved_through`].
    pub fn changes_made(&self) -> u64 {
        self.saving.with_value(|state| state.marked)
    }

    /// Waits until the first `changes` changes are in storage (true), or until saving has
    /// stopped with a problem the page shows (false). A problem left from an earlier save
    /// counts only once the write that follows has ended too.
    pub async fn saved_through(&self, changes: u64) -> bool {
        loop {
            let (committed, running) =
                self.saving.with_value(|state| (state.committed >= changes, state.running));
            if committed {
                return true;
            }
            if (!running && self.save_problem.with_untracked(Option::is_some)) || self.held() {
                return false;
            }
            browser::sleep(50).await;
        }
    }

    /// Stored data that does not add up is waiting for the user's decision.
    fn held(&self) -> bool {
        self.unreadable.with_untracked(|u| u.as_ref().is_some_and(Unreadable::holds_saving))
    }

    /// The user has seen what did not add up and goes on with the desk as shown: it is written
    /// whole, over the damaged records (their backup stays unless discarded).
    pub fn continue_with_desk(&self) {
        let held = self.held();
        self.unreadable.set(None);
        if held {
            self.mark(Dirty::everything);
        }
    }

    /// Starts writing what changed, unless a write is already running (it picks the change up).
    pub fn save(&self) {
        if !self.ready.get_untracked() || self.held() {
            return;
        }
        if !storage::available() {
            return;
        }
        let start = self.saving.try_update_value(|state| {
            let start = !state.running && !state.dirty.is_clean();
            state.running |= start;
            start
        });
        if start == Some(true) {
            let store = *self;
            spawn_local(async move { store.write_until_clean().await });
        }
    }

    async fn write_until_clean(self) {
        // Another tab's newer revision is merged in and the save tried again; a few rounds
        // are enough unless tabs write in a tight loop, and then the next change retries.
        let mut newer_rounds = 0;
        loop {
            let Some((wrote, covering)) =
                self.saving.try_update_value(|state| (std::mem::take(&mut state.dirty), state.marked))
            else {
                return;
            };
            if wrote.is_clean() {
                break;
            }
            browser::mark("triage-desk:writing");
            let write = self.prepare(&wrote).await;
            match storage::write(&write).await {
                Ok(()) => {
                    // From the change, and from the start of this write, to its commit.
                    browser::measure_since("triage-desk:save", "triage-desk:changed");
                    browser::measure_since("triage-desk:write", "triage-desk:writing");
                    self.revision.set(write.revision);
                    self.save_problem.set(None);
                    let all_saved = self.saving.try_update_value(|state| {
                        state.committed = state.committed.max(covering);
                        state.committed == state.marked
                    });
                    if all_saved == Some(true) {
                        self.unsaved.set(false);
                    }
                    storage::announce(&Notice::of(write.revision, &wrote));
                    if self.saving.try_update_value(|state| std::mem::take(&mut state.remove_legacy))
                        == Some(true)
                    {
                        storage::remove_legacy();
                    }
                }
                Err(error) => {
                    self.saving.update_value(|state| state.dirty.absorb(wrote));
                    match error {
                        SaveError::Newer if newer_rounds < 3 => {
                            newer_rounds += 1;
                            match storage::read_everything().await {
                                Ok(theirs) => self.take_in(theirs.revision, theirs.data),
                                Err(reason) => {
                                    self.not_saved(&format!(
                                        "another tab's newer data could not be read ({reason})"
                                    ));
                                    break;
                                }
                            }
                        }
                        SaveError::Gone => self.saving.update_value(|state| state.dirty.everything()),
                        SaveError::Newer => {
                            self.not_saved("other tabs kept writing at the same moment");
                            break;
                        }
                        SaveError::Refused(reason) => {
                            self.not_saved(&reason);
                            break;
                        }
                    }
                }
            }
        }
        self.saving.update_value(|state| state.running = false);
    }

    fn not_saved(&self, reason: &str) {
        self.save_problem.set(Some(format!(
            "Your last change was not saved: {reason}. Everything is still here in this tab and is saved with your next change; Download a backup keeps a copy, and this page asks before it closes."
        )));
    }

    /// Serialises what changed, in steps of about 12 ms so that rewriting every record (about
    /// a second of work after importing 85,000 cases) never freezes the page. A change made
    /// between steps marks its records again, so the next round writes them; another tab's
    /// write taken in meanwhile makes this write's revision check fail, and the save retries.
    async fn prepare(&self, dirty: &Dirty) -> Write {
        // Rewriting every record starts in a task of its own, not in the one that made the
        // change (an import, the demo queue), which has the page to update.
        if dirty.rewrites_everything() {
            browser::yield_to_browser().await;
        }
        let expected = self.revision.get_untracked();
        // Cases are only ever appended, so their places stay good across the breaks, and the
        // meta record counts the cases as they were here (one added meanwhile is in no chunk
        // of this write; the next write takes it and counts it).
        let (members, written) = self
            .desk
            .with_untracked(|desk| (layout::members(&desk.cases, &dirty.chunks()), desk.cases.len()));
        storage::begin_save(members.values().map(Vec::len).sum());
        let mut chunks = Vec::with_capacity(members.len());
        let mut step_began = browser::elapsed_ms();
        for (chunk, places) in members {
            if browser::elapsed_ms() - step_began > SERIALISE_STEP_MS {
                browser::yield_to_browser().await;
                step_began = browser::elapsed_ms();
            }
            chunks.push((chunk, self.desk.with_untracked(|desk| layout::encode_chunk(&desk.cases, &places))));
        }
        let revision = expected + 1;
        Write {
            expected,
            revision,
            meta: self
                .desk
                .with_untracked(|desk| layout::encode_meta(revision, browser::now(), desk, written)),
            chunks,
            clear_first: dirty.rewrites_everything(),
        }
    }

    /// Merges another tab's newer data (all of it, or the cases of some records) into this tab.
    fn take_in(&self, revision: u64, theirs: Desk) {
        if revision > self.revision.get_untracked() {
            self.revision.set(revision);
        }
        self.desk.update(|desk| *desk = std::mem::take(desk).merge(theirs));
        self.roster_changed();
    }

    /// Another tab wrote: show its changes, then save whatever this tab still has unsaved.
    fn on_other_tab_write(&self, notice: Notice) {
        // A tab still loading reads the newest data anyway.
        if !self.ready.get_untracked() {
            return;
        }
        let store = *self;
        let plan = catch_up(self.revision.get_untracked(), &notice);
        spawn_local(async move {
            let partial = match plan {
                CatchUp::UpToDate => return,
                CatchUp::Chunks(chunks) => storage::read_chunks(&chunks).await.ok(),
                CatchUp::Everything => None,
            };
            match partial {
                Some((meta, desk)) if meta.revision == notice.revision => store.take_in(meta.revision, desk),
                // Someone wrote again meanwhile: what changed is unknown, so read it all.
                _ => {
                    if let Ok(theirs) = storage::read_everything().await {
                        store.take_in(theirs.revision, theirs.data);
                    }
                }
            }
            store.save();
        });
    }

    pub fn discard_unreadable(&self) {
        let store = *self;
        if let Some(unreadable) = self.unreadable.get_untracked() {
            spawn_local(async move {
                storage::discard_unreadable(&unreadable).await;
                store.continue_with_desk();
            });
        }
    }

    /// Reports a save that a page closed in the middle of, once no live tab is still saving.
    async fn look_for_unfinished_saves(self) {
        for _ in 0..10 {
            let (found, live) = storage::unfinished_saves();
            if found.is_some() {
                self.interrupted.set(found);
            }
            if !live {
                return;
            }
            browser::sleep(500).await;
        }
    }

    /// Takes in what the database held once it is read; changes made meanwhile are kept.
    fn start(&self, start: layout::Start) {
        let Envelope { revision, data, .. } = start.envelope;
        self.revision.set(revision);
        self.desk.update(|desk| {
            *desk = if desk.cases.is_empty() && desk.settings == Settings::default() {
                data
            } else {
                data.merge(std::mem::take(desk))
            }
        });
        self.roster_changed();
        self.saving.update_value(|state| {
            if start.write_all {
                state.dirty.everything();
            }
            state.remove_legacy = start.remove_legacy;
        });
        self.ready.set(true);
        browser::measure_since("triage-desk:load", "");
        self.save();
        spawn_local(self.look_for_unfinished_saves());
    }
}

/// Loads the desk, provides it to the page, and listens for other tabs.
pub fn use_desk_store() -> DeskStore {
    let desk = RwSignal::new(Desk::default());
    let roster = RwSignal::new(0);
    let places = Memo::new(move |_| {
        roster.track();
        desk.with_untracked(|desk: &Desk| {
            Shared(Arc::new(desk.cases.iter().enumerate().map(|(at, case)| (case.id.clone(), at)).collect()))
        })
    });
    let store = DeskStore {
        desk,
        roster,
        places,
        categories: Memo::new(move |_| desk.with(Desk::categories)),
        save_problem: RwSignal::new(None),
        unreadable: RwSignal::new(None),
        ready: RwSignal::new(false),
        revision: RwSignal::new(0),
        unsaved: RwSignal::new(false),
        interrupted: RwSignal::new(None),
        saving: StoredValue::new(SaveState::default()),
    };
    storage::listen(move |notice| store.on_other_tab_write(notice));
    browser::ask_before_leaving(move || store.unsaved.get_untracked());
    spawn_local(async move {
        match storage::load().await {
            Ok(loaded) => {
                store.unreadable.set(loaded.unreadable);
                store.start(loaded.start);
            }
            Err(reason) => {
                store.save_problem.set(Some(format!(
                    "Cases stay only while this tab is open: {reason}. Use Export JSON to keep a copy."
                )));
                store.ready.set(true);
            }
        }
    });
    provide_context(store);
    store
}

pub fn use_desk() -> DeskStore {
    expect_context::<DeskStore>()
}
