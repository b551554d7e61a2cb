#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]
//! The module order of `DESIGN.md` ("Layout", "Module order"), enforced on
//! the sources as text (std only, no parser crate).
//!
//! Every reference to a module of the crate (`use crate::…`, `use
//! super::…`, a path such as `crate::model::id::Id` written in code, or a
//! path in a string such as serde's `deserialize_with = "crate::…"`) is an
//! edge from the file's module to the module that *defines* the name, found
//! by following the `use` items (re-exports) of the modules on the way.
//! The test fails when
//!
//! 1. an edge goes to a higher floor than its file's (see [`FLOORS`]);
//! 2. the edges close a circle, between top-level modules or between the
//!    sibling files of any folder (the circle's members are named);
//! 3. a path goes through the crate root's re-exports (`crate::Id`,
//!    `use crate::{Framework, Id}`): those are for users; inside the crate
//!    a name is imported from the module that defines it.
//!
//! `lib.rs` (the map) is exempt: it declares the modules (inline, with
//! their docs, for `check`, `core`, `analysis` and `spec`, whose folders
//! hold no `mod.rs`) and re-exports names, and holds no other code. Doc
//! comments are not read: a doc link may point anywhere.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

/// The floors, lowest first, each with its top-level modules (the first
/// segment of a module path under `src/`). An import may only go to a
/// module on the same floor or a lower one; on the same floor, imports
/// between different modules must not form a circle.
///
/// To add a floor or a module, add it here: the lead's `core`, `report`
/// and `scorer` go on the floors of those names (`scoring` is the core
/// floor until it is split). A top-level module that is on no floor fails
/// the test, so a new module has to be placed.
const FLOORS: &[(&str, &[&str])] = &[
    // the documents: ids, scales, rules, framework, assessment, issues,
    // dates, language tags, limits
    ("model", &["model"]),
    // parsing with paths
    ("read", &["read"]),
    // framework validation
    ("check", &["check"]),
    // a framework's texts in other languages: a document of its own,
    // checked against the framework and applied as an overlay. DESIGN.md
    // lists it among the users of the core, but it needs only the model,
    // and reports read their texts through it (`Localized`, in
    // `scoring::display` now, in `report/` later), so it sits below the core
    ("localization", &["localization"]),
    // the compiled core: the plan, binding (the one checker), the
    // interpreter, batches and what-ifs
    ("core", &["core"]),
    // reports of one assessment: the report and its views, its document,
    // its text, its bounds
    ("report", &["report"]),
    // `Scorer`: every operation on a compiled framework, on the core and
    // the report floors
    ("scorer", &["scorer"]),
    // the users of the core
    (
        "users",
        &[
            "analysis", "chart", "cohort", "review", "mapping", "compose", "profile", "plan",
        ],
    ),
    // built on everything
    ("top", &["catalog", "schema"]),
];

/// Modules outside the order: the crate root (`lib.rs`, the map of
/// modules and re-exports).
const EXEMPT: &[&str] = &[""];

// ---------------------------------------------------------------- lexing

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    /// `::`
    Path,
    Punct(char),
    /// A string literal's content (escapes left as written).
    Str(String),
}

