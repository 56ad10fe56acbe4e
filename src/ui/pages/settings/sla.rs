//! Settings > SLA: targets per tier, business calendars, the at-risk threshold, and the SLA
//! compliance report.

use crate::domain::case::{Tier, Timestamp};
use crate::domain::sla::form::{format_day_hours, format_holidays, parse_day_hours, parse_holidays};
use crate::domain::sla::{compliance, time_zone_names, Calendar, SlaSettings, Span, SpanUnit, Tally, Target};
use crate::ui::browser;
use crate::ui::state::{use_desk, use_sla_board, use_view_clock};
use chrono::{NaiveDate, TimeDelta, Timelike, Weekday};
use leptos::prelude::*;

const DAYS: [(Weekday, &str); 7] = [
    (Weekday::Mon, "Monday"),
    (Weekday::Tue, "Tuesday"),
    (Weekday::Wed, "Wednesday"),
    (Weekday::Thu, "Thursday"),
    (Weekday::Fri, "Friday"),
    (Weekday::Sat, "Saturday"),
    (Weekday::Sun, "Sunday"),
];

/// Applies a change to the SLA settings and saves it.
fn change_sla(apply: impl FnOnce(&mut SlaSettings)) {
    let store = use_desk();
    let now = browser::now();
    store.change_settings(|settings| {
        apply(&mut settings.sla);
        settings.updated_at = Some(now);
    });
}

fn sla_signal<T: Send + Sync + 'static>(
    read: impl Fn(&SlaSettings) -> T + Send + Sync + 'static,
) -> Signal<T> {
    let store = use_desk();
    Signal::derive(move || store.desk.with(|desk| read(&desk.settings.sla)))
}

/// The id of the zone suggestions every calendar's time zone field offers.
const TIME_ZONES: &str = "time-zones";

#[component]
pub fn SlaSettingsSection() -> impl IntoView {
    // Names are in the labels, so a rename re-renders the editors.
    let names = sla_signal(|sla| sla.calendars.iter().map(|c| c.name.clone()).collect::<Vec<_>>());
    view! {
        <section class="sla-settings" aria-labelledby="sla-settings-heading">
            <h2 id="sla-settings-heading">"SLA"</h2>
            <p class="muted">"Targets are business time on the calendar each tier uses. Changes apply to every case at once."</p>
            <AtRiskField />
            <PolicyTable />
            <h3>"Calendars"</h3>
            <datalist id=TIME_ZONES>
                {time_zone_names().into_iter().map(|zone| view! { <option value=zone></option> }).collect_view()}
            </datalist>
            {move || (0..names.with(Vec::len)).map(|index| view! { <CalendarEditor index /> }).collect_view()}
            <button on:click=move |_| change_sla(|sla| {
                sla.add_calendar();
            })>"Add calendar"</button>
            <SlaProblems />
            <ComplianceReport />
        </section>
    }
}

#[component]
fn SlaProblems() -> impl IntoView {
    let board = use_sla_board();
    let problems = move || board.engine.with(|engine| engine.0.problems().to_vec());
    view! {
        <Show when=move || !problems().is_empty()>
            <div class="banner warning" role="status">
                {move || problems().into_iter().map(|p| view! { <p>{p}</p> }).collect_view()}
            </div>
        </Show>
    }
}

#[component]
fn AtRiskField() -> impl IntoView {
    let percent = sla_signal(|sla| (sla.at_risk_threshold * 100.0).round().to_string());
    let (message, set_message) = signal(None::<String>);
    let commit = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        match text.trim().parse::<f64>() {
            Ok(value) if (1.0..=100.0).contains(&value) => {
                set_message.set(None);
                change_sla(|sla| sla.at_risk_threshold = value / 100.0);
            }
            _ => set_message.set(Some(format!("\u{201c}{text}\u{201d} is not a percentage from 1 to 100."))),
        }
    };
    view! {
        <div class="field">
            <label for="sla-at-risk">"At risk threshold (% of the target used)"</label>
            <input id="sla-at-risk" type="number" min="1" max="100" aria-describedby="sla-at-risk-message"
                aria-invalid=move || message.with(Option::is_some).to_string()
                prop:value=move || percent.get() on:change=commit />
            <p id="sla-at-risk-message" class="field-error" role="status">{move || message.get()}</p>
        </div>
    }
}

