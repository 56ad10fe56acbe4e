//! Importing other helpdesks' exports and this app's own, and exporting CSV.

mod support;

use chrono::{DateTime, Utc};
use std::sync::atomic::{AtomicUsize, Ordering};
use support::at;
use triage_desk::domain::case::{
    Case, CaseDraft, CaseId, Event, Field, NoteKind, Priority, Status, Surface, Tier, TimelineEntry,
    Timestamp, Urgency,
};
use triage_desk::domain::csv_export::{export_csv, Computed};
use triage_desk::domain::desk::Desk;
use triage_desk::domain::import::{
    apply, quick_add, Action, Applying, ColumnRole, Format, ImportError, ImportJob, ImportSummary,
    LegacyEncoding, Preview, RowRef, Target, MAX_IMPORT_BYTES,
};
use triage_desk::domain::layout;
use triage_desk::domain::persist::{export_json, Envelope};
use triage_desk::domain::sla::TargetState;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/import/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn utc(text: &str) -> Timestamp {
    DateTime::parse_from_rfc3339(text).unwrap().with_timezone(&Utc)
}

/// Reads the whole file a few rows at a time, as the page does.
fn read(bytes: Vec<u8>) -> ImportJob {
    let mut job = ImportJob::start(bytes).unwrap();
    while !job.step(2).finished {}
    job
}

/// Ids that never repeat, as the page's random ids do not.
fn ids() -> impl FnMut() -> CaseId {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    || CaseId(format!("new-{}", NEXT.fetch_add(1, Ordering::Relaxed)))
}

fn import(desk: &mut Desk, bytes: Vec<u8>) -> Preview {
    let preview = read(bytes).preview(desk, at(0));
    apply(&preview, desk, "Mina", at(0), ids());
    preview
}

fn by_external<'a>(desk: &'a Desk, id: &str) -> &'a Case {
    desk.cases.iter().find(|case| case.external_id == id).unwrap()
}

fn warned(preview: &Preview, words: &str) -> bool {
    preview.warnings.iter().any(|warning| warning.message.to_string().contains(words))
}

#[test]
fn zendesk_export_is_recognised_and_mapped() {
    let job = read(fixture("zendesk.csv"));
    assert_eq!(job.format(), Format::Zendesk);
    let mapping = job.mapping();
    let column = |target| mapping.column_for(target).map(|i| mapping.columns()[i].as_str());
    assert_eq!(column(Target::ExternalId), Some("Id"));
    assert_eq!(column(Target::Customer), Some("Organization"));
    assert_eq!(column(Target::Tier), Some("Plan [list]"));
    assert_eq!(column(Target::Surface), Some("Via"));
    assert_eq!(column(Target::Category), Some("Ticket type"));
    assert_eq!(column(Target::ResolvedAt), Some("Solved at"));

    let mut desk = Desk::default();
    let preview = job.preview(&desk, at(0));
    assert_eq!((preview.to_add, preview.to_update, preview.errors.len()), (4, 0, 0));
    let lines: Vec<RowRef> = preview.rows.iter().map(|row| row.at).collect();
    assert_eq!(
        lines,
        [RowRef::Line(2), RowRef::Line(6), RowRef::Line(7), RowRef::Line(8)],
        "multi-line cells count"
    );
    assert!(warned(&preview, "Tier \"Diamond\" is not known"));

    let summary = apply(&preview, &mut desk, "Mina", at(0), ids());
    assert_eq!(summary.added, 4);
    let checkout = by_external(&desk, "1041");
    assert_eq!(checkout.title, "Checkout fails with card error");
    assert_eq!(
        checkout.description,
        "Customer says the Pay button spins forever.\nSteps:\n1. Add item\n2. Press \"Pay\""
    );
    assert_eq!(checkout.customer, "Acme Corp");
    assert_eq!(
        (checkout.tier, checkout.surface, checkout.urgency),
        (Tier::Enterprise, Surface::Website, Urgency::High)
    );
    assert_eq!(checkout.status, Status::InProgress);
    assert_eq!(checkout.created_at, utc("2021-09-30T09:20:00Z"));
    assert_eq!(checkout.timeline[0].at, checkout.created_at);
    assert_eq!(checkout.timeline[0].event, Event::Created);
    assert_eq!(checkout.extra["Requester"], "Dana Kim");
    assert_eq!(checkout.extra["Tags"], "checkout payments");

    let korean = by_external(&desk, "1042");
    assert_eq!((korean.title.as_str(), korean.customer.as_str()), ("결제 오류가 발생합니다", "한빛상사"));
    assert_eq!(
        (korean.status, korean.surface, korean.tier),
        (Status::WaitingOnCustomer, Surface::SupportPlatform, Tier::Premium)
    );

    let chinese = by_external(&desk, "1043");
    assert_eq!(chinese.title, "付款失敗 無法登入");
    assert_eq!(chinese.status, Status::Resolved);
    assert_eq!(chinese.resolved_at, Some(utc("2021-10-04T01:00:00Z")));
    assert_eq!(chinese.updated_at, utc("2021-10-04T01:15:00Z"));
    assert_eq!(by_external(&desk, "1044").tier, Tier::Standard, "unknown tier falls back");
}

