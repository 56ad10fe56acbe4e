//! The invariants of ARCHITECTURE.md that the compiler does not enforce, checked on the source
//! text: the domain never sees the browser or the clock, its top-level modules use each other
//! without a loop, `ui/state` is below the pages and widgets, and only `storage.rs` touches
//! IndexedDB. The native build leaves out the UI and storage, so only reading the files sees them.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// Every `.rs` file below `dir`, with its text, in path order; paths relative to the crate root.
fn sources(dir: &str) -> Vec<(PathBuf, String)> {
    fn walk(dir: &Path, out: &mut Vec<(PathBuf, String)>) {
        let Ok(entries) = fs::read_dir(dir) else { return };
        for entry in entries {
            let path = entry.expect("a readable directory").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                let text = fs::read_to_string(&path).expect("a readable source file");
                out.push((path, text));
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    walk(&root.join(dir), &mut out);
    let mut out: Vec<(PathBuf, String)> = out
        .into_iter()
        .map(|(path, text)| (path.strip_prefix(root).expect("below the crate").to_path_buf(), text))
        .collect();
    out.sort();
    out
}

/// The text without `//` comments, so prose that names a module is no dependency on it.
fn code(text: &str) -> String {
    text.lines().map(|line| line.split("//").next().unwrap_or_default()).collect::<Vec<_>>().join("\n")
}

/// The path of `file` below `root`, as its components.
fn parts(file: &Path, root: &str) -> Vec<String> {
    let relative = file.strip_prefix(root).expect("a file below its root");
    relative.iter().map(|part| part.to_string_lossy().into_owned()).collect()
}

/// The identifiers a path names right after `prefix`: `a` for `prefix a::…`, and `a`, `b` for
/// `prefix {a::x, b}`.
fn named_after(code: &str, prefix: &str) -> Vec<String> {
    let ident = |text: &str| -> String {
        text.trim_start().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect()
    };
    let mut names = Vec::new();
    for (at, _) in code.match_indices(prefix) {
        let rest = &code[at + prefix.len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 0;
            let mut item_start = true;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => item_start = true,
                    c if item_start && !c.is_whitespace() => {
                        names.push(ident(&group[i..]));
                        item_start = false;
                    }
                    _ => {}
                }
            }
        } else {
            names.push(ident(rest));
        }
    }
    names
}

#[test]
fn the_domain_never_sees_the_browser_or_the_clock() {
    let forbidden = ["leptos", "web_sys", "js_sys", "wasm_bindgen", "Utc::now", "SystemTime"];
    let found: Vec<String> = sources("src/domain")
        .iter()
        .flat_map(|(path, text)| {
            forbidden
                .iter()
                .filter(|word| text.contains(*word))
                .map(move |word| format!("{}: {word}", path.display()))
        })
        .collect();
    assert!(found.is_empty(), "the domain must stay pure (time is an argument):\n{}", found.join("\n"));
}

/// Which top-level domain modules each one uses: `crate::domain::x` anywhere, and `super::x`
/// that climbs to `domain` (before a file's tests, whose `super` is the file itself).
fn domain_graph() -> BTreeMap<String, BTreeMap<String, PathBuf>> {
    let files = sources("src/domain");
    let mut graph: BTreeMap<String, BTreeMap<String, PathBuf>> = BTreeMap::new();
    for (path, _) in &files {
        let parts = parts(path, "src/domain");
        if parts != ["mod.rs"] {
            graph.entry(parts[0].trim_end_matches(".rs").to_string()).or_default();
        }
    }
    for (path, text) in &files {
        let parts = parts(path, "src/domain");
        if parts == ["mod.rs"] {
            continue;
        }
        let module = parts[0].trim_end_matches(".rs").to_string();
        // How many `super::` climb from this file to `domain`: one from a top-level file, one
        // more for each folder below it (a `mod.rs` is its folder's module).
        let depth = parts.len() - usize::from(parts.last().is_some_and(|name| name == "mod.rs"));
        let code = code(text);
        let before_tests = code.split("#[cfg(test)]").next().unwrap_or_default();
        let used = named_after(&code, "crate::domain::")
            .into_iter()
            .chain(named_after(before_tests, &"super::".repeat(depth)));
        for target in used {
            if target != module && graph.contains_key(&target) {
                graph.get_mut(&module).expect("every module is listed").entry(target).or_insert(path.clone());
            }
        }
    }
    graph
}

