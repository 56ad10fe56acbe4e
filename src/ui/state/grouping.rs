//! Duplicate grouping kept beside the desk: the similarity index is built once the stored
//! desk is read, in time slices, then kept in step one changed case at a time, and the groups
//! are recomputed shortly after the last change, also in slices, so typing and saving never
//! wait on them.

use super::store::DeskStore;
use crate::domain::case::{Case, CaseId, Version};
use crate::domain::duplicates::{group_of, group_size, groupable};
use crate::domain::fast_hash::FastMap;
use crate::domain::grouping::glossary::{builtin, Glossary};
use crate::domain::grouping::{
    Group, GroupingSettings, NotDuplicates, SimilarCase, SimilarityIndex, SIMILAR_COUNT,
};
use crate::domain::per_case::PerCase;
use crate::ui::browser;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;
use std::time::Duration;

/// How long one slice of the first build may hold the page, in milliseconds.
const SLICE_MS: f64 = 12.0;
/// Groups are recomputed this long after the last change, so a burst of edits regroups once.
const REGROUP_DELAY: Duration = Duration::from_millis(300);

/// Why a grouping run in slices gave up.
pub enum Stopped {
    /// Its result is no longer wanted, or the page was left.
    NotWanted,
    /// The index changed under it.
    IndexChanged,
}

#[derive(Clone, Copy)]
pub struct Grouping {
    store: DeskStore,
    index: StoredValue<SimilarityIndex, LocalStorage>,
    /// What the index holds per case, by its version so unchanged cases are skipped
    /// cheaply: the hash of its text while it is indexed, so a note does not regroup.
    indexed: StoredValue<PerCase<Version, Option<u64>>, LocalStorage>,
    /// Bumped whenever the index changes, so similar-case lists refresh.
    version: RwSignal<u64>,
    /// None until the first grouping finished.
    pub groups: RwSignal<Option<Vec<Group>>>,
    /// Each grouped case's (group id, group size).
    pub membership: Memo<FastMap<CaseId, (String, u32)>>,
    regroup_pending: StoredValue<bool>,
    /// Counts regroupings started, so one running in slices stops when a newer one starts.
    regroup_runs: StoredValue<u64>,
    /// True while a regrouping runs in slices: the groups shown are not yet those of the desk.
    regrouping: StoredValue<bool>,
    /// True once the index holds every open case: after the first build, and after each
    /// rebuild for an edited glossary.
    built: RwSignal<bool>,
    /// Counts builds started, so one running in slices stops when a newer one starts.
    builds: StoredValue<u64>,
}

pub fn provide_grouping(store: DeskStore) -> Grouping {
    let groups = RwSignal::new(None::<Vec<Group>>);
    let grouping = Grouping {
        store,
        index: StoredValue::new_local(SimilarityIndex::new()),
        indexed: StoredValue::new_local(PerCase::default()),
        version: RwSignal::new(0),
        groups,
        membership: Memo::new(move |_| {
            groups.with(|groups| groups.as_deref().map(group_of).unwrap_or_default())
        }),
        regroup_pending: StoredValue::new(false),
        regroup_runs: StoredValue::new(0),
        regrouping: StoredValue::new(false),
        built: RwSignal::new(false),
        builds: StoredValue::new(0),
    };
    provide_context(grouping);
    let built = grouping.built;
    // Built once the stored desk is read: building over the empty desk before it would leave
    // every stored case to the first sync, all in one go.
    Effect::new(move |started: Option<bool>| {
        if started == Some(true) || !store.ready.get() {
            return started.unwrap_or(false);
        }
        spawn_local(async move {
            browser::yield_to_browser().await;
            grouping.build_in_slices().await;
        });
        true
    });
    // An edited glossary changes how every case reads: the index is built again with it.
    let glossary = Memo::new(move |_| store.desk.with(|desk| desk.settings.glossary.clone()));
    Effect::new(move |previous: Option<()>| {
        glossary.with(|_| ());
        if previous.is_some() && store.ready.get_untracked() {
            spawn_local(grouping.build_in_slices());
        }
    });
    // After the first build, each change of the desk updates only the cases that changed.
    Effect::new(move |_| {
        if !built.get() {
            return;
        }
        let changed = store.desk.with(|desk| grouping.sync(&desk.cases));
        if changed {
            grouping.version.update(|v| *v += 1);
            grouping.schedule_regroup();
        }
    });
    // A new threshold or a new not-duplicate pair regroups without touching the index.
    let inputs = Memo::new(move |_| {
        store.desk.with(|desk| (desk.settings.grouping.threshold, desk.not_duplicates.clone()))
    });
    Effect::new(move |previous: Option<()>| {
        // Reading (not just tracking) the memo makes it recompute, so the effect hears real changes.
        inputs.with(|_| ());
        if previous.is_some() && built.get_untracked() {
            grouping.schedule_regroup();
        }
    });
    grouping
}