#[test]
fn jira_export_with_an_unreadable_date_imports_the_other_rows() {
    let job = read(fixture("jira.csv"));
    assert_eq!(job.format(), Format::Jira);
    let mut desk = Desk::default();
    let preview = job.preview(&desk, at(0));
    assert_eq!(preview.to_add, 3);
    assert_eq!(preview.errors.len(), 1);
    assert_eq!(preview.errors[0].at, RowRef::Line(7));
    assert!(
        preview.errors[0].reason.to_string().contains("\"sometime last week\" is not a date"),
        "{}",
        preview.errors[0]
    );
    assert_eq!(preview.rows[1].at, RowRef::Line(5));

    let summary = apply(&preview, &mut desk, "Mina", at(0), ids());
    assert_eq!((summary.added, summary.errors.len()), (3, 1));
    let login = by_external(&desk, "SUP-101");
    assert_eq!(login.description, "The login page never loads.\r\n\r\nSeen on Chrome and Firefox.");
    assert_eq!(
        (login.status, login.urgency, login.customers_affected),
        (Status::Triaged, Urgency::High, 120)
    );
    assert_eq!(login.created_at, utc("2021-09-30T17:20:00Z"));
    assert_eq!(login.category, "Bug");
    assert_eq!(login.extra["Labels"], "login, web", "repeated columns are joined");
    assert_eq!(login.extra["Issue id"], "10001");
    let chinese = by_external(&desk, "SUP-102");
    assert_eq!((chinese.title.as_str(), chinese.customer.as_str()), ("訂單頁面顯示錯誤", "台灣科技"));
    assert_eq!(chinese.status, Status::InProgress);
    let done = by_external(&desk, "SUP-103");
    assert_eq!((done.status, done.resolved_at), (Status::Resolved, Some(utc("2021-10-05T16:30:00Z"))));
}

#[test]
fn freshdesk_export_is_recognised_and_mapped() {
    let job = read(fixture("freshdesk.csv"));
    assert_eq!(job.format(), Format::Freshdesk);
    let mut desk = Desk::default();
    let preview = import(&mut desk, fixture("freshdesk.csv"));
    assert_eq!((preview.to_add, preview.errors.len()), (3, 0));
    let reset = by_external(&desk, "2001");
    assert_eq!(
        (reset.status, reset.urgency, reset.surface),
        (Status::New, Urgency::High, Surface::SupportPlatform)
    );
    assert_eq!(reset.customer, "Acme Corp");
    assert_eq!(reset.created_at, utc("2021-09-30T17:20:00Z"), "no zone is read as UTC");
    let app = by_external(&desk, "2002");
    assert_eq!(app.description, "앱을 열면 바로 종료됩니다.\niOS 15에서 발생합니다.");
    assert_eq!(
        (app.status, app.urgency, app.surface),
        (Status::WaitingOnCustomer, Urgency::High, Surface::Website)
    );
    assert_eq!(app.extra["Full name"], "이지은");
    assert_eq!(by_external(&desk, "2003").resolved_at, Some(utc("2021-10-03T10:00:00Z")));
}

#[test]
fn github_rest_issue_list_skips_pull_requests() {
    let job = read(fixture("github-rest.json"));
    assert_eq!(job.format(), Format::GitHubJson);
    let mut desk = Desk::default();
    let preview = job.preview(&desk, at(0));
    assert_eq!(preview.to_add, 2);
    assert!(warned(&preview, "Pull requests"));
    apply(&preview, &mut desk, "Mina", at(0), ids());
    let dark = by_external(&desk, "acme/shop#12");
    assert_eq!((dark.customer.as_str(), dark.category.as_str()), ("octocat", "bug, ui"));
    assert_eq!(dark.description, "Clicking the toggle in settings has no effect.\n\nBrowser: Safari 17");
    assert_eq!(dark.extra["url"], "https://github.com/acme/shop/issues/12");
    let korean = by_external(&desk, "acme/shop#13");
    assert_eq!(korean.title, "결제 페이지 번역 누락");
    assert_eq!((korean.status, korean.resolved_at), (Status::Closed, Some(utc("2021-10-02T12:00:00Z"))));
}

#[test]
fn gh_cli_issue_list_is_read_too() {
    let job = read(fixture("github-gh.json"));
    assert_eq!(job.format(), Format::GitHubJson);
    let mut desk = Desk::default();
    import(&mut desk, fixture("github-gh.json"));
    let garbled = by_external(&desk, "acme/shop#21");
    assert_eq!((garbled.title.as_str(), garbled.customer.as_str()), ("匯出檔案亂碼", "octocat"));
    assert_eq!((garbled.status, garbled.created_at), (Status::New, utc("2021-10-05T08:00:00Z")));
    assert_eq!(by_external(&desk, "acme/shop#22").status, Status::Closed);
}

#[test]
fn any_csv_is_mapped_by_column_names_and_bad_rows_are_reported_by_line() {
    let job = read(fixture("generic.csv"));
    assert_eq!(job.format(), Format::GenericCsv);
    let mut desk = Desk::default();
    let preview = job.preview(&desk, at(0));
    let errors: Vec<(RowRef, String)> = preview.errors.iter().map(|e| (e.at, e.reason.to_string())).collect();
    assert_eq!(errors[0], (RowRef::Line(3), "has 12 cells where the header has 11".to_string()));
    assert_eq!(errors[1].0, RowRef::Line(5));
    assert!(errors[1].1.contains("customers affected \"lots\""));
    assert!(warned(&preview, "without a created date"));
    apply(&preview, &mut desk, "Mina", at(0), ids());
    assert_eq!(desk.cases.len(), 2);
    let totals = by_external(&desk, "T-1");
    assert_eq!(
        (totals.tier, totals.surface, totals.urgency),
        (Tier::Enterprise, Surface::Website, Urgency::High)
    );
    assert_eq!((totals.customers_affected, totals.status), (1200, Status::New));
    assert_eq!(totals.extra["Notes"], "=HYPERLINK(\"http://x\")", "other tools' cells are kept as written");
    assert_eq!(by_external(&desk, "T-3").created_at, at(0), "missing date: import time, with a warning");
}

#[test]
fn editing_the_mapping_needs_no_rereading() {
    let mut job = read(fixture("generic.csv"));
    let notes = job.mapping().columns().iter().position(|name| name == "Notes").unwrap();
    let details = job.mapping().column_for(Target::Description).unwrap();
    assert_eq!(job.examples(notes, 3), ["=HYPERLINK(\"http://x\")"]);
    job.set_role(notes, ColumnRole::Field(Target::Description));
    assert_eq!(job.mapping().role(details), Some(ColumnRole::Extra), "the displaced column is kept");
    job.set_role(details, ColumnRole::Ignore);
    let preview = job.preview(&Desk::default(), at(0));
    let first = &preview.rows[0].incoming;
    assert_eq!(first.description.as_deref(), Some("=HYPERLINK(\"http://x\")"));
    assert!(first.extra.is_empty());
}

