#![cfg(not(target_arch = "wasm32"))]
//! Fuzzing the import and storage parsers on stable Rust: generated inputs (random bytes,
//! mutated real exports, deep nesting, huge cells, other encodings, NaN and friends, trailing
//! garbage) go through every parser the page feeds with outside data. No input may panic, and
//! none may take more than a second. See docs/fuzzing.md for how to run it.
//!
//! `FUZZ_INPUTS` sets how many inputs (5,000 by default; 1,000,000 for the ignored full run),
//! `FUZZ_SEED` the seed. Input `i` of a seed is always the same bytes, so a failure is
//! reproduced by its seed and number; its bytes are also saved under `target/fuzz-failures/`.

mod support;

use chrono::TimeDelta;
use serde_json::Value;
use std::any::Any;
use std::cell::RefCell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::time::{Duration, Instant};
use support::at;
use triage_desk::domain::case::CaseId;
use triage_desk::domain::csv_export::export_csv;
use triage_desk::domain::demo::demo_cases;
use triage_desk::domain::desk::Desk;
use triage_desk::domain::import::{apply, quick_add, read_import, ImportJob, Preview};
use triage_desk::domain::layout::{self, CaseReader, Meta};
use triage_desk::domain::persist::{export_json, read_envelope};
use triage_desk::domain::sla::SlaEngine;

/// An input slower than this is a failure: the page would freeze on it. Unoptimised test
/// builds run this code 10 to 30 times slower, so their short run allows more.
const TIME_LIMIT: Duration = Duration::from_secs(if cfg!(debug_assertions) { 20 } else { 1 });

/// SplitMix64: small, fast and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound.max(1) as u64) as usize
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Real files the parsers meet, to mutate: this app's JSON and CSV exports of the demo desk
/// (whole and as three cases), its storage records, and other helpdesks' exports.
struct Corpus {
    seeds: Vec<Vec<u8>>,
    /// A small JSON export, for mutations that understand JSON.
    small_json: Value,
    /// A valid index record, for decoding fuzzed chunk records against.
    meta: String,
    /// The same, for mutations that understand JSON.
    meta_json: Value,
    /// The desk imports are applied to.
    desk: Desk,
}

impl Corpus {
    fn new() -> Corpus {
        let cases = demo_cases(at(0) - TimeDelta::hours(3), "Mina");
        let full = Desk { cases: cases.clone(), ..Desk::default() };
        let small = Desk { cases: cases[..3].to_vec(), ..Desk::default() };
        let mut seeds = vec![
            export_json(&small, &[], at(0)).into_bytes(),
            export_csv(&small.cases),
            layout::encode_chunk(&small.cases, &[0, 1, 2]).into_bytes(),
            layout::encode_meta(7, at(0), &small, usize::MAX).into_bytes(),
        ];
        let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        for dir in [fixtures.join("import"), fixtures] {
            let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
                .unwrap()
                .map(|entry| entry.unwrap().path())
                .filter(|path| path.is_file())
                .collect();
            files.sort();
            seeds.extend(files.iter().map(|path| std::fs::read(path).unwrap()));
        }
        // The whole demo desk last: big seeds are picked less often (see `seed`).
        seeds.push(export_json(&full, &[], at(0)).into_bytes());
        seeds.push(export_csv(&full.cases));
        Corpus {
            small_json: serde_json::from_slice(&seeds[0]).unwrap(),
            meta: layout::encode_meta(7, at(0), &small, usize::MAX),
            meta_json: serde_json::from_str(&layout::encode_meta(7, at(0), &small, usize::MAX)).unwrap(),
            seeds,
            desk: small,
        }
    }

    /// Mostly a small seed; one in twenty times the whole demo desk.
    fn seed(&self, rng: &mut Rng) -> &[u8] {
        let small = self.seeds.len() - 2;
        if rng.chance(5) {
            &self.seeds[small + rng.below(2)]
        } else {
            &self.seeds[rng.below(small)]
        }
    }
}

