//! A readable table for [`Report`]: criteria indented by depth, score ×100
//! with one decimal, coverage, band and the risks.

use std::fmt;

use super::report::Report;
use super::views::{NodeScore, Outcome};

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
        let framework = &self.compiled.framework;
        writeln!(
            f,
            "{} — {} {}",
            self.subject.name, framework.id, framework.version
        )?;
        writeln!(
            f,
            "{:<48} {:>7} {:>9}  {:<12} note",
            "criterion", "score", "coverage", "band"
        )?;
        for node in self.nodes() {
            write_node(f, node)?;
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
                crate::FindingKind::Risk => "declared risk",
                crate::FindingKind::Strength => "declared strength",
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

fn write_node(f: &mut fmt::Formatter<'_>, node: NodeScore<'_>) -> fmt::Result {
    let indent = "  ".repeat(node.depth().saturating_sub(1));
    let mut label = format!("{indent}{}", node.title());
    if !node.is_scored() {
        label.push_str(" (unscored)");
    }
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
    let label = truncate(label, 48);
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

fn truncate(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        return s.to_string();
    }
    let mut out: String = s.chars().take(width.saturating_sub(1)).collect();
    out.push('…');
    out
}