/// A hash of the text the index reads from a case.
fn text_hash(case: &Case) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    (&case.title, &case.description).hash(&mut hasher);
    hasher.finish()
}

pub fn use_grouping() -> Grouping {
    expect_context::<Grouping>()
}

impl Grouping {
    /// The glossary the settings name: the built-in unless edited.
    fn glossary(&self) -> Arc<Glossary> {
        self.store.desk.with_untracked(|desk| match &desk.settings.glossary {
            Some(lines) => Arc::new(Glossary::from_lines(lines)),
            None => builtin(),
        })
    }

    /// Indexes every open case into a new index read with the settings' glossary, yielding
    /// to the browser between slices of work; gives way to a newer build.
    async fn build_in_slices(self) {
        let Some(build) = self.builds.try_update_value(|builds| {
            *builds += 1;
            *builds
        }) else {
            return;
        };
        let store = self.store;
        self.built.set(false);
        self.index.set_value(SimilarityIndex::with_glossary(self.glossary()));
        self.indexed.set_value(PerCase::default());
        // Cases are only appended while this runs, and anything else is caught up at the end.
        let count = store.desk.with_untracked(|desk| desk.cases.len());
        let mut done = 0;
        while done < count {
            let started = js_sys::Date::now();
            while done < count && js_sys::Date::now() - started < SLICE_MS {
                let end = (done + 64).min(count);
                store.desk.with_untracked(|desk| desk.cases.get(done..end).map(|slice| self.warm(slice)));
                done = end;
            }
            browser::yield_to_browser().await;
            if self.builds.try_get_value() != Some(build) {
                return;
            }
        }
        // Cases changed while the index was built are caught up here.
        store.desk.with_untracked(|desk| self.sync(&desk.cases));
        self.version.update(|v| *v += 1);
        self.built.set(true);
        // Not waited for: the index is built, so changes from here on are synced and regroup.
        spawn_local(self.regroup_in_slices());
    }

    /// Indexes open cases about to be synced (the first build, or an import's new cases a
    /// few at a time), so that the sync which meets them has nothing left to do.
    pub fn warm(&self, cases: &[Case]) {
        self.index.update_value(|index| {
            self.indexed.update_value(|indexed| {
                for case in cases.iter().filter(|c| groupable(c)) {
                    index.upsert_case(case);
                }
                let hash = |case: &Case| groupable(case).then(|| text_hash(case));
                indexed.warm(cases, Case::version, hash);
            })
        });
    }

    /// Takes out of the index the cases warmed for an import that was cancelled.
    pub fn forget_warmed(&self) {
        self.index.update_value(|index| {
            self.indexed.update_value(|indexed| {
                indexed.forget_ahead(|id, hash| {
                    if hash.is_some() {
                        index.remove(&id);
                    }
                })
            })
        });
    }

    /// Brings the index in line with `cases`; true if anything changed.
    fn sync(&self, cases: &[Case]) -> bool {
        let mut changed = false;
        let mut gone = Vec::new();
        self.index.update_value(|index| {
            self.indexed.update_value(|indexed| {
                let sync_one = |case: &Case, before: Option<Option<u64>>| {
                    let was = before.flatten();
                    let now = groupable(case).then(|| text_hash(case));
                    if now != was {
                        match now {
                            Some(_) => index.upsert_case(case),
                            None => {
                                index.remove(&case.id);
                            }
                        }
                        changed = true;
                    }
                    now
                };
                // Cases indexed ahead of their arrival change the groups as they arrive.
                let waiting = indexed.ahead();
                indexed.refresh_with(
                    cases,
                    self.store.order_untracked(),
                    Case::version,
                    sync_one,
                    |id, hash| {
                        if hash.is_some() {
                            gone.push(id);
                        }
                    },
                );
                for id in &gone {
                    index.remove(id);
                }
                changed |= indexed.ahead() < waiting;
            })
        });
        changed || !gone.is_empty()
    }

    fn schedule_regroup(self) {
        if self.regroup_pending.get_value() {
            return;
        }
        self.regroup_pending.set_value(true);
        set_timeout(
            move || {
                self.regroup_pending.set_value(false);
                spawn_local(self.regroup_in_slices());
            },
            REGROUP_DELAY,
        );
    }

    fn grouping_inputs(&self) -> (GroupingSettings, NotDuplicates) {
        self.store.desk.with_untracked(|desk| (desk.settings.grouping.clone(), desk.not_duplicates.clone()))
    }

