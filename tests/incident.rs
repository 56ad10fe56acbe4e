#![cfg(not(target_arch = "wasm32"))]
// Native only: golden files are read from disk, and zones come from chrono-tz.
//! Incident response across modules: the engineering hand-off's golden files (a fixed
//! incident with Korean and Chinese text, and hostile text in every format), outreach that
//! the SLA clocks count, and the new stored fields in the JSON export.
//!
//! `UPDATE_GOLDEN=1 cargo test --test incident` rewrites the golden files; read the diff.

use chrono::{TimeDelta, TimeZone, Utc};
use std::path::PathBuf;
use triage_desk::domain::case::{
    Case, CaseDraft, CaseId, Field, FieldValue, NoteKind, Status, Surface, Tier, Timestamp,
};
use triage_desk::domain::desk::Desk;
use triage_desk::domain::desk_incidents::Promotion;
use triage_desk::domain::import::read_import;
use triage_desk::domain::incident::cadence::Impact;
use triage_desk::domain::incident::handoff::{handoff, Format, HandoffInput};
use triage_desk::domain::incident::templates::{Audience, Lang};
use triage_desk::domain::incident::{CaseFacts, DataLoss, Incident, IncidentStatus};
use triage_desk::domain::persist::export_json;
use triage_desk::domain::sla::{SlaEngine, SlaSettings, Target, TargetState};
use triage_desk::domain::triage::{score, CompiledRules, TextSignals, TimePressure, TriageRules};

fn at(minute: i64) -> Timestamp {
    Utc.with_ymd_and_hms(2026, 11, 2, 1, 0, 0).unwrap() + TimeDelta::minutes(minute)
}

fn id(text: &str) -> CaseId {
    CaseId(text.into())
}

struct Draft<'a> {
    id: &'a str,
    title: &'a str,
    description: &'a str,
    customer: &'a str,
    tier: Tier,
    surface: Surface,
    people: u32,
    minute: i64,
}

fn add(desk: &mut Desk, draft: Draft) {
    let Draft { id: case_id, title, description, customer, tier, surface, people, minute } = draft;
    let draft = CaseDraft {
        title: title.into(),
        description: description.into(),
        customer: customer.into(),
        tier,
        surface,
        category: "Payments".into(),
        customers_affected: people,
        ..CaseDraft::default()
    };
    desk.cases.push(Case::create(id(case_id), draft, "Mina", at(minute)));
}

fn edit(desk: &mut Desk, case: &str, field: Field, text: &str, minute: i64) {
    let case = desk.case_mut(&id(case)).unwrap();
    case.set_field(field, FieldValue::Text(text.into()), "Mina", at(minute)).unwrap();
}

/// A checkout incident reported in Korean, Chinese and English.
fn fixed_desk() -> Desk {
    let mut desk = Desk::default();
    add(
        &mut desk,
        Draft {
            id: "k1",
            title: "결제 페이지에서 카드 결제 실패",
            description: "카드 승인 후 오류 화면이 표시됩니다.",
            customer: "한빛상사",
            tier: Tier::Enterprise,
            surface: Surface::Website,
            people: 120,
            minute: 0,
        },
    );
    add(
        &mut desk,
        Draft {
            id: "t1",
            title: "結帳時信用卡付款失敗",
            description: "付款後出現錯誤頁面。",
            customer: "台北數位",
            tier: Tier::Premium,
            surface: Surface::App,
            people: 40,
            minute: 12,
        },
    );
    add(
        &mut desk,
        Draft {
            id: "e1",
            title: "Card payment fails at checkout",
            description: "Error 502 after 3-D Secure.",
            customer: "Harborline",
            tier: Tier::Standard,
            surface: Surface::Website,
            people: 3,
            minute: 20,
        },
    );
    edit(&mut desk, "k1", Field::ExternalId, "ZD-4411", 1);
    edit(
        &mut desk,
        "k1",
        Field::StepsToReproduce,
        "1. 장바구니에 상품 담기\n2. 카드로 결제\n3. 3-D Secure 인증",
        2,
    );
    edit(&mut desk, "k1", Field::Expected, "주문 완료 화면", 2);
    edit(&mut desk, "k1", Field::Actual, "502 오류 화면", 2);
    edit(&mut desk, "k1", Field::AppVersion, "web 5.2.0", 2);
    edit(&mut desk, "k1", Field::Browser, "Chrome 131", 2);
    edit(&mut desk, "k1", Field::ReferenceIds, "order 88120, account HB-7", 2);
    edit(&mut desk, "k1", Field::Tried, "캐시 삭제, 다른 카드로 시도", 3);
    edit(&mut desk, "t1", Field::ExternalId, "ZD-4420", 13);
    edit(&mut desk, "t1", Field::Platform, "iOS 18.1", 13);
    let promoted = desk.promote_group(
        "Card payments fail after 3-D Secure",
        "g-e1",
        &[id("k1"), id("t1")],
        Lang::En,
        "Mina",
        at(25),
    );
    assert_eq!(promoted, Promotion::Created("INC-1".into()));
    let cadence = desk.settings.incidents.cadence.clone();
    assert_eq!(desk.add_to_incident("INC-1", &[id("e1")], "Mina", at(26)), vec![id("e1")]);
    let incident = desk.incident_mut("INC-1").unwrap();
    incident.set_impact(Impact::Major, &cadence, "Mina", at(27));
    incident.set_surfaces(&["Checkout".into()], "Mina", at(27));
    incident.set_workaround("Pay by bank transfer", "Mina", at(28));
    incident.post_update(
        Audience::Customers,
        "Investigating: a problem with Checkout",
        "We are aware…",
        &cadence,
        "Mina",
        at(30),
    );
    incident.set_status(IncidentStatus::Identified, "Jun", at(40));
    incident.tick_step(1, true, "Jun", at(41));
    desk
}

