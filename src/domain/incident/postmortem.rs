//! The postmortem draft offered on resolving: the impact in numbers, the timeline of updates
//! and plan steps, and the sections the team fills in, as Markdown.

use super::handoff::markdown_inline as md;
use super::templates::{duration_in, zoned};
use super::{radius_of, CaseFacts, Incident, IncidentEvent, IncidentStatus};
use crate::domain::case::{Choice, Timestamp};
use crate::i18n::{fill, tr, Lang, Text};
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

/// The draft as Markdown, its headings and labels in `lang` (what people wrote stays as
/// written). `cases` are the incident's cases with their SLA states; `zone` is the desk's
/// zone, shown beside UTC.
pub fn postmortem(
    incident: &Incident,
    cases: &[CaseFacts],
    zone: &str,
    lang: Lang,
    now: Timestamp,
) -> String {
    let t = |text: Text| tr(lang, text);
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
            facts.breached().map(move |target| {
                fill(t(Text::PmBreachOn), &[("target", t(target.text())), ("case", &facts.case.id.0)])
            })
        })
        .collect();
    let table = |out: &mut String, head: &[Text]| {
        let head: Vec<&str> = head.iter().map(|text| t(*text)).collect();
        out.push_str(&format!("| {} |\n|{}\n", head.join(" | "), " --- |".repeat(head.len())));
    };
    let mut out = format!(
        "# {}\n\n## {}\n\n",
        fill(t(Text::PmTitle), &[("id", &md(&incident.id)), ("title", &md(&incident.title))]),
        t(Text::PmImpact)
    );
    table(&mut out, &[Text::PmMeasure, Text::PmValue]);
    let mut rows = vec![
        (t(Text::IncidentImpact).to_string(), t(incident.impact.text()).to_string()),
        (t(Text::PmStarted).into(), both(incident.created_at)),
        (t(if incident.is_open() { Text::PmStillOpen } else { Text::PmResolved }).into(), both(end)),
        (t(Text::Duration).into(), duration_in(lang, end - incident.created_at)),
    ];
    for (status, spent) in time_in_status(incident, end) {
        rows.push((fill(t(Text::PmTimeIn), &[("status", t(status.text()))]), duration_in(lang, spent)));
    }
    rows.extend([
        (t(Text::Cases).into(), radius.cases.to_string()),
        (t(Text::Customers).into(), radius.customers.len().to_string()),
        (t(Text::PeopleAffected).into(), radius.customers_affected.to_string()),
        (t(Text::IncidentDataLoss).into(), t(incident.data_loss.text()).into()),
        (
            t(Text::PmSlaBreached).into(),
            match breached.len() {
                0 => t(Text::ImpactLevelNone).into(),
                n => format!("{n}: {}", breached.join(t(Text::ListSeparator))),
            },
        ),
    ]);
    for (label, value) in rows {
        out.push_str(&format!("| {} | {} |\n", md(&label), md(&value)));
    }
    out.push_str(&format!("\n## {}\n\n", t(Text::Timeline)));
    table(&mut out, &[Text::AxisTime, Text::PmWho, Text::PmWhat]);
    for entry in &incident.timeline {
        let what = match &entry.event {
            // The update's words matter for the review, not only its subject.
            IncidentEvent::UpdatePosted { audience, subject, text, .. } => fill(
                t(Text::PmUpdateTo),
                &[("audience", t(audience.text())), ("subject", subject), ("text", text)],
            ),
            event => event.describe_in(lang),
        };
        out.push_str(&format!("| {} | {} | {} |\n", md(&both(entry.at)), md(&entry.author), md(&what)));
    }
    if !incident.plan.is_empty() {
        out.push_str(&format!("\n## {}\n\n", t(Text::RecoveryPlan)));
        for step in &incident.plan {
            let required = if step.required { format!(" {}", t(Text::RequiredMark)) } else { String::new() };
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
    for section in [Text::PmWhatHappened, Text::PmFactors, Text::PmWentWell, Text::PmWentBadly] {
        out.push_str(&format!("\n## {}\n\n{}\n", t(section), t(Text::PmToWrite)));
    }
    out.push_str(&format!("\n## {}\n\n", t(Text::PmActionItems)));
    table(&mut out, &[Text::PmActionItem, Text::PmOwner, Text::PmDue]);
    out.push_str("|  |  |  |\n");
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
        let draft = postmortem(&incident, &facts, "Asia/Seoul", Lang::En, at(500));
        assert!(draft.starts_with("# Postmortem: INC-3 Checkout \\<down\\>\n"), "{draft}");
        for line in [
            "| Duration | 2 h 30 min |",
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

    #[test]
    fn a_korean_draft_has_korean_headings_and_still_prints_as_tables() {
        let case = Case::create(
            CaseId("c1".into()),
            CaseDraft {
                title: "결제 실패".into(), customer: "한빛상사".into(), ..CaseDraft::default()
            },
            "Me",
            at(0),
        );
        let mut incident =
            Incident::promote("INC-7".into(), "결제 오류 | 카드", "g", vec![case.id.clone()], "민아", at(0));
        incident.start_plan(&PlanTemplate::default().in_lang(Lang::Ko), "민아", at(0));
        incident.post_update(
            Audience::Customers,
            "확인 중",
            "원인을 확인하고 있습니다",
            &Cadence::default(),
            "민아",
            at(5),
        );
        incident.set_status(IncidentStatus::Identified, "민아", at(20));
        let facts = [CaseFacts { case: &case, score: None, sla: vec![] }];
        let draft = postmortem(&incident, &facts, "Asia/Seoul", Lang::Ko, at(80));
        for line in [
            "# 사후 분석 보고서: INC-7 결제 오류 \\| 카드\n",
            "## 영향 범위",
            "| 항목 | 내용 |",
            "| 지속 시간 | 1시간 20분 |",
            "| 조사 중 단계 소요 시간 | 20분 |",
            "| SLA 위반 | 없음 |",
            "| 고객 대상 업데이트: 확인 중: 원인을 확인하고 있습니다 |",
            "상태 변경: 조사 중 → 원인 파악 |",
            "- [ ] 영향 범위 확인 (필수)",
            "## 발생 경위",
            "## 잘된 점",
            "## 후속 조치",
            "| 조치 사항 | 담당자 | 기한 |",
        ] {
            assert!(draft.contains(line), "missing {line:?} in\n{draft}");
        }
        for english in
            ["Postmortem", "Impact", "Duration", "What happened", "Owner", "Update to", "To be written"]
        {
            assert!(!draft.contains(english), "{english:?} left in\n{draft}");
        }
        let html = crate::domain::incident::markdown::to_html(&draft);
        for part in [
            "<h2>영향 범위</h2>",
            "<table><tr><th>항목</th><th>내용</th></tr>",
            "<td>지속 시간</td>",
            "<th>조치 사항</th>",
        ] {
            assert!(html.contains(part), "missing {part:?} in\n{html}");
        }
    }
}
