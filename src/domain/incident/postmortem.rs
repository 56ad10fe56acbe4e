//! The postmortem draft offered on resolving: the impact in numbers, the timeline of updates
//! and plan steps, and the sections the team fills in, as Markdown.

use super::handoff::markdown_inline as md;
use super::templates::zoned;
use super::{radius_of, CaseFacts, Incident, IncidentEvent, IncidentStatus};
use crate::domain::case::Timestamp;
use crate::domain::sla::format_duration;
use crate::zone::Zone;
use chrono::TimeDelta;

/// How long the incident spent in each status until `end` (its resolution, or `now`).
pub fn time_in_status(incident: &Incident, now: Timestamp) -> Vec<(IncidentStatus, TimeDelta)> {
    let mut spent: Vec<(IncidentStatus, TimeDelta)> =
        IncidentStatus::ALL.iter().map(|status| (*status, TimeDelta::zero())).collect();
    let mut current = (IncidentStatus::Investigating, incident.created_at);
    let changes = incident.timeline.iter().filter_map(|entry| match entry.event {
        IncidentEvent::StatusChanged { to, .. } => Some((to, entry.at)),
        _ => None,
    });
    for (to, at) in changes.chain([(incident.status, now)]) {
        if let Some(slot) = spent.iter_mut().find(|(status, _)| *status == current.0) {
            if current.0.is_open() {
                slot.1 += (at - current.1).max(TimeDelta::zero());
            }
        }
        current = (to, at);
    }
    spent.retain(|(status, _)| status.is_open());
    spent
}

