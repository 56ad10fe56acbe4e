//! An import: a file picked or dropped on the page (or rows pasted) is read, previewed and,
//! once the user confirms in the review panel, applied, each in steps with a progress bar
//! so that even a 20 MB file never freezes the page. Nothing is written before the confirm,
//! and the desk changes in one go at the end of the apply.

use super::grouping::Grouping;
use super::scoring::Scoring;
use super::sla_board::SlaBoard;
use super::store::DeskStore;
use crate::domain::case::{CaseId, Timestamp};
use crate::domain::demo::demo_cases;
use crate::domain::desk::{new_case_id, Desk};
use crate::domain::import::{
    check_size, Applying, ColumnRole, ImportJob, Preview, Progress, Steps, MAX_OWN_FILE_BYTES,
};
use crate::i18n::{Message, Text};
use crate::ui::browser;
use leptos::prelude::*;
use std::sync::Arc;

/// Rows read, previewed or applied between two breaks for the browser to paint and handle
/// input.
const ROWS_PER_STEP: usize = 2_000;
/// Rows applied per step: fewer, as each new case is also scored, timed and indexed.
const APPLY_ROWS_PER_STEP: usize = 1_000;

/// Where the rows being imported came from.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Source {
    File,
    Pasted,
}

/// One source column in the mapping editor.
#[derive(Clone)]
pub struct ColumnView {
    pub name: String,
    pub role: ColumnRole,
    pub examples: Vec<String>,
}

/// A file read to the end and previewed against the desk, waiting for the user.
pub struct Review {
    pub name: String,
    pub source: Source,
    pub preview: Preview,
    pub columns: Vec<ColumnView>,
}

/// Where an import is.
#[derive(Clone)]
pub enum Stage {
    /// Reading the file, checking its rows against the desk, or applying the confirmed rows
    /// (nothing is written until the last step); how far is in [`ImportState::meter`].
    Working {
        name: String,
    },
    Failed {
        name: String,
        message: Message,
    },
    Ready(Arc<Review>),
    /// Applied to the desk and being written to storage: "Imported" shows only once it is
    /// there, so a reload after it always finds the cases.
    Saving {
        name: String,
        cases: usize,
    },
    Done {
        name: String,
        /// Sentences, shown one after another.
        summary: Vec<Message>,
    },
}

/// How far the current step of an import has got. Kept apart from the stage so that the
/// panel (and its Cancel button) stays in place while the bar moves.
#[derive(Clone, Debug, PartialEq)]
pub struct Meter {
    pub label: Text,
    pub done: usize,
    pub total: usize,
    pub text: Message,
}

impl Default for Meter {
    fn default() -> Meter {
        Meter { label: Text::ReadingFile, done: 0, total: 0, text: Text::Nothing.into() }
    }
}

impl Meter {
    fn reading(progress: Progress) -> Meter {
        let megabytes = |bytes: usize| format!("{:.1}", bytes as f64 / 1_048_576.0);
        Meter {
            label: Text::ReadingFile,
            done: progress.bytes_done,
            total: progress.total_bytes,
            text: Message::new(Text::ReadRows)
                .arg("rows", progress.rows_done)
                .arg("done", megabytes(progress.bytes_done))
                .arg("total", megabytes(progress.total_bytes)),
        }
    }

    /// `label` names the step, `text` says how far it got ("{done} of {total} rows").
    fn rows(label: Text, text: Text, steps: Steps) -> Meter {
        let text = Message::new(text).arg("done", steps.done).arg("total", steps.total);
        Meter { label, done: steps.done, total: steps.total, text }
    }
}

/// Shared by the file input, drag-and-drop, quick add and the review panel.
#[derive(Clone, Copy)]
pub struct ImportState {
    pub stage: RwSignal<Option<Stage>>,
    pub meter: RwSignal<Meter>,
    /// The text in the quick add box, and whether the box is open.
    pub pasted: RwSignal<String>,
    pub quick_add_open: RwSignal<bool>,
    job: StoredValue<Option<ImportJob>, LocalStorage>,
    /// Counts imports started, so a cancelled or replaced one stops reading.
    run: StoredValue<u64>,
    store: DeskStore,
    scoring: Scoring,
    sla: SlaBoard,
    grouping: Grouping,
}

