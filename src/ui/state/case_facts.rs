//! The engines' view of a few cases at once (score and SLA states), for the engineering
//! hand-off and the postmortem, which the domain compiles from `CaseFacts`.

use super::grouping::{use_grouping, Grouping};
use super::scoring::{use_scoring, Scoring};
use super::sla_board::{use_sla_board, SlaBoard};
use super::store::{use_desk, DeskStore};
use crate::domain::case::{CaseId, Tier, Timestamp};
use crate::domain::incident::CaseFacts;
use crate::domain::sla::board::time_pressure;
use crate::domain::sla::Target;
use crate::domain::triage::score;
use leptos::prelude::*;

/// What the hand-off and the postmortem read per case: the score and the SLA states, as the
/// case page shows them.
#[derive(Clone, Copy)]
pub struct CaseFactsReader {
    store: DeskStore,
    sla: SlaBoard,
    scoring: Scoring,
    grouping: Grouping,
}

impl CaseFactsReader {
    /// The desk's zone: the Standard tier's business calendar's.
    pub fn zone(&self) -> String {
        self.sla.engine.with(|engine| engine.0.calendar_for(Tier::Standard).zone().name().to_string())
    }

    /// The strongest words of the group holding any of `ids`.
    pub fn shared_words(&self, ids: &[CaseId]) -> Vec<String> {
        self.grouping.groups.with(|groups| {
            let group = groups.iter().flatten().find(|g| g.members.iter().any(|m| ids.contains(m)));
            group.map(|g| g.top_terms.iter().take(8).cloned().collect()).unwrap_or_default()
        })
    }

    /// Calls `read` with the facts of `ids` (those that exist), in that order.
    pub fn read<R>(&self, ids: &[CaseId], now: Timestamp, read: impl FnOnce(Vec<CaseFacts>) -> R) -> R {
        let CaseFactsReader { store, sla, scoring, grouping } = *self;
        store.desk.with(|desk| {
            let facts = ids
                .iter()
                .filter_map(|id| store.find(desk, id))
                .map(|case| {
                    let settled = sla.settled_of(&case.id);
                    let signals =
                        scoring.signals.with(|all| store.place(&case.id).and_then(|at| all.get(at).cloned()));
                    let pressure = time_pressure(case, settled.as_ref(), now);
                    let scored = scoring.rules.with(|rules| {
                        score(
                            case,
                            &signals.unwrap_or_default(),
                            pressure,
                            grouping.group_size(&case.id),
                            rules,
                        )
                    });
                    let sla = settled.map(|s| Target::ALL.into_iter().map(|t| (t, s.get(t))).collect());
                    CaseFacts {
                        case,
                        score: Some((scored, scored.with_pin(case.priority_pin).effective())),
                        sla: sla.unwrap_or_default(),
                    }
                })
                .collect();
            read(facts)
        })
    }
}

pub fn use_case_facts() -> CaseFactsReader {
    CaseFactsReader {
        store: use_desk(),
        sla: use_sla_board(),
        scoring: use_scoring(),
        grouping: use_grouping(),
    }
}