/// The draft as Markdown. `cases` are the incident's cases with their SLA states; `zone` is
/// the desk's zone, shown beside UTC.
pub fn postmortem(incident: &Incident, cases: &[CaseFacts], zone: &str, now: Timestamp) -> String {
    let zone = Zone::parse(zone);
    let both = |at: Timestamp| match &zone {
        Some(zone) if zone.name() != "UTC" => format!("{} / {}", zoned(at, None), zoned(at, Some(zone))),
        _ => zoned(at, None),
    };
    let end = incident.resolved_at().unwrap_or(now);
    let radius = radius_of(cases.iter().map(|facts| facts.case));
    let breached: Vec<String> = cases
        .iter()
        .flat_map(|facts| {
            facts.breached().map(move |target| format!("{} on {}", target.label(), facts.case.id))
        })
        .collect();
    let mut out = format!("# Postmortem: {} {}\n\n", md(&incident.id), md(&incident.title));
    out.push_str("## Impact\n\n| Measure | Value |\n| --- | --- |\n");
    let mut rows = vec![
        ("Impact".to_string(), incident.impact.label().to_string()),
        ("Started".into(), both(incident.created_at)),
        (if incident.is_open() { "Still open at".into() } else { "Resolved".into() }, both(end)),
        ("Duration".into(), format_duration(end - incident.created_at)),
    ];
    for (status, spent) in time_in_status(incident, end) {
        rows.push((format!("Time in {status}"), format_duration(spent)));
    }
    rows.extend([
        ("Cases".into(), radius.cases.to_string()),
        ("Customers".into(), radius.customers.len().to_string()),
        ("People affected".into(), radius.customers_affected.to_string()),
        ("Data loss".into(), incident.data_loss.label().to_string()),
        (
            "SLA targets breached".into(),
            match breached.len() {
                0 => "none".into(),
                n => format!("{n}: {}", breached.join(", ")),
            },
        ),
    ]);
    for (label, value) in rows {
        out.push_str(&format!("| {} | {} |\n", md(&label), md(&value)));
    }
    out.push_str("\n## Timeline\n\n| Time | Who | What |\n| --- | --- | --- |\n");
    for entry in &incident.timeline {
        let what = match &entry.event {
            // The update's words matter for the review, not only its subject.
            IncidentEvent::UpdatePosted { audience, subject, text, .. } => {
                format!("Update to {}: {subject}: {text}", audience.label())
            }
            event => event.describe(),
        };
        out.push_str(&format!("| {} | {} | {} |\n", md(&both(entry.at)), md(&entry.author), md(&what)));
    }
    if !incident.plan.is_empty() {
        out.push_str("\n## Recovery plan\n\n");
        for step in &incident.plan {
            let required = if step.required { " (required)" } else { "" };
            match &step.done {
                Some(ticked) => out.push_str(&format!(
                    "- [x] {}{required}: {}, {}\n",
                    md(&step.label),
                    md(&ticked.by),
                    md(&both(ticked.at))
                )),
                None => out.push_str(&format!("- [ ] {}{required}\n", md(&step.label))),
            }
        }
    }
    for section in ["What happened", "Contributing factors", "What went well", "What did not go well"] {
        out.push_str(&format!("\n## {section}\n\n_To be written._\n"));
    }
    out.push_str("\n## Action items\n\n| Action | Owner | Due |\n| --- | --- | --- |\n|  |  |  |\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case::{Case, CaseDraft, CaseId};
    use crate::domain::incident::cadence::{Cadence, Impact};
    use crate::domain::incident::plan::PlanTemplate;
    use crate::domain::incident::templates::Audience;
    use crate::domain::sla::{Target, TargetState, TargetStatus};
    use chrono::{TimeZone, Utc};

    fn at(minute: i64) -> Timestamp {
        Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap() + TimeDelta::minutes(minute)
    }

    #[test]
    fn the_draft_counts_time_per_status_breaches_and_lists_updates_and_steps() {
        let cadence = Cadence::default();
        let case = Case::create(
            CaseId("c1".into()),
            CaseDraft {
                title: "Pay | fails".into(),
                customer: "Kumo".into(),
                customers_affected: 12,
                ..CaseDraft::default()
            },
            "Me",
            at(0),
        );
        let mut incident =
            Incident::promote("INC-3".into(), "Checkout <down>", "g", vec![case.id.clone()], "Mina", at(0));
        incident.start_plan(&PlanTemplate::default(), "Mina", at(0));
        incident.set_impact(Impact::Critical, &cadence, "Mina", at(1));
        incident.post_update(Audience::Customers, "Investigating", "We are on it", &cadence, "Mina", at(5));
        incident.set_status(IncidentStatus::Identified, "Mina", at(30));
        incident.tick_step(1, true, "Jun", at(31));
        incident.set_status(IncidentStatus::Monitoring, "Mina", at(90));
        incident.resolve("Checked with the vendor", "Mina", at(150)).unwrap();
        let spent = time_in_status(&incident, at(150));
        assert_eq!(
            spent,
            [
                (IncidentStatus::Investigating, TimeDelta::minutes(30)),
                (IncidentStatus::Identified, TimeDelta::minutes(60)),
                (IncidentStatus::Monitoring, TimeDelta::minutes(60)),
            ]
        );
        let breached = TargetStatus { state: TargetState::Breached, ..TargetStatus::NOT_APPLICABLE };
        let facts = [CaseFacts { case: &case, score: None, sla: vec![(Target::FirstResponse, breached)] }];
        let draft = postmortem(&incident, &facts, "Asia/Seoul", at(500));
        assert!(draft.starts_with("# Postmortem: INC-3 Checkout \\<down\\>\n"), "{draft}");
        for line in [
            "| Duration | 2 h 30 m |",
            "| Time in Identified | 1 h |",
            "| People affected | 12 |",
            "| SLA targets breached | 1: First response on c1 |",
            "| Resolved | 2026-11-02 11:30 (UTC) / 2026-11-02 20:30 (UTC+9) |",
            "| 2026-11-02 09:05 (UTC) / 2026-11-02 18:05 (UTC+9) | Mina | Update to Customers: Investigating: We are on it |",
            "- [x] Scope confirmed (required): Jun, 2026-11-02 09:31 (UTC) / 2026-11-02 18:31 (UTC+9)",
            "- [ ] Fix deployed (required)",
            "## Contributing factors",
            "| Action | Owner | Due |",
        ] {
            assert!(draft.contains(line), "missing {line:?} in\n{draft}");
        }
    }
}