fn facts<'a>(desk: &'a Desk, incident: &Incident, now: Timestamp) -> Vec<CaseFacts<'a>> {
    let rules = TriageRules::default();
    let compiled = CompiledRules::new(&rules);
    let engine = SlaEngine::new(&SlaSettings::default());
    incident
        .cases
        .iter()
        .map(|case_id| {
            let case = desk.scan_case(case_id).unwrap();
            let signals = TextSignals::analyze(case, &compiled);
            let scored = score(
                case,
                &signals,
                TimePressure::since_created(case, now),
                incident.cases.len() as u32,
                &rules,
            );
            let clocks = engine.compute_clocks(case);
            let sla = Target::ALL
                .into_iter()
                .map(|target| (target, clocks.status(target, &engine.tick(now))))
                .collect();
            CaseFacts { case, score: Some((scored, scored.with_pin(case.priority_pin).effective())), sla }
        })
        .collect()
}

fn golden(name: &str, actual: &str) {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests", "fixtures", "handoff", name].iter().collect();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} is missing; run with UPDATE_GOLDEN=1", path.display()));
    assert_eq!(actual, expected, "{name} differs from its golden file");
}

#[test]
fn the_incident_hand_off_matches_its_golden_file_in_each_format() {
    let desk = fixed_desk();
    let incident = desk.incident("INC-1").unwrap();
    let now = at(60);
    let input = HandoffInput {
        incident: Some(incident),
        cases: facts(&desk, incident, now),
        shared_words: vec!["결제".into(), "card".into(), "checkout".into()],
        ask: "Find why 3-D Secure callbacks return 502 and tell us the fix plan.".into(),
        due: Some(at(120)),
        zone: "Asia/Seoul".into(),
        now,
    };
    for (format, name) in [
        (Format::Markdown, "incident.md"),
        (Format::Jira, "incident.jira.txt"),
        (Format::Plain, "incident.txt"),
    ] {
        golden(name, &handoff(&input, format));
    }
}

#[test]
fn hostile_case_text_is_inert_in_every_format() {
    let mut desk = Desk::default();
    add(
        &mut desk,
        Draft {
            id: "h1",
            title: "<script>alert('x')</script> *bold* [link](javascript:x) | {{incident.id}}",
            description: "",
            customer: "Evil | Corp {noformat}",
            tier: Tier::Enterprise,
            surface: Surface::Api,
            people: 1,
            minute: 0,
        },
    );
    edit(
        &mut desk,
        "h1",
        Field::StepsToReproduce,
        "```\n{noformat}\n<img src=x onerror=alert(1)>\n{{me}}\n||a||b||",
        1,
    );
    edit(&mut desk, "h1", Field::AppVersion, "h2. not a heading | *x* [y]", 1);
    desk.case_mut(&id("h1")).unwrap().add_note(
        NoteKind::Internal,
        "{{workaround}} # not a heading\n## nor this",
        "Mina",
        at(2),
    );
    let case = desk.scan_case(&id("h1")).unwrap();
    let input = HandoffInput {
        incident: None,
        cases: vec![CaseFacts { case, score: None, sla: vec![] }],
        shared_words: vec!["<b>".into()],
        ask: "{{next_update_at}} [ask]".into(),
        due: None,
        zone: "UTC".into(),
        now: at(5),
    };
    let markdown = handoff(&input, Format::Markdown);
    let jira = handoff(&input, Format::Jira);
    let plain = handoff(&input, Format::Plain);
    // Nothing of the case's text can open a tag, a link, emphasis or a table cell.
    // Outside the code block (fenced by four backticks, as the text holds three) no `<`,
    // `[` or `|` is left unescaped.
    let mut in_code = false;
    for line in markdown.lines() {
        if line.starts_with("````") {
            in_code = !in_code;
        } else if !in_code && !line.starts_with('|') {
            for markup in ['<', '[', '*'] {
                let bare = line.match_indices(markup).any(|(at, _)| !line[..at].ends_with('\\'));
                assert!(!bare || (markup == '*' && line.starts_with("- **")), "{markup} in {line}");
            }
        }
    }
    assert!(markdown.contains("\\<script\\>"));
    assert!(markdown.contains("\\[link\\](javascript:x) \\| {{incident.id}}"));
    assert_eq!(jira.matches("{noformat}").count(), 2, "only the block's own tags:\n{jira}");
    assert!(jira.contains("Evil \\| Corp \\{noformat\\}"));
    assert!(jira.contains("h2\\. not a heading") || jira.contains("h2. not a heading \\|"), "{jira}");
    assert!(
        plain.contains("{{incident.id}}") && plain.contains("{{me}}"),
        "placeholders in case text are kept as text"
    );
    golden("hostile.md", &markdown);
    golden("hostile.jira.txt", &jira);
    golden("hostile.txt", &plain);
}