/// Text that parsers treat specially: numbers JSON has no room for, dates at and past the ends
/// of the calendar, escapes of lone surrogates, quotes, separators, byte order marks.
const TOKENS: &[&str] = &[
    "NaN",
    "Infinity",
    "-Infinity",
    "1e999",
    "-1",
    "4294967296",
    "18446744073709551616",
    "-9223372036854775809",
    "0.5",
    "null",
    "true",
    "\"\"",
    "[]",
    "{}",
    "\"\\ud800\"",
    "\"\\udfff\\ud800\"",
    "\\u0000",
    "\"9999-12-31T23:59:59Z\"",
    "\"0001-01-01T00:00:00Z\"",
    "\"+262143-12-31T23:59:59Z\"",
    "\"-262143-01-01T00:00:00Z\"",
    "\"2026-02-30T00:00:00Z\"",
    "9999-12-31",
    "0001-01-01",
    "\"",
    ",",
    ";",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "\u{feff}",
    "\u{202e}",
    "=cmd|' /C calc'!A0",
    "<script>alert(1)</script>",
    "\"schema_version\": 99",
    "\"format\": \"triage-desk-export\"",
    "\"layout_version\": 1",
    "\"case_count\": 18446744073709551615",
    "\"chunk_count\": 4294967295",
];

fn random_bytes(rng: &mut Rng) -> Vec<u8> {
    let len = rng.below(256);
    if rng.chance(50) {
        (0..len).map(|_| rng.next() as u8).collect()
    } else {
        const TEXT: &[u8] = b"[]{}\",:;|\t\n\r\\ abcxyz019-TZ.e+";
        (0..len).map(|_| *rng.pick(TEXT)).collect()
    }
}

/// A few byte-level edits: flips, inserts, deletes, repeats, splices and tokens.
fn mutate(mut bytes: Vec<u8>, corpus: &Corpus, rng: &mut Rng) -> Vec<u8> {
    for _ in 0..1 + rng.below(8) {
        let at = rng.below(bytes.len() + 1);
        let longest = if rng.chance(80) { 8 } else { 512 };
        let span = 1 + rng.below(longest);
        let end = (at + span).min(bytes.len());
        match rng.below(8) {
            0 if at < bytes.len() => bytes[at] ^= 1 << rng.below(8),
            1 if at < bytes.len() => bytes[at] = rng.next() as u8,
            2 => {
                let random = random_bytes(rng);
                bytes.splice(at..at, random.into_iter().take(span));
            }
            3 => {
                bytes.drain(at..end);
            }
            4 => {
                let copy = bytes[at..end].to_vec();
                bytes.splice(at..at, copy);
            }
            5 => {
                let other = corpus.seed(rng);
                let from = rng.below(other.len());
                let chunk = other[from..(from + span).min(other.len())].to_vec();
                bytes.splice(at..end, chunk);
            }
            6 => bytes.truncate(at),
            _ => {
                let token = rng.pick(TOKENS).as_bytes().to_vec();
                bytes.splice(at..at, token);
            }
        }
    }
    bytes
}

/// Replaces, removes or repeats values inside a parsed export, so the result is still JSON
/// and reaches the checks behind the parser.
fn mutate_json(value: &mut Value, rng: &mut Rng) {
    match value {
        Value::Object(map) if !map.is_empty() && rng.chance(80) => {
            let key = map.keys().nth(rng.below(map.len())).cloned().unwrap();
            if rng.chance(10) {
                map.remove(&key);
            } else {
                mutate_json(map.get_mut(&key).unwrap(), rng);
            }
        }
        Value::Array(items) if !items.is_empty() && rng.chance(80) => {
            let at = rng.below(items.len());
            match rng.below(10) {
                0 => {
                    items.remove(at);
                }
                1 => items.push(items[at].clone()),
                _ => mutate_json(&mut items[at], rng),
            }
        }
        _ => {
            *value = match rng.below(8) {
                0 => Value::Null,
                1 => Value::from(rng.next() >> rng.below(64)),
                2 => Value::from(-(rng.below(1000) as i64)),
                3 => Value::from(f64::from_bits(rng.next()) / 1e300),
                4 => Value::from(String::from_utf8_lossy(&random_bytes(rng)).into_owned()),
                5 => {
                    let token = *rng.pick(TOKENS);
                    serde_json::from_str(token).unwrap_or(Value::Bool(true))
                }
                6 => Value::Array(vec![value.take()]),
                _ => Value::from(rng.pick(TOKENS).trim_matches('"')),
            }
        }
    }
}

