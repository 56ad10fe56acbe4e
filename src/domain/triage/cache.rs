//! Keeps each case's text analysis until the case or the rules change, so a change to one
//! case re-reads one case and a tick of the clock re-reads none.

use super::{CompiledRules, TextSignals, TriageRules};
use crate::domain::case::{Case, CaseId, Timestamp};
use std::collections::HashMap;
use std::sync::Arc;

pub struct SignalCache {
    rules: TriageRules,
    compiled: CompiledRules,
    by_case: HashMap<CaseId, (Timestamp, Arc<TextSignals>)>,
}

impl SignalCache {
    pub fn new(rules: &TriageRules) -> SignalCache {
        SignalCache { rules: rules.clone(), compiled: CompiledRules::new(rules), by_case: HashMap::new() }
    }

    /// Analyses `cases` ahead of time (cases about to be added, say) so that the next
    /// [`SignalCache::refresh`] finds them done; cases already analysed are skipped.
    pub fn warm(&mut self, cases: &[Case], rules: &TriageRules) {
        if &self.rules != rules {
            *self = SignalCache::new(rules);
        }
        for case in cases {
            let fresh = self.by_case.get(&case.id).is_some_and(|(seen, _)| *seen == case.updated_at);
            if !fresh {
                let signals = Arc::new(TextSignals::analyze(case, &self.compiled));
                self.by_case.insert(case.id.clone(), (case.updated_at, signals));
            }
        }
    }

    /// The signals of every case, in the order of `cases`; re-analyses only cases changed
    /// since the last call (by `updated_at`), and everything when the rules changed.
    pub fn refresh(&mut self, cases: &[Case], rules: &TriageRules) -> Vec<Arc<TextSignals>> {
        if &self.rules != rules {
            *self = SignalCache::new(rules);
        }
        let mut fresh = HashMap::with_capacity(cases.len());
        let signals = cases
            .iter()
            .map(|case| {
                let signals = match self.by_case.remove(&case.id) {
                    Some((seen, signals)) if seen == case.updated_at => signals,
                    _ => Arc::new(TextSignals::analyze(case, &self.compiled)),
                };
                fresh.insert(case.id.clone(), (case.updated_at, Arc::clone(&signals)));
                signals
            })
            .collect();
        self.by_case = fresh;
        signals
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case::{CaseDraft, Field, FieldValue};
    use chrono::{TimeZone, Utc};

    #[test]
    fn reuses_unchanged_cases_and_rereads_edited_ones_and_new_rules() {
        let at = |minute| Utc.with_ymd_and_hms(2026, 11, 2, 9, minute, 0).unwrap();
        let draft = |title: &str| CaseDraft { title: title.into(), ..CaseDraft::default() };
        let mut cases = vec![
            Case::create(CaseId("a".into()), draft("Checkout outage"), "Me", at(0)),
            Case::create(CaseId("b".into()), draft("Typo on FAQ"), "Me", at(0)),
        ];
        let rules = TriageRules::default();
        let mut cache = SignalCache::new(&rules);
        let first = cache.refresh(&cases, &rules);
        assert!(first[0].risk_keywords > 0);
        assert_eq!(first[1].risk_keywords, 0);

        cases[1].set_field(Field::Title, FieldValue::Text("Refund failed".into()), "Me", at(1)).unwrap();
        let second = cache.refresh(&cases, &rules);
        assert!(Arc::ptr_eq(&first[0], &second[0]), "unchanged case is not re-read");
        assert!(second[1].risk_keywords > 0, "edited case is re-read");

        let mut quieter = rules.clone();
        quieter.risk_keywords = Default::default();
        let third = cache.refresh(&cases, &quieter);
        assert_eq!(third[0].risk_keywords, 0, "new rules re-read everything");

        let coming = Case::create(CaseId("c".into()), draft("Payment outage"), "Me", at(2));
        cache.warm(std::slice::from_ref(&coming), &quieter);
        let warmed = cache.by_case[&coming.id].1.clone();
        cases.push(coming);
        let fourth = cache.refresh(&cases, &quieter);
        assert!(Arc::ptr_eq(&fourth[2], &warmed), "a warmed case is not read again");
    }
}
