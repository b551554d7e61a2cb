//! `SPEC.md` and the code agree: every section the docs cite exists, every
//! issue code the crate can report is listed with its severity, and the
//! spec's JSON example is a document the crate reads.
#![allow(clippy::unwrap_used, clippy::expect_used)]
// Test code on fixed text: a slice out of range or an overflow is a failure
// of the test, not of the crate.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use std::path::Path;

use assessment_model::{Assessment, IssueKind, Severity, from_deserializer};

fn read(path: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn spec() -> String {
    read("SPEC.md")
}

/// Every `.rs` file under `dir`, recursively, as `(path, text)`.
fn rust_files(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            out.push((path.display().to_string(), text));
        }
    }
}

/// The section numbers cited in `text`: `§5`, `§5.5`, but not the
/// sections of other documents that the docs quote with more levels
/// (NISTIR 7275r4 §7.3.2.4).
fn citations(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices('§') {
        let rest = &text[at + '§'.len_utf8()..];
        let end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        let number = rest[..end].trim_end_matches('.');
        if number.is_empty() || number.split('.').count() > 2 {
            continue;
        }
        out.push(number.to_string());
    }
    out
}

/// Whether SPEC.md has section `number`: a chapter `## N …` or a section
/// `### §N.M …`.
fn has_section(spec: &str, number: &str) -> bool {
    spec.lines().any(|line| {
        if number.contains('.') {
            line.starts_with(&format!("### §{number} "))
        } else {
            line.starts_with(&format!("## {number} "))
        }
    })
}

#[test]
fn every_cited_section_exists() {
    let spec = spec();
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    files.push(("README.md".into(), read("README.md")));
    let mut cited = 0;
    for (path, text) in &files {
        for number in citations(text) {
            assert!(
                has_section(&spec, &number),
                "{path} cites §{number}, which SPEC.md does not have"
            );
            cited += 1;
        }
    }
    // The docs cite the spec throughout; a scan that finds nothing is broken.
    assert!(cited >= 30, "only {cited} citations found");
}

#[test]
fn citations_are_read_as_written() {
    assert_eq!(
        citations("rules §5.5 and §6; NISTIR 7275r4 §7.3.2.4, rule N is §5.*N*."),
        ["5.5", "6", "5"]
    );
    let spec = spec();
    assert!(has_section(&spec, "5.13"));
    assert!(has_section(&spec, "8"));
    assert!(!has_section(&spec, "5.14"));
    assert!(has_section(&spec, "9"));
    assert!(!has_section(&spec, "10"));
}

/// Scoring rule N is §5.N, for the thirteen rules.
#[test]
fn the_scoring_rules_are_sections_5_1_to_5_13() {
    let spec = spec();
    for n in 1..=13 {
        assert!(has_section(&spec, &format!("5.{n}")), "§5.{n}");
    }
    assert!(!has_section(&spec, "5.14"));
}

/// The rows `| `code` | severity | …` of SPEC.md §6.5.
fn listed_codes(spec: &str) -> Vec<(String, String)> {
    let start = spec.find("### §6.5 ").expect("SPEC.md has §6.5");
    let section = &spec[start..];
    // The section ends at the next heading, a section's or a chapter's.
    let end = ["\n## ", "\n### "]
        .iter()
        .filter_map(|heading| section.find(heading))
        .min()
        .unwrap_or(section.len());
    section[..end]
        .lines()
        .filter_map(|line| {
            let mut cells = line.strip_prefix("| `")?.splitn(2, "` | ");
            let code = cells.next()?;
            let severity = cells.next()?.split(" |").next()?;
            Some((code.to_string(), severity.to_string()))
        })
        .collect()
}

#[test]
fn every_issue_code_is_listed_with_its_severity() {
    let listed = listed_codes(&spec());
    let codes: Vec<&str> = listed.iter().map(|(c, _)| c.as_str()).collect();
    assert_eq!(
        codes,
        IssueKind::CODES,
        "SPEC.md §6.5 lists the codes of IssueKind::CODES, in its order"
    );
    for (code, severity) in &listed {
        let expected = match IssueKind::severity_of(code) {
            Some(Severity::Error) => "error",
            Some(Severity::Warning) => "warning",
            None => panic!("no IssueKind has the code {code}"),
        };
        assert_eq!(severity, expected, "severity of {code}");
    }
}

#[test]
fn the_codes_table_is_read_as_written() {
    let listed = listed_codes(&spec());
    assert!(listed.contains(&("unused-scale".to_string(), "warning".to_string())));
    assert!(listed.contains(&("too-deep".to_string(), "error".to_string())));
}

/// The assessment example of §3.6 reads, with the values it shows.
#[test]
fn the_spec_assessment_example_is_an_assessment() {
    let spec = spec();
    let start = spec.find("### §3.6 ").unwrap();
    let section = &spec[start..];
    let open = section.find("```json\n").unwrap() + "```json\n".len();
    let close = open + section[open..].find("```").unwrap();
    let json = &section[open..close];
    let assessment: Assessment =
        from_deserializer(&mut serde_json::Deserializer::from_str(json)).unwrap();
    assert_eq!(assessment.ratings.len(), 2);
    let rating = assessment.ratings.get("migrant-voice-2").unwrap();
    assert_eq!(rating.evidence.len(), 1);
    assert_eq!(assessment.narratives.len(), 1);
}
