#![cfg(not(target_arch = "wasm32"))]
//! History is append-only and a stored case always matches its timeline: through any mix of
//! edits, merges and unmerges on one desk, and through merging two tabs' copies of a case.

mod support;

use proptest::prelude::*;
use support::at;
use triage_desk::domain::case::{
    Case, CaseDraft, CaseId, Event, Field, FieldValue, NoteKind, Priority, Status, Surface, Tier, Timestamp,
    Urgency,
};
use triage_desk::domain::desk::Desk;

fn id(index: usize) -> CaseId {
    CaseId(format!("c{index}"))
}

/// One change a person makes to one case.
#[derive(Clone, Debug)]
enum Edit {
    Set(Field, FieldValue),
    Status(Status),
    Pin(Option<Priority>),
    Note(NoteKind),
}

fn edit() -> impl Strategy<Value = Edit> {
    let text = |field: Field| {
        prop::sample::select(vec!["Acme", "Kumo", "Harborline", "결제", ""])
            .prop_map(move |text| Edit::Set(field, FieldValue::Text(text.into())))
    };
    prop_oneof![
        text(Field::Customer),
        text(Field::Category),
        text(Field::ExternalId),
        prop::sample::select(vec!["Checkout down", "Refund failed"])
            .prop_map(|title| Edit::Set(Field::Title, FieldValue::Text(title.into()))),
        prop::sample::select(Tier::ALL).prop_map(|tier| Edit::Set(Field::Tier, FieldValue::Tier(tier))),
        prop::sample::select(Surface::ALL).prop_map(|s| Edit::Set(Field::Surface, FieldValue::Surface(s))),
        prop::sample::select(Urgency::ALL).prop_map(|u| Edit::Set(Field::Urgency, FieldValue::Urgency(u))),
        (1u32..5).prop_map(|count| Edit::Set(Field::CustomersAffected, FieldValue::Count(count))),
        (-3i64..0).prop_map(|days| Edit::Set(Field::CreatedAt, FieldValue::Time(at(days * 24 * 60)))),
        prop::sample::select(Status::ALL).prop_map(Edit::Status),
        prop::option::of(prop::sample::select(Priority::ALL.to_vec())).prop_map(Edit::Pin),
        prop::sample::select(vec![NoteKind::Contact, NoteKind::Internal]).prop_map(Edit::Note),
    ]
}

fn apply(case: &mut Case, edit: &Edit, author: &str, now: Timestamp) {
    match edit {
        Edit::Set(field, value) => {
            // Refusals (an empty title) change nothing, which is part of what is checked.
            let _ = case.set_field(*field, value.clone(), author, now);
        }
        Edit::Status(status) => {
            case.set_status(*status, author, now);
        }
        Edit::Pin(pin) => {
            case.pin_priority(*pin, author, now);
        }
        Edit::Note(kind) => {
            case.add_note(*kind, "Spoke to them", author, now);
        }
    }
}

/// Every field, the status and the pin equal what the last timeline entry setting them says.
fn matches_its_timeline(case: &Case) -> Result<(), TestCaseError> {
    for field in Field::ALL {
        let last = case.timeline.iter().rev().find_map(|entry| match &entry.event {
            Event::FieldChanged { field: changed, to, .. } if *changed == field => Some(to.clone()),
            _ => None,
        });
        if let Some(to) = last {
            prop_assert_eq!(case.field_text(field), to, "{:?} of {}", field, case.id);
        }
    }
    let status = case.timeline.iter().rev().find_map(|entry| match entry.event {
        Event::StatusChanged { to, .. } | Event::Reopened { to, .. } => Some(to),
        _ => None,
    });
    prop_assert_eq!(case.status, status.unwrap_or(Status::New));
    let pin = case.timeline.iter().rev().find_map(|entry| match entry.event {
        Event::PriorityPinned { to, .. } => Some(to),
        _ => None,
    });
    prop_assert_eq!(case.priority_pin, pin.flatten());
    Ok(())
}

