//! One entry of a timeline (a case's or an incident's): when, who, and what happened.

use crate::domain::case::Timestamp;
use crate::domain::inbox::local_time_label;
use crate::ui::browser;
use leptos::prelude::*;

/// `kind` names the entry's look (`created`, `status`, `note`, `contact`, `link`, `update` …).
#[component]
pub fn TimelineRow(
    at: Timestamp,
    author: String,
    kind: &'static str,
    /// Follows the page's language where the text is the app's own (a signal or a closure).
    text: impl IntoView + 'static,
) -> impl IntoView {
    view! {
        <li class=format!("entry entry-{kind}")>
            <div class="entry-meta">
                <time datetime=at.to_rfc3339()>{local_time_label(at, browser::utc_offset_minutes())}</time>
                " · " <span class="author" translate="no">{author}</span>
            </div>
            <div class="entry-text">{text}</div>
        </li>
    }
}