#[test]
fn importing_twice_updates_and_never_doubles() {
    let mut desk = Desk::default();
    import(&mut desk, fixture("zendesk.csv"));
    let before = desk.clone();
    let again = import(&mut desk, fixture("zendesk.csv"));
    assert_eq!((again.to_add, again.to_update, again.unchanged), (0, 0, 4));
    assert_eq!(desk, before, "no timeline spam when nothing changed");

    let edited = String::from_utf8(fixture("zendesk.csv"))
        .unwrap()
        .replace("Checkout fails with card error,", "Checkout fails for Visa cards,");
    let edited = edited.replacen(",open,", ",solved,", 1);
    let later = utc("2026-11-02T10:00:00Z");
    let preview = read(edited.into_bytes()).preview(&desk, later);
    assert_eq!((preview.to_add, preview.to_update, preview.unchanged), (0, 1, 3));
    let Action::Update { changes, .. } = &preview.rows[0].action else {
        panic!("{:?}", preview.rows[0].action)
    };
    let fields: Vec<&str> = changes.iter().map(|change| change.field.as_str()).collect();
    assert_eq!(fields, ["Title", "Status"]);
    let summary = apply(&preview, &mut desk, "Jun", later, ids());
    assert_eq!((summary.added, summary.updated, summary.unchanged), (0, 1, 3));
    assert_eq!(desk.cases.len(), 4);
    let checkout = by_external(&desk, "1041");
    let logged: Vec<&Event> = checkout.timeline.iter().filter(|e| e.at == later).map(|e| &e.event).collect();
    assert!(matches!(logged[0], Event::FieldChanged { field: Field::Title, .. }));
    assert_eq!(logged[1], &Event::StatusChanged { from: Status::InProgress, to: Status::Resolved });
    assert_eq!(checkout.timeline.last().unwrap().author, "Jun");
}

/// Every field of a case that the CSV carries; the timeline is the JSON export's.
fn without_history(case: &Case) -> Case {
    Case { timeline: Vec::new(), ..case.clone() }
}

fn busy_desk() -> Desk {
    let mut desk = Desk::default();
    import(&mut desk, fixture("zendesk.csv"));
    import(&mut desk, fixture("jira.csv"));
    import(&mut desk, fixture("github-rest.json"));
    let draft = CaseDraft {
        title: "-1 balance shown as +1".into(),
        customer: "@acme".into(),
        ..CaseDraft::default()
    };
    let mut own = support::case("c-own", draft, utc("2026-11-01T08:00:00.123456Z"));
    own.add_note(NoteKind::Contact, "Called", "Mina", utc("2026-11-01T09:00:00Z"));
    own.extra.insert("Formula".into(), "=1+1".into());
    own.extra.insert("=odd column".into(), "+x".into());
    desk.cases.push(own);
    desk
}

#[test]
fn csv_export_then_import_gives_back_the_same_cases() {
    let desk = busy_desk();
    // The computed columns are written and ignored on the way back in.
    let computed = |_: &Case| Computed {
        priority: Some(Priority::P1),
        score: Some(77),
        sla_state: Some(TargetState::AtRisk),
    };
    let bytes = export_csv(&desk.cases, computed);
    let job = read(bytes.clone());
    assert_eq!(job.format(), Format::TriageDeskCsv);
    let mut copy = Desk::default();
    let preview = job.preview(&copy, at(0));
    assert!(preview.errors.is_empty(), "{:?}", preview.errors);
    apply(&preview, &mut copy, "Mina", at(0), ids());
    let expected: Vec<Case> = desk.cases.iter().map(without_history).collect();
    let got: Vec<Case> = copy.cases.iter().map(without_history).collect();
    assert_eq!(got, expected);

    let mut same = desk.clone();
    let again = import(&mut same, bytes);
    assert_eq!((again.to_add, again.unchanged), (0, desk.cases.len()));
    assert_eq!(same, desk);
}

#[test]
fn json_export_then_import_gives_back_the_same_cases() {
    let desk = busy_desk();
    let text = export_json(&desk, &[], at(0));
    let mut copy = Desk::default();
    let preview = import(&mut copy, text.clone().into_bytes());
    assert_eq!(preview.format, Format::TriageDeskJson);
    assert_eq!(copy.cases, desk.cases);
    let mut same = desk.clone();
    let again = import(&mut same, text.into_bytes());
    assert_eq!((again.to_add, again.to_update, again.unchanged), (0, 0, desk.cases.len()));
    assert_eq!(same, desk);
}

#[test]
fn csv_export_has_the_documented_header_and_neutralises_formulas() {
    let desk = busy_desk();
    let text = String::from_utf8(export_csv(&desk.cases, |_| Computed::default())).unwrap();
    let text = text.strip_prefix('\u{feff}').expect("a byte order mark for Excel");
    let header = text.split("\r\n").next().unwrap();
    assert_eq!(
        header,
        "id,external_id,title,description,customer,tier,surface,category,customers_affected,urgency,status,\
         created_at,updated_at,first_response_at,resolved_at,satisfaction,satisfaction_comment,steps_to_reproduce,\
         expected,actual,app_version,platform,browser,reference_ids,tried,priority,score,sla_state,\
         '=odd column,Assignee,Formula,Issue id,Labels,Requester,Tags,url"
    );
    assert!(text.contains(",'-1 balance shown as +1,"));
    assert!(text.contains(",'@acme,"));
    assert!(text.contains(",'=1+1,"));
    assert!(
        text.contains("\"Customer says the Pay button spins forever.\nSteps:"),
        "multi-line cells are quoted"
    );
    // The view's subset exports only its own extra columns.
    let only = String::from_utf8(export_csv(desk.cases.iter().filter(|case| case.id.0 == "c-own"), |_| {
        Computed::default()
    }))
    .unwrap();
    assert!(only.lines().next().unwrap().ends_with("tried,priority,score,sla_state,'=odd column,Formula"));
}