/// The seed text in another encoding, or with bytes of one: byte order marks, UTF-16 either
/// way round, double-byte CP949 / Big5 / Shift-JIS pairs, invalid UTF-8.
fn reencode(text: &[u8], rng: &mut Rng) -> Vec<u8> {
    let text = String::from_utf8_lossy(text);
    match rng.below(6) {
        0 => [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
        1 | 2 => {
            let big_endian = rng.chance(50);
            let mut bytes = match (rng.chance(50), big_endian) {
                (true, false) => b"\xFF\xFE".to_vec(),
                (true, true) => b"\xFE\xFF".to_vec(),
                _ => Vec::new(),
            };
            for unit in text.encode_utf16() {
                bytes.extend(if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
            }
            bytes
        }
        3 => {
            // Lead and trail byte ranges of CP949, Big5 and Shift-JIS.
            let (lead, trail) = *rng.pick(&[
                ((0xB0, 0xC9), (0xA1, 0xFF)),
                ((0xA4, 0xC7), (0x40, 0x7F)),
                ((0x81, 0xA0), (0x40, 0xFD)),
            ]);
            let mut bytes = Vec::new();
            for ch in text.chars() {
                if ch.is_ascii() {
                    bytes.push(ch as u8);
                } else {
                    let pick =
                        |(low, high): (u8, u8), rng: &mut Rng| low + rng.below(usize::from(high - low)) as u8;
                    bytes.push(pick(lead, rng));
                    bytes.push(pick(trail, rng));
                }
            }
            bytes
        }
        4 => {
            let mut bytes = text.as_bytes().to_vec();
            let at = rng.below(bytes.len() + 1);
            bytes.splice(at..at, [*rng.pick(&[0x80u8, 0xC0, 0xED, 0xF5, 0xFF])]);
            bytes
        }
        _ => text.replace('a', "\\ud83d").replace('e', "\\udc00x").into_bytes(),
    }
}

/// Nesting 100,000 deep (or less), bare, inside an export, or as CSV.
fn deep(rng: &mut Rng) -> Vec<u8> {
    let depth = if rng.chance(50) { 100_000 } else { rng.below(100_000) };
    let open = *rng.pick(&["[", "{\"a\":", "[{\"cases\":"]);
    let prefix =
        *rng.pick(&["", "{\"format\":\"triage-desk-export\",\"schema_version\":2,\"cases\":", "title\n"]);
    let mut text = prefix.to_string() + &open.repeat(depth);
    if rng.chance(50) {
        text += &"]".repeat(depth);
    }
    text.into_bytes()
}

/// A cell of a megabyte, in CSV or JSON. No line breaks or tabs: pasted into quick add, those
/// would make 300,000 rows or columns, which is work in proportion (about 3 µs a column),
/// the import benchmarks' subject; `wide` makes rows of up to 20,000 cells.
fn huge_cell(rng: &mut Rng) -> Vec<u8> {
    let filler = *rng.pick(&["x", "가", "\"\"", ",", "\u{0301}", "a b"]);
    let cell = filler.repeat((1 << 20) / filler.len());
    match rng.below(4) {
        0 => format!("title,description\n\"{cell}\",short\n"),
        1 => format!("title\n{cell}"),
        2 => format!(
            "{{\"format\":\"triage-desk-export\",\"schema_version\":2,\"exported_at\":\"2026-11-02T09:00:00Z\",\"cases\":[{{\"id\":\"x\",\"title\":{}}}]}}",
            serde_json::to_string(&cell).unwrap()
        ),
        _ => cell,
    }
    .into_bytes()
}

/// A header and a row of up to 20,000 cells, tab or comma separated.
fn wide(rng: &mut Rng) -> Vec<u8> {
    let cells = rng.below(20_000);
    let separator = *rng.pick(&["\t", ",", ";"]);
    let header: Vec<String> = (0..cells).map(|i| format!("c{i}")).collect();
    let row: Vec<String> = (0..cells).map(|i| format!("v{}", i * 7)).collect();
    format!("{}\n{}\n", header.join(separator), row.join(separator)).into_bytes()
}

/// Input `index` of the run seeded `seed`.
fn input(corpus: &Corpus, seed: u64, index: u64) -> Vec<u8> {
    let mut rng = Rng(seed ^ index.wrapping_mul(0xD1B5_4A32_D192_ED03));
    let roll = rng.below(1000);
    match roll {
        0..=199 => random_bytes(&mut rng),
        200..=649 => {
            let seed = corpus.seed(&mut rng).to_vec();
            mutate(seed, corpus, &mut rng)
        }
        650..=799 => {
            let mut value = if rng.chance(70) { corpus.small_json.clone() } else { corpus.meta_json.clone() };
            for _ in 0..1 + rng.below(4) {
                mutate_json(&mut value, &mut rng);
            }
            if rng.chance(50) { serde_json::to_vec_pretty(&value) } else { serde_json::to_vec(&value) }
                .unwrap()
        }
        800..=869 => {
            let seed = corpus.seed(&mut rng).to_vec();
            reencode(&seed, &mut rng)
        }
        870..=879 => deep(&mut rng),
        880..=881 => huge_cell(&mut rng),
        882..=886 => wide(&mut rng),
        _ => {
            // Trailing or leading garbage on a real file.
            let mut bytes = corpus.seed(&mut rng).to_vec();
            let garbage = random_bytes(&mut rng);
            if rng.chance(70) {
                bytes.extend(garbage);
            } else {
                bytes.splice(0..0, garbage);
            }
            bytes
        }
    }
}

/// Reads an import file the way the page does (a few rows per step), previews it and applies
/// it to a copy of the desk, then computes the SLA clocks of every case that came in.
fn import_and_apply(job: Result<ImportJob, impl std::fmt::Debug>, corpus: &Corpus, rows_per_step: usize) {
    let Ok(mut job) = job else { return };
    let mut steps = 0usize;
    while !job.step(rows_per_step).finished {
        steps += 1;
        assert!(steps <= job.progress().total_bytes + 2, "reading never finishes");
    }
    let preview: Preview = job.preview(&corpus.desk, at(0));
    let mut desk = corpus.desk.clone();
    let mut next = 0;
    apply(&preview, &mut desk, "Mina", at(0), || {
        next += 1;
        CaseId(format!("fuzz-{next}"))
    });
    let engine = SlaEngine::new(&desk.settings.sla);
    let tick = engine.tick(at(0));
    for case in &desk.cases {
        for clock in engine.compute_clocks(case).clocks {
            clock.status(&tick);
        }
    }
}

/// The storage records as the page loads them: the index record, then chunk records read
/// against it (the fuzzed index when it parses, so its counts are fuzzed too).
fn load_records(text: &str, bytes: &[u8], corpus: &Corpus) {
    let meta: Meta = layout::decode_meta(text).unwrap_or_else(|_| layout::decode_meta(&corpus.meta).unwrap());
    let mut reader = CaseReader::new(meta.case_count);
    let _ = reader.read(bytes);
    reader.finish();
    let _ = layout::decode(meta, &[bytes, corpus.seeds[2].as_slice()]);
}

type Target = fn(&[u8], &str, &Corpus);

const TARGETS: [(&str, Target); 5] = [
    ("import", |bytes, _, corpus| {
        import_and_apply(ImportJob::start(bytes.to_vec()), corpus, 1 + bytes.len() % 64)
    }),
    ("quick_add", |_, text, corpus| import_and_apply(quick_add(text), corpus, usize::MAX)),
    ("read_envelope", |_, text, _| drop(read_envelope(text))),
    ("read_import", |_, text, _| drop(read_import(text))),
    ("storage_records", |bytes, text, corpus| load_records(text, bytes, corpus)),
];

thread_local! {
    /// The message of the last panic on this thread, caught by the hook below.
    static PANIC: RefCell<String> = const { RefCell::new(String::new()) };
}

fn panic_message(payload: &(dyn Any + Send)) -> String {
    let message = PANIC.with_borrow(Clone::clone);
    if !message.is_empty() {
        return message;
    }
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}

fn failures_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"), PathBuf::from)
        .join("fuzz-failures")
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|value| value.trim().parse().ok()).unwrap_or(default)
}

