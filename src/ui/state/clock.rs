//! The page's clocks: the real time for relative labels, refreshed every 30 seconds, and the
//! view's "now" that SLA displays read: the real time ticking once a second, or a what-if
//! time the lead moved forward to see which cases would breach. Nothing here is saved.

use crate::domain::case::Timestamp;
use crate::ui::browser;
use chrono::TimeDelta;
use leptos::prelude::*;

/// The current time for relative labels ("5 m"), refreshed every 30 seconds.
#[derive(Clone, Copy)]
pub struct Clock(pub ReadSignal<Timestamp>);

pub fn provide_clock() -> Clock {
    let (now, set_now) = signal(browser::now());
    if let Ok(handle) =
        set_interval_with_handle(move || set_now.set(browser::now()), std::time::Duration::from_secs(30))
    {
        on_cleanup(move || handle.clear());
    }
    let clock = Clock(now);
    provide_context(clock);
    clock
}

pub fn use_clock() -> Clock {
    expect_context::<Clock>()
}

/// The time every SLA display reads. Copy it anywhere; reading `now` subscribes to the tick.
#[derive(Clone, Copy)]
pub struct ViewClock {
    real: ReadSignal<Timestamp>,
    /// How far ahead of the real time the view is; `None` when showing the real time.
    ahead: RwSignal<Option<TimeDelta>>,
}

impl ViewClock {
    /// The view's now (real or what-if), tracked.
    pub fn now(&self) -> Timestamp {
        let real = self.real.get();
        self.ahead.get().map_or(real, |ahead| real + ahead)
    }

    /// The real time, tracked; refreshed once a second.
    pub fn real_now(&self) -> Timestamp {
        self.real.get()
    }

    /// How far ahead of real time the view is (zero when showing the real time), tracked.
    pub fn ahead(&self) -> TimeDelta {
        self.ahead.get().unwrap_or_default()
    }

    pub fn is_what_if(&self) -> bool {
        self.ahead.with(Option::is_some)
    }

    /// Shows the desk as it will be at `at` (keeps ticking from there).
    pub fn show_at(&self, at: Timestamp) {
        let real = self.real.get_untracked();
        self.ahead.set((at > real).then(|| at - real));
    }

    pub fn forward(&self, by: TimeDelta) {
        let ahead = self.ahead.get_untracked().unwrap_or_default();
        self.ahead.set(Some(ahead + by));
    }

    pub fn back_to_now(&self) {
        self.ahead.set(None);
    }
}

/// Starts the one 1 Hz tick of the page and provides the view clock.
pub fn provide_view_clock() -> ViewClock {
    let (real, set_real) = signal(browser::now());
    if let Ok(handle) =
        set_interval_with_handle(move || set_real.set(browser::now()), std::time::Duration::from_secs(1))
    {
        on_cleanup(move || handle.clear());
    }
    let clock = ViewClock { real, ahead: RwSignal::new(None) };
    provide_context(clock);
    clock
}

pub fn use_view_clock() -> ViewClock {
    expect_context::<ViewClock>()
}