/// The tokens of `text` with their line numbers; comments (doc comments
/// too), character literals, lifetimes and numbers are dropped.
fn lex(text: &str) -> Vec<(Tok, usize)> {
    let c: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let mut line = 1;
    while i < c.len() {
        let ch = c[i];
        let next = c.get(i + 1).copied();
        if ch == '\n' {
            line += 1;
            i += 1;
        } else if ch.is_whitespace() {
            i += 1;
        } else if ch == '/' && next == Some('/') {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if ch == '/' && next == Some('*') {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    if c[i] == '\n' {
                        line += 1;
                    }
                    i += 1;
                }
            }
        } else if ch == '"' || ((ch == 'r' || ch == 'b') && raw_or_byte_string(&c, i).is_some()) {
            let (start, hashes, raw) = if ch == '"' {
                (i + 1, 0, false)
            } else {
                raw_or_byte_string(&c, i).unwrap()
            };
            let at = line;
            let mut j = start;
            let mut s = String::new();
            loop {
                if j >= c.len() {
                    break;
                }
                if !raw && c[j] == '\\' {
                    s.push(c[j]);
                    if let Some(&e) = c.get(j + 1) {
                        s.push(e);
                        if e == '\n' {
                            line += 1;
                        }
                    }
                    j += 2;
                    continue;
                }
                if c[j] == '"' && (0..hashes).all(|k| c.get(j + 1 + k) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                if c[j] == '\n' {
                    line += 1;
                }
                s.push(c[j]);
                j += 1;
            }
            out.push((Tok::Str(s), at));
            i = j;
        } else if ch == '\'' {
            // a character literal ('a', '\n', '\u{1F600}') or a lifetime ('a)
            if next == Some('\\') {
                // the escaped character, then up to the closing quote
                let mut j = i + 3;
                while j < c.len() && c[j] != '\'' {
                    j += 1;
                }
                i = j + 1;
            } else if c.get(i + 2) == Some(&'\'') {
                i += 3;
            } else {
                i += 1;
                while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                    i += 1;
                }
            }
        } else if ch.is_alphabetic() || ch == '_' {
            let mut j = i;
            while j < c.len() && (c[j].is_alphanumeric() || c[j] == '_') {
                j += 1;
            }
            let word: String = c[i..j].iter().collect();
            out.push((Tok::Ident(word.trim_start_matches("r#").to_owned()), line));
            i = j;
        } else if ch.is_ascii_digit() {
            while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_' || c[i] == '.') {
                // `1..n` is a range, not a number
                if c[i] == '.' && c.get(i + 1) == Some(&'.') {
                    break;
                }
                i += 1;
            }
        } else if ch == ':' && next == Some(':') {
            out.push((Tok::Path, line));
            i += 2;
        } else {
            out.push((Tok::Punct(ch), line));
            i += 1;
        }
    }
    out
}

/// At `i`, a raw string (`r"`, `r#"`), byte string (`b"`) or raw byte
/// string (`br#"`): where its content starts, its number of `#`s and
/// whether it is raw.
fn raw_or_byte_string(c: &[char], i: usize) -> Option<(usize, usize, bool)> {
    if i > 0 && (c[i - 1].is_alphanumeric() || c[i - 1] == '_') {
        return None;
    }
    let mut j = i;
    if c.get(j) == Some(&'b') {
        j += 1;
    }
    let raw = c.get(j) == Some(&'r');
    if raw {
        j += 1;
    }
    let mut hashes = 0;
    while raw && c.get(j) == Some(&'#') {
        hashes += 1;
        j += 1;
    }
    (j > i && c.get(j) == Some(&'"')).then_some((j + 1, hashes, raw))
}

// ------------------------------------------------------- the references

/// One path that names something of the crate, made absolute (`crate`
/// dropped), as written in `file` at `line`.
#[derive(Debug, Clone)]
struct Reference {
    line: usize,
    path: Vec<String>,
    /// The text as written, for messages.
    written: String,
}

/// One source file: its path from `src/`, its module path (`a/b.rs` and
/// `a/b/mod.rs` are `a::b`; `lib.rs` is the root, `[]`).
struct File {
    name: String,
    module: Vec<String>,
    refs: Vec<Reference>,
    /// The names bound by this file's top-level `use` items (so its
    /// re-exports): name → absolute path. `None` for a path outside the
    /// crate.
    uses: BTreeMap<String, Option<Vec<String>>>,
}

fn module_of(name: &str) -> Vec<String> {
    let stem = name.trim_end_matches(".rs");
    let mut parts: Vec<String> = stem.split('/').map(str::to_owned).collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts
}

fn is_ident(t: Option<&Tok>) -> Option<&str> {
    match t {
        Some(Tok::Ident(s)) => Some(s),
        _ => None,
    }
}

