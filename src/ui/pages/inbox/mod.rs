//! The inbox: open cases at a glance, searchable and filterable.

mod case_list;
mod sla_alerts;
mod surge_banner;

use crate::domain::case::Status;
use crate::domain::inbox::{InboxQuery, SlaFilter, SortOrder, StatusFilter};
use crate::domain::sla::duration;
use crate::i18n::Text;
use crate::ui::state::{
    use_desk, use_i18n, use_import_state, use_inbox_view, use_route, use_view_clock, Route,
};
use crate::ui::widgets::any_choice::AnyChoiceFilter;
use crate::ui::widgets::disclosure::Disclosure;
use crate::ui::widgets::title::document_title;
use crate::ui::widgets::what_if::WhatIfControls;
pub use case_list::select_on_return;
use case_list::CaseList;
use leptos::prelude::*;

#[component]
pub fn Inbox() -> impl IntoView {
    let store = use_desk();
    let shown = use_inbox_view().shown;
    let total = Memo::new(move |_| shown.with(|shown| shown.0.len()));
    let has_cases = move || store.desk.with(|desk| !desk.cases.is_empty());
    let i18n = use_i18n();
    document_title(Signal::derive(move || i18n.t(Text::TabInbox).to_string()));
    let clock = use_view_clock();
    let what_if_label = Signal::derive(move || {
        if clock.is_what_if() {
            i18n.fill(Text::WhatIfAhead, &[("time", &i18n.message(&duration(clock.ahead())))])
        } else {
            i18n.t(Text::WhatIfClock).to_string()
        }
    });
    view! {
        <Show when=has_cases fallback=|| view! { <EmptyInbox /> }>
            <section class="inbox" aria-labelledby="inbox-heading">
                <div class="inbox-toolbar">
                    <div class="section-head">
                        <h1 id="inbox-heading">{i18n.text(Text::TabInbox)}</h1>
                        <p class="muted" aria-live="polite">
                            {move || match total.get() {
                                1 => i18n.t(Text::OneCase).to_string(),
                                n => i18n.fill(Text::CaseCount, &[("n", &i18n.number(n as f64))]),
                            }}
                        </p>
                    </div>
                    <InboxFilters />
                    <Disclosure id="what-if-panel" label=what_if_label active=Signal::derive(move || clock.is_what_if())>
                        <WhatIfControls />
                    </Disclosure>
                    <Disclosure id="alerts-panel" label=Signal::derive(move || i18n.t(Text::BreachAlerts).to_string())>
                        <sla_alerts::BreachAlerts />
                    </Disclosure>
                </div>
                <surge_banner::SurgeBanner />
                <Show when=move || total.get() != 0 fallback=move || view! { <NoMatches /> }>
                    <CaseList shown />
                </Show>
            </section>
        </Show>
    }
}

#[component]
fn InboxFilters() -> impl IntoView {
    let query = use_inbox_view().query;
    let search_wanted = use_inbox_view().search_wanted;
    let i18n = use_i18n();
    let t = move |text: Text| move || i18n.t(text);
    let set = move |apply: fn(&mut InboxQuery, String)| {
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            query.update(|q| apply(q, value));
        }
    };
    view! {
        <div class="filters" role="search" aria-label=t(Text::CaseFilters)>
            <div class="tool search">
                <label for="inbox-search" class="visually-hidden">{t(Text::Search)}</label>
                <input
                    id="inbox-search"
                    type="search"
                    placeholder=t(Text::SearchPlaceholder)
                    on:focus=move |_| search_wanted.set(true)
                    prop:value=move || query.with(|q| q.text.clone())
                    on:input=set(|q, v| q.text = v)
                />
            </div>
            <div class="tool">
                <label for="filter-status">{t(Text::FieldStatus)}</label>
                <select id="filter-status" prop:value=move || query.with(|q| q.status.key()) on:change=set(|q, v| q.status = StatusFilter::parse(&v))>
                    <option value="open">{t(Text::FilterOpen)}</option>
                    <option value="done">{t(Text::FilterDone)}</option>
                    <option value="all">{t(Text::FilterAll)}</option>
                    {Status::ALL.iter().map(|s| view! { <option value=s.key()>{t(s.text())}</option> }).collect_view()}
                </select>
            </div>
            <AnyChoiceFilter class="tool" label=Text::FieldTier id="filter-tier" current=Signal::derive(move || query.with(|q| q.tier)) on_pick=move |tier| query.update(|q| q.tier = tier) />
            <AnyChoiceFilter class="tool" label=Text::FieldSurface id="filter-surface" current=Signal::derive(move || query.with(|q| q.surface)) on_pick=move |surface| query.update(|q| q.surface = surface) />
            <div class="tool">
                <label for="filter-sla">{t(Text::SlaHeading)}</label>
                <select id="filter-sla" prop:value=move || query.with(|q| q.sla.key()) on:change=set(|q, v| q.sla = SlaFilter::parse(&v))>
                    {SlaFilter::CHOICES.iter().map(|f| view! { <option value=f.key()>{t(f.text())}</option> }).collect_view()}
                </select>
            </div>
            <div class="tool">
                <label for="inbox-sort">{t(Text::SortBy)}</label>
                <select
                    id="inbox-sort"
                    on:change=set(|q, v| q.sort = match v.as_str() {
                        "newest" => SortOrder::Newest,
                        "oldest" => SortOrder::Oldest,
                        "tier" => SortOrder::Tier,
                        "sla" => SortOrder::SlaTimeLeft,
                        _ => SortOrder::Score,
                    })
                >
                    <option value="score">{t(Text::SortScore)}</option>
                    <option value="newest">{t(Text::SortNewest)}</option>
                    <option value="oldest">{t(Text::SortOldest)}</option>
                    <option value="tier">{t(Text::FieldTier)}</option>
                    <option value="sla">{t(Text::SortSlaLeft)}</option>
                </select>
            </div>
        </div>
    }
}

#[component]
fn NoMatches() -> impl IntoView {
    let query = use_inbox_view().query;
    let i18n = use_i18n();
    view! {
        <div class="empty small">
            <p>{i18n.text(Text::NoCasesMatch)}</p>
            <button on:click=move |_| query.set(InboxQuery::default())>{i18n.text(Text::ClearFilters)}</button>
        </div>
    }
}

#[component]
fn EmptyInbox() -> impl IntoView {
    let import = use_import_state();
    let router = use_route();
    let i18n = use_i18n();
    let load_demo = move |_| import.load_demo();
    view! {
        <section class="empty" aria-labelledby="empty-heading">
            <h1 id="empty-heading">{i18n.text(Text::InboxEmpty)}</h1>
            <p>{i18n.text(Text::InboxEmptyHint)}</p>
            <div class="button-row center">
                <button class="primary" on:click=load_demo>{i18n.text(Text::LoadDemoCases)}</button>
                <button on:click=move |_| router.go(Route::NewCase)>{i18n.text(Text::AddFirstCase)}</button>
            </div>
        </section>
    }
}
