//! A readable table for [`Report`]: criteria indented by depth, score ×100
//! with one decimal, coverage, band and the risks.

use std::fmt;

use super::report::{NodeScore, Outcome, Report};

impl fmt::Display for Report {
    /// Prints one line per criterion (indented two spaces per level), then
    /// the total, its band, and the risks and strengths.
    ///
    /// ```text
    /// criterion                                   score  coverage  band
    /// Inclusivity and participation                50.0      100%  weak
    ///   Does the practice consult …               100.0      100%  strong
    /// TOTAL                                        62.5       90%  moderate
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} — {} {}",
            self.subject.name, self.framework.id, self.framework.version
        )?;
        writeln!(
            f,
            "{:<48} {:>7} {:>9}  band",
            "criterion", "score", "coverage"
        )?;
        for node in &self.nodes {
            write_node(f, node)?;
        }
        let mut band = self
            .band
            .as_ref()
            .map(|b| b.to_string())
            .unwrap_or_default();
        if self.band_capped {
            band.push_str(" (capped by a critical risk)");
        }
        write_row(f, "TOTAL", &self.total, &band)?;
        if self.qualitative {
            writeln!(f, "qualitative assessment: no scores")?;
        }
        for risk in &self.risks {
            writeln!(
                f,
                "risk: {} scores {:.1}, below {:.1}",
                risk.criterion,
                risk.score * 100.0,
                risk.threshold * 100.0
            )?;
        }
        for strength in &self.strengths {
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

fn write_node(f: &mut fmt::Formatter<'_>, node: &NodeScore) -> fmt::Result {
    let indent = "  ".repeat(node.depth.saturating_sub(1));
    let mut label = format!("{indent}{}", node.title);
    if !node.scored {
        label.push_str(" (unscored)");
    }
    let band = node
        .outcome
        .band
        .as_ref()
        .map(|b| b.to_string())
        .unwrap_or_default();
    write_row(f, &label, &node.outcome, &band)
}

fn write_row(f: &mut fmt::Formatter<'_>, label: &str, o: &Outcome, band: &str) -> fmt::Result {
    let label = truncate(label, 48);
    let score = match (o.score, o.no_score) {
        (Some(x), _) => format!("{:.1}", x * 100.0),
        (None, Some(why)) => format!("— ({})", why.describe()),
        (None, None) => "—".into(),
    };
    let coverage = o
        .coverage
        .map(|c| format!("{:.0}%", c * 100.0))
        .unwrap_or_else(|| "—".into());
    writeln!(f, "{label:<48} {score:>7} {coverage:>9}  {band}")
}

fn truncate(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        return s.to_string();
    }
    let mut out: String = s.chars().take(width.saturating_sub(1)).collect();
    out.push('…');
    out
}