#[test]
fn formula_from_another_tool_round_trips_through_own_export() {
    let mut desk = Desk::default();
    import(&mut desk, fixture("generic.csv"));
    let exported = String::from_utf8(export_csv(&desk.cases, |_| Computed::default())).unwrap();
    assert!(exported.contains("\"'=HYPERLINK(\"\"http://x\"\")\""));
    let mut copy = Desk::default();
    import(&mut copy, exported.into_bytes());
    assert_eq!(by_external(&copy, "T-1").extra["Notes"], "=HYPERLINK(\"http://x\")");
}

#[test]
fn an_unclosed_quote_is_reported_and_earlier_rows_still_import() {
    let mut desk = Desk::default();
    let preview = import(&mut desk, fixture("broken-quote.csv"));
    assert_eq!(preview.to_add, 1);
    assert_eq!(preview.errors[0].at, RowRef::Line(3));
    assert!(
        preview.errors[0].reason.to_string().contains("never closed, so lines 3–4"),
        "{}",
        preview.errors[0]
    );
}

#[test]
fn files_that_cannot_be_read_say_why() {
    let error = |bytes: Vec<u8>| ImportJob::start(bytes).err().unwrap();
    assert_eq!(error(fixture("utf16.csv")), ImportError::Utf16 { big_endian: false });
    assert!(error(fixture("utf16.csv")).to_string().contains("save it as \"CSV UTF-8\""));
    let korean = error(fixture("cp949.csv"));
    assert_eq!(korean, ImportError::NotUtf8 { offset: 13, line: 2, likely: Some(LegacyEncoding::Korean) });
    assert!(korean.to_string().contains("line 2 (byte 13)") && korean.to_string().contains("CP949"));
    let chinese = error(fixture("big5.csv"));
    assert!(matches!(chinese, ImportError::NotUtf8 { line: 2, likely: Some(LegacyEncoding::Big5), .. }));
    assert!(matches!(error(vec![0x89, b'P', b'N', b'G', 0, 0, 0, 13, 1, 2]), ImportError::Binary { .. }));
    assert!(matches!(error(b"PK\x03\x04xlsx".to_vec()), ImportError::Binary { .. }));
    assert_eq!(error(Vec::new()), ImportError::Empty);
    assert!(matches!(error(b"[{\"number\": 1,\n \"title\": }]".to_vec()), ImportError::Json { line: 2, .. }));
    assert!(matches!(error(b"{\"hello\": 1}".to_vec()), ImportError::TriageDesk(_)));
    assert!(matches!(error(b"[1, 2]".to_vec()), ImportError::Unrecognised(_)));
}

#[test]
fn semicolon_csv_with_bom_is_read() {
    let bytes = "\u{feff}Ticket;Subject;Priority\n7;Carte refusée;Haute\n".as_bytes().to_vec();
    let mut desk = Desk::default();
    let preview = import(&mut desk, bytes);
    assert_eq!(preview.to_add, 1);
    assert_eq!(desk.cases[0].title, "Carte refusée");
    assert!(warned(&preview, "Urgency \"Haute\" is not known"));
}

#[test]
fn steps_report_progress_until_the_end() {
    let mut text = String::from("id,title,created\n");
    for i in 0..1000 {
        text.push_str(&format!("{i},Case {i},2021-09-30 17:20:00\n"));
    }
    let total = text.len();
    let mut job = ImportJob::start(text.into_bytes()).unwrap();
    let mut last = job.progress();
    assert!(!last.finished && last.bytes_done > 0);
    loop {
        let progress = job.step(128);
        assert!(progress.rows_done <= last.rows_done + 128 && progress.bytes_done >= last.bytes_done);
        last = progress;
        if progress.finished {
            break;
        }
        assert!(job.preview(&Desk::default(), at(0)).complete.eq(&false));
    }
    assert_eq!((last.rows_done, last.bytes_done, last.total_bytes), (1000, total, total));
    assert!(job.preview(&Desk::default(), at(0)).complete);
}

#[test]
fn quick_add_takes_lines_or_spreadsheet_rows() {
    let job = quick_add("Login broken\n\n  Export slow  \r\nCrash on start\n").unwrap();
    assert_eq!(job.format(), Format::Pasted);
    let mut desk = Desk::default();
    let preview = job.preview(&desk, at(0));
    let titles: Vec<_> = preview.rows.iter().map(|row| row.incoming.title.clone().unwrap()).collect();
    assert_eq!(titles, ["Login broken", "Export slow", "Crash on start"]);
    assert_eq!(preview.rows[2].at, RowRef::Line(4));
    assert!(preview.warnings.is_empty(), "{:?}", preview.warnings);
    apply(&preview, &mut desk, "Mina", at(0), ids());
    assert_eq!(desk.cases.len(), 3);
    assert_eq!((desk.cases[0].status, desk.cases[0].created_at), (Status::New, at(0)));

    let with_header = "Title\tCustomer\tPriority\nRefund stuck\tAcme\tUrgent\n결제 실패\t한빛상사\tLow\n";
    let preview = quick_add(with_header).unwrap().preview(&desk, at(0));
    let first = &preview.rows[0].incoming;
    assert_eq!((first.customer.as_deref(), first.urgency), (Some("Acme"), Some(Urgency::High)));
    assert_eq!(preview.rows[1].incoming.title.as_deref(), Some("결제 실패"));

    let no_header = "Refund stuck\t\"Paid twice,\nrefund never came\"\tvip\nSlow search\tTakes 10 s\t\n";
    let preview = quick_add(no_header).unwrap().preview(&desk, at(0));
    assert_eq!(preview.rows.len(), 2);
    let first = &preview.rows[0].incoming;
    assert_eq!(first.description.as_deref(), Some("Paid twice,\nrefund never came"));
    assert_eq!(first.extra["Column 3"], "vip");
    assert_eq!(preview.rows[1].at, RowRef::Line(3));
}

