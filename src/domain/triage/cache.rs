//! Keeps each case's text analysis until the case or the rules change, so a change to one
//! case re-reads one case and a tick of the clock re-reads none.

use super::{CompiledRules, TextSignals, TriageRules};
use crate::domain::case::{Case, Version};
use crate::domain::per_case::PerCase;
use std::sync::Arc;

pub struct SignalCache {
    rules: TriageRules,
    compiled: CompiledRules,
    by_case: PerCase<Version, Arc<TextSignals>>,
}

impl SignalCache {
    pub fn new(rules: &TriageRules) -> SignalCache {
        SignalCache { rules: rules.clone(), compiled: CompiledRules::new(rules), by_case: PerCase::default() }
    }

    fn follow(&mut self, rules: &TriageRules) {
        if &self.rules != rules {
            *self = SignalCache::new(rules);
        }
    }

    /// Analyses `cases` ahead of time (cases about to be added, say) so that the next
    /// [`SignalCache::refresh`] finds them done.
    pub fn warm(&mut self, cases: &[Case], rules: &TriageRules) {
        self.follow(rules);
        let compiled = &self.compiled;
        self.by_case.warm(cases, Case::version, |case| Arc::new(TextSignals::analyze(case, compiled)));
    }

    /// Forgets cases analysed ahead that never arrived (a cancelled import).
    pub fn forget_warmed(&mut self) {
        self.by_case.forget_ahead(|_, _| {});
    }

    /// The signals of every case, in the order of `cases`; re-analyses only cases changed
    /// since the last call (by [`Case::version`]), and everything when the rules changed. `order`
    /// changes whenever cases were added or moved.
    pub fn refresh(&mut self, cases: &[Case], order: u64, rules: &TriageRules) -> Vec<Arc<TextSignals>> {
        self.follow(rules);
        let compiled = &self.compiled;
        self.by_case
            .refresh(cases, order, Case::version, |case| Arc::new(TextSignals::analyze(case, compiled)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case::{CaseDraft, CaseId, Field, FieldValue};
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
        let first = cache.refresh(&cases, 0, &rules);
        assert!(first[0].risk_keywords > 0);
        assert_eq!(first[1].risk_keywords, 0);

        cases[1].set_field(Field::Title, FieldValue::Text("Refund failed".into()), "Me", at(1)).unwrap();
        let second = cache.refresh(&cases, 0, &rules);
        assert!(Arc::ptr_eq(&first[0], &second[0]), "unchanged case is not re-read");
        assert!(second[1].risk_keywords > 0, "edited case is re-read");

        let mut quieter = rules.clone();
        quieter.risk_keywords = Default::default();
        let third = cache.refresh(&cases, 0, &quieter);
        assert_eq!(third[0].risk_keywords, 0, "new rules re-read everything");

        let coming = Case::create(CaseId("c".into()), draft("Payment outage"), "Me", at(2));
        cache.warm(std::slice::from_ref(&coming), &quieter);
        cases.push(coming);
        let fourth = cache.refresh(&cases, 1, &quieter);
        let again = cache.refresh(&cases, 1, &quieter);
        assert!(Arc::ptr_eq(&fourth[2], &again[2]), "a warmed case is not read again");
    }
}