#[component]
fn PolicyTable() -> impl IntoView {
    let names = sla_signal(|sla| sla.calendars.iter().map(|c| c.name.clone()).collect::<Vec<_>>());
    view! {
        <table class="cases sla-policies">
            <caption>"Targets per tier"</caption>
            <thead>
                <tr>
                    <th scope="col">"Tier"</th>
                    {Target::ALL.into_iter().map(|t| view! { <th scope="col">{t.label()}</th> }).collect_view()}
                    <th scope="col">"Calendar"</th>
                </tr>
            </thead>
            <tbody>
                {Tier::ALL.iter().map(|&tier| {
                    let calendar = sla_signal(move |sla| sla.policies.get(tier).calendar.clone());
                    let select_id = format!("sla-{}-calendar", tier.key());
                    view! {
                        <tr>
                            <th scope="row">{tier.label()}</th>
                            {Target::ALL.into_iter().map(|target| view! { <td data-label=target.label()><SpanField tier target /></td> }).collect_view()}
                            <td data-label="Calendar">
                                <label class="visually-hidden" for=select_id.clone()>{format!("{} calendar", tier.label())}</label>
                                <select id=select_id prop:value=move || calendar.get()
                                    on:change=move |ev| {
                                        let name = event_target_value(&ev);
                                        change_sla(|sla| sla.policies.get_mut(tier).calendar = name);
                                    }>
                                    {move || names.get().into_iter().map(|name| view! { <option value=name.clone() selected=name == calendar.get_untracked()>{name.clone()}</option> }).collect_view()}
                                </select>
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

fn unit_key(span: Option<Span>) -> &'static str {
    match span.map(|s| s.unit) {
        None => "none",
        Some(SpanUnit::Minutes) => "minutes",
        Some(SpanUnit::Hours) => "hours",
        Some(SpanUnit::BusinessDays) => "business_days",
    }
}

/// Amount and unit of one tier's target; the unit "none" removes the target.
#[component]
fn SpanField(tier: Tier, target: Target) -> impl IntoView {
    let span = sla_signal(move |sla| sla.policies.get(tier).target(target));
    let (message, set_message) = signal(None::<String>);
    let base = format!("sla-{}-{}", tier.key(), target as usize);
    let (amount_id, unit_id, message_id) =
        (format!("{base}-amount"), format!("{base}-unit"), format!("{base}-message"));
    let name = format!("{} {}", tier.label(), target.label());
    let set = move |span: Option<Span>| {
        change_sla(|sla| {
            let policy = sla.policies.get_mut(tier);
            match target {
                Target::FirstResponse => policy.first_response = span,
                Target::NextUpdate => policy.next_update = span,
                Target::Resolution => policy.resolution = span,
            }
        })
    };
    let on_amount = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        match text.trim().parse::<u32>() {
            Ok(amount) if (1..=Span::MAX_AMOUNT).contains(&amount) => {
                set_message.set(None);
                let unit = span.get_untracked().map_or(SpanUnit::Hours, |s| s.unit);
                set(Some(Span { amount, unit }));
            }
            _ => set_message.set(Some(format!("Enter a whole number from 1 to {}.", Span::MAX_AMOUNT))),
        }
    };
    let on_unit = move |ev: leptos::ev::Event| {
        let amount = span.get_untracked().map_or(1, |s| s.amount);
        let unit = match event_target_value(&ev).as_str() {
            "minutes" => Some(SpanUnit::Minutes),
            "hours" => Some(SpanUnit::Hours),
            "business_days" => Some(SpanUnit::BusinessDays),
            _ => None,
        };
        set_message.set(None);
        set(unit.map(|unit| Span { amount, unit }));
    };
    view! {
        <div class="span-field">
            <label class="visually-hidden" for=amount_id.clone()>{format!("{name} amount")}</label>
            <input id=amount_id type="number" min="1" class="amount" aria-describedby=message_id.clone()
                disabled=move || span.get().is_none()
                prop:value=move || span.get().map_or(String::new(), |s| s.amount.to_string())
                on:change=on_amount />
            <label class="visually-hidden" for=unit_id.clone()>{format!("{name} unit")}</label>
            <select id=unit_id prop:value=move || unit_key(span.get()) on:change=on_unit>
                <option value="minutes">"minutes"</option>
                <option value="hours">"hours"</option>
                <option value="business_days">"business days"</option>
                <option value="none">"no target"</option>
            </select>
            <p id=message_id class="field-error" role="status">{move || message.get()}</p>
        </div>
    }
}

/// A text input that saves through `commit`, which may refuse with a message shown next to it.
#[component]
fn CheckedInput(
    id: String,
    label: String,
    #[prop(into)] value: Signal<String>,
    commit: impl Fn(String) -> Result<(), String> + 'static,
    #[prop(optional)] hint: &'static str,
    /// The id of a `<datalist>` of suggestions.
    #[prop(optional)]
    list: Option<&'static str>,
) -> impl IntoView {
    let (message, set_message) = signal(None::<String>);
    let message_id = format!("{id}-message");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input id=id type="text" autocomplete="off" placeholder=hint list=list
                aria-describedby=message_id.clone()
                aria-invalid=move || message.with(Option::is_some).to_string()
                prop:value=move || value.get()
                on:change=move |ev| set_message.set(commit(event_target_value(&ev)).err()) />
            <p id=message_id class="field-error" role="status">{move || message.get()}</p>
        </div>
    }
}

/// Saves `edit` of calendar `index` only if the result still compiles.
fn edit_calendar(index: usize, edit: impl FnOnce(&mut Calendar)) -> Result<(), String> {
    let store = use_desk();
    let mut calendar = store.desk.with_untracked(|desk| desk.settings.sla.calendars.get(index).cloned());
    let Some(calendar) = calendar.as_mut() else { return Err("This calendar no longer exists.".into()) };
    edit(calendar);
    calendar.compile()?;
    let calendar = calendar.clone();
    change_sla(move |sla| {
        if let Some(slot) = sla.calendars.get_mut(index) {
            *slot = calendar;
        }
    });
    Ok(())
}

#[component]
fn CalendarEditor(index: usize) -> impl IntoView {
    let calendar = sla_signal(move |sla| sla.calendars.get(index).cloned().unwrap_or_default());
    let name = move || calendar.with(|c| c.name.clone());
    let id = |what: &str| format!("sla-calendar-{index}-{what}");
    let label = move |what: &str| format!("{} {what}", calendar.with_untracked(|c| c.name.clone()));
    let (removal, set_removal) = signal(None::<String>);
    let remove = move |_| {
        let mut sla = use_desk().desk.with_untracked(|desk| desk.settings.sla.clone());
        match sla.remove_calendar(index) {
            Ok(()) => change_sla(move |settings| *settings = sla),
            Err(reason) => set_removal.set(Some(reason)),
        }
    };
    view! {
        <fieldset class="calendar-editor">
            <legend>{name}</legend>
            <CheckedInput id=id("name") label=label("name")
                value=Signal::derive(name)
                commit=move |text| {
                    let mut sla = use_desk().desk.with_untracked(|desk| desk.settings.sla.clone());
                    sla.rename_calendar(index, &text)?;
                    change_sla(move |settings| *settings = sla);
                    Ok(())
                } />
            <CheckedInput id=id("zone") label=label("time zone") hint="e.g. Asia/Taipei" list=TIME_ZONES
                value=Signal::derive(move || calendar.with(|c| c.time_zone.clone()))
                commit=move |zone| edit_calendar(index, |c| c.time_zone = zone.trim().to_string()) />
            <div class="week-grid">
                {DAYS.into_iter().map(|(day, day_name)| view! {
                    <CheckedInput id=id(&format!("{day:?}").to_lowercase()) label=label(&format!("{day_name} hours")) hint="closed"
                        value=Signal::derive(move || calendar.with(|c| format_day_hours(c.week.day(day))))
                        commit=move |text| {
                            let hours = parse_day_hours(&text)?;
                            edit_calendar(index, |c| *c.week.day_mut(day) = hours)
                        } />
                }).collect_view()}
            </div>
            <CheckedInput id=id("holidays") label=label("holidays") hint="2026-04-03, 2026-12-25"
                value=Signal::derive(move || calendar.with(|c| format_holidays(&c.holidays)))
                commit=move |text| {
                    let days = parse_holidays(&text)?;
                    edit_calendar(index, |c| c.holidays = days)
                } />
            <p class="muted small">"Hours are ranges like 09:00-12:00, 13:00-18:00 (a lunch break is the gap); empty means closed. Holidays are closed all day."</p>
            <button on:click=remove>{move || format!("Remove {}", name())}</button>
            <p class="field-error" role="status">{move || removal.get()}</p>
        </fieldset>
    }
}

/// Local midnight of `date` in the browser's current offset.
fn local_midnight(date: NaiveDate) -> Timestamp {
    let offset = TimeDelta::minutes(i64::from(browser::utc_offset_minutes()));
    date.and_hms_opt(0, 0, 0).expect("midnight exists").and_utc() - offset
}

fn share(tally: Tally) -> String {
    match tally.share_met() {
        Some(share) => format!("{:.0}% ({} of {})", share * 100.0, tally.met, tally.total()),
        None => "\u{2014}".into(),
    }
}

/// Share of targets met per tier and target over a date range, at the view's now.
#[component]
fn ComplianceReport() -> impl IntoView {
    let board = use_sla_board();
    let clock = use_view_clock();
    let today = (browser::now() + TimeDelta::minutes(i64::from(browser::utc_offset_minutes()))).date_naive();
    let from = RwSignal::new(today - TimeDelta::days(29));
    let to = RwSignal::new(today);
    // Per minute is plenty for a report.
    let minute = Memo::new(move |_| {
        let now = clock.now();
        now - TimeDelta::seconds(i64::from(now.second()))
    });
    let report = Memo::new(move |_| {
        let (from, to) = (local_midnight(from.get()), local_midnight(to.get() + TimeDelta::days(1)));
        let now = minute.get();
        board.clocks.with(|clocks| compliance(clocks.0.iter().map(|c| c.as_ref()), from, to, now))
    });
    let date_input = move |id: &'static str, label: &'static str, value: RwSignal<NaiveDate>| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <input id=id type="date" prop:value=move || value.get().to_string()
                    on:change=move |ev| {
                        if let Ok(date) = NaiveDate::parse_from_str(&event_target_value(&ev), "%Y-%m-%d") {
                            value.set(date);
                        }
                    } />
            </div>
        }
    };
    view! {
        <section class="sla-compliance" aria-labelledby="sla-compliance-heading">
            <h3 id="sla-compliance-heading">"SLA compliance report"</h3>
            <p class="muted small">"Share of targets met among those settled in the range: a met target counts on the day it stopped, a breached one on the day of its deadline."</p>
            <div class="filters">
                {date_input("sla-report-from", "From", from)}
                {date_input("sla-report-to", "To (inclusive)", to)}
            </div>
            <table class="cases compliance">
                <caption class="visually-hidden">"Targets met per tier and target"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Tier"</th>
                        {Target::ALL.into_iter().map(|t| view! { <th scope="col">{t.label()}</th> }).collect_view()}
                        <th scope="col">"All targets"</th>
                    </tr>
                </thead>
                <tbody>
                    {Tier::ALL.iter().map(|&tier| view! {
                        <tr>
                            <th scope="row">{tier.label()}</th>
                            {Target::ALL.into_iter().map(|target| view! { <td data-label=target.label()>{move || report.with(|r| share(r.get(tier, target)))}</td> }).collect_view()}
                            <td data-label="All targets">{move || report.with(|r| share(r.tier(tier)))}</td>
                        </tr>
                    }).collect_view()}
                    <tr class="total">
                        <th scope="row">"All tiers"</th>
                        {Target::ALL.into_iter().map(|target| view! { <td data-label=target.label()>{move || report.with(|r| share(r.target(target)))}</td> }).collect_view()}
                        <td data-label="All targets">{move || report.with(|r| {
                            let all = Tier::ALL.iter().fold(Tally::default(), |sum, &tier| {
                                let t = r.tier(tier);
                                Tally { met: sum.met + t.met, breached: sum.breached + t.breached }
                            });
                            share(all)
                        })}</td>
                    </tr>
                </tbody>
            </table>
        </section>
    }
}