pub fn provide_import_state(
    store: DeskStore,
    scoring: Scoring,
    sla: SlaBoard,
    grouping: Grouping,
) -> ImportState {
    let state = ImportState {
        stage: RwSignal::new(None),
        meter: RwSignal::new(Meter::default()),
        pasted: RwSignal::new(String::new()),
        quick_add_open: RwSignal::new(false),
        job: StoredValue::new_local(None),
        run: StoredValue::new(0),
        store,
        scoring,
        sla,
        grouping,
    };
    provide_context(state);
    state
}

pub fn use_import_state() -> ImportState {
    expect_context::<ImportState>()
}

impl ImportState {
    /// Starts a new run over the same job: an earlier run still stepping stops.
    fn restart(self) -> u64 {
        self.run.update_value(|run| *run += 1);
        self.run.get_value()
    }

    /// Starts a new run and forgets the job.
    fn next_run(self) -> u64 {
        self.job.set_value(None);
        self.restart()
    }

    fn is_current(self, run: u64) -> bool {
        self.run.get_value() == run
    }

    /// Shows how far the import has got, putting the panel in its working state if needed.
    fn report(self, name: &str, meter: Meter) {
        if !matches!(self.stage.get_untracked(), Some(Stage::Working { .. })) {
            self.stage.set(Some(Stage::Working { name: name.to_string() }));
        }
        self.meter.set(meter);
    }

    /// Adds the demo queue (from the empty inbox or the command palette).
    pub fn load_demo(self) {
        let now = browser::now();
        self.store.change(|desk| {
            let cases = demo_cases(now, desk.settings.author());
            desk.upsert(cases);
        });
    }

    /// Reads a picked or dropped file, step by step, then previews it.
    pub fn start_file(self, file: web_sys::File) {
        let run = self.next_run();
        let name = file.name();
        // Refused before reading, so an oversized file never fills the page's memory.
        if let Err(error) = check_size(file.size() as usize, MAX_OWN_FILE_BYTES) {
            self.stage.set(Some(Stage::Failed { name, message: error.message() }));
            return;
        }
        let progress =
            Progress { rows_done: 0, bytes_done: 0, total_bytes: file.size() as usize, finished: false };
        self.report(&name, Meter::reading(progress));
        leptos::task::spawn_local(async move {
            let bytes = browser::read_bytes(&file).await;
            if !self.is_current(run) {
                return;
            }
            match bytes {
                Ok(bytes) => self.read(run, name, bytes).await,
                Err(message) => self.stage.set(Some(Stage::Failed { name, message })),
            }
        });
    }

    async fn read(self, run: u64, name: String, bytes: Vec<u8>) {
        let mut job = match ImportJob::start(bytes) {
            Ok(job) => job,
            Err(error) => {
                self.stage.set(Some(Stage::Failed { name, message: error.message() }));
                return;
            }
        };
        loop {
            let progress = job.step(ROWS_PER_STEP);
            if progress.finished {
                break;
            }
            self.report(&name, Meter::reading(progress));
            browser::yield_to_browser().await;
            if !self.is_current(run) {
                return;
            }
        }
        self.job.set_value(Some(job));
        self.show(run, name, Source::File).await;
    }

    /// Previews pasted rows, already read in full.
    pub fn start_pasted(self, job: ImportJob, name: String) {
        let run = self.next_run();
        self.job.set_value(Some(job));
        leptos::task::spawn_local(self.show(run, name, Source::Pasted));
    }

    pub fn fail(self, name: String, message: Message) {
        self.next_run();
        self.stage.set(Some(Stage::Failed { name, message }));
    }

    /// Previews the job against the desk, step by step.
    async fn show(self, run: u64, name: String, source: Source) {
        let now = browser::now();
        let with_job_and_desk = |work: &mut dyn FnMut(&ImportJob, &Desk)| {
            self.job.with_value(|job| {
                if let Some(job) = job {
                    self.store.desk.with_untracked(|desk| work(job, desk));
                }
            })
        };
        let mut planning = None;
        with_job_and_desk(&mut |job, desk| planning = Some(job.plan(desk)));
        let Some(mut planning) = planning else { return };
        loop {
            let mut steps = None;
            with_job_and_desk(&mut |job, desk| steps = Some(planning.step(job, desk, now, ROWS_PER_STEP)));
            match steps {
                None => return,
                Some(steps) if steps.finished() => break,
                Some(steps) => self.report(&name, Meter::rows(Text::CheckingRows, Text::RowsChecked, steps)),
            }
            browser::yield_to_browser().await;
            if !self.is_current(run) {
                return;
            }
        }
        let review = self.job.with_value(|job| {
            let job = job.as_ref()?;
            let preview = planning.finish(job);
            let columns = job
                .mapping()
                .columns()
                .iter()
                .enumerate()
                .map(|(i, name)| ColumnView {
                    name: name.clone(),
                    role: job.mapping().role(i).unwrap_or(ColumnRole::Ignore),
                    examples: job.examples(i, 2).into_iter().map(str::to_string).collect(),
                })
                .collect();
            Some(Review { name, source, preview, columns })
        });
        if let Some(review) = review {
            self.stage.set(Some(Stage::Ready(Arc::new(review))));
        }
    }

