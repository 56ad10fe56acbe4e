//! Settings > Duplicate groups: how strict grouping is (with a live count of the groups it
//! would make) and when many similar cases count as a surge.

use super::tx;
use crate::domain::grouping::{strictness_label, GroupingSettings};
use crate::i18n::Text;
use crate::ui::browser;
use crate::ui::state::{use_desk, use_grouping, use_i18n};
use crate::ui::widgets::fields::CountField;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

/// The slider counts groups once it rests this long, so dragging stays smooth on big desks.
const SLIDER_PAUSE: Duration = Duration::from_millis(120);

#[component]
pub fn GroupingSettingsSection() -> impl IntoView {
    let store = use_desk();
    let grouping = use_grouping();
    let i18n = use_i18n();
    let saved = Memo::new(move |_| store.desk.with(|desk| desk.settings.grouping.clone()));
    let threshold = RwSignal::new(saved.get_untracked().threshold);
    Effect::new(move |_| threshold.set(saved.with(|s| s.threshold)));
    let (count, set_count) = signal(None::<usize>);
    let moved = StoredValue::new(0u64);
    // The count follows the slider while it moves, and the saved groups otherwise.
    Effect::new(move |_| {
        let at = threshold.get();
        grouping.groups.with(|_| ());
        let this = moved.get_value() + 1;
        moved.set_value(this);
        set_timeout(
            move || {
                // Nothing to do if the slider moved again or the page was left meanwhile.
                if moved.try_get_value() != Some(this) {
                    return;
                }
                let (mut settings, not_duplicates) = store
                    .desk
                    .with_untracked(|desk| (desk.settings.grouping.clone(), desk.not_duplicates.clone()));
                settings.threshold = at;
                // In slices, so the page answers while 50,000 cases are grouped; a count for an
                // index that changed meanwhile is dropped, as the groups' change counts again.
                let still_wanted = move || moved.try_get_value() == Some(this);
                spawn_local(async move {
                    if let Ok(groups) =
                        grouping.group_in_slices(&settings, &not_duplicates, still_wanted).await
                    {
                        set_count.try_set(Some(groups.len()));
                    }
                });
            },
            SLIDER_PAUSE,
        );
    });
    let save = move |apply: &dyn Fn(&mut GroupingSettings)| {
        let now = browser::now();
        store.change_settings(|settings| {
            apply(&mut settings.grouping);
            settings.updated_at = Some(now);
        });
    };
    // Anything but a whole number of at least one leaves the saved value as it is.
    let at_least_one = |n: Result<u32, String>| n.ok().filter(|n| *n >= 1);
    view! {
        <section id="settings-grouping" tabindex="-1" class="panel" aria-labelledby="grouping-heading">
        <h2 id="grouping-heading">{tx(Text::GroupingHeading)}</h2>
        <div class="form-grid">
            <div class="field wide">
                <label for="similarity-threshold">{tx(Text::GroupingStrictness)}</label>
                <div class="slider-row">
                    <input
                        id="similarity-threshold"
                        type="range"
                        min="0.2"
                        max="0.9"
                        step="0.05"
                        aria-describedby="threshold-count"
                        prop:value=move || threshold.get().to_string()
                        on:input=move |ev| {
                            if let Ok(value) = event_target_value(&ev).parse::<f32>() {
                                threshold.set(value);
                            }
                        }
                        on:change=move |_| {
                            let at = threshold.get_untracked();
                            save(&|s| s.threshold = at);
                        }
                    />
                    <output for="similarity-threshold">{move || i18n.message(&strictness_label(threshold.get()))}</output>
                </div>
                <p id="threshold-count" class="muted small" aria-live="polite">
                    {move || match count.get() {
                        None => i18n.t(Text::CountingGroups).to_string(),
                        Some(1) => i18n.t(Text::OneGroupAtSetting).to_string(),
                        Some(n) => i18n.fill(Text::GroupsAtSetting, &[("n", &n.to_string())]),
                    }}
                </p>
            </div>
            <CountField
                label=Text::SurgeCount
                value=Signal::derive(move || saved.with(|s| s.surge_count as u32))
                on_commit=move |n| {
                    if let Some(n) = at_least_one(n) {
                        save(&|s| s.surge_count = n as usize);
                    }
                }
            />
            <CountField
                label=Text::SurgeWindow
                value=Signal::derive(move || saved.with(|s| s.surge_window_minutes))
                on_commit=move |n| {
                    if let Some(n) = at_least_one(n) {
                        save(&|s| s.surge_window_minutes = n);
                    }
                }
            />
        </div>
        <p class="muted">{tx(Text::GroupingHint)}</p>
        </section>
    }
}