#[test]
fn repeated_new_ids_are_drawn_again_not_merged() {
    let mut desk = Desk::default();
    let preview = read(fixture("zendesk.csv")).preview(&desk, at(0));
    let mut draws = ["same", "same", "same", "other", "same", "third", "fourth"].into_iter();
    let summary = apply(&preview, &mut desk, "Mina", at(0), || CaseId(draws.next().unwrap_or("same").into()));
    assert_eq!(summary.added, 4);
    let ids: Vec<&str> = desk.cases.iter().map(|case| case.id.0.as_str()).collect();
    assert_eq!(ids, ["same", "other", "third", "fourth"]);
}

#[test]
fn quick_add_takes_plain_lines_mixed_with_spreadsheet_rows() {
    let pasted = "Login broken\nRefund stuck\tPaid twice\tvip\nCrash on start\n";
    let preview = quick_add(pasted).unwrap().preview(&Desk::default(), at(0));
    assert!(preview.errors.is_empty(), "{:?}", preview.errors);
    let rows: Vec<_> = preview
        .rows
        .iter()
        .map(|row| (row.incoming.title.clone().unwrap(), row.incoming.description.clone()))
        .collect();
    assert_eq!(
        rows,
        [
            ("Login broken".to_string(), None),
            ("Refund stuck".to_string(), Some("Paid twice".to_string())),
            ("Crash on start".to_string(), None),
        ]
    );
    assert_eq!(preview.rows[1].incoming.extra["Column 3"], "vip");

    // Under a header, the header still decides: a row wider than it is an error.
    let with_header = "Title\tCustomer\nRefund stuck\tAcme\tspare\nLogin broken\n";
    let preview = quick_add(with_header).unwrap().preview(&Desk::default(), at(0));
    assert_eq!(preview.rows.len(), 1);
    assert_eq!(preview.errors.len(), 1);
    assert_eq!(preview.errors[0].at, RowRef::Line(2));
}

/// The Zendesk fixture with one ticket retitled, so importing it over the original updates.
fn zendesk_edited() -> Vec<u8> {
    let text = String::from_utf8(fixture("zendesk.csv")).unwrap();
    text.replace("Checkout fails with card error,", "Checkout fails for Visa cards,").into_bytes()
}

/// Previews and applies a file one row per step, as the page does in bigger steps.
fn import_stepped(
    desk: &mut Desk,
    bytes: Vec<u8>,
    make_id: &mut dyn FnMut() -> CaseId,
) -> (Preview, ImportSummary) {
    let job = read(bytes);
    let mut planning = job.plan(desk);
    let mut steps = 0;
    while !planning.step(&job, desk, at(0), 1).finished() {
        steps += 1;
    }
    assert!(steps > 2, "the file takes several steps");
    let preview = planning.finish(&job);
    let mut applying = Applying::new(&preview, desk);
    while !applying.step(&preview, desk, "Mina", at(0), make_id, 1).finished() {}
    let summary = applying.commit(&preview, desk, "Mina", at(0), make_id);
    (preview, summary)
}

/// A file previewed and applied a few rows per step comes out exactly as in one go.
#[test]
fn stepped_preview_and_apply_match_one_go() {
    let mut stepped = Desk::default();
    import(&mut stepped, fixture("jira.csv"));
    let mut in_one_go = stepped.clone();
    for file in [fixture("zendesk.csv"), zendesk_edited()] {
        let preview = read(file.clone()).preview(&in_one_go, at(0));
        let summary = apply(&preview, &mut in_one_go, "Mina", at(0), ids_from("a"));
        let stepped_result = import_stepped(&mut stepped, file, &mut ids_from("a"));
        assert_eq!(stepped_result, (preview, summary));
        assert_eq!(stepped, in_one_go);
    }
    assert_eq!(stepped.cases.len(), 7);
}

/// An edit made while a big import is applied in steps is kept: the import is applied again
/// on top of it rather than writing copies taken before it.
#[test]
fn an_edit_made_during_a_stepped_apply_is_kept() {
    let mut desk = Desk::default();
    import(&mut desk, fixture("zendesk.csv"));
    let preview = read(zendesk_edited()).preview(&desk, at(0));
    assert_eq!(preview.to_update, 1);
    let mut applying = Applying::new(&preview, &desk);
    let mut make_id = ids();
    while !applying.step(&preview, &desk, "Mina", at(0), &mut make_id, 1).finished() {}

    let checkout = desk.cases.iter_mut().find(|case| case.title.starts_with("Checkout fails")).unwrap();
    checkout.add_note(NoteKind::Internal, "Customer called back", "Jun", at(0));
    let id = checkout.id.clone();

    let summary = applying.commit(&preview, &mut desk, "Mina", at(0), &mut make_id);
    assert_eq!((summary.updated, summary.unchanged), (1, 3));
    let checkout = desk.cases.iter().find(|case| case.id == id).unwrap();
    assert_eq!(checkout.title, "Checkout fails for Visa cards");
    let noted = |entry: &TimelineEntry| matches!(&entry.event, Event::Note { text, .. } if text == "Customer called back");
    assert!(checkout.timeline.iter().any(noted));
}

/// Ids numbered from the same start, so two runs make the same ones.
fn ids_from(prefix: &'static str) -> impl FnMut() -> CaseId {
    let mut next = 0;
    move || {
        next += 1;
        CaseId(format!("{prefix}-{next}"))
    }
}

/// A desk with a merge, an undone merge, a not-duplicate pair and an incident with a note.
fn desk_with_records() -> Desk {
    let mut desk = busy_desk();
    let ids: Vec<CaseId> = desk.cases.iter().map(|case| case.id.clone()).take(5).collect();
    desk.not_duplicates.insert(&ids[0], &ids[1]);
    desk.merge_into(&ids[2], &ids[3..4], "Mina", utc("2026-11-01T10:00:00Z")).unwrap();
    desk.merge_into(&ids[0], &ids[4..5], "Mina", utc("2026-11-01T10:05:00Z")).unwrap();
    desk.unmerge(&ids[0], "Mina", utc("2026-11-01T10:07:00Z"));
    let incident =
        desk.promote_to_incident("Checkout down", "g-x", &[ids[0].clone(), ids[1].clone()], "Mina", at(0));
    desk.incident_mut(&incident).unwrap().add_note("Rolled back", "Mina", at(0));
    desk.settings.display_name = "Mina".into();
    desk.settings.updated_at = Some(utc("2026-11-01T07:00:00Z"));
    desk
}

