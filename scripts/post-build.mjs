// Trunk's post_build hook (see Trunk.toml). Trunk runs the hooks of one stage at the same
// time, and the worker's version hashes the finished index.html, so one hook runs the steps
// in order: the Content-Security-Policy first, then the service worker.
await import('./csp.mjs');
await import('./sw.mjs');