/// A loop in `graph` as `a -> b -> a`, with the file behind each step, if there is one.
fn find_cycle(graph: &BTreeMap<String, BTreeMap<String, PathBuf>>) -> Option<String> {
    fn visit<'a>(
        node: &'a str,
        graph: &'a BTreeMap<String, BTreeMap<String, PathBuf>>,
        done: &mut Vec<&'a str>,
        path: &mut Vec<&'a str>,
    ) -> Option<String> {
        if let Some(start) = path.iter().position(|on| *on == node) {
            let mut cycle = path[start..].to_vec();
            cycle.push(node);
            let steps: Vec<String> = cycle
                .windows(2)
                .map(|step| format!("{} -> {} ({})", step[0], step[1], graph[step[0]][step[1]].display()))
                .collect();
            return Some(steps.join("\n"));
        }
        if done.contains(&node) {
            return None;
        }
        path.push(node);
        for next in graph[node].keys() {
            if let Some(cycle) = visit(next, graph, done, path) {
                return Some(cycle);
            }
        }
        path.pop();
        done.push(node);
        None
    }
    let mut done = Vec::new();
    graph.keys().find_map(|node| visit(node, graph, &mut done, &mut Vec::new()))
}

#[test]
fn the_domain_modules_use_each_other_without_a_loop() {
    let graph = domain_graph();
    assert!(graph.len() > 10 && graph["persist"].contains_key("case"), "the graph is read: {graph:?}");
    if let Some(cycle) = find_cycle(&graph) {
        panic!("the domain's modules use each other in a loop:\n{cycle}");
    }
}

#[test]
fn a_loop_is_found_and_named() {
    let edge = |to: &str| (to.to_string(), PathBuf::from(format!("{to}.rs")));
    let graph: BTreeMap<String, BTreeMap<String, PathBuf>> = [
        ("a".to_string(), [edge("b")].into()),
        ("b".to_string(), [edge("c")].into()),
        ("c".to_string(), [edge("a")].into()),
        ("d".to_string(), [edge("a")].into()),
    ]
    .into();
    assert_eq!(find_cycle(&graph).unwrap(), "a -> b (b.rs)\nb -> c (c.rs)\nc -> a (a.rs)");
    let acyclic: BTreeMap<String, BTreeMap<String, PathBuf>> =
        [("a".to_string(), [edge("b")].into()), ("b".to_string(), BTreeMap::new())].into();
    assert_eq!(find_cycle(&acyclic), None);
    assert_eq!(named_after("use super::{case::Case, sort};", "super::"), ["case", "sort"]);
}

#[test]
fn ui_state_is_below_the_widgets_and_the_widgets_below_the_pages() {
    // Until `src/ui` is split into these folders there is nothing to check.
    let rules = [("state", ["pages", "widgets"].as_slice()), ("widgets", ["pages"].as_slice())];
    let mut found = Vec::new();
    for (folder, above) in rules {
        for (path, text) in sources(&format!("src/ui/{folder}")) {
            let code = code(&text);
            for name in above {
                if code.contains(&format!("::{name}")) || code.contains(&format!("{name}::")) {
                    found.push(format!("{} uses ui/{name}", path.display()));
                }
            }
        }
    }
    assert!(found.is_empty(), "the UI's layers point downward only:\n{}", found.join("\n"));
}

#[test]
fn only_storage_touches_indexed_db() {
    let storage = Path::new("src/storage.rs");
    let found: Vec<String> = sources("src")
        .into_iter()
        .filter(|(path, text)| *path != storage && (text.contains("Idb") || text.contains("indexed_db")))
        .map(|(path, _)| path.display().to_string())
        .collect();
    assert!(found.is_empty(), "only src/storage.rs may touch IndexedDB:\n{}", found.join("\n"));
}