#[test]
fn json_import_restores_incidents_merges_and_pairs_and_keeps_the_desks_settings() {
    let desk = desk_with_records();
    assert_eq!((desk.merges.len(), desk.undone_merges.len(), desk.incidents.len()), (1, 1, 1));
    let text = export_json(&desk, &[], at(0));
    assert!(text.contains("\"undone_merges\""));

    let mut other = Desk::default();
    other.settings.display_name = "Jun".into();
    let draft = CaseDraft { title: "Already here".into(), ..CaseDraft::default() };
    other.cases.push(Case::create(CaseId("here".into()), draft, "Jun", at(0)));
    let preview = read(text.clone().into_bytes()).preview(&other, at(0));
    let records = preview.records.as_ref().expect("this app's file carries its records");
    assert_eq!((records.incidents.len(), records.merges.len(), records.not_duplicates.len()), (1, 1, 1));
    apply(&preview, &mut other, "Jun", at(0), ids());
    assert_eq!(other.cases.len(), desk.cases.len() + 1);
    assert_eq!(other.incidents, desk.incidents);
    assert_eq!(other.merges, desk.merges);
    assert_eq!(other.undone_merges, desk.undone_merges);
    assert_eq!(other.not_duplicates, desk.not_duplicates);
    assert_eq!(other.settings.display_name, "Jun", "the file's settings only when asked for");

    // Importing the same file again changes nothing.
    let before = other.clone();
    let again = import(&mut other, text.into_bytes());
    assert_eq!((again.to_add, again.to_update), (0, 0));
    assert_eq!(other, before);
}

#[test]
fn json_import_uses_the_files_settings_when_asked() {
    let desk = desk_with_records();
    let mut copy = Desk::default();
    let preview = read(export_json(&desk, &[], at(0)).into_bytes()).preview(&copy, at(0));
    let mut make_id = ids();
    let mut applying = Applying::new(&preview, &copy).use_settings(true);
    applying.step(&preview, &copy, "Mina", at(0), &mut make_id, usize::MAX);
    applying.commit(&preview, &mut copy, "Mina", at(0), &mut make_id);
    assert_eq!(copy, desk);
}

/// This app's JSON export of `desk` with `edit` done to its `cases` list.
fn edited_export(desk: &Desk, edit: impl FnOnce(&mut Vec<serde_json::Value>)) -> Vec<u8> {
    let mut value: serde_json::Value = serde_json::from_str(&export_json(desk, &[], at(0))).unwrap();
    edit(value["cases"].as_array_mut().unwrap());
    serde_json::to_vec(&value).unwrap()
}

fn reasons(preview: &Preview) -> Vec<String> {
    preview.errors.iter().map(ToString::to_string).collect()
}

#[test]
fn one_bad_case_in_a_json_export_leaves_out_only_itself() {
    let desk = busy_desk();
    let bytes = edited_export(&desk, |cases| {
        cases[1]["customers_affected"] = (-3).into();
        cases[3]["created_at"] = "2026-13-45T00:00:00Z".into();
        cases[4]["tier"] = "gold".into();
        cases[4].as_object_mut().unwrap().remove("title");
        cases[5] = 7.into();
        cases[6]["urgency"] = "x".repeat(1_000_000).into();
    });
    let mut copy = Desk::default();
    let preview = import(&mut copy, bytes);
    assert_eq!(
        reasons(&preview),
        [
            "item 2: customers_affected: -3 is not a whole number of customers",
            "item 4: created_at: \"2026-13-45T00:00:00Z\" is not a date and time (like \"2026-11-02T09:00:00Z\")",
            "item 5: title: missing; tier: \"gold\" is not one of enterprise, premium, standard, free",
            "item 6: is a single number, not a case",
            &format!("item 7: urgency: \"{}… is not one of high, medium, low", "x".repeat(59)),
        ]
    );
    assert_eq!(copy.cases.len(), desk.cases.len() - 5);
    assert!(copy.scan_case(&desk.cases[0].id).is_some() && copy.scan_case(&desk.cases[1].id).is_none());
}

#[test]
fn a_json_file_of_one_value_says_what_it_holds() {
    let error = |text: &str| ImportJob::start(text.as_bytes().to_vec()).err().unwrap().to_string();
    assert_eq!(error("null"), "This file holds null, not cases.");
    assert_eq!(error(" 42\n"), "This file holds a single number, not cases.");
    assert_eq!(error("-1.5e3"), "This file holds a single number, not cases.");
    assert_eq!(error("\"hello\""), "This file holds a single piece of text, not cases.");
    assert_eq!(error("true"), "This file holds true or false, not cases.");
    // A CSV that starts like JSON is still a CSV.
    assert_eq!(read(b"\"title\",x\n\"Printer on fire\",1\n".to_vec()).format(), Format::GenericCsv);
}

