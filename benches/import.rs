//! Parse, preview and apply 10,000 rows of a Zendesk-like export: the size the page must
//! import in under 2 s as release WebAssembly, so natively it should stay well under 0.5 s.

#[cfg(not(target_arch = "wasm32"))]
mod bench {
    use chrono::{DateTime, Duration, Utc};
    use criterion::Criterion;
    use triage_desk::domain::case::CaseId;
    use triage_desk::domain::desk::Desk;
    use triage_desk::domain::import::{apply, ImportJob, ImportSummary};

    const ROWS: usize = 10_000;

    /// A deterministic export with the mix real ones have: quoted multi-line descriptions,
    /// Korean and Chinese text, every status and priority, and a few extra columns.
    fn zendesk_csv(rows: usize) -> Vec<u8> {
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let subjects = [
            "Checkout fails with card error",
            "결제 오류가 발생합니다",
            "付款失敗 無法登入",
            "Export to PDF cuts last page",
        ];
        let orgs = ["Acme Corp", "한빛상사", "台灣科技股份有限公司", "Globex", "Initech"];
        let priorities = ["Urgent", "High", "Normal", "Low", "-"];
        let statuses = ["new", "open", "pending", "hold", "solved", "closed"];
        let vias = ["Web Form", "Email", "Chat", "API", "Mobile SDK"];
        let plans = ["Enterprise", "Pro", "Standard", "Free"];
        let start = DateTime::parse_from_rfc3339("2021-01-01T00:00:00+08:00").unwrap();
        let mut out = String::from(
            "Id,Subject,Description,Requester,Organization,Priority,Status,Created at,Updated at,Via,Tags,Plan [list],Assignee\n",
        );
        for id in 0..rows {
            let created = start + Duration::minutes(id as i64 * 7);
            let updated = created + Duration::hours(next(72) as i64 + 1);
            out.push_str(&format!(
                "{},{} #{id},\"Customer reports:\n\"\"{}\"\" since the last release.\nSteps attached.\",Requester {},{},{},{},{},{},{},tag{} tag{},{},Agent {}\n",
                100_000 + id,
                subjects[next(subjects.len())],
                subjects[next(subjects.len())],
                next(500),
                orgs[next(orgs.len())],
                priorities[next(priorities.len())],
                statuses[next(statuses.len())],
                created.format("%Y-%m-%d %H:%M:%S %z"),
                updated.format("%Y-%m-%d %H:%M:%S %z"),
                vias[next(vias.len())],
                next(20),
                next(20),
                plans[next(plans.len())],
                next(12),
            ));
        }
        out.into_bytes()
    }

    fn import(bytes: &[u8], desk: &mut Desk) -> ImportSummary {
        let now: DateTime<Utc> = DateTime::parse_from_rfc3339("2026-11-02T09:00:00Z").unwrap().into();
        let mut job = ImportJob::start(bytes.to_vec()).unwrap();
        while !job.step(1_000).finished {}
        let preview = job.preview(desk, now);
        let mut next = 0u32;
        apply(&preview, desk, "Bench", now, || {
            next += 1;
            CaseId(format!("b{next}"))
        })
    }

    pub fn benches(c: &mut Criterion) {
        let bytes = zendesk_csv(ROWS);
        let mut group = c.benchmark_group("import");
        group.sample_size(10);
        group.bench_function("10k Zendesk rows into an empty desk", |b| {
            b.iter(|| {
                let summary = import(&bytes, &mut Desk::default());
                assert_eq!(summary.added, ROWS);
            })
        });
        let mut loaded = Desk::default();
        import(&bytes, &mut loaded);
        group.bench_function("10k Zendesk rows again (all matched, unchanged)", |b| {
            b.iter(|| {
                let summary = import(&bytes, &mut loaded);
                assert_eq!(summary.unchanged, ROWS);
            })
        });
        group.finish();
    }
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_group!(benches, bench::benches);
#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
