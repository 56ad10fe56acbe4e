//! Settings > SLA: targets per tier, business calendars, the at-risk threshold, and the SLA
//! compliance report.

use super::tx;
use crate::domain::case::{Tier, Timestamp};
use crate::domain::sla::form::{format_day_hours, format_holidays, parse_day_hours, parse_holidays};
use crate::domain::sla::{compliance, time_zone_names, Calendar, SlaSettings, Span, SpanUnit, Tally, Target};
use crate::i18n::{Message, Text};
use crate::ui::browser;
use crate::ui::state::{use_desk, use_i18n, use_sla_board, use_view_clock, I18n};
use chrono::{NaiveDate, TimeDelta, Timelike, Weekday};
use leptos::prelude::*;

const DAYS: [(Weekday, Text); 7] = [
    (Weekday::Mon, Text::Monday),
    (Weekday::Tue, Text::Tuesday),
    (Weekday::Wed, Text::Wednesday),
    (Weekday::Thu, Text::Thursday),
    (Weekday::Fri, Text::Friday),
    (Weekday::Sat, Text::Saturday),
    (Weekday::Sun, Text::Sunday),
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
        <section id="settings-sla" tabindex="-1" class="panel sla-settings" aria-labelledby="sla-settings-heading">
            <h2 id="sla-settings-heading">{tx(Text::SlaHeading)}</h2>
            <p class="muted">{tx(Text::SlaIntro)}</p>
            <AtRiskField />
            <PolicyTable />
            <h3>{tx(Text::Calendars)}</h3>
            <datalist id=TIME_ZONES>
                {time_zone_names().into_iter().map(|zone| view! { <option value=zone></option> }).collect_view()}
            </datalist>
            {move || (0..names.with(Vec::len)).map(|index| view! { <CalendarEditor index /> }).collect_view()}
            <button on:click=move |_| change_sla(|sla| {
                sla.add_calendar();
            })>{tx(Text::AddCalendar)}</button>
            <SlaProblems />
            <ComplianceReport />
        </section>
    }
}

#[component]
fn SlaProblems() -> impl IntoView {
    let board = use_sla_board();
    let i18n = use_i18n();
    let problems = move || board.engine.with(|engine| engine.0.problems().to_vec());
    view! {
        <Show when=move || !problems().is_empty()>
            <div class="banner warning" role="status">
                {move || problems().into_iter().map(|p| view! { <p>{i18n.message(&p)}</p> }).collect_view()}
            </div>
        </Show>
    }
}

#[component]
fn AtRiskField() -> impl IntoView {
    let percent = sla_signal(|sla| (sla.at_risk_threshold * 100.0).round().to_string());
    let i18n = use_i18n();
    let (message, set_message) = signal(None::<Message>);
    let commit = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        match text.trim().parse::<f64>() {
            Ok(value) if (1.0..=100.0).contains(&value) => {
                set_message.set(None);
                change_sla(|sla| sla.at_risk_threshold = value / 100.0);
            }
            _ => set_message.set(Some(Message::new(Text::NotAPercentage).arg("text", text))),
        }
    };
    view! {
        <div class="field">
            <label for="sla-at-risk">{tx(Text::AtRiskLabel)}</label>
            <input id="sla-at-risk" type="number" min="1" max="100" aria-describedby="sla-at-risk-message"
                aria-invalid=move || message.with(Option::is_some).to_string()
                prop:value=move || percent.get() on:change=commit />
            <p id="sla-at-risk-message" class="field-error" role="status">{move || message.with(|m| m.as_ref().map(|m| i18n.message(m)))}</p>
        </div>
    }
}