/// Reads one file: every reference and its `use` bindings.
fn read_file(name: &str, text: &str, modules: &BTreeSet<Vec<String>>) -> File {
    let module = module_of(name);
    let toks = lex(text);
    let mut file = File {
        name: name.to_owned(),
        module: module.clone(),
        refs: Vec::new(),
        uses: BTreeMap::new(),
    };
    // the inline modules (`mod tests { … }`) we are in: (name, brace depth)
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while i < toks.len() {
        let (tok, line) = (&toks[i].0, toks[i].1);
        let here: Vec<String> = module
            .iter()
            .cloned()
            .chain(inline.iter().map(|(n, _)| n.clone()))
            .collect();
        match tok {
            Tok::Punct('{') => depth += 1,
            Tok::Punct('}') => {
                depth = depth.saturating_sub(1);
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
            }
            Tok::Ident(w) if w == "mod" => {
                if let (Some(n), Some(Tok::Punct('{'))) = (
                    is_ident(toks.get(i + 1).map(|t| &t.0)),
                    toks.get(i + 2).map(|t| &t.0),
                ) {
                    inline.push((n.to_owned(), depth));
                }
            }
            Tok::Ident(w)
                if w == "use" && !matches!(toks.get(i + 1), Some((Tok::Punct('<'), _))) =>
            {
                let end = (i..toks.len())
                    .find(|&j| toks[j].0 == Tok::Punct(';'))
                    .unwrap_or(toks.len());
                let mut leaves = Vec::new();
                use_tree(&toks[i + 1..end], &[], &mut leaves);
                for (written, binding, line) in leaves {
                    let path = absolute(&written, &here, &module, modules);
                    match binding {
                        Some(b) if inline.is_empty() => {
                            file.uses.insert(b, path.clone());
                        }
                        _ => {}
                    }
                    if let Some(path) = path {
                        file.refs.push(Reference {
                            line,
                            written: written.join("::"),
                            path,
                        });
                    }
                }
                i = end;
                continue;
            }
            Tok::Ident(w)
                if (w == "crate" || w == "super")
                    && toks.get(i + 1).map(|t| &t.0) == Some(&Tok::Path) =>
            {
                // a path written in code: `crate::a::b(…)`, `super::x::Y`
                let prev_is_path = i > 0 && toks[i - 1].0 == Tok::Path;
                let prev_dollar = i > 0 && toks[i - 1].0 == Tok::Punct('$');
                let mut written = vec![w.clone()];
                let mut j = i + 1;
                while toks.get(j).map(|t| &t.0) == Some(&Tok::Path) {
                    match is_ident(toks.get(j + 1).map(|t| &t.0)) {
                        Some(s) => written.push(s.to_owned()),
                        None => break,
                    }
                    j += 2;
                }
                let path = absolute(&written, &here, &module, modules);
                if let (false, false, Some(path)) = (prev_is_path, prev_dollar, path) {
                    file.refs.push(Reference {
                        line,
                        written: written.join("::"),
                        path,
                    });
                }
                i = j;
                continue;
            }
            Tok::Str(s) => {
                // paths in attributes: `deserialize_with = "crate::read::x"`
                for (k, _) in s.match_indices("crate::") {
                    if k > 0
                        && s[..k].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == '$')
                    {
                        continue;
                    }
                    let rest = &s[k..];
                    let len = rest
                        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                        .unwrap_or(rest.len());
                    let written: Vec<String> = rest[..len]
                        .split("::")
                        .filter(|p| !p.is_empty())
                        .map(str::to_owned)
                        .collect();
                    if let Some(path) = absolute(&written, &here, &module, modules) {
                        file.refs.push(Reference {
                            line,
                            written: written.join("::"),
                            path,
                        });
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    file
}

/// One leaf of a use tree: the full path as written, the name it binds
/// (`None` for a glob) and its line.
type Leaf = (Vec<String>, Option<String>, usize);

/// The leaves of a use tree (the tokens between `use` and `;`).
fn use_tree(toks: &[(Tok, usize)], prefix: &[String], out: &mut Vec<Leaf>) {
    let mut path = prefix.to_vec();
    let mut line = toks.first().map_or(0, |t| t.1);
    let mut i = 0;
    while i < toks.len() {
        match &toks[i].0 {
            Tok::Ident(s) => {
                line = toks[i].1;
                if toks.get(i + 1).map(|t| &t.0) == Some(&Tok::Ident("as".to_owned())) {
                    let alias = is_ident(toks.get(i + 2).map(|t| &t.0))
                        .unwrap_or("_")
                        .to_owned();
                    path.push(s.clone());
                    out.push((path, Some(alias), line));
                    return;
                }
                path.push(s.clone());
                i += 1;
            }
            Tok::Path => i += 1,
            Tok::Punct('*') => {
                out.push((path, None, toks[i].1));
                return;
            }
            Tok::Punct('{') => {
                // split the group at its top-level commas
                let mut level = 0;
                let mut start = i + 1;
                for j in i..toks.len() {
                    match toks[j].0 {
                        Tok::Punct('{') => level += 1,
                        Tok::Punct('}') => {
                            level -= 1;
                            if level == 0 {
                                if start < j {
                                    use_tree(&toks[start..j], &path, out);
                                }
                                return;
                            }
                        }
                        Tok::Punct(',') if level == 1 => {
                            if start < j {
                                use_tree(&toks[start..j], &path, out);
                            }
                            start = j + 1;
                        }
                        _ => {}
                    }
                }
                return;
            }
            // a leading `::` is a path outside the crate, left to `absolute`
            _ => i += 1,
        }
    }
    if path.last().map(String::as_str) == Some("self") {
        path.pop();
    }
    let binding = path.last().cloned();
    if !path.is_empty() {
        out.push((path, binding, line));
    }
}

/// `written` made absolute from module `here` (inline modules included):
/// `None` for a path outside the crate (`std::…`, `serde::…`).
fn absolute(
    written: &[String],
    here: &[String],
    file_module: &[String],
    modules: &BTreeSet<Vec<String>>,
) -> Option<Vec<String>> {
    let first = written.first()?;
    let mut base: Vec<String> = match first.as_str() {
        "crate" => Vec::new(),
        "self" => here.to_vec(),
        "super" => {
            let mut b = here.to_vec();
            b.pop()?;
            b
        }
        _ => {
            // a child module of this file's module, written relative
            let mut child = file_module.to_vec();
            child.push(first.clone());
            if modules.contains(&child) && here.len() == file_module.len() {
                let mut p = file_module.to_vec();
                p.extend(written.iter().cloned());
                return Some(p);
            }
            return None;
        }
    };
    let mut rest = &written[1..];
    while rest.first().map(String::as_str) == Some("super") {
        base.pop()?;
        rest = &rest[1..];
    }
    base.extend(rest.iter().cloned());
    Some(base)
}

// ------------------------------------------------------------ resolving

/// Where a path leads: the file module that defines its name, the path
/// as written there (module, then the item and anything below it), and
/// the modules whose re-exports it went through.
#[derive(Debug)]
struct Resolved {
    module: Vec<String>,
    canonical: Vec<String>,
    through: Vec<Vec<String>>,
}

fn resolve(path: &[String], files: &BTreeMap<Vec<String>, File>) -> Resolved {
    let mut through = Vec::new();
    let mut path = path.to_vec();
    let mut module: Vec<String> = Vec::new();
    let mut i = 0;
    let mut hops = 0;
    while i < path.len() && hops < 32 {
        let mut child = module.clone();
        child.push(path[i].clone());
        if files.contains_key(&child) {
            module = child;
            i += 1;
            continue;
        }
        // a name bound by a `use` of this module: follow it
        match files.get(&module).and_then(|f| f.uses.get(&path[i])) {
            Some(Some(target)) if target.as_slice() != &path[..=i] => {
                through.push(module.clone());
                let mut p = target.clone();
                p.extend(path[i + 1..].iter().cloned());
                path = p;
                module = Vec::new();
                i = 0;
                hops += 1;
            }
            // an item defined here (or a name from outside the crate)
            _ => break,
        }
    }
    Resolved {
        canonical: path,
        module,
        through,
    }
}

// ------------------------------------------------------------- checking

fn floor_of(top: &str) -> Option<usize> {
    FLOORS.iter().position(|(_, mods)| mods.contains(&top))
}

fn top(module: &[String]) -> &str {
    module.first().map_or("", String::as_str)
}

fn is_ancestor(a: &[String], b: &[String]) -> bool {
    a.len() <= b.len() && a == &b[..a.len()]
}

/// One edge between two modules of one level (top-level modules, or the
/// children of one folder), with where it is written.
#[derive(Debug, Clone)]
struct Edge {
    from: String,
    to: String,
    at: String,
}

/// Every violation of the order in `sources` (name from `src/`, text).
fn check(sources: &[(String, String)]) -> Vec<String> {
    let modules: BTreeSet<Vec<String>> = sources.iter().map(|(n, _)| module_of(n)).collect();
    let files: BTreeMap<Vec<String>, File> = sources
        .iter()
        .map(|(n, t)| {
            let f = read_file(n, t, &modules);
            (f.module.clone(), f)
        })
        .collect();
    let mut problems = Vec::new();
    // level (the folder's module path) → edges between its children
    let mut levels: BTreeMap<Vec<String>, Vec<Edge>> = BTreeMap::new();
    for file in files.values() {
        if EXEMPT.contains(&file.module.join("::").as_str()) {
            continue;
        }
        let Some(from_floor) = floor_of(top(&file.module)) else {
            problems.push(format!(
                "src/{}: module `{}` is on no floor: add it to FLOORS in tests/module_order.rs",
                file.name,
                top(&file.module)
            ));
            continue;
        };
        for r in &file.refs {
            let to = resolve(&r.path, &files);
            let at = format!("src/{}:{}", file.name, r.line);
            if to.through.iter().any(Vec::is_empty) {
                problems.push(format!(
                    "{at}: `{}` goes through the crate root's re-exports; import it from `crate::{}`",
                    r.written,
                    to.canonical.join("::")
                ));
            }
            if to.module.is_empty()
                || is_ancestor(&to.module, &file.module)
                || is_ancestor(&file.module, &to.module)
            {
                continue;
            }
            if !EXEMPT.contains(&to.module.join("::").as_str()) {
                if let Some(to_floor) = floor_of(top(&to.module)).filter(|&f| f > from_floor) {
                    problems.push(format!(
                        "{at}: `{}` goes up, from `{}` (floor {}) to `{}` (floor {})",
                        r.written,
                        file.module.join("::"),
                        FLOORS[from_floor].0,
                        to.module.join("::"),
                        FLOORS[to_floor].0
                    ));
                }
            }
            let common = file
                .module
                .iter()
                .zip(&to.module)
                .take_while(|(a, b)| a == b)
                .count();
            let level = file.module[..common].to_vec();
            levels.entry(level).or_default().push(Edge {
                from: file.module[common].clone(),
                to: to.module[common].clone(),
                at: format!("{at} `{}`", r.written),
            });
        }
    }
    for (level, edges) in &levels {
        for cycle in cycles(edges) {
            let name = |m: &str| {
                if level.is_empty() {
                    m.to_owned()
                } else {
                    format!("{}::{m}", level.join("::"))
                }
            };
            let circle = a_circle(&cycle, edges);
            let mut msg = format!(
                "import circle among {}, for example {}:",
                cycle
                    .iter()
                    .map(|m| format!("`{}`", name(m)))
                    .collect::<Vec<_>>()
                    .join(", "),
                circle
                    .iter()
                    .map(|m| name(m))
                    .collect::<Vec<_>>()
                    .join(" → ")
            );
            for pair in circle.windows(2) {
                let found: Vec<&Edge> = edges
                    .iter()
                    .filter(|e| e.from == pair[0] && e.to == pair[1])
                    .collect();
                let _ = write!(
                    msg,
                    "\n    {} → {}: {}",
                    name(&pair[0]),
                    name(&pair[1]),
                    found[0].at
                );
                if found.len() > 1 {
                    let _ = write!(msg, " (and {} more)", found.len() - 1);
                }
            }
            problems.push(msg);
        }
    }
    problems
}

/// One circle through the members of a strongly connected component, from
/// its first member back to it (the shortest, by breadth-first search).
fn a_circle(members: &[String], edges: &[Edge]) -> Vec<String> {
    let start = &members[0];
    let mut came_from: BTreeMap<&str, &str> = BTreeMap::new();
    let mut queue = std::collections::VecDeque::from([start.as_str()]);
    while let Some(at) = queue.pop_front() {
        for e in edges
            .iter()
            .filter(|e| e.from == at && members.contains(&e.to))
        {
            if e.to == *start {
                let mut circle = vec![start.clone(), at.to_owned()];
                let mut back = at;
                while back != start.as_str() {
                    back = came_from[back];
                    circle.push(back.to_owned());
                }
                circle.reverse();
                return circle;
            }
            if !came_from.contains_key(e.to.as_str()) {
                came_from.insert(&e.to, at);
                queue.push_back(&e.to);
            }
        }
    }
    members.to_vec()
}

/// The circles of a graph: its strongly connected components of more than
/// one member (Tarjan's algorithm), each sorted.
fn cycles(edges: &[Edge]) -> Vec<Vec<String>> {
    let mut graph: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for e in edges {
        graph.entry(&e.from).or_default().insert(&e.to);
        graph.entry(&e.to).or_default();
    }
    struct State<'a> {
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on: BTreeSet<&'a str>,
        out: Vec<Vec<String>>,
    }
    fn visit<'a>(v: &'a str, g: &BTreeMap<&'a str, BTreeSet<&'a str>>, s: &mut State<'a>) {
        let n = s.index.len();
        s.index.insert(v, n);
        s.low.insert(v, n);
        s.stack.push(v);
        s.on.insert(v);
        for &w in &g[v] {
            if !s.index.contains_key(w) {
                visit(w, g, s);
                let lw = s.low[w];
                let lv = s.low.get_mut(v).unwrap();
                *lv = (*lv).min(lw);
            } else if s.on.contains(w) {
                let iw = s.index[w];
                let lv = s.low.get_mut(v).unwrap();
                *lv = (*lv).min(iw);
            }
        }
        if s.low[v] == s.index[v] {
            let mut comp = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on.remove(w);
                comp.push(w.to_owned());
                if w == v {
                    break;
                }
            }
            if comp.len() > 1 {
                comp.sort();
                s.out.push(comp);
            }
        }
    }
    let mut s = State {
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on: BTreeSet::new(),
        out: Vec::new(),
    };
    for &v in graph.keys() {
        if !s.index.contains_key(v) {
            visit(v, &graph, &mut s);
        }
    }
    s.out
}

fn sources_of(dir: &Path, prefix: &str, out: &mut Vec<(String, String)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        let rel = format!("{prefix}{name}");
        if p.is_dir() {
            sources_of(&p, &format!("{rel}/"), out);
        } else if name.ends_with(".rs") {
            out.push((rel, std::fs::read_to_string(&p).unwrap()));
        }
    }
}