/// A case without what an unmerge may move on: its history, change time and first contact.
fn fields(case: &Case) -> Case {
    Case { timeline: Vec::new(), updated_at: at(0), first_response_at: None, ..case.clone() }
}

fn sample(index: usize) -> Case {
    let draft =
        CaseDraft { title: format!("Report {index}"), customer: "Acme".into(), ..CaseDraft::default() };
    support::case(&format!("c{index}"), draft, at(0))
}

/// What a person does on a desk of four cases.
#[derive(Clone, Debug)]
enum Act {
    Edit(usize, Edit),
    Merge(usize, Vec<usize>),
    Unmerge(usize),
}

const CASES: usize = 4;

fn act() -> impl Strategy<Value = Act> {
    prop_oneof![
        3 => (0..CASES, edit()).prop_map(|(case, edit)| Act::Edit(case, edit)),
        1 => (0..CASES, prop::collection::vec(0..CASES, 1..3)).prop_map(|(p, d)| Act::Merge(p, d)),
        1 => (0..CASES).prop_map(Act::Unmerge),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn no_act_shortens_a_timeline_and_unmerge_gives_back_the_fields(acts in prop::collection::vec(act(), 1..40)) {
        let mut desk = Desk { cases: (0..CASES).map(sample).collect(), ..Desk::default() };
        for (minute, act) in (1..).zip(&acts) {
            let now = at(minute);
            let before = desk.clone();
            let mut unmerged = Vec::new();
            match act {
                Act::Edit(case, edit) => apply(&mut desk.cases[*case], edit, "Mina", now),
                Act::Merge(primary, duplicates) => {
                    let duplicates: Vec<CaseId> = duplicates.iter().copied().map(id).collect();
                    let _ = desk.merge_into(&id(*primary), &duplicates, "Mina", now);
                }
                Act::Unmerge(primary) => {
                    unmerged = desk.merges_into(&id(*primary)).flat_map(|m| m.before.clone()).collect();
                    let restored = desk.unmerge(&id(*primary), "Jun", now);
                    prop_assert_eq!(restored, unmerged.len());
                }
            }
            for (after, earlier) in desk.cases.iter().zip(&before.cases) {
                prop_assert!(after.timeline.starts_with(&earlier.timeline), "{} lost history at {:?}", after.id, act);
                matches_its_timeline(after)?;
            }
            for earlier in &unmerged {
                let now = desk.scan_case(&earlier.id).unwrap();
                prop_assert_eq!(fields(now), fields(earlier));
                prop_assert_eq!(desk.duplicate_of(&earlier.id), None);
            }
        }
    }

    #[test]
    fn two_copies_merge_field_by_field_the_same_either_way(
        ours in prop::collection::vec((0i64..6, edit()), 0..12),
        theirs in prop::collection::vec((0i64..6, edit()), 0..12),
    ) {
        // Both tabs start from one case and edit it apart, at times that may coincide.
        let base = Desk { cases: vec![sample(0)], ..Desk::default() };
        let edited = |edits: &[(i64, Edit)], author: &str| {
            let mut desk = base.clone();
            let mut minute = 1;
            for (step, edit) in edits {
                minute += step;
                apply(&mut desk.cases[0], edit, author, at(minute));
            }
            desk
        };
        let (a, b) = (edited(&ours, "A"), edited(&theirs, "B"));
        let merged = a.clone().merge(b.clone());
        let case = &merged.cases[0];
        matches_its_timeline(case)?;
        for copy in [&a.cases[0], &b.cases[0]] {
            prop_assert!(copy.timeline.iter().all(|entry| case.timeline.contains(entry)), "no entry lost");
        }
        prop_assert!(case.timeline.windows(2).all(|pair| pair[0].at <= pair[1].at));
        prop_assert_eq!(case.updated_at, a.cases[0].updated_at.max(b.cases[0].updated_at));
        prop_assert_eq!(&b.clone().merge(a.clone()).cases, &merged.cases, "the same whichever tab merges");
        prop_assert_eq!(&merged.clone().merge(b).cases, &merged.cases, "merging again changes nothing");
        prop_assert_eq!(&merged.clone().merge(a).cases, &merged.cases);
    }
}
