//! The desk as the page holds it: one signal, read from the browser's database once and
//! changed only through the methods here, each of which marks what it touched for saving
//! (see `sync.rs` for the save loop and the catch-up with other tabs).

use crate::domain::case::{Case, CaseId, Timestamp, Version};
use crate::domain::desk::{Desk, Settings};
use crate::domain::fast_hash::FastMap;
use crate::domain::layout::Dirty;
use crate::i18n::Message;
use crate::storage::{self, Interrupted, Unreadable};
use crate::ui::browser;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

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
    pub(super) roster: RwSignal<u64>,
    /// Where each case sits in `desk.cases`, worked out again only when the roster changes.
    pub(super) places: Memo<Shared<FastMap<CaseId, usize>>>,
    /// Categories in use, most used first, offered while a category is typed; one memo for
    /// every field that offers them, so a change counts them once.
    pub categories: Memo<Vec<String>>,
    /// Why the last save failed; the data is still here in memory.
    pub save_problem: RwSignal<Option<Message>>,
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
    pub(super) saving: StoredValue<SaveState>,
}

#[derive(Default)]
pub(super) struct SaveState {
    pub(super) dirty: Dirty,
    /// What the write under way holds (no longer in `dirty`), for the rescue at page hide.
    pub(super) writing: Dirty,
    /// `marked` when the last rescue was kept: hiding, then closing, keeps one, not two.
    pub(super) rescued: u64,
    /// Changes marked so far, and how many of them have committed.
    pub(super) marked: u64,
    pub(super) committed: u64,
    pub(super) running: bool,
    /// The earlier local-storage key goes once the first write has committed.
    pub(super) remove_legacy: bool,
}

/// A change to the desk, boxed so that each method's body below is compiled once.
type DeskChange<'a> = Box<dyn FnOnce(&mut Desk) + 'a>;
/// A change to one case, boxed for the same reason.
type CaseChange<'a> = Box<dyn FnOnce(&mut Case, &Settings) + 'a>;

impl DeskStore {
    // The public methods box their closure and hand it to one compiled body, rather than
    // compiling the body (signal update, save marking) again for every caller's closure.

    /// Applies a change that may touch any case (an import, the demo queue) and saves all.
    pub fn change(&self, apply: impl FnOnce(&mut Desk)) {
        self.change_boxed(Box::new(apply));
    }

    fn change_boxed(&self, apply: DeskChange<'_>) {
        self.desk.update(apply);
        self.roster_changed();
        self.mark(&mut Dirty::everything);
    }

    /// Applies a change to a few cases and the records beside them (links, merges, incidents,
    /// not-duplicate pairs), possibly adding a case, and saves just what it touched: a group
    /// action at 50,000 cases writes a few records, not all 1,024.
    pub fn change_some(&self, apply: impl FnOnce(&mut Desk)) {
        self.change_some_boxed(Box::new(apply));
    }

    fn change_some_boxed(&self, apply: DeskChange<'_>) {
        let before: Vec<Version> =
            self.desk.with_untracked(|desk| desk.cases.iter().map(Case::version).collect());
        self.desk.update(apply);
        if self.desk.with_untracked(|desk| desk.cases.len()) != before.len() {
            self.roster_changed();
        }
        self.mark(&mut |dirty| self.desk.with_untracked(|desk| dirty.touched(&before, &desk.cases)));
    }

    pub(super) fn roster_changed(&self) {
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
        let mut result = None;
        self.change_case_boxed(id, Box::new(|case, settings| result = Some(apply(case, settings))));
        result
    }

    fn change_case_boxed(&self, id: &CaseId, apply: CaseChange<'_>) {
        let place = self.places.with_untracked(|places| places.0.get(id).copied());
        let changed = self
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
        if changed.is_some() {
            self.mark(&mut |dirty| dirty.case(id));
        }
    }

    /// Applies a change to a few records as the current author at the current time (see
    /// [`DeskStore::change_some`]); returns its result.
    pub fn act<R>(&self, apply: impl FnOnce(&mut Desk, &str, Timestamp) -> R) -> R {
        let now = browser::now();
        let mut result = None;
        self.change_some(|desk| {
            let author = desk.settings.author().to_string();
            result = Some(apply(desk, &author, now));
        });
        result.expect("change_some always applies its change")
    }

    /// Edits case `id` as the current author at the current time, and saves its record.
    pub fn edit_case<R>(&self, id: &CaseId, edit: impl FnOnce(&mut Case, &str, Timestamp) -> R) -> Option<R> {
        let now = browser::now();
        self.change_case(id, |case, settings| edit(case, settings.author(), now))
    }

    /// Adds a new case and saves its record.
    pub fn add_case(&self, case: Case) {
        let id = case.id.clone();
        self.desk.update(|desk| desk.cases.push(case));
        self.roster_changed();
        self.mark(&mut |dirty| dirty.case(&id));
    }

    /// Applies a change to the settings and saves them (not the cases).
    pub fn change_settings(&self, apply: impl FnOnce(&mut Settings)) {
        self.change_settings_boxed(Box::new(apply));
    }

    fn change_settings_boxed(&self, apply: Box<dyn FnOnce(&mut Settings) + '_>) {
        self.desk.update(|desk| apply(&mut desk.settings));
        self.mark(&mut Dirty::settings);
    }

    /// Notes what a change touched and starts a save; `touch` is a `dyn` so that this body is
    /// compiled once.
    pub(super) fn mark(&self, touch: &mut dyn FnMut(&mut Dirty)) {
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
    pub(super) fn held(&self) -> bool {
        self.unreadable.with_untracked(|u| u.as_ref().is_some_and(Unreadable::holds_saving))
    }

    /// The user has seen what did not add up and goes on with the desk as shown: it is written
    /// whole, over the damaged records (their backup stays unless discarded).
    pub fn continue_with_desk(&self) {
        let held = self.held();
        self.unreadable.set(None);
        if held {
            self.mark(&mut Dirty::everything);
        }
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
}

/// Creates the store, starts loading the stored desk and listens for other tabs.
pub fn provide_desk_store() -> DeskStore {
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
    store.load_and_follow_other_tabs();
    provide_context(store);
    store
}

pub fn use_desk() -> DeskStore {
    expect_context::<DeskStore>()
}
