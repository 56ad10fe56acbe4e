//! Something worked out per case (its text signals, its SLA clocks, its search text), kept
//! until the case changes. Values follow the desk's order: cases are appended, so a case is
//! found at its old place, without hashing 50,000 ids on every change. The caller counts
//! changes to the order (an `order` number); while it holds, places are trusted outright,
//! else ids are compared, and only when the order shifted (another tab's merge) are the
//! leftovers looked up by id.

use crate::domain::case::{Case, CaseId};
use std::collections::{HashMap, VecDeque};

pub struct PerCase<S, T> {
    by_place: Vec<(CaseId, S, T)>,
    /// The caller's order number at the last refresh.
    order: Option<u64>,
    /// Worked out ahead for cases about to join the desk (while an import runs), in the
    /// order they are expected to arrive in, so each is found without hashing.
    ahead: VecDeque<(CaseId, S, T)>,
    /// The values made ahead, by id, once cases arrived in another order.
    ahead_by_id: HashMap<CaseId, (S, T)>,
}

impl<S, T> Default for PerCase<S, T> {
    fn default() -> Self {
        PerCase { by_place: Vec::new(), order: None, ahead: VecDeque::new(), ahead_by_id: HashMap::new() }
    }
}

impl<S: PartialEq, T: Clone> PerCase<S, T> {
    /// Works out `cases` ahead of their arrival, so the refresh that sees them finds them done.
    pub fn warm(&mut self, cases: &[Case], stamp: impl Fn(&Case) -> S, mut make: impl FnMut(&Case) -> T) {
        for case in cases {
            let value = make(case);
            self.ahead.push_back((case.id.clone(), stamp(case), value));
        }
    }

    /// How many cases were worked out ahead and have not arrived yet.
    pub fn ahead(&self) -> usize {
        self.ahead.len() + self.ahead_by_id.len()
    }

    /// Drops what was worked out ahead and never arrived (a cancelled import), handing each
    /// value to `dropped`.
    pub fn forget_ahead(&mut self, mut dropped: impl FnMut(CaseId, T)) {
        for (id, _, value) in self.ahead.drain(..) {
            dropped(id, value);
        }
        for (id, (_, value)) in self.ahead_by_id.drain() {
            dropped(id, value);
        }
    }

    /// The value made ahead for `id`, if any.
    fn take_ahead(&mut self, id: &CaseId) -> Option<(S, T)> {
        match self.ahead.front() {
            Some((next, _, _)) if next == id => self.ahead.pop_front().map(|(_, s, value)| (s, value)),
            Some(_) => {
                self.ahead_by_id.extend(self.ahead.drain(..).map(|(id, s, value)| (id, (s, value))));
                self.ahead_by_id.remove(id)
            }
            None if self.ahead_by_id.is_empty() => None,
            None => self.ahead_by_id.remove(id),
        }
    }

    /// The value of every case in the order of `cases`: kept while the stamp is the same,
    /// else `update` makes it, given the value it had before (None for a case new here).
    /// Cases no longer in `cases` are handed to `gone`. `order` must change whenever cases
    /// were added, removed or moved since the last refresh.
    pub fn refresh_with(
        &mut self,
        cases: &[Case],
        order: u64,
        stamp: impl Fn(&Case) -> S,
        mut update: impl FnMut(&Case, Option<T>) -> T,
        mut gone: impl FnMut(CaseId, T),
    ) -> Vec<T> {
        let same_places = self.order == Some(order) && self.by_place.len() == cases.len();
        self.order = Some(order);
        if same_places {
            return self.refresh_in_place(cases, stamp, update);
        }
        let mut old = std::mem::take(&mut self.by_place).into_iter();
        let mut moved: Option<HashMap<CaseId, (S, T)>> = None;
        let mut values = Vec::with_capacity(cases.len());
        self.by_place.reserve(cases.len());
        for case in cases {
            let before = match &mut moved {
                None => match old.next() {
                    Some((id, s, value)) if id == case.id => Some((s, value)),
                    Some((id, s, value)) => {
                        // The order shifted: find the rest by id from here on.
                        let mut rest: HashMap<_, _> = old.by_ref().map(|(id, s, v)| (id, (s, v))).collect();
                        rest.insert(id, (s, value));
                        moved.insert(rest).remove(&case.id)
                    }
                    None => None,
                },
                Some(rest) => rest.remove(&case.id),
            }
            .or_else(|| self.take_ahead(&case.id));
            let now = stamp(case);
            let value = match before {
                Some((s, value)) if s == now => value,
                Some((_, value)) => update(case, Some(value)),
                None => update(case, None),
            };
            values.push(value.clone());
            self.by_place.push((case.id.clone(), now, value));
        }
        for (id, _, value) in old {
            gone(id, value);
        }
        for (id, (_, value)) in moved.into_iter().flatten() {
            gone(id, value);
        }
        values
    }