/// Feeds `count` inputs to every target; panics listing each failure (its bytes saved).
fn fuzz(default_count: u64) {
    let count = env_number("FUZZ_INPUTS", default_count);
    let seed = env_number("FUZZ_SEED", 0x7D15_C0DE);
    let corpus = Corpus::new();
    std::panic::set_hook(Box::new(|info| PANIC.with_borrow_mut(|message| *message = info.to_string())));
    let started = Instant::now();
    let mut failures = Vec::new();
    let (mut slowest, mut slowest_index, mut bytes_total, mut retimed) = (Duration::ZERO, 0, 0u64, 0);
    // A saved failure, to replay alone.
    let replay = std::env::var_os("FUZZ_REPLAY").map(|path| std::fs::read(path).unwrap());
    let count = if replay.is_some() { 1 } else { count };
    let first = env_number("FUZZ_FROM", 0);
    for index in first..first + count {
        let bytes = replay.clone().unwrap_or_else(|| input(&corpus, seed, index));
        bytes_total += bytes.len() as u64;
        let text = String::from_utf8_lossy(&bytes);
        for (name, target) in TARGETS {
            let run = || {
                let began = Instant::now();
                (catch_unwind(AssertUnwindSafe(|| target(&bytes, &text, &corpus))), began.elapsed())
            };
            let (outcome, mut took) = run();
            if outcome.is_ok() && took > TIME_LIMIT {
                // Wall time, on a shared machine: the scheduler can stall any input for a second,
                // so only an input slow twice counts.
                took = took.min(run().1);
                retimed += 1;
            }
            if std::env::var_os("FUZZ_VERBOSE").is_some() {
                println!("input {index} ({} bytes): {name} {took:?}", bytes.len());
            }
            if took > slowest {
                (slowest, slowest_index) = (took, index);
            }
            let problem = match outcome {
                Err(payload) => Some(format!("panicked: {}", panic_message(&*payload))),
                Ok(()) if took > TIME_LIMIT => Some(format!("took {took:?}")),
                Ok(()) => None,
            };
            if let Some(problem) = problem {
                let dir = failures_dir();
                std::fs::create_dir_all(&dir).unwrap();
                let file = dir.join(format!("{name}-{seed}-{index}.bin"));
                std::fs::write(&file, &bytes).unwrap();
                failures.push(format!(
                    "input {index} ({} bytes) in {name} {problem}; saved to {}",
                    bytes.len(),
                    file.display()
                ));
            }
        }
    }
    let _ = std::panic::take_hook();
    let elapsed = started.elapsed();
    println!(
        "fuzzed {count} inputs ({:.1} MB) through {} targets with seed {seed} in {elapsed:.1?}; slowest input {slowest_index} took {slowest:.1?} ({retimed} timed again)",
        bytes_total as f64 / 1e6,
        TARGETS.len()
    );
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

/// A short run for every `cargo test`.
#[test]
fn parsers_survive_generated_inputs() {
    fuzz(5_000);
}

/// The full run: `cargo test --release --test fuzz_props -- --ignored --nocapture`.
#[test]
#[ignore = "a million inputs; run in release mode, see docs/fuzzing.md"]
fn parsers_survive_a_million_generated_inputs() {
    fuzz(1_000_000);
}

#[test]
fn the_corpus_holds_real_exports() {
    let corpus = Corpus::new();
    assert!(corpus.seeds.len() >= 12);
    let desk = read_import(std::str::from_utf8(&corpus.seeds[0]).unwrap()).unwrap();
    assert_eq!(desk.cases.len(), 3);
}
