//! The screen showing, kept in the URL hash so Back works; the hashes themselves are the
//! domain's ([`Route`]).

pub use crate::domain::route::Route;
use leptos::prelude::*;

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

pub fn provide_router() -> Router {
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