#[test]
fn a_contact_logged_in_outreach_meets_the_customers_first_response_clock() {
    let mut desk = fixed_desk();
    let engine = SlaEngine::new(&SlaSettings::default());
    let first_response = |desk: &Desk, now| {
        let clocks = engine.compute_clocks(desk.scan_case(&id("k1")).unwrap());
        clocks.status(Target::FirstResponse, &engine.tick(now)).state
    };
    assert_ne!(first_response(&desk, at(29)), TargetState::Met);
    let rows = desk.incident("INC-1").unwrap().outreach_rows(&desk.cases);
    assert_eq!(rows[0].customer, "한빛상사", "Enterprise first");
    assert_eq!(desk.log_incident_contact("INC-1", "한빛상사", "담당자에게 전화로 안내함", "Mina", at(29)), 1);
    assert_eq!(first_response(&desk, at(90)), TargetState::Met, "counted at 29 min, inside the target");
    let rows = desk.incident("INC-1").unwrap().outreach_rows(&desk.cases);
    assert_eq!(triage_desk::domain::incident::outreach::not_contacted(&rows), 2);
}

#[test]
fn templates_and_incident_fields_travel_in_the_export_and_older_files_read_unchanged() {
    let mut desk = fixed_desk();
    let library = &mut desk.settings.incidents.templates;
    let mut edited = library.for_stage(Audience::Customers, IncidentStatus::Identified, Lang::ZhTw).unwrap();
    edited.body.push_str("\n（已更新）");
    library.save(edited.clone());
    desk.settings.incidents.cadence.critical_minutes = 20;
    desk.incident_mut("INC-1").unwrap().set_data_loss(DataLoss::NoneLost, "Mina", at(50));
    desk.case_mut(&id("e1")).unwrap().set_status(Status::InProgress, "Mina", at(51));
    let exported = export_json(&desk, &[], at(60));
    let back = read_import(&exported).unwrap().into_desk();
    assert_eq!(back.settings, desk.settings);
    assert_eq!(back.incidents, desk.incidents);
    assert_eq!(back.cases, desk.cases);
    assert_eq!(back.settings.incidents.templates.get(&edited.id), Some(edited));

    // An export written before these fields existed reads with their defaults.
    let mut old: serde_json::Value = serde_json::from_str(&exported).unwrap();
    old["settings"].as_object_mut().unwrap().remove("incidents");
    for incident in old["incidents"].as_array_mut().unwrap() {
        let incident = incident.as_object_mut().unwrap();
        for key in ["impact", "surfaces", "workaround", "data_loss", "next_update_due", "plan", "outreach"] {
            incident.remove(key);
        }
        let timeline = incident["timeline"].as_array_mut().unwrap();
        timeline.truncate(1);
    }
    for case in old["cases"].as_array_mut().unwrap() {
        case.as_object_mut().unwrap().remove("engineering");
    }
    let older = read_import(&old.to_string()).unwrap().into_desk();
    assert_eq!(older.settings.incidents, Default::default());
    let incident = &older.incidents[0];
    assert_eq!((incident.impact, incident.plan.len(), incident.workaround.as_str()), (Impact::None, 0, ""));
    assert!(older.cases.iter().all(|case| case.engineering.is_empty()));
}

#[test]
fn the_postmortem_draft_travels_in_the_export_and_older_files_read_unchanged() {
    let mut desk = fixed_desk();
    // An export from before the field: no key at all, and it reads back as it was.
    let older = export_json(&desk, &[], at(60));
    assert!(!older.contains("postmortem"), "{older}");
    assert_eq!(read_import(&older).unwrap().into_desk().incidents, desk.incidents);

    let text = "# Postmortem: INC-1\n\n| Measure | Value |\n| --- | --- |\n\n<script>x</script> \u{1f600}";
    assert!(desk.incident_mut("INC-1").unwrap().set_postmortem(text, "Mina", at(61)));
    let exported = export_json(&desk, &[], at(62));
    let written: serde_json::Value = serde_json::from_str(&exported).unwrap();
    assert_eq!(written["incidents"][0]["postmortem"]["text"], text);
    let back = read_import(&exported).unwrap().into_desk();
    assert_eq!(back.incidents, desk.incidents);
    assert_eq!(back.incident("INC-1").unwrap().postmortem.as_ref().unwrap().text, text);
}
