//! The command palette (Ctrl+K or Cmd+K): a modal dialog with a search box over a list of
//! every screen, every case and what the current screen can do, fuzzy matched as you type
//! and recently used first. Driven by the keyboard: arrows move, Enter runs, Esc closes and
//! gives the focus back.

use crate::domain::case::{Case, Priority, Status};
use crate::domain::fuzzy::{best, Matcher};
use crate::domain::shortcuts::{Screen, Shortcut, PALETTE_KEYS, SHEET};
use crate::domain::sort::sort_by_key;
use crate::i18n::{Lang, Message, Text};
use crate::ui::browser;
use crate::ui::state::{use_desk, use_i18n, use_import_state, use_keyboard, use_route, PaletteMode, Route};
use crate::ui::widgets::transfer::{choose_import_file, use_exports};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Cases listed at most, the best matches: the list stays short and quick to build.
const CASES_SHOWN: usize = 12;
/// Milliseconds of scoring cases before the page gets a turn.
const CASE_SLICE_MS: f64 = 8.0;
/// Commands remembered as recently used.
const RECENT_KEPT: usize = 6;
const RECENT_KEY: &str = "triage-desk:palette-recent";

/// What an entry does.
#[derive(Clone, PartialEq)]
enum Command {
    Go(Route),
    Import,
    ExportJson,
    ExportCsv { whole_desk: bool },
    WhatIf,
    Language(Lang),
    LoadDemo,
    Mode(PaletteMode),
    Status(Status),
    Pin(Option<Priority>),
    Shortcuts,
}

impl Command {
    /// How it is remembered among the recently used; the choices of a mode are not.
    fn key(&self) -> Option<String> {
        Some(match self {
            Command::Go(route) => route.href(),
            Command::Import => "import".into(),
            Command::ExportJson => "export-json".into(),
            Command::ExportCsv { whole_desk } => format!("export-csv-{whole_desk}"),
            Command::WhatIf => "what-if".into(),
            Command::Language(lang) => format!("lang-{}", lang.code()),
            Command::LoadDemo => "demo".into(),
            Command::Mode(mode) => format!("{mode:?}"),
            Command::Shortcuts => "shortcuts".into(),
            Command::Status(_) | Command::Pin(_) => return None,
        })
    }
}

#[derive(Clone, PartialEq)]
struct Entry {
    command: Command,
    label: String,
    /// Shown at the right: the keys that do the same, or a case's id.
    hint: &'static str,
    id: Option<String>,
}

fn keys_of(shortcut: Shortcut) -> &'static str {
    SHEET.iter().flat_map(|(_, rows)| rows.iter()).find(|row| row.1 == shortcut).map_or("", |row| row.0)
}

fn recent_keys() -> Vec<String> {
    browser::local_value(RECENT_KEY)
        .map(|kept| kept.lines().map(str::to_string).collect())
        .unwrap_or_default()
}

/// The header's button for the palette, showing its keys.
#[component]
pub fn PaletteButton() -> impl IntoView {
    let keyboard = use_keyboard();
    let i18n = use_i18n();
    view! {
        <button class="palette-button" aria-keyshortcuts="Control+K Meta+K" on:click=move |_| keyboard.open_palette(PaletteMode::Commands)>
            {i18n.text(Text::PaletteOpen)}
            <kbd aria-hidden="true">{PALETTE_KEYS}</kbd>
        </button>
    }
}

