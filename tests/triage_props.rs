#![cfg(not(target_arch = "wasm32"))]
//! Properties of the triage score that must hold for any case, not just the examples.

mod support;

use chrono::Duration;
use proptest::prelude::*;
use support::at;
use triage_desk::domain::case::{CaseDraft, Tier, Urgency};
use triage_desk::domain::triage::{
    score, CompiledRules, Factor, Score, TextField, TextSignals, TimePressure, TriageRules, Weights,
};

#[derive(Clone, Debug)]
struct Input {
    tier: Tier,
    customers: u32,
    urgency: Urgency,
    signals: TextSignals,
    pressure: TimePressure,
    group_size: u32,
}

fn tier() -> impl Strategy<Value = Tier> {
    prop::sample::select(Tier::ALL)
}

fn pressure() -> impl Strategy<Value = TimePressure> {
    prop_oneof![
        (-3_600i64..2_000_000).prop_map(|secs| TimePressure::Age(Duration::seconds(secs))),
        (-1_000_000i64..1_000_000, 0i64..1_000_000).prop_map(|(remaining, target)| TimePressure::Sla {
            remaining: Duration::seconds(remaining),
            target: Duration::seconds(target),
        }),
    ]
}

fn input() -> impl Strategy<Value = Input> {
    (
        tier(),
        1u32..=10_000_000,
        prop::sample::select(Urgency::ALL),
        (0u8..6, 0u8..6, 0u8..=1),
        pressure(),
        1u32..200,
    )
        .prop_map(|(tier, customers, urgency, (risk, distress, boost), pressure, group_size)| Input {
            tier,
            customers,
            urgency,
            signals: TextSignals {
                matches: Vec::new(),
                risk_keywords: risk,
                distress_cues: distress,
                urgency_boost: boost,
            },
            pressure,
            group_size,
        })
}

/// Any weights the editor accepts (0..=50 each), with the default matrix.
fn rules() -> impl Strategy<Value = TriageRules> {
    prop::array::uniform7(0u8..=Weights::MAX).prop_map(|weights| {
        let mut rules = TriageRules::default();
        for (factor, weight) in Factor::ALL.into_iter().zip(weights) {
            rules.weights.set(factor, weight);
        }
        rules
    })
}

fn score_of(input: &Input, rules: &TriageRules) -> Score {
    let draft = CaseDraft {
        title: "Case".into(),
        tier: input.tier,
        customers_affected: input.customers,
        urgency: input.urgency,
        ..CaseDraft::default()
    };
    let case = support::case("c", draft, at(0));
    score(&case, &input.signals, input.pressure, input.group_size, rules)
}

proptest! {
    #[test]
    fn breakdown_sums_to_a_score_within_0_to_100(input in input(), weights in prop::array::uniform7(any::<u8>())) {
        let mut rules = TriageRules::default();
        for (factor, weight) in Factor::ALL.into_iter().zip(weights) {
            rules.weights.set(factor, weight);
        }
        let result = score_of(&input, &rules);
        prop_assert!(result.total <= 100);
        prop_assert_eq!(result.points.total(), result.total);
        let max = rules.weights.max_points();
        for (factor, points) in result.points.iter() {
            // Rounding may give a factor one point above its rounded share, never more.
            prop_assert!(points <= max.get(factor) + 1, "{:?}: {} of {}", factor, points, max.get(factor));
        }
        prop_assert_eq!(score_of(&input, &rules), result, "same inputs, same score");
    }

    #[test]
    fn more_customers_never_lower_the_score(input in input(), rules in rules(), extra in 0u32..100_000) {
        let more = Input { customers: input.customers.saturating_add(extra).min(10_000_000), ..input.clone() };
        prop_assert!(score_of(&more, &rules).total >= score_of(&input, &rules).total);
    }

    #[test]
    fn a_higher_tier_never_lowers_the_score(input in input(), rules in rules(), other in tier()) {
        // Tier::ALL is highest first, so the smaller of the two is the higher tier.
        let higher = Input { tier: input.tier.min(other), ..input.clone() };
        let lower = Input { tier: input.tier.max(other), ..input };
        prop_assert!(score_of(&higher, &rules).total >= score_of(&lower, &rules).total);
    }

    #[test]
    fn less_sla_time_left_never_lowers_the_score(
        input in input(),
        rules in rules(),
        remaining in -1_000_000i64..1_000_000,
        less in 0i64..1_000_000,
        target in 0i64..1_000_000,
    ) {
        let with = |remaining: i64| Input {
            pressure: TimePressure::Sla { remaining: Duration::seconds(remaining), target: Duration::seconds(target) },
            ..input.clone()
        };
        prop_assert!(score_of(&with(remaining - less), &rules).total >= score_of(&with(remaining), &rules).total);
    }

    #[test]
    fn an_older_case_never_scores_lower(input in input(), rules in rules(), age in -3_600i64..2_000_000, older in 0i64..500_000) {
        let with = |age: i64| Input { pressure: TimePressure::Age(Duration::seconds(age)), ..input.clone() };
        prop_assert!(score_of(&with(age + older), &rules).total >= score_of(&with(age), &rules).total);
    }

    #[test]
    fn more_keywords_or_a_bigger_group_never_lower_the_score(
        input in input(),
        rules in rules(),
        extra_keywords in 0u8..4,
        extra_group in 0u32..100,
    ) {
        let mut more = input.clone();
        more.signals.risk_keywords += extra_keywords;
        more.signals.urgency_boost = more.signals.urgency_boost.max(u8::from(extra_keywords > 0));
        more.group_size += extra_group;
        prop_assert!(score_of(&more, &rules).total >= score_of(&input, &rules).total);
    }

    #[test]
    fn any_text_analyses_into_valid_highlight_ranges(title in "\\PC{0,40}", description in "(\\PC|[!A-Z 결제無法]){0,200}") {
        let draft = CaseDraft { title: title.clone(), description: description.clone(), ..CaseDraft::default() };
        let case = support::case("c", draft, at(0));
        let signals = TextSignals::analyze(&case, &CompiledRules::new(&TriageRules::default()));
        for found in &signals.matches {
            let text = match found.field { TextField::Title => &case.title, TextField::Description => &case.description };
            prop_assert!(found.range.start < found.range.end && text.get(found.range.clone()).is_some(), "{:?}", found);
        }
    }
}