    /// Changes what one column feeds and previews again, without reading the file again.
    pub fn set_role(self, column: usize, role: ColumnRole) {
        let Some(Stage::Ready(review)) = self.stage.get_untracked() else { return };
        self.job.update_value(|job| {
            if let Some(job) = job {
                job.set_role(column, role);
            }
        });
        leptos::task::spawn_local(self.show(self.restart(), review.name.clone(), review.source));
    }

    /// Applies the previewed rows step by step, then writes them and the file's other
    /// records (with its settings, if asked) into the desk in one change. Cancel before the
    /// end writes nothing.
    pub fn confirm(self, use_settings: bool) {
        let Some(Stage::Ready(review)) = self.stage.get_untracked() else { return };
        let run = self.next_run();
        leptos::task::spawn_local(async move {
            let now = browser::now();
            let author = self.store.desk.with_untracked(|desk| desk.settings.author().to_string());
            let mut make_id = move || new_case_id(now, browser::random_u32());
            let mut applying = self
                .store
                .desk
                .with_untracked(|desk| Applying::new(&review.preview, desk).use_settings(use_settings));
            let mut warmed = 0;
            loop {
                let steps = self.store.desk.with_untracked(|desk| {
                    applying.step(&review.preview, desk, &author, now, &mut make_id, APPLY_ROWS_PER_STEP)
                });
                // The new cases' scores, clocks and grouping terms are worked out step by
                // step too, rather than all at once when they join the desk.
                let fresh = &applying.added()[warmed..];
                self.scoring.warm(fresh);
                self.sla.warm(fresh);
                self.grouping.warm(fresh);
                warmed += fresh.len();
                if steps.finished() {
                    break;
                }
                self.report(&review.name, Meter::rows(Text::ImportingCases, Text::RowsImported, steps));
                browser::yield_to_browser().await;
                if !self.is_current(run) {
                    self.scoring.forget_warmed();
                    self.sla.forget_warmed();
                    self.grouping.forget_warmed();
                    return;
                }
            }
            let summary = self.write(&review, applying, &author, now, &mut make_id);
            let through = self.store.changes_made();
            let cases = self.store.desk.with_untracked(|desk| desk.cases.len());
            self.stage.set(Some(Stage::Saving { name: review.name.clone(), cases }));
            // Freeing 85,000 previewed rows takes a while: not in the task that shows them.
            browser::yield_to_browser().await;
            let name = review.name.clone();
            drop(review);
            let saved = self.store.saved_through(through).await;
            if self.is_current(run) {
                let mut summary = summary;
                if !saved {
                    summary.push(Text::ImportNotSavedYet.into());
                }
                self.stage.set(Some(Stage::Done { name, summary }));
            }
        });
    }

    fn write(
        self,
        review: &Review,
        applying: Applying,
        author: &str,
        now: Timestamp,
        make_id: &mut dyn FnMut() -> CaseId,
    ) -> Vec<Message> {
        let mut summary = None;
        self.store.change(|desk| {
            summary = Some(applying.commit(&review.preview, desk, author, now, make_id));
        });
        if review.source == Source::Pasted {
            self.pasted.set(String::new());
        }
        let summary = summary.unwrap_or_default();
        let mut text = vec![Message::new(Text::ImportedSummary)
            .arg("added", summary.added)
            .arg("updated", summary.updated)
            .arg("unchanged", summary.unchanged)];
        if !summary.errors.is_empty() {
            text.push(Message::new(Text::ImportRowsLeftOut).arg("n", summary.errors.len()));
        }
        text
    }

    /// Stops reading and forgets the import; nothing was written.
    pub fn close(self) {
        self.next_run();
        self.stage.set(None);
    }
}
