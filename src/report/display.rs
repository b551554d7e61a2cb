//! A readable table for [`Report`]: criteria indented by depth, score ×100
//! with one decimal, coverage, band and the risks.

use std::fmt;

use super::Report;
use super::views::{NodeScore, Outcome};
use crate::localization::localized::Localized;

impl fmt::Display for Report {
    /// Prints one line per criterion (indented two spaces per level), then
    /// the total, its band, and the risks and strengths.
    ///
    /// ```text
    /// Subject — test-fw 1.2.0
    /// criterion                                          score  coverage  band         note
    /// Group g                                            100.0       50%  strong
    ///   Leaf a                                           100.0      100%  strong
    ///   Leaf b                                               —         —               not applicable
    ///   Leaf d                                               —        0%               not rated
    /// Leaf c                                               0.0      100%  weak         critical
    /// TOTAL                                               80.0       67%  moderate (capped by a critical risk)
    /// risk: c scores 0.0, below 50.0
    /// ```
    ///
    /// A total that rests on little evidence ([`Report::low_coverage`]) gets
    /// a line under it, e.g. `low coverage: 4 of 36 applicable leaves rated
    /// (11%, below 50%): the total rests on little evidence`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_table(f, &|node| (node.title().to_string(), String::new()), None)
    }
}

impl Report {
    /// The report's table ([`Report`]'s `Display`) with the criterion titles
    /// in the language of `texts`, by its fallback order ([SPEC](crate::spec)
    /// §7.6): a title that fell back (to the primary language or to the
    /// framework's own) is followed by its language in brackets
    /// (`Needs assessment [en]`), and a line under the heading names the
    /// requested language and says so. Scores, bands and ids are as in
    /// the report.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{Localization, Scorer};
    /// use assessment_model::localization::{Localized, TitledText};
    /// use assessment_model::model::LanguageTag;
    /// use assessment_model::catalog::good_practice;
    ///
    /// let framework = good_practice::criteria();
    /// let report = Scorer::new(&framework)?.score(&good_practice::worked_example())?;
    /// // A localization written for this example: one title in German.
    /// let mut de = Localization::new("gp-de".parse()?, framework.compatible_ref(), "de".parse()?);
    /// de.criteria.insert("q9-3".parse()?, TitledText::title("Beispieltitel"));
    /// let texts = Localized::new(&framework, &[&de], &LanguageTag::new("de")?)?;
    /// let table = report.display_in(&texts).to_string();
    /// assert!(table.contains("Beispieltitel"));
    /// assert!(table.lines().any(|l| l.contains("[en]")));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn display_in<'r, 'l>(&'r self, texts: &'r Localized<'l>) -> LocalizedReport<'r, 'l> {
        LocalizedReport {
            report: self,
            texts,
        }
    }
}

/// A [`Report`] rendered with its criterion titles in another language
/// ([`Report::display_in`]).
#[derive(Clone, Copy)]
pub struct LocalizedReport<'r, 'l> {
    report: &'r Report,
    texts: &'r Localized<'l>,
}

impl fmt::Display for LocalizedReport<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let title = |node: NodeScore<'_>| {
            self.texts
                .title_and_marker(node.id().as_str(), node.title())
        };
        let language = self.texts.language_line();
        self.report.write_table(f, &title, Some(&language))
    }
}