#[component]
pub fn CommandPalette() -> impl IntoView {
    let keyboard = use_keyboard();
    let i18n = use_i18n();
    let store = use_desk();
    let router = use_route();
    let import = use_import_state();
    let exports = use_exports();
    let query = RwSignal::new(String::new());
    // The cases the query matches, best first, by place in the desk (cases are only ever
    // appended, so places stay good), with the query they are for. They follow the typed
    // query once typing pauses, so a key press waits only for the commands, and are scored
    // in slices between which the page takes the next key: 50,000 titles take longer than
    // a key may. Each new search makes the one under way stop.
    let case_hits = RwSignal::new((String::new(), Vec::<usize>::new()));
    let searches = StoredValue::new(0u64);
    // Where the search under way has got to (its query, next place, best so far), so Enter
    // finishes it rather than starting over.
    let progress = StoredValue::new((String::new(), 0usize, Vec::<(i32, usize)>::new()));
    let typing = StoredValue::new(None::<TimeoutHandle>);
    // `at_once` (Enter): what is run is what the whole query matches, so no slices.
    let find_cases = move |at_once: bool| {
        if let Some(pause) = typing.get_value() {
            pause.clear();
        }
        // A search under way is for an older query, or is finished here.
        searches.update_value(|count| *count += 1);
        let typed = query.get_untracked();
        if case_hits.with_untracked(|(found_for, _)| *found_for == typed) {
            return;
        }
        let search = searches.get_value();
        let mut matcher = Matcher::new(&typed);
        // One letter matches nearly every case: cases are looked for from the second.
        if matcher.len() < 2 {
            case_hits.set((typed, Vec::new()));
            return;
        }
        let (from, kept) = progress
            .try_update_value(|progress| {
                let (query, from, kept) = std::mem::take(progress);
                if query == typed {
                    (from, kept)
                } else {
                    (0, Vec::new())
                }
            })
            .unwrap_or_default();
        if at_once {
            let found = store
                .desk
                .with_untracked(|desk| score_cases(&desk.cases, &mut matcher, from, f64::INFINITY, kept).1);
            case_hits.set((typed, places(found)));
            return;
        }
        leptos::task::spawn_local(async move {
            let (mut from, mut kept) = (from, kept);
            loop {
                let until = browser::elapsed_ms() + CASE_SLICE_MS;
                let (next, best, total) = store.desk.with_untracked(|desk| {
                    let (next, best) =
                        score_cases(&desk.cases, &mut matcher, from, until, std::mem::take(&mut kept));
                    (next, best, desk.cases.len())
                });
                (from, kept) = (next, best);
                if from >= total {
                    break;
                }
                progress.set_value((typed.clone(), from, kept.clone()));
                browser::yield_to_browser().await;
                if searches.get_value() != search {
                    return;
                }
            }
            progress.set_value(Default::default());
            case_hits.set((typed, places(kept)));
        });
    };
    let on_input = move |ev: leptos::ev::Event| {
        query.set(event_target_value(&ev));
        if let Some(pause) = typing.get_value() {
            pause.clear();
        }
        typing.set_value(
            set_timeout_with_handle(move || find_cases(false), std::time::Duration::from_millis(120)).ok(),
        );
    };
    let active = RwSignal::new(0usize);
    let problem = RwSignal::new(None::<Message>);
    let recent = RwSignal::new(Vec::<String>::new());
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let input = NodeRef::<leptos::html::Input>::new();
    let list = NodeRef::<leptos::html::Ul>::new();

    // What the current screen offers, in the page's language.
    let commands = Memo::new(move |_| {
        let entry = |command: Command, text: Text, shortcut: Option<Shortcut>| Entry {
            command,
            label: i18n.t(text).to_string(),
            hint: shortcut.map_or("", keys_of),
            id: None,
        };
        let has_cases = store.desk.with(|desk| !desk.cases.is_empty());
        let mut list = vec![
            entry(Command::Go(Route::Inbox), Text::PaletteGoInbox, Some(Shortcut::Go(Screen::Inbox))),
            entry(
                Command::Go(Route::Groups(None)),
                Text::PaletteGoGroups,
                Some(Shortcut::Go(Screen::Groups)),
            ),
            entry(
                Command::Go(Route::Incidents),
                Text::PaletteGoIncidents,
                Some(Shortcut::Go(Screen::Incidents)),
            ),
            entry(
                Command::Go(Route::Dashboard),
                Text::PaletteGoDashboard,
                Some(Shortcut::Go(Screen::Dashboard)),
            ),
            entry(
                Command::Go(Route::Settings),
                Text::PaletteGoSettings,
                Some(Shortcut::Go(Screen::Settings)),
            ),
            entry(Command::Go(Route::NewCase), Text::PaletteNewCase, Some(Shortcut::NewCase)),
        ];
        if keyboard.open_case().is_some() {
            list.push(entry(
                Command::Status(Status::Resolved),
                Text::PaletteResolve,
                Some(Shortcut::Resolve),
            ));
        }
        if matches!(router.route.get(), Route::Case(_)) {
            list.push(entry(Command::Mode(PaletteMode::Status), Text::PaletteSetStatus, None));
            list.push(entry(
                Command::Mode(PaletteMode::Priority),
                Text::PalettePin,
                Some(Shortcut::PinPriority),
            ));
        }
        if has_cases {
            list.push(entry(Command::WhatIf, Text::PaletteWhatIf, None));
        } else {
            list.push(entry(Command::LoadDemo, Text::PaletteLoadDemo, None));
        }
        list.extend([
            entry(Command::Import, Text::Import, None),
            entry(Command::ExportJson, Text::ExportJson, None),
            entry(Command::ExportCsv { whole_desk: false }, Text::ExportCsvView, None),
            entry(Command::ExportCsv { whole_desk: true }, Text::ExportCsvAll, None),
        ]);
        list.extend(Lang::ALL.into_iter().map(|lang| Entry {
            label: i18n.fill(Text::PaletteLanguage, &[("name", lang.name())]),
            ..entry(Command::Language(lang), Text::Nothing, None)
        }));
        list.push(entry(Command::Shortcuts, Text::KeysTitle, Some(Shortcut::Sheet)));
        list
    });

    let case_entry = |case: &crate::domain::case::Case| Entry {
        command: Command::Go(Route::Case(case.id.clone())),
        label: case.title.clone(),
        hint: "",
        id: Some(case.id.0.clone()),
    };
    // Best first; with nothing typed, what was used last comes first.
    let results = Memo::new(move |_| {
        let Some(mode) = keyboard.palette.get() else { return Vec::new() };
        let mut matcher = query.with(|q| Matcher::new(q));
        let mut scored: Vec<(i32, Entry)> = Vec::new();
        let mut add = |entry: Entry| {
            if let Some(score) = matcher.score(&entry.label) {
                scored.push((score, entry));
            }
        };
        match mode {
            PaletteMode::Status => {
                for &status in Status::ALL {
                    add(Entry { label: i18n.t(status.text()).into(), ..entry_of(Command::Status(status)) });
                }
            }
            PaletteMode::Priority => {
                for priority in Priority::ALL {
                    let label = i18n.fill(Text::PalettePinTo, &[("priority", priority.label())]);
                    add(Entry { label, ..entry_of(Command::Pin(Some(priority))) });
                }
                add(Entry { label: i18n.t(Text::PaletteUnpin).into(), ..entry_of(Command::Pin(None)) });
            }
            PaletteMode::Commands => {
                commands.with(|list| list.iter().for_each(|entry| add(entry.clone())));
                let recent = recent.get();
                let nothing_typed = matcher.is_empty();
                store.desk.with(|desk| {
                    if nothing_typed {
                        // Recently opened cases, found through the index.
                        for key in &recent {
                            if let Route::Case(id) = Route::parse(key) {
                                if let Some(case) = store.find(desk, &id) {
                                    scored.push((0, case_entry(case)));
                                }
                            }
                        }
                    } else {
                        // Scored again: they may be for the query of a moment ago (cases
                        // follow typing after a pause), or the case may have changed since.
                        case_hits.with(|(_, hits)| {
                            for case in hits.iter().filter_map(|&at| desk.cases.get(at)) {
                                if let Some(score) = case_score(&mut matcher, case) {
                                    scored.push((score, case_entry(case)));
                                }
                            }
                        });
                    }
                });
                // Recently used first among equals, and ahead of weaker matches.
                for (score, entry) in &mut scored {
                    let key = entry.command.key();
                    if let Some(rank) = recent.iter().position(|kept| Some(kept) == key.as_ref()) {
                        *score += 40 - 4 * rank as i32;
                    }
                }
            }
        }
        sort_by_key(&mut scored, |(score, _)| std::cmp::Reverse(*score));
        let mut seen = Vec::new();
        scored.retain(|(_, entry)| {
            let new = !seen.contains(&entry.command);
            seen.push(entry.command.clone());
            new
        });
        scored.into_iter().map(|(_, entry)| entry).collect::<Vec<_>>()
    });

    // Opening shows the dialog empty, on the search box; closing puts the focus back (the
    // keyboard state does that).
    Effect::new(move |_| {
        let mode = keyboard.palette.get();
        let Some(dialog) = dialog.get() else { return };
        query.set(String::new());
        searches.update_value(|count| *count += 1);
        case_hits.set(Default::default());
        progress.set_value(Default::default());
        problem.set(None);
        match mode {
            Some(_) => {
                recent.set(recent_keys());
                if !dialog.open() {
                    let _ = dialog.show_modal();
                }
                if let Some(input) = input.get_untracked() {
                    let _ = input.focus();
                }
            }
            None if dialog.open() => dialog.close(),
            None => {}
        }
    });
    // A new list starts on its first option.
    Effect::new(move |_| {
        let Some(list) = list.get() else { return };
        let recent_text = i18n.t(Text::PaletteRecent);
        recent.with(|recent| results.with(|entries| show_options(&list, entries, recent, recent_text)));
        active.set(0);
    });
    // The active option is marked and kept in sight in the scrolling list.
    Effect::new(move |_| {
        let at = active.get();
        let Some(list) = list.get() else { return };
        let options = list.children();
        for i in 0..options.length() {
            if let Some(option) = options.item(i) {
                let _ =
                    option.set_attribute("aria-selected", if i as usize == at { "true" } else { "false" });
            }
        }
        let option = options.item(at as u32).and_then(|o| o.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(option) = option {
            let (top, bottom) = (option.offset_top(), option.offset_top() + option.offset_height());
            if top < list.scroll_top() {
                list.set_scroll_top(top);
            } else if bottom > list.scroll_top() + list.client_height() {
                list.set_scroll_top(bottom - list.client_height());
            }
        }
    });

    let run = move |at: usize| {
        let Some(entry) = results.with_untracked(|r| r.get(at).cloned()) else { return };
        if let Some(key) = entry.command.key() {
            let mut kept = recent_keys();
            kept.retain(|k| *k != key);
            kept.insert(0, key);
            kept.truncate(RECENT_KEPT);
            browser::set_local_value(RECENT_KEY, &kept.join("\n"));
        }
        let done = |result: Result<(), Message>| match result {
            Ok(()) => keyboard.close(),
            Err(message) => problem.set(Some(message)),
        };
        match entry.command {
            Command::Go(route) => {
                keyboard.dismiss();
                keyboard.go(route);
            }
            Command::Import => {
                // The page behind a modal dialog takes no clicks: close it first.
                if let Some(dialog) = dialog.get_untracked() {
                    dialog.close();
                }
                choose_import_file();
            }
            Command::ExportJson => done(exports.json()),
            Command::ExportCsv { whole_desk } => done(exports.csv(whole_desk)),
            Command::WhatIf => {
                keyboard.dismiss();
                keyboard.what_if();
            }
            Command::Language(lang) => {
                i18n.set(lang);
                keyboard.close();
            }
            Command::LoadDemo => {
                import.load_demo();
                keyboard.dismiss();
                keyboard.go(Route::Inbox);
            }
            Command::Mode(mode) => {
                keyboard.palette.set(Some(mode));
            }
            Command::Status(status) => {
                keyboard.dismiss();
                keyboard.set_status(status);
            }
            Command::Pin(priority) => {
                keyboard.dismiss();
                keyboard.pin(priority);
            }
            Command::Shortcuts => keyboard.open_sheet(),
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if browser::is_composing(&ev) {
            return;
        }
        let n = results.with_untracked(Vec::len);
        let at = active.get_untracked();
        match ev.key().as_str() {
            "ArrowDown" if n > 0 => active.set((at + 1) % n),
            "ArrowUp" if n > 0 => active.set((at + n - 1) % n),
            // What is run is what the whole query matches, cases included.
            "Enter" => {
                find_cases(true);
                run(at);
            }
            "Escape" => keyboard.close(),
            // The search box is the dialog's one stop.
            "Tab" => {}
            // Out of a command's choices, back to every command.
            "Backspace"
                if query.with_untracked(String::is_empty)
                    && keyboard.palette.get_untracked() != Some(PaletteMode::Commands) =>
            {
                keyboard.palette.set(Some(PaletteMode::Commands));
            }
            _ => return,
        }
        ev.prevent_default();
    };
    // One listener for the whole list: the option clicked is found from where the click landed.
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let option = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("[role=option]").ok().flatten());
        if let Some(at) = option.and_then(|o| o.get_attribute("data-index")).and_then(|at| at.parse().ok()) {
            run(at);
        }
    };
    let title = move || {
        i18n.t(match keyboard.palette.get() {
            Some(PaletteMode::Status) => Text::PaletteSetStatus,
            Some(PaletteMode::Priority) => Text::PalettePin,
            _ => Text::PaletteTitle,
        })
    };
    view! {
        <dialog class="palette" node_ref=dialog aria-labelledby="palette-title" aria-modal="true" on:keydown=on_key on:close=move |_| {
            if keyboard.palette.get_untracked().is_some() {
                keyboard.close();
            }
        }>
            <h2 id="palette-title" class="visually-hidden">{title}</h2>
                <input
                    node_ref=input
                    type="text"
                    role="combobox"
                    autocomplete="off"
                    spellcheck="false"
                    aria-label=i18n.text(Text::PaletteSearch)
                    placeholder=i18n.text(Text::PaletteSearch)
                    aria-expanded="true"
                    aria-controls="palette-list"
                    aria-autocomplete="list"
                    aria-activedescendant=move || results.with(|r| (!r.is_empty()).then(|| format!("palette-option-{}", active.get())))
                    prop:value=move || query.get()
                    on:input=on_input
                />
                <ul id="palette-list" role="listbox" node_ref=list aria-label=i18n.text(Text::PaletteResults) on:click=on_click>
                </ul>
                <Show when=move || results.with(Vec::is_empty)>
                    <p class="palette-empty muted">{move || query.with(|q| i18n.fill(Text::PaletteNoMatch, &[("query", q)]))}</p>
                </Show>
                <Show when=move || problem.with(Option::is_some)>
                    <p class="inline-error" role="alert">{move || problem.with(|p| p.as_ref().map(|m| i18n.message(m)))}</p>
                </Show>
                <p class="palette-help muted small">{i18n.text(Text::PaletteHelp)}</p>
        </dialog>
    }
}