#[test]
fn times_before_1990_or_over_a_year_ahead_are_refused_per_row() {
    let csv = "Id,Subject,Created at\n\
               1,Old,1970-01-01 00:00:00\n\
               2,Far,9999-12-31 00:00:00\n\
               3,Fine,2026-10-01 12:00:00\n\
               4,Soon,2027-06-01 12:00:00\n";
    let mut desk = Desk::default();
    let preview = import(&mut desk, csv.as_bytes().to_vec());
    assert_eq!(
        reasons(&preview),
        [
            "line 2: Created 1970-01-01T00:00:00Z is before 1990, which this desk does not take",
            "line 3: Created 9999-12-31T00:00:00Z is more than a year from now, which this desk does not take",
        ]
    );
    assert_eq!(desk.cases.len(), 2);

    let bytes = edited_export(&busy_desk(), |cases| {
        cases[0]["timeline"][0]["at"] = "1989-12-31T23:59:59Z".into();
        cases[1]["resolved_at"] = "2100-01-01T00:00:00Z".into();
    });
    let preview = read(bytes).preview(&Desk::default(), at(0));
    assert_eq!(preview.errors.len(), 2);
    assert!(reasons(&preview)[0].starts_with("item 1: timeline entry 1 1989-12-31T23:59:59Z is before 1990"));
    assert!(reasons(&preview)[1].starts_with("item 2: Resolved 2100-01-01"));
}

#[test]
fn case_ids_whose_page_could_never_open_are_refused() {
    let bytes = edited_export(&busy_desk(), |cases| {
        cases[0]["id"] = "".into();
        cases[1]["id"] = "   ".into();
        cases[2]["id"] = "x".repeat(201).into();
        cases[3]["id"] = "a\u{1}b".into();
    });
    let preview = read(bytes).preview(&Desk::default(), at(0));
    let reasons = reasons(&preview);
    assert_eq!(reasons.len(), 4, "{reasons:?}");
    assert!(reasons[0].ends_with("the case id is empty, so its page could never be opened"));
    assert!(reasons[1].ends_with("the case id is empty, so its page could never be opened"));
    assert!(reasons[2].ends_with("longer than 200 characters"));
    assert!(reasons[3].ends_with("holds control characters"));
}

#[test]
fn csv_files_over_20_mb_are_refused_before_reading() {
    let mut csv = b"Id,Subject\n".to_vec();
    csv.resize(25 * 1024 * 1024, b'x');
    let error = ImportJob::start(csv).err().unwrap();
    assert_eq!(error, ImportError::TooLarge { bytes: 25 * 1024 * 1024, limit: MAX_IMPORT_BYTES });
    assert_eq!(
        error.to_string(),
        "The file is 25.0 MB; an import takes a CSV or GitHub file of up to 20 MB. Split it into smaller files and import each."
    );
    assert!(quick_add(&"x".repeat(MAX_IMPORT_BYTES + 1)).is_err());

    // This app's own export of a big desk is over 20 MB and must still restore.
    let mut desk = busy_desk();
    desk.cases[0].extra.insert("Log".into(), "y".repeat(MAX_IMPORT_BYTES));
    let mut copy = Desk::default();
    import(&mut copy, export_json(&desk, &[], at(0)).into_bytes());
    assert_eq!(copy.cases, desk.cases);
}