    /// Every case is where it was: only stamps are compared.
    fn refresh_in_place(
        &mut self,
        cases: &[Case],
        stamp: impl Fn(&Case) -> S,
        mut update: impl FnMut(&Case, Option<T>) -> T,
    ) -> Vec<T> {
        let mut values = Vec::with_capacity(cases.len());
        for (case, (_, kept, value)) in cases.iter().zip(&mut self.by_place) {
            let now = stamp(case);
            if *kept != now {
                *value = update(case, Some(value.clone()));
                *kept = now;
            }
            values.push(value.clone());
        }
        values
    }

    /// [`PerCase::refresh_with`] for values made from the case alone.
    pub fn refresh(
        &mut self,
        cases: &[Case],
        order: u64,
        stamp: impl Fn(&Case) -> S,
        mut make: impl FnMut(&Case) -> T,
    ) -> Vec<T> {
        self.refresh_with(cases, order, stamp, |case, _| make(case), |_, _| {})
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case::{CaseDraft, Field, FieldValue};
    use chrono::{TimeZone, Utc};

    fn case(id: &str, title: &str) -> Case {
        let at = Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap();
        Case::create(CaseId(id.into()), CaseDraft { title: title.into(), ..CaseDraft::default() }, "Me", at)
    }

    fn titles(
        cache: &mut PerCase<chrono::DateTime<Utc>, String>,
        cases: &[Case],
        order: u64,
        made: &mut usize,
    ) -> Vec<String> {
        cache.refresh(
            cases,
            order,
            |c| c.updated_at,
            |c| {
                *made += 1;
                c.title.clone()
            },
        )
    }

    #[test]
    fn keeps_unchanged_values_remakes_edited_ones_and_follows_a_shifted_order() {
        let mut cases = vec![case("a", "One"), case("b", "Two"), case("c", "Three")];
        let mut cache = PerCase::default();
        let mut made = 0;
        assert_eq!(titles(&mut cache, &cases, 0, &mut made), ["One", "Two", "Three"]);
        assert_eq!(made, 3);

        let later = Utc.with_ymd_and_hms(2026, 11, 2, 10, 0, 0).unwrap();
        cases[1].set_field(Field::Title, FieldValue::Text("Deux".into()), "Me", later).unwrap();
        assert_eq!(titles(&mut cache, &cases, 0, &mut made), ["One", "Deux", "Three"]);
        assert_eq!(made, 4, "an edit in place remakes only the edited case");

        cases.push(case("d", "Four"));
        assert_eq!(titles(&mut cache, &cases, 1, &mut made), ["One", "Deux", "Three", "Four"]);
        assert_eq!(made, 5, "only the new case is made");

        cases.swap(0, 2);
        cases.remove(1);
        let mut gone = Vec::new();
        let values =
            cache.refresh_with(&cases, 2, |c| c.updated_at, |c, _| c.title.clone(), |id, _| gone.push(id));
        assert_eq!(values, ["Three", "One", "Four"]);
        assert_eq!(gone, [CaseId("b".into())]);
    }

    /// A cache holding case "a", with values made ahead for "b" and "c" (which it returns).
    fn warmed_ahead() -> (Vec<Case>, PerCase<chrono::DateTime<Utc>, String>, usize, [Case; 2]) {
        let cases = vec![case("a", "One")];
        let mut cache = PerCase::default();
        let mut made = 0;
        titles(&mut cache, &cases, 0, &mut made);
        let coming = [case("b", "Two"), case("c", "Three")];
        cache.warm(&coming, |c| c.updated_at, |c| format!("{} (ahead)", c.title));
        (cases, cache, made, coming)
    }

    #[test]
    fn values_made_ahead_are_used_once_the_cases_arrive_and_can_be_forgotten() {
        let (mut cases, mut cache, mut made, coming) = warmed_ahead();
        cases.push(coming[0].clone());
        assert_eq!(titles(&mut cache, &cases, 1, &mut made), ["One", "Two (ahead)"]);
        assert_eq!(made, 1);
        let mut dropped = Vec::new();
        cache.forget_ahead(|id, _| dropped.push(id));
        assert_eq!(dropped, [CaseId("c".into())]);
    }

    #[test]
    fn values_made_ahead_are_found_when_cases_arrive_in_another_order() {
        let (mut cases, mut cache, mut made, coming) = warmed_ahead();
        cases.extend([coming[1].clone(), coming[0].clone()]);
        assert_eq!(titles(&mut cache, &cases, 1, &mut made), ["One", "Three (ahead)", "Two (ahead)"]);
        assert_eq!((made, cache.ahead()), (1, 0));
    }
}