    /// Regroups at once (the export needs the groups of this moment), stopping any run in slices.
    fn regroup(&self) {
        self.regroup_runs.update_value(|runs| *runs += 1);
        self.regrouping.set_value(false);
        let (settings, not_duplicates) = self.grouping_inputs();
        let groups = self.groups_at(&settings, &not_duplicates);
        self.groups.set(Some(groups));
    }

    /// Regroups a slice at a time, so the page keeps answering (grouping 50,000 cases is about
    /// 0.3 s of work); gives way to a newer regrouping, and tries again later if the index
    /// changed meanwhile.
    async fn regroup_in_slices(self) {
        let Some(run_id) = self.regroup_runs.try_update_value(|runs| {
            *runs += 1;
            *runs
        }) else {
            return;
        };
        self.regrouping.set_value(true);
        let (settings, not_duplicates) = self.grouping_inputs();
        let current = move || self.regroup_runs.try_get_value() == Some(run_id);
        match self.group_in_slices(&settings, &not_duplicates, current).await {
            Ok(groups) => {
                self.regrouping.set_value(false);
                self.groups.set(Some(groups));
            }
            // An edit, or an import indexing its cases ahead: try again once things settle.
            Err(Stopped::IndexChanged) => self.schedule_regroup(),
            Err(Stopped::NotWanted) => {}
        }
    }

    /// The groups the index would form under `settings`, searched a slice at a time; stops
    /// as soon as `wanted` turns false (checked between slices) or the index changes.
    pub async fn group_in_slices(
        self,
        settings: &GroupingSettings,
        not_duplicates: &NotDuplicates,
        wanted: impl Fn() -> bool,
    ) -> Result<Vec<Group>, Stopped> {
        let mut run = self
            .index
            .try_with_value(|index| index.start_grouping(settings.threshold))
            .ok_or(Stopped::NotWanted)?;
        loop {
            let started = js_sys::Date::now();
            if run.search(|| js_sys::Date::now() - started > SLICE_MS) {
                break;
            }
            browser::yield_to_browser().await;
            if !wanted() {
                return Err(Stopped::NotWanted);
            }
            if self.index.try_with_value(|index| run.is_for(index)) != Some(true) {
                return Err(Stopped::IndexChanged);
            }
        }
        match self.index.try_with_value(|index| index.finish_grouping(run, not_duplicates)) {
            Some(Some(groups)) => Ok(groups),
            Some(None) => Err(Stopped::IndexChanged),
            None => Err(Stopped::NotWanted),
        }
    }

    /// The groups the index would form under `settings`, at once.
    fn groups_at(&self, settings: &GroupingSettings, not_duplicates: &NotDuplicates) -> Vec<Group> {
        self.index.with_value(|index| index.group(settings, not_duplicates))
    }

    /// The most similar open cases to a text being typed; refreshes as the index changes.
    pub fn similar_to_text(&self, title: &str, description: &str) -> Vec<SimilarCase> {
        self.version.track();
        self.index.with_value(|index| index.similar_to_text(title, description, SIMILAR_COUNT))
    }

    /// The most similar open cases to `case`, leaving out pairs marked not duplicates.
    pub fn similar_to_case(&self, case: &Case, not_duplicates: &NotDuplicates) -> Vec<SimilarCase> {
        self.version.track();
        self.index.with_value(|index| index.similar_to_case(case, SIMILAR_COUNT, not_duplicates))
    }

    /// How many reports share `id`'s group, 1 when it is in none: the triage Cluster factor.
    pub fn group_size(&self, id: &CaseId) -> u32 {
        self.membership.with(|membership| group_size(membership, id))
    }

    /// The groups of the desk as it is this moment, for the export: brought up to date now
    /// rather than after the usual pause.
    pub fn groups_now(&self) -> Vec<Group> {
        if self.built.get_untracked() {
            let changed = self.store.desk.with_untracked(|desk| self.sync(&desk.cases));
            if changed {
                self.version.update(|v| *v += 1);
            }
            let stale = self.regroup_pending.get_value() || self.regrouping.get_value();
            if changed || stale || self.groups.with_untracked(Option::is_none) {
                self.regroup();
            }
            return self.groups.get_untracked().unwrap_or_default();
        }
        self.store.desk.with_untracked(|desk| {
            let mut index = SimilarityIndex::with_glossary(self.glossary());
            desk.cases.iter().filter(|c| groupable(c)).for_each(|case| index.upsert_case(case));
            index.group(&desk.settings.grouping, &desk.not_duplicates)
        })
    }
}
