//! Storage at desk scale: the text of every record for 50,000 cases, and reading it back, which
//! is about half of the page's load at that size. Cases carry a realistic history: a status
//! change on most, a note or two on many, a pinned priority on some.

#[cfg(not(target_arch = "wasm32"))]
#[path = "support/synthetic.rs"]
mod synthetic;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::synthetic::synthetic_cases;
    use chrono::Duration;
    use criterion::{criterion_group, Criterion};
    use std::collections::BTreeSet;
    use std::hint::black_box;
    use triage_desk::domain::case::{Case, NoteKind, Priority, Status};
    use triage_desk::domain::layout::{encode_chunk, members, CaseReader, CHUNK_COUNT};

    const CASES: usize = 50_000;

    fn with_history(mut case: Case, i: usize) -> Case {
        let at = case.created_at + Duration::minutes(30);
        if !i.is_multiple_of(4) {
            case.set_status(Status::InProgress, "Mina", at);
        }
        if i.is_multiple_of(3) {
            case.add_note(NoteKind::Contact, "Asked for the order number and a screenshot.", "Mina", at);
        }
        if i.is_multiple_of(7) {
            case.add_note(NoteKind::Internal, "Same error as the checkout incident this morning.", "Jun", at);
            case.pin_priority(Some(Priority::P2), "Jun", at);
        }
        case
    }

    fn storage(c: &mut Criterion) {
        let cases: Vec<Case> =
            synthetic_cases(CASES).into_iter().enumerate().map(|(i, case)| with_history(case, i)).collect();
        let every: BTreeSet<u32> = (0..CHUNK_COUNT).collect();
        let places = members(&cases, &every);
        let encode = || places.values().map(|places| encode_chunk(&cases, places)).collect::<Vec<_>>();
        let chunks = encode();
        let mut group = c.benchmark_group("storage");
        group.sample_size(10);
        group.bench_function("encode 50k cases", |b| b.iter(encode));
        let decode = |chunks: &[String]| {
            let mut reader = CaseReader::new(CASES);
            for chunk in chunks {
                reader.read(chunk.as_bytes()).unwrap();
            }
            reader.finish()
        };
        group.bench_function("decode 50k cases", |b| b.iter(|| decode(black_box(&chunks))));
        group.finish();
    }

    criterion_group!(benches, storage);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
