//! Duplicate grouping kept beside the desk: the similarity index is built after the first
//! paint in time slices, then kept in step one changed case at a time, and the groups are
//! recomputed shortly after the last change so typing and saving never wait on them.

use super::browser;
use super::store::{use_desk, DeskStore};
use crate::domain::case::{Case, CaseId, Timestamp};
use crate::domain::duplicates::{group_of, groupable};
use crate::domain::grouping::{
    Group, GroupingSettings, NotDuplicates, SimilarCase, SimilarityIndex, SIMILAR_COUNT,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::HashMap;
use std::time::Duration;

/// How long one slice of the first build may hold the page, in milliseconds.
const SLICE_MS: f64 = 12.0;
/// Groups are recomputed this long after the last change, so a burst of edits regroups once.
const REGROUP_DELAY: Duration = Duration::from_millis(300);

#[derive(Clone, Copy)]
pub struct Grouping {
    store: DeskStore,
    index: StoredValue<SimilarityIndex, LocalStorage>,
    /// What the index holds per case: its last change time, so unchanged cases are skipped
    /// cheaply, and a hash of its text, so a note or a status change does not regroup.
    indexed: StoredValue<HashMap<CaseId, (Timestamp, u64)>, LocalStorage>,
    /// Bumped whenever the index changes, so similar-case lists refresh.
    version: RwSignal<u64>,
    /// None until the first grouping finished.
    pub groups: RwSignal<Option<Vec<Group>>>,
    /// Each grouped case's (group id, group size).
    pub membership: Memo<HashMap<CaseId, (String, u32)>>,
    regroup_pending: StoredValue<bool>,
    /// True once the first build of the index finished.
    built: RwSignal<bool>,
}

pub fn provide_grouping() {
    let store = use_desk();
    let groups = RwSignal::new(None::<Vec<Group>>);
    let grouping = Grouping {
        store,
        index: StoredValue::new_local(SimilarityIndex::new()),
        indexed: StoredValue::new_local(HashMap::new()),
        version: RwSignal::new(0),
        groups,
        membership: Memo::new(move |_| {
            groups.with(|groups| groups.as_deref().map(group_of).unwrap_or_default())
        }),
        regroup_pending: StoredValue::new(false),
        built: RwSignal::new(false),
    };
    provide_context(grouping);
    let built = grouping.built;
    spawn_local(async move {
        browser::yield_to_browser().await;
        grouping.build_in_slices().await;
        built.set(true);
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
    /// Indexes every open case, yielding to the browser between slices of work.
    async fn build_in_slices(self) {
        let store = self.store;
        let pending: Vec<Case> =
            store.desk.with_untracked(|desk| desk.cases.iter().filter(|c| groupable(c)).cloned().collect());
        let mut rest = pending.as_slice();
        while !rest.is_empty() {
            let started = js_sys::Date::now();
            let mut done = 0;
            self.index.update_value(|index| {
                self.indexed.update_value(|indexed| {
                    for case in rest {
                        index.upsert_case(case);
                        indexed.insert(case.id.clone(), (case.updated_at, text_hash(case)));
                        done += 1;
                        if js_sys::Date::now() - started > SLICE_MS {
                            break;
                        }
                    }
                })
            });
            rest = &rest[done..];
            browser::yield_to_browser().await;
        }
        // Cases changed while the index was built are caught up here.
        store.desk.with_untracked(|desk| self.sync(&desk.cases));
        self.version.update(|v| *v += 1);
        self.regroup();
    }

    /// Brings the index in line with `cases`; true if anything changed.
    fn sync(&self, cases: &[Case]) -> bool {
        let mut changed = false;
        self.index.update_value(|index| {
            self.indexed.update_value(|indexed| {
                let mut present = HashMap::with_capacity(indexed.len());
                for case in cases.iter().filter(|c| groupable(c)) {
                    let known = indexed.get(&case.id).copied();
                    let entry = match known {
                        Some((at, hash)) if at == case.updated_at => (at, hash),
                        _ => {
                            let hash = text_hash(case);
                            if known.is_none_or(|(_, old)| old != hash) {
                                index.upsert_case(case);
                                changed = true;
                            }
                            (case.updated_at, hash)
                        }
                    };
                    present.insert(case.id.clone(), entry);
                }
                for id in indexed.keys().filter(|id| !present.contains_key(*id)) {
                    index.remove(id);
                    changed = true;
                }
                *indexed = present;
            })
        });
        changed
    }

    fn schedule_regroup(self) {
        if self.regroup_pending.get_value() {
            return;
        }
        self.regroup_pending.set_value(true);
        set_timeout(
            move || {
                self.regroup_pending.set_value(false);
                self.regroup();
            },
            REGROUP_DELAY,
        );
    }

    fn regroup(&self) {
        let (settings, not_duplicates) = self
            .store
            .desk
            .with_untracked(|desk| (desk.settings.grouping.clone(), desk.not_duplicates.clone()));
        let groups = self.groups_at(&settings, &not_duplicates);
        self.groups.set(Some(groups));
    }

    /// The groups the index would form under `settings`, for the threshold slider's live count.
    pub fn groups_at(&self, settings: &GroupingSettings, not_duplicates: &NotDuplicates) -> Vec<Group> {
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
        self.membership.with(|m| m.get(id).map_or(1, |(_, size)| *size))
    }

    /// The groups of the desk as it is this moment, for the export: brought up to date now
    /// rather than after the usual pause.
    pub fn groups_now(&self) -> Vec<Group> {
        if self.built.get_untracked() {
            let changed = self.store.desk.with_untracked(|desk| self.sync(&desk.cases));
            if changed {
                self.version.update(|v| *v += 1);
            }
            if changed || self.regroup_pending.get_value() || self.groups.with_untracked(Option::is_none) {
                self.regroup();
            }
            return self.groups.get_untracked().unwrap_or_default();
        }
        self.store.desk.with_untracked(|desk| {
            let index = SimilarityIndex::from_cases(desk.cases.iter().filter(|c| groupable(c)));
            index.group(&desk.settings.grouping, &desk.not_duplicates)
        })
    }
}
