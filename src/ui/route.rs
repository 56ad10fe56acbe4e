//! Which screen is showing, kept in the URL hash so Back works and links can be shared
//! between tabs; hashes also work when the app is served from a sub-path.

use crate::domain::case::CaseId;
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub enum Route {
    Inbox,
    NewCase,
    Case(CaseId),
    Settings,
    /// The Groups view, optionally with one group brought forward (from a surge banner).
    Groups(Option<String>),
    Incidents,
    Incident(String),
}

impl Route {
    fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        match path.split_once('/') {
            Some(("case", id)) if !id.is_empty() => Route::Case(CaseId(decode(id))),
            Some(("groups", id)) if !id.is_empty() => Route::Groups(Some(decode(id))),
            Some(("incident", id)) if !id.is_empty() => Route::Incident(decode(id)),
            _ if path == "groups" => Route::Groups(None),
            _ if path == "incidents" => Route::Incidents,
            _ if path == "new" => Route::NewCase,
            _ if path == "settings" => Route::Settings,
            _ => Route::Inbox,
        }
    }

    pub fn href(&self) -> String {
        match self {
            Route::Inbox => "#/".into(),
            Route::NewCase => "#/new".into(),
            Route::Case(id) => format!("#/case/{}", js_sys::encode_uri_component(&id.0)),
            Route::Settings => "#/settings".into(),
            Route::Groups(None) => "#/groups".into(),
            Route::Groups(Some(id)) => format!("#/groups/{}", js_sys::encode_uri_component(id)),
            Route::Incidents => "#/incidents".into(),
            Route::Incident(id) => format!("#/incident/{}", js_sys::encode_uri_component(id)),
        }
    }
}

fn decode(text: &str) -> String {
    js_sys::decode_uri_component(text).ok().and_then(|s| s.as_string()).unwrap_or_else(|| text.to_string())
}

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

#[derive(Clone, Copy)]
pub struct Router {
    pub route: ReadSignal<Route>,
}

impl Router {
    pub fn go(&self, route: Route) {
        let _ = window().location().set_hash(&route.href());
    }
}

pub fn use_router() -> Router {
    let (route, set_route) = signal(Route::parse(&current_hash()));
    let handle =
        window_event_listener(leptos::ev::hashchange, move |_| set_route.set(Route::parse(&current_hash())));
    on_cleanup(move || handle.remove());
    let router = Router { route };
    provide_context(router);
    router
}

pub fn use_route() -> Router {
    expect_context::<Router>()
}