#[component]
fn PolicyTable() -> impl IntoView {
    let names = sla_signal(|sla| sla.calendars.iter().map(|c| c.name.clone()).collect::<Vec<_>>());
    let i18n = use_i18n();
    view! {
        <table class="cases sla-policies">
            <caption>{tx(Text::TargetsPerTier)}</caption>
            <thead>
                <tr>
                    <th scope="col">{tx(Text::FieldTier)}</th>
                    {Target::ALL.into_iter().map(|t| view! { <th scope="col">{tx(t.text())}</th> }).collect_view()}
                    <th scope="col">{tx(Text::CalendarColumn)}</th>
                </tr>
            </thead>
            <tbody>
                {Tier::ALL.iter().map(|&tier| {
                    let calendar = sla_signal(move |sla| sla.policies.get(tier).calendar.clone());
                    let select_id = format!("sla-{}-calendar", tier.key());
                    view! {
                        <tr>
                            <th scope="row">{tx(tier.text())}</th>
                            {Target::ALL.into_iter().map(|target| view! { <td data-label=tx(target.text())><SpanField tier target /></td> }).collect_view()}
                            <td data-label=tx(Text::CalendarColumn)>
                                <label class="visually-hidden" for=select_id.clone()>{move || i18n.fill(Text::TierCalendar, &[("tier", i18n.t(tier.text()))])}</label>
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
    let i18n = use_i18n();
    let (message, set_message) = signal(None::<String>);
    let base = format!("sla-{}-{}", tier.key(), target as usize);
    let (amount_id, unit_id, message_id) =
        (format!("{base}-amount"), format!("{base}-unit"), format!("{base}-message"));
    let named = move |text: Text| {
        i18n.fill(text, &[("tier", i18n.t(tier.text())), ("target", i18n.t(target.text()))])
    };
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
            _ => set_message.set(Some(whole_number(i18n, 1, Span::MAX_AMOUNT))),
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
            <label class="visually-hidden" for=amount_id.clone()>{move || named(Text::SpanAmount)}</label>
            <input id=amount_id type="number" min="1" class="amount" aria-describedby=message_id.clone()
                disabled=move || span.get().is_none()
                prop:value=move || span.get().map_or(String::new(), |s| s.amount.to_string())
                on:change=on_amount />
            <label class="visually-hidden" for=unit_id.clone()>{move || named(Text::SpanUnit)}</label>
            <select id=unit_id prop:value=move || unit_key(span.get()) on:change=on_unit>
                {[("minutes", Text::UnitMinutes), ("hours", Text::UnitHours), ("business_days", Text::UnitBusinessDays), ("none", Text::UnitNone)]
                    .into_iter()
                    .map(|(key, text)| view! { <option value=key>{tx(text)}</option> })
                    .collect_view()}
            </select>
            <p id=message_id class="field-error" role="status">{move || message.get()}</p>
        </div>
    }
}

/// "Enter a whole number from `min` to `max`."
pub(super) fn whole_number(i18n: I18n, min: u32, max: u32) -> String {
    untrack(|| i18n.fill(Text::WholeNumberRange, &[("min", &min.to_string()), ("max", &max.to_string())]))
}

/// A text input that saves through `commit`, which may refuse with a message shown next to it.
#[component]
fn CheckedInput(
    id: String,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] value: Signal<String>,
    commit: impl Fn(String) -> Result<(), Message> + 'static,
    #[prop(optional)] hint: Option<Text>,
    /// The id of a `<datalist>` of suggestions.
    #[prop(optional)]
    list: Option<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (message, set_message) = signal(None::<Message>);
    let message_id = format!("{id}-message");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input id=id type="text" autocomplete="off" placeholder=move || hint.map(|h| i18n.t(h)) list=list
                aria-describedby=message_id.clone()
                aria-invalid=move || message.with(Option::is_some).to_string()
                prop:value=move || value.get()
                on:change=move |ev| set_message.set(commit(event_target_value(&ev)).err()) />
            <p id=message_id class="field-error" role="status">{move || message.with(|m| m.as_ref().map(|m| i18n.message(m)))}</p>
        </div>
    }
}

/// Saves `edit` of calendar `index` only if the result still compiles.
fn edit_calendar(index: usize, edit: impl FnOnce(&mut Calendar)) -> Result<(), Message> {
    let store = use_desk();
    let mut calendar = store.desk.with_untracked(|desk| desk.settings.sla.calendars.get(index).cloned());
    let Some(calendar) = calendar.as_mut() else { return Err(Text::CalendarGone.into()) };
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
    let i18n = use_i18n();
    let name = move || calendar.with(|c| c.name.clone());
    let id = |what: &str| format!("sla-calendar-{index}-{what}");
    let label = move |text: Text| {
        Signal::derive(move || i18n.fill(text, &[("calendar", &calendar.with_untracked(|c| c.name.clone()))]))
    };
    let (removal, set_removal) = signal(None::<Message>);
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
            <CheckedInput id=id("name") label=label(Text::CalendarName)
                value=Signal::derive(name)
                commit=move |text| {
                    let mut sla = use_desk().desk.with_untracked(|desk| desk.settings.sla.clone());
                    sla.rename_calendar(index, &text)?;
                    change_sla(move |settings| *settings = sla);
                    Ok(())
                } />
            <CheckedInput id=id("zone") label=label(Text::CalendarZone) hint=Text::ZoneExample list=TIME_ZONES
                value=Signal::derive(move || calendar.with(|c| c.time_zone.clone()))
                commit=move |zone| edit_calendar(index, |c| c.time_zone = zone.trim().to_string()) />
            <div class="week-grid">
                {DAYS.into_iter().map(|(day, day_name)| view! {
                    <CheckedInput id=id(&format!("{day:?}").to_lowercase())
                        label=Signal::derive(move || i18n.fill(Text::CalendarDayHours, &[("calendar", &calendar.with_untracked(|c| c.name.clone())), ("day", i18n.t(day_name))]))
                        hint=Text::DayClosed
                        value=Signal::derive(move || calendar.with(|c| format_day_hours(c.week.day(day))))
                        commit=move |text| {
                            let hours = parse_day_hours(&text)?;
                            edit_calendar(index, |c| *c.week.day_mut(day) = hours)
                        } />
                }).collect_view()}
            </div>
            <CheckedInput id=id("holidays") label=label(Text::CalendarHolidays) hint=Text::HolidaysExample
                value=Signal::derive(move || calendar.with(|c| format_holidays(&c.holidays)))
                commit=move |text| {
                    let days = parse_holidays(&text)?;
                    edit_calendar(index, |c| c.holidays = days)
                } />
            <p class="muted small">{tx(Text::HoursHint)}</p>
            <button on:click=remove>{move || i18n.fill(Text::RemoveCalendar, &[("calendar", &name())])}</button>
            <p class="field-error" role="status">{move || removal.with(|m| m.as_ref().map(|m| i18n.message(m)))}</p>
        </fieldset>
    }
}

/// Local midnight of `date` in the browser's current offset.
fn local_midnight(date: NaiveDate) -> Timestamp {
    let offset = TimeDelta::minutes(i64::from(browser::utc_offset_minutes()));
    date.and_hms_opt(0, 0, 0).expect("midnight exists").and_utc() - offset
}

fn share(i18n: I18n, tally: Tally) -> String {
    match tally.share_met() {
        Some(share) => i18n.fill(
            Text::MetShare,
            &[
                ("percent", &((share * 100.0).round() as u32).to_string()),
                ("met", &tally.met.to_string()),
                ("total", &tally.total().to_string()),
            ],
        ),
        None => "\u{2014}".into(),
    }
}

/// Share of targets met per tier and target over a date range, at the view's now.
#[component]
fn ComplianceReport() -> impl IntoView {
    let board = use_sla_board();
    let i18n = use_i18n();
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
    let date_input = move |id: &'static str, label: Text, value: RwSignal<NaiveDate>| {
        view! {
            <div class="field">
                <label for=id>{tx(label)}</label>
                <input id=id type="date" prop:value=move || value.get().format("%Y-%m-%d").to_string()
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
            <h3 id="sla-compliance-heading">{tx(Text::ComplianceHeading)}</h3>
            <p class="muted small">{tx(Text::ComplianceIntro)}</p>
            <div class="filters">
                {date_input("sla-report-from", Text::FromDay, from)}
                {date_input("sla-report-to", Text::ToInclusive, to)}
            </div>
            <table class="cases compliance">
                <caption class="visually-hidden">{tx(Text::TargetsMetCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tx(Text::FieldTier)}</th>
                        {Target::ALL.into_iter().map(|t| view! { <th scope="col">{tx(t.text())}</th> }).collect_view()}
                        <th scope="col">{tx(Text::AllTargets)}</th>
                    </tr>
                </thead>
                <tbody>
                    {Tier::ALL.iter().map(|&tier| view! {
                        <tr>
                            <th scope="row">{tx(tier.text())}</th>
                            {Target::ALL.into_iter().map(|target| view! { <td data-label=tx(target.text())>{move || report.with(|r| share(i18n, r.get(tier, target)))}</td> }).collect_view()}
                            <td data-label=tx(Text::AllTargets)>{move || report.with(|r| share(i18n, r.tier(tier)))}</td>
                        </tr>
                    }).collect_view()}
                    <tr class="total">
                        <th scope="row">{tx(Text::AllTiers)}</th>
                        {Target::ALL.into_iter().map(|target| view! { <td data-label=tx(target.text())>{move || report.with(|r| share(i18n, r.target(target)))}</td> }).collect_view()}
                        <td data-label=tx(Text::AllTargets)>{move || report.with(|r| {
                            let all = Tier::ALL.iter().fold(Tally::default(), |sum, &tier| {
                                let t = r.tier(tier);
                                Tally { met: sum.met + t.met, breached: sum.breached + t.breached }
                            });
                            share(i18n, all)
                        })}</td>
                    </tr>
                </tbody>
            </table>
        </section>
    }
}