impl Report {
    /// The table, each criterion's title and the marker after it from
    /// `title`, and a `language` line under the heading when given.
    fn write_table(
        &self,
        f: &mut fmt::Formatter<'_>,
        title: &dyn Fn(NodeScore<'_>) -> (String, String),
        language: Option<&str>,
    ) -> fmt::Result {
        let framework = &self.compiled.framework;
        writeln!(
            f,
            "{} — {} {}",
            self.subject.name, framework.id, framework.version
        )?;
        if let Some(language) = language {
            writeln!(f, "{language}")?;
        }
        writeln!(
            f,
            "{:<48} {:>7} {:>9}  {:<12} note",
            "criterion", "score", "coverage", "band"
        )?;
        for node in self.nodes() {
            let (text, marker) = title(node);
            write_node(f, node, &text, &marker)?;
        }
        let mut band = self.band().map(|b| b.to_string()).unwrap_or_default();
        if self.band_capped {
            band.push_str(" (capped by a critical risk)");
        }
        write_row(f, "TOTAL", self.total(), &band, String::new())?;
        if self.low_coverage {
            write_low_coverage(f, self.total())?;
        }
        if self.qualitative {
            writeln!(f, "qualitative assessment: no scores")?;
        }
        for risk in self.risks() {
            writeln!(
                f,
                "risk: {} scores {:.1}, below {:.1}",
                risk.criterion,
                risk.score * 100.0,
                risk.threshold * 100.0
            )?;
        }
        for strength in self.strengths() {
            writeln!(
                f,
                "strength: {} scores {:.1}, at or above {:.1}",
                strength.criterion,
                strength.score * 100.0,
                strength.threshold * 100.0
            )?;
        }
        for finding in &self.findings {
            let about = finding
                .criterion
                .as_ref()
                .map(|c| format!(" ({c})"))
                .unwrap_or_default();
            let kind = match finding.kind {
                crate::model::assessment::FindingKind::Risk => "declared risk",
                crate::model::assessment::FindingKind::Strength => "declared strength",
            };
            writeln!(f, "{kind}{about}: {}", finding.text)?;
        }
        Ok(())
    }
}

/// The line under a total that has a score on little evidence. The
/// percentage is rounded down, so it never reads as the threshold itself.
fn write_low_coverage(f: &mut fmt::Formatter<'_>, total: Outcome<'_>) -> fmt::Result {
    let counts = total.counts();
    let applicable = counts.rated.saturating_add(counts.missing);
    let share = total.coverage().map_or(0.0, |c| (c * 100.0).floor());
    writeln!(
        f,
        "low coverage: {} of {applicable} applicable leaves rated ({share:.0}%, below {:.0}%): \
         the total rests on little evidence",
        counts.rated,
        Report::LOW_COVERAGE * 100.0
    )
}

/// One criterion's row: its title shortened to fit the column, so that
/// what follows it (the `marker` of its language, `(unscored)`) stays.
fn write_node(
    f: &mut fmt::Formatter<'_>,
    node: NodeScore<'_>,
    title: &str,
    marker: &str,
) -> fmt::Result {
    let indent = "  ".repeat(node.depth().saturating_sub(1));
    let mut suffix = marker.to_owned();
    if !node.is_scored() {
        suffix.push_str(" (unscored)");
    }
    let room = LABEL_WIDTH.saturating_sub(indent.len().saturating_add(suffix.chars().count()));
    let label = format!("{indent}{}{suffix}", truncate(title, room));
    let band = node.band().map(|b| b.to_string()).unwrap_or_default();
    let mut note = String::new();
    if node.is_critical() {
        note.push_str("critical");
    }
    write_row(f, &label, node.outcome(), &band, note)
}

fn write_row(
    f: &mut fmt::Formatter<'_>,
    label: &str,
    o: Outcome<'_>,
    band: &str,
    mut note: String,
) -> fmt::Result {
    let label = truncate(label, LABEL_WIDTH);
    let score = o
        .score()
        .map(|x| format!("{:.1}", x * 100.0))
        .unwrap_or_else(|| "—".into());
    if let Some(why) = o.no_score() {
        if !note.is_empty() {
            note.push_str(", ");
        }
        note.push_str(why.describe());
    }
    let coverage = o
        .coverage()
        .map(|c| format!("{:.0}%", c * 100.0))
        .unwrap_or_else(|| "—".into());
    let line = format!("{label:<48} {score:>7} {coverage:>9}  {band:<12} {note}");
    writeln!(f, "{}", line.trim_end())
}

/// The width of the criterion column.
const LABEL_WIDTH: usize = 48;

fn truncate(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        return s.to_string();
    }
    let mut out: String = s.chars().take(width.saturating_sub(1)).collect();
    out.push('…');
    out
}