#[test]
fn src_keeps_the_module_order() {
    let root = Path::new(option_env!("CARGO_MANIFEST_DIR").unwrap_or(".")).join("src");
    let mut sources = Vec::new();
    sources_of(&root, "", &mut sources);
    assert!(
        sources.len() > 20,
        "found only {} files under {}",
        sources.len(),
        root.display()
    );
    let problems = check(&sources);
    assert!(
        problems.is_empty(),
        "{} violation(s) of the module order (DESIGN.md, \"Module order\"):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

// ----------------------------------------------- the checker's own tests

fn fake(files: &[(&str, &str)]) -> Vec<String> {
    let sources: Vec<(String, String)> = files
        .iter()
        .map(|(n, t)| ((*n).to_owned(), (*t).to_owned()))
        .collect();
    check(&sources)
}

const LIB: &str = "mod model; mod read; mod check; mod scoring; mod analysis; mod cohort; mod mapping; pub mod catalog;\n\
                   pub use model::id::Id;\n";

#[test]
fn a_clean_layout_passes() {
    let problems = fake(&[
        ("lib.rs", LIB),
        ("model/mod.rs", "pub(crate) mod id;"),
        ("model/id.rs", "pub struct Id;"),
        (
            "read/mod.rs",
            "use crate::model::id::Id;\n// use crate::catalog::X; (a comment)\n",
        ),
        (
            "check/mod.rs",
            "use crate::{model::id::Id, read};\nfn f() { let c = '\"'; let s = \"a \\\" not a path\"; }",
        ),
        (
            "analysis/mod.rs",
            "use crate::check;\nuse crate::cohort::Cohort;\nmod a;",
        ),
        (
            "analysis/a.rs",
            "use super::Thing; fn f() -> crate::model::id::Id { todo!() }",
        ),
        ("cohort/mod.rs", "pub struct Cohort; use crate::mapping::M;"),
        ("mapping/mod.rs", "pub struct M;"),
        ("catalog/mod.rs", "use crate::analysis; use std::fmt;"),
    ]);
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn an_upward_import_is_caught() {
    let problems = fake(&[
        ("lib.rs", LIB),
        ("model/mod.rs", "pub(crate) mod id;"),
        (
            "model/id.rs",
            "fn f() {\n    let x = crate::check::helper();\n}\n",
        ),
        ("check/mod.rs", "pub fn helper() {}"),
    ]);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(
        problems[0].starts_with("src/model/id.rs:2: `crate::check::helper` goes up"),
        "{problems:#?}"
    );
}

#[test]
fn an_upward_path_in_a_serde_attribute_is_caught() {
    let problems = fake(&[
        ("lib.rs", LIB),
        (
            "model/mod.rs",
            "#[serde(deserialize_with = \"crate::read::unique_keys\")]\nstruct S;",
        ),
        ("read/mod.rs", "pub fn unique_keys() {}"),
    ]);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(problems[0].contains("src/model/mod.rs:1"), "{problems:#?}");
}

#[test]
fn a_two_circle_between_top_level_modules_is_caught() {
    let problems = fake(&[
        ("lib.rs", LIB),
        (
            "analysis/mod.rs",
            "use crate::cohort::Cohort;\npub struct A;",
        ),
        (
            "cohort/mod.rs",
            "pub struct Cohort;\nfn f(_: crate::analysis::A) {}",
        ),
    ]);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(
        problems[0].starts_with("import circle among `analysis`, `cohort`"),
        "{problems:#?}"
    );
    assert!(
        problems[0].contains("src/analysis/mod.rs:1"),
        "{problems:#?}"
    );
    assert!(problems[0].contains("src/cohort/mod.rs:2"), "{problems:#?}");
}

#[test]
fn a_three_circle_between_sibling_files_is_caught() {
    let problems = fake(&[
        ("lib.rs", LIB),
        ("mapping/mod.rs", "mod a;\nmod b;\nmod c;\npub use a::A;"),
        ("mapping/a.rs", "pub struct A;\nuse super::b::B;"),
        ("mapping/b.rs", "pub struct B;\nuse crate::mapping::{c::C};"),
        (
            "mapping/c.rs",
            "pub struct C;\nfn f() -> super::A { todo!() }",
        ),
    ]);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(
        problems[0].starts_with("import circle among `mapping::a`, `mapping::b`, `mapping::c`"),
        "{problems:#?}"
    );
}

#[test]
fn an_import_through_the_root_re_exports_is_caught() {
    let problems = fake(&[
        ("lib.rs", LIB),
        ("model/mod.rs", "pub(crate) mod id;"),
        ("model/id.rs", "pub struct Id;"),
        ("read/mod.rs", "use crate::{\n    model,\n    Id,\n};"),
        ("check/mod.rs", "fn f(_: &crate::Id) {}"),
    ]);
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert!(
        problems[0].starts_with("src/check/mod.rs:1: `crate::Id` goes through the crate root"),
        "{problems:#?}"
    );
    assert!(
        problems[0].ends_with("import it from `crate::model::id::Id`"),
        "{problems:#?}"
    );
    assert!(
        problems[1].starts_with("src/read/mod.rs:3: `crate::Id`"),
        "{problems:#?}"
    );
}

#[test]
fn a_module_on_no_floor_is_caught() {
    let problems = fake(&[("lib.rs", "mod stray;"), ("stray.rs", "")]);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(
        problems[0].contains("`stray` is on no floor"),
        "{problems:#?}"
    );
}

#[test]
fn the_lexer_skips_comments_chars_and_lifetimes() {
    let toks = lex(
        "fn f<'a>(c: char) -> &'a str { let _ = ('\"', '\\'', '{'); /* crate::x */ r#\"a\"b\"# }",
    );
    assert!(toks.contains(&(Tok::Str("a\"b".to_owned()), 1)));
    assert!(!toks.iter().any(|(t, _)| *t == Tok::Ident("x".to_owned())));
    let braces = toks.iter().filter(|(t, _)| *t == Tok::Punct('{')).count();
    assert_eq!(braces, 1, "{toks:?}");
}