#[test]
fn control_characters_in_a_case_leave_the_csv_export_importable() {
    let mut desk = Desk::default();
    let draft = CaseDraft {
        title: "Null\0 byte\u{1b}[31m".into(),
        description: "tab\tand\nlines\u{7}".into(),
        ..CaseDraft::default()
    };
    desk.cases.push(support::case("c-nul", draft, at(0)));
    let bytes = export_csv(&desk.cases, |_| Computed::default());
    assert!(!bytes.iter().any(|&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')));
    let mut copy = Desk::default();
    let preview = import(&mut copy, bytes);
    assert_eq!(preview.format, Format::TriageDeskCsv);
    assert_eq!(copy.cases[0].title, "Null byte[31m");
    assert_eq!(copy.cases[0].description, "tab\tand\nlines");

    // An export made before control characters were left out still imports, as it is.
    let older = "\u{feff}id,external_id,title,description,customer,tier,surface,category,customers_affected,\
                 urgency,status,created_at,updated_at,first_response_at,resolved_at\r\n\
                 c-old,,Nul\0 here,,,Standard,Other,,1,Medium,New,2026-11-01T00:00:00Z,2026-11-01T00:00:00Z,,\r\n";
    let mut copy = Desk::default();
    import(&mut copy, older.as_bytes().to_vec());
    assert_eq!(copy.cases[0].title, "Nul\0 here");
}

#[test]
fn a_shift_jis_file_is_named_japanese() {
    let bytes = b"Id,Subject\n1,\x8c\x88\x8d\xcf\x83G\x83\x89\x81[\n".to_vec();
    let error = ImportJob::start(bytes).err().unwrap();
    assert!(matches!(error, ImportError::NotUtf8 { likely: Some(LegacyEncoding::ShiftJis), .. }));
    assert!(
        error.to_string().contains("Japanese text in Shift-JIS") && !error.to_string().contains("Korean")
    );
}

/// The "Download unreadable data" file of `desk`'s records, as `storage.rs` writes it.
fn backup_of(desk: &Desk, meta: Option<String>, edit_chunks: impl FnOnce(&mut Vec<String>)) -> Vec<u8> {
    let all = (0..layout::CHUNK_COUNT).collect();
    let mut chunks: Vec<String> = layout::members(&desk.cases, &all)
        .values()
        .filter(|places| !places.is_empty())
        .map(|places| layout::encode_chunk(&desk.cases, places))
        .collect();
    edit_chunks(&mut chunks);
    let meta = meta.unwrap_or_else(|| layout::encode_meta(9, at(0), desk, usize::MAX));
    serde_json::json!({ "meta": meta, "chunks": chunks }).to_string().into_bytes()
}

#[test]
fn the_unreadable_data_backup_restores_every_case_it_can_read() {
    let desk = desk_with_records();
    let whole = backup_of(&desk, None, |_| {});
    let mut copy = Desk::default();
    let preview = import(&mut copy, whole);
    assert_eq!(preview.format, Format::TriageDeskBackup);
    assert_eq!(preview.format.label(), "Triage Desk unreadable-data backup");
    assert!(preview.errors.is_empty(), "{:?}", preview.errors);
    assert_eq!(copy.cases, desk.cases, "every case, in the desk's order");
    assert_eq!((copy.incidents.len(), copy.merges.len(), copy.not_duplicates.len()), (1, 1, 1));

    // One record broken, one case of another record damaged, the desk record lost.
    let damaged = backup_of(&desk, Some("{\"layout_version\": 3, broken".into()), |chunks| {
        chunks[0] = "[{\"at\": 0, \"case\": {\"id\": ".into();
        let mut entries: Vec<serde_json::Value> = serde_json::from_str(&chunks[1]).unwrap();
        entries[0]["case"]["customers_affected"] = (-3).into();
        chunks[1] = serde_json::to_string(&entries).unwrap();
    });
    let mut copy = Desk::default();
    let preview = import(&mut copy, damaged);
    let reasons = reasons(&preview);
    assert!(reasons[0].starts_with("record 1: could not be read, so its cases are left out"), "{reasons:?}");
    assert_eq!(reasons[1], "record 2, case 1: customers_affected: -3 is not a whole number of customers");
    assert!(warned(&preview, "desk record could not be read"));
    assert!(preview.records.is_none() && copy.incidents.is_empty());
    assert!(!copy.cases.is_empty() && copy.cases.len() < desk.cases.len());

    // Records of layouts 1 and 2 were strings, which come out quoted once more; no desk record.
    let quoted = backup_of(&desk, Some(String::new()), |chunks| {
        for chunk in chunks.iter_mut() {
            *chunk = serde_json::to_string(chunk).unwrap();
        }
    });
    let mut copy = Desk::default();
    let preview = import(&mut copy, quoted);
    assert!(preview.errors.is_empty(), "{:?}", preview.errors);
    assert!(warned(&preview, "The backup has no desk record"));
    assert_eq!(copy.cases, desk.cases);
}

#[test]
fn a_stored_envelope_set_aside_as_unreadable_imports_its_readable_cases() {
    let desk = desk_with_records();
    let envelope = Envelope { schema_version: 2, revision: 4, saved_at: at(0), data: desk.clone() };
    let mut value = serde_json::to_value(&envelope).unwrap();
    value["data"]["cases"][2]["status"] = "lost".into();
    let mut copy = Desk::default();
    let preview = import(&mut copy, serde_json::to_vec(&value).unwrap());
    assert_eq!(preview.format, Format::TriageDeskJson);
    assert_eq!(
        reasons(&preview),
        ["item 3: status: \"lost\" is not one of new, triaged, in_progress, waiting_on_customer, waiting_on_engineering, resolved, closed"]
    );
    assert_eq!(copy.cases.len(), desk.cases.len() - 1);
    assert_eq!(copy.incidents, desk.incidents);
}

#[test]
fn satisfaction_columns_rate_cases_and_survive_the_csv_round_trip() {
    use triage_desk::domain::case::{Rating, Satisfaction};
    let csv = "Id,Subject,Status,Created at,Solved at,Satisfaction Score,Satisfaction Comment\n\
        1,Refund late,Solved,2026-03-02 09:00,2026-03-02 12:00,Good,Quick and kind\n\
        2,App crash,Solved,2026-03-02 09:00,2026-03-03 09:00,Bad,\n\
        3,Login loop,Open,2026-03-02 09:00,,Offered,\n";
    let mut desk = Desk::default();
    let preview = import(&mut desk, csv.as_bytes().to_vec());
    assert_eq!(preview.errors.len(), 0);
    let rated = |desk: &Desk, id: &str| by_external(desk, id).satisfaction.clone();
    assert_eq!(
        rated(&desk, "1"),
        Some(Satisfaction { rating: Rating::Good, comment: "Quick and kind".into() })
    );
    assert_eq!(rated(&desk, "2"), Some(Satisfaction { rating: Rating::Bad, comment: String::new() }));
    assert_eq!(rated(&desk, "3"), None, "an offered survey is no rating");
    // This app's CSV carries the rating; read into an empty desk it rates the same cases.
    let mut copy = Desk::default();
    import(&mut copy, export_csv(&desk.cases, |_| Computed::default()));
    for id in ["1", "2", "3"] {
        assert_eq!(rated(&copy, id), rated(&desk, id), "case {id}");
    }
    // Read again over the same desk, nothing changes.
    let exported = export_csv(&desk.cases, |_| Computed::default());
    let again = import(&mut desk, exported);
    assert_eq!((again.to_add, again.to_update), (0, 0));
}

#[test]
fn bug_report_columns_fill_the_engineering_details_and_survive_the_csv_round_trip() {
    use triage_desk::domain::case::Field;
    let csv = "Issue key,Summary,Created,Steps to Reproduce,Expected Result,Actual Result,Affects Version,Browser,Order ID\n\
        PAY-1,Card declined,2026-03-02 09:00,\"1. Add to cart\n2. Pay\",Paid,Error 502,5.2.0,Chrome 131,88120\n\
        PAY-2,Refund stuck,2026-03-02 10:00,,,,,,\n";
    let mut desk = Desk::default();
    let preview = import(&mut desk, csv.as_bytes().to_vec());
    assert!(preview.errors.is_empty(), "{:?}", preview.errors);
    let details = &by_external(&desk, "PAY-1").engineering;
    assert_eq!(details.steps, "1. Add to cart\n2. Pay");
    assert_eq!(
        (details.expected.as_str(), details.actual.as_str(), details.app_version.as_str()),
        ("Paid", "Error 502", "5.2.0")
    );
    assert_eq!((details.browser.as_str(), details.ids.as_str()), ("Chrome 131", "88120"));
    assert!(by_external(&desk, "PAY-2").engineering.is_empty(), "blank cells say nothing");
    assert!(by_external(&desk, "PAY-1")
        .timeline
        .iter()
        .any(|entry| matches!(&entry.event, Event::FieldChanged { field: Field::Browser, .. })));
    let mut copy = Desk::default();
    import(&mut copy, export_csv(&desk.cases, |_| Computed::default()));
    assert_eq!(by_external(&copy, "PAY-1").engineering, *details);
    let exported = export_csv(&desk.cases, |_| Computed::default());
    let again = import(&mut desk, exported);
    assert_eq!((again.to_add, again.to_update), (0, 0));
}
