#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(triage_desk::App);
}

// The app only runs in the browser; natively the crate is its library and tests.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
