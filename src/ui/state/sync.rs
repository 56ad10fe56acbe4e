//! How the store reaches storage: the save loop that writes what changed (only the records
//! it touched) in steps that never freeze the page, the first load, and the catch-up with
//! what other tabs wrote.

use super::store::DeskStore;
use crate::domain::desk::{Desk, Settings};
use crate::domain::layout::{self, catch_up, CatchUp, Dirty, Notice};
use crate::domain::persist::Envelope;
use crate::i18n::{Message, Text};
use crate::storage::{self, SaveError, Write};
use crate::ui::browser;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Milliseconds of serialising between two breaks for the browser.
const SERIALISE_STEP_MS: f64 = 12.0;
/// The most case records a rescue holds (at 50,000 cases about a megabyte of local storage's
/// five): a typed edit, a few linked cases or an incident's members. An import or the demo
/// queue (every record) is too big; the page asks before closing and reports it cut off.
const RESCUE_CHUNKS: usize = 32;

impl DeskStore {
    /// Reads the stored desk, then keeps this tab in step with what other tabs write, and
    /// asks before the page closes while a change is not yet stored.
    pub(super) fn load_and_follow_other_tabs(self) {
        let store = self;
        storage::listen(move |notice| store.on_other_tab_write(notice));
        browser::ask_before_leaving(move || store.unsaved.get_untracked());
        browser::on_page_hide(move || store.keep_rescue());
        spawn_local(async move {
            match storage::load().await {
                Ok(loaded) => {
                    store.unreadable.set(loaded.unreadable);
                    store.start(loaded.start);
                }
                Err(reason) => {
                    store
                        .save_problem
                        .set(Some(Message::new(Text::StorageUnavailable).arg("reason", reason)));
                    store.ready.set(true);
                }
            }
        });
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
            let Some((wrote, covering)) = self.saving.try_update_value(|state| {
                state.writing = state.dirty.clone();
                (std::mem::take(&mut state.dirty), state.marked)
            }) else {
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
                        storage::drop_rescue();
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
                                    self.not_saved(
                                        Message::new(Text::OtherTabUnreadable).arg("reason", reason),
                                    );
                                    break;
                                }
                            }
                        }
                        SaveError::Gone => self.saving.update_value(|state| state.dirty.everything()),
                        SaveError::Newer => {
                            self.not_saved(Text::OtherTabsKeptWriting.into());
                            break;
                        }
                        SaveError::Refused(reason) => {
                            self.not_saved(Message::new(Text::Verbatim).arg("text", reason));
                            break;
                        }
                    }
                }
            }
        }
        self.saving.update_value(|state| {
            state.running = false;
            state.writing = Dirty::default();
        });
    }

    /// The page is hiding or going away with changes not yet stored: a write started now
    /// would be cut off with the page, so their records go to local storage at once, to be
    /// taken in by the next load ([`storage::take_rescues`]). A write under way may still
    /// land; merging its changes twice changes nothing.
    fn keep_rescue(&self) {
        if !self.ready.get_untracked() || !self.unsaved.get_untracked() {
            return;
        }
        let Some((dirty, marked, rescued)) = self.saving.try_with_value(|state| {
            let mut dirty = state.dirty.clone();
            dirty.absorb(state.writing.clone());
            (dirty, state.marked, state.rescued)
        }) else {
            return;
        };
        if marked == rescued || dirty.rewrites_everything() {
            return;
        }
        let chunks = dirty.chunks();
        if chunks.len() > RESCUE_CHUNKS {
            return;
        }
        let (meta, records) = self.desk.with_untracked(|desk| {
            let members = layout::members(&desk.cases, &chunks);
            let records: Vec<(u32, String)> = members
                .iter()
                .map(|(&chunk, places)| (chunk, layout::encode_chunk(&desk.cases, places)))
                .collect();
            (
                layout::encode_meta(self.revision.get_untracked(), browser::now(), desk, desk.cases.len()),
                records,
            )
        });
        if storage::keep_rescue(&meta, &records) {
            self.saving.update_value(|state| state.rescued = marked);
        }
    }

    /// Shows why the last change was not saved; `reason` is a sentence part, in any language.
    fn not_saved(&self, reason: Message) {
        self.save_problem.set(Some(Message::new(Text::LastChangeNotSaved).arg_message("reason", reason)));
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
        // What pages that went away could not store is merged in and saved again.
        let rescued = storage::take_rescues();
        let any_rescued = !rescued.is_empty();
        let rescued_cases: Vec<_> =
            rescued.iter().flat_map(|rescue| rescue.cases.iter().map(|case| case.id.clone())).collect();
        self.desk.update(|desk| {
            let mut stored = if desk.cases.is_empty() && desk.settings == Settings::default() {
                data
            } else {
                data.merge(std::mem::take(desk))
            };
            for rescue in rescued {
                stored = stored.merge(rescue);
            }
            *desk = stored;
        });
        self.roster_changed();
        self.saving.update_value(|state| {
            if start.write_all {
                state.dirty.everything();
            }
            state.remove_legacy = start.remove_legacy;
        });
        if any_rescued {
            // A change like any other, saved once the store is ready below.
            self.mark(&mut |dirty| {
                dirty.settings();
                rescued_cases.iter().for_each(|id| dirty.case(id));
            });
        }
        self.ready.set(true);
        browser::measure_since("triage-desk:load", "");
        self.save();
        spawn_local(self.look_for_unfinished_saves());
    }
}