/// How well the query matches a case's title or id, whichever is better.
fn case_score(matcher: &mut Matcher, case: &Case) -> Option<i32> {
    matcher.score(&case.title).max(matcher.score(&case.id.0))
}

/// The places of scored cases, best first.
fn places(scored: Vec<(i32, usize)>) -> Vec<usize> {
    scored.into_iter().map(|(_, at)| at).collect()
}

/// Scores `cases` from `from` on against the query, merging the best into `kept`, until the
/// time `until` (of [`browser::elapsed_ms`]) has passed; returns where it stopped and the best.
fn score_cases(
    cases: &[Case],
    matcher: &mut Matcher,
    from: usize,
    until: f64,
    mut kept: Vec<(i32, usize)>,
) -> (usize, Vec<(i32, usize)>) {
    let mut at = from;
    while at < cases.len() {
        let end = (at + 256).min(cases.len());
        let found = (at..end).filter_map(|i| Some((case_score(matcher, &cases[i])?, i)));
        // The kept come first, from earlier places: ties keep the desk's order, as in one pass.
        kept = best(kept.into_iter().chain(found), CASES_SHOWN);
        at = end;
        if browser::elapsed_ms() > until {
            break;
        }
    }
    (at, kept)
}

/// The options, built straight into the list (see [`browser::append_element`]); which one is
/// active is marked afterwards.
fn show_options(list: &web_sys::Element, entries: &[Entry], recent: &[String], recent_text: &str) {
    list.set_text_content(None);
    for (i, entry) in entries.iter().enumerate() {
        let Some(option) = browser::append_element(list, "li", "", "") else { return };
        let _ = option.set_attribute("role", "option");
        let _ = option.set_attribute("id", &format!("palette-option-{i}"));
        let _ = option.set_attribute("data-index", &i.to_string());
        browser::append_element(&option, "span", "palette-label", &entry.label);
        if entry.command.key().is_some_and(|key| recent.contains(&key)) {
            browser::append_element(&option, "span", "palette-recent", recent_text);
        }
        if let Some(id) = &entry.id {
            browser::append_element(&option, "code", "palette-hint", id);
        }
        if !entry.hint.is_empty() {
            browser::append_element(&option, "kbd", "palette-hint", entry.hint);
        }
    }
}

fn entry_of(command: Command) -> Entry {
    Entry { command, label: String::new(), hint: "", id: None }
}
