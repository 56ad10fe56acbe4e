//! The triage score's inputs kept beside the desk: the rules, and every case's text signals
//! (matched keywords and cues), analysed again only for cases whose text changed.

use super::store::DeskStore;
use crate::domain::case::Case;
use crate::domain::triage::{SignalCache, TextSignals, TriageRules};
use leptos::prelude::*;
use std::sync::Arc;

/// Text signals for every case, aligned with `desk.cases`, kept fresh by a cache.
#[derive(Clone, Copy)]
pub struct Scoring {
    pub rules: Memo<TriageRules>,
    pub signals: Memo<Vec<Arc<TextSignals>>>,
    cache: StoredValue<Option<SignalCache>, LocalStorage>,
}

impl Scoring {
    /// Analyses cases about to join the desk, a few at a time while they are imported, so
    /// that their arrival does not analyse them all in one go.
    pub fn warm(&self, cases: &[Case]) {
        let rules = self.rules.get_untracked();
        self.cache
            .update_value(|cache| cache.get_or_insert_with(|| SignalCache::new(&rules)).warm(cases, &rules));
    }

    /// Forgets cases analysed ahead for an import that was cancelled.
    pub fn forget_warmed(&self) {
        self.cache.update_value(|cache| {
            if let Some(cache) = cache {
                cache.forget_warmed();
            }
        });
    }
}

pub fn provide_scoring(store: DeskStore) -> Scoring {
    let rules = Memo::new(move |_| store.desk.with(|desk| desk.settings.triage.clone()));
    let cache = StoredValue::new_local(None::<SignalCache>);
    let signals = Memo::new(move |_| {
        let rules = rules.get();
        store.desk.with(|desk| {
            cache
                .try_update_value(|cache| {
                    cache.get_or_insert_with(|| SignalCache::new(&rules)).refresh(
                        &desk.cases,
                        store.order(),
                        &rules,
                    )
                })
                .unwrap_or_default()
        })
    });
    let scoring = Scoring { rules, signals, cache };
    provide_context(scoring);
    scoring
}

pub fn use_scoring() -> Scoring {
    expect_context::<Scoring>()
}
