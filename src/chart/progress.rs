//! [`progress`]: a baseline against the current report, per node
//! ([SPEC](crate::spec) §9.2).

use std::collections::HashMap;
use std::fmt::Write as _;

use super::options::{ChartOptions, ChartWords};
use super::rows::Rows;
use super::svg::{
    BLUE, GREEN, GREY, INK, Key, Paint, Shape, VERMILLION, close, escape, open, score_text,
    write_legend, write_line, write_shape,
};
use crate::analysis::{NodeProgress, Progress, ProgressStatus, RiskStatus};
use crate::model::id::Id;

/// The shape and colour of a status's current mark; `None` for a status
/// without a current score.
fn current_mark(status: ProgressStatus) -> Option<(Shape, &'static str)> {
    match status {
        ProgressStatus::Improved => Some((Shape::TriangleUp, GREEN)),
        ProgressStatus::Regressed => Some((Shape::TriangleDown, VERMILLION)),
        ProgressStatus::Unchanged => Some((Shape::Circle, GREY)),
        ProgressStatus::NewlyScored => Some((Shape::Square, BLUE)),
        _ => None,
    }
}

/// A status in the chart's words.
fn status_word(status: ProgressStatus, words: &ChartWords) -> &str {
    match status {
        ProgressStatus::Improved => &words.improved,
        ProgressStatus::Regressed => &words.regressed,
        ProgressStatus::Unchanged => &words.unchanged,
        ProgressStatus::NewlyScored => &words.newly_scored,
        ProgressStatus::NoLongerScored => &words.no_longer_scored,
        _ => &words.no_score,
    }
}

/// The words of one row: "40.0 → 72.5 +32.5 improved", then the risk's
/// change when the node is a risk on either side.
fn row_words(n: &NodeProgress, risk: Option<RiskStatus>, words: &ChartWords) -> String {
    let cell = |x: Option<f64>| x.map_or_else(|| "—".to_owned(), score_text);
    let mut s = format!("{} → {}", cell(n.baseline), cell(n.current));
    if let Some(d) = n.delta.filter(|_| n.status != ProgressStatus::Unchanged) {
        let sign = if d < 0.0 { "−" } else { "+" };
        let _ = write!(s, " {sign}{}", score_text(d.abs()));
    }
    let _ = write!(s, " {}", status_word(n.status, words));
    if let Some(risk) = risk {
        let word = match risk {
            RiskStatus::Resolved => &words.risk_resolved,
            RiskStatus::New => &words.risk_new,
            _ => &words.risk_persisting,
        };
        let _ = write!(s, " · {word}");
    }
    s
}

/// The progress from a baseline to a current report: one row per node,
/// the total first, then every criterion in definition order, indented by
/// depth. The baseline is a hollow circle, the current score a mark whose
/// shape says how it moved (▲ improved, ▼ regressed, ● unchanged, ■ newly
/// scored; a cross at the baseline when no longer scored), joined by a
/// line; the words at the right give both scores, the difference, the
/// status and a risk's change. One mark per row (`<g class="mark">`).
///
/// # Examples
///
/// ```
/// use assessment_model::{Progress, RatingValue, Scorer, chart};
/// use assessment_model::catalog::good_practice;
///
/// let scorer = Scorer::new(&good_practice::criteria())?;
/// let before = scorer.score(&good_practice::worked_example())?;
/// let mut after = good_practice::worked_example();
/// after.rate("q9-3", RatingValue::Met)?;
/// let progress = Progress::between(&before, &scorer.score(&after)?)?;
/// let svg = chart::progress(&progress, &chart::ChartOptions::new(720, 900));
/// assert_eq!(svg.matches(r#"<g class="mark""#).count(), progress.nodes.len() + 1);
/// assert!(svg.contains("improved"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn progress(progress: &Progress, options: &ChartOptions<'_>) -> String {
    let words = options.chart_words();
    let heading = options.framework_title(&progress.total.title);
    let title = format!("{}: {heading}", words.progress);
    let risks: HashMap<&Id, RiskStatus> = progress
        .risks
        .iter()
        .map(|r| (&r.criterion, r.status))
        .collect();
    let row = |n: &NodeProgress| row_words(n, risks.get(&n.criterion).copied(), words);
    let subtitle = format!("{} {}", words.total, row(&progress.total));
    let rows_data: Vec<(&NodeProgress, String, String)> =
        std::iter::once((&progress.total, words.total.clone(), row(&progress.total)))
            .chain(progress.nodes.iter().map(|n| {
                let label = options.title(n.criterion.as_str(), &n.title);
                (n, label, row(n))
            }))
            .collect();
    let mut desc = format!("{title}.");
    for (_, label, words) in &rows_data {
        let _ = write!(desc, " {label}: {words};");
    }
    desc.pop();
    desc.push('.');
    let mut out = open(options, "progress", &title, &subtitle, &desc);
    let size = (f64::from(options.width()), f64::from(options.height()));
    let rows = Rows::new(size, rows_data.len(), 0.26, 0.38);
    rows.write_score_axis(&mut out, &words.score);
    for (i, (n, label, words)) in rows_data.iter().enumerate() {
        write_row(&mut out, &rows, i, (n, label), words);
    }
    write_legend(
        &mut out,
        (12.0, rows.legend_y()),
        size.0 - 24.0,
        &legend(words),
    );
    close(out)
}

/// One row's mark.
fn write_row(
    out: &mut String,
    rows: &Rows,
    i: usize,
    (n, label): (&NodeProgress, &str),
    words: &str,
) {
    let _ = write!(
        out,
        r#"<g class="mark" data-id="{}" data-status="{}"><title>{}: {}</title>"#,
        escape(n.criterion.as_str()),
        escape(&n.status.to_string()),
        escape(label),
        escape(words)
    );
    rows.write_row_label(out, i, label, n.depth.saturating_sub(1));
    let y = rows.y(i);
    let r = (rows.row * 0.22).clamp(2.0, 5.0);
    if let (Some(b), Some(c)) = (n.baseline, n.current) {
        let style = format!(r#"stroke="{INK}" stroke-width="1.5""#);
        write_line(out, (rows.x(b), y), (rows.x(c), y), &style);
    }
    if let Some(b) = n.baseline {
        write_shape(
            out,
            Shape::Circle,
            (rows.x(b), y),
            r,
            Paint {
                colour: INK,
                filled: false,
            },
        );
        if n.status == ProgressStatus::NoLongerScored {
            write_shape(
                out,
                Shape::Cross,
                (rows.x(b), y),
                r * 1.4,
                Paint {
                    colour: VERMILLION,
                    filled: true,
                },
            );
        }
    }
    if let (Some(c), Some((shape, colour))) = (n.current, current_mark(n.status)) {
        write_shape(
            out,
            shape,
            (rows.x(c), y),
            r,
            Paint {
                colour,
                filled: true,
            },
        );
    }
    rows.write_row_words(out, i, words);
    out.push_str("</g>\n");
}

/// The legend: the baseline and each status's mark.
fn legend(words: &ChartWords) -> Vec<Key<'_>> {
    let mark = |status| {
        let (shape, colour) = current_mark(status).unwrap_or((Shape::Circle, GREY));
        (
            shape,
            Paint {
                colour,
                filled: true,
            },
        )
    };
    let key = |status, word| {
        let (shape, paint) = mark(status);
        Key::Shape(shape, paint, word)
    };
    vec![
        Key::Shape(
            Shape::Circle,
            Paint {
                colour: INK,
                filled: false,
            },
            &words.baseline,
        ),
        key(ProgressStatus::Improved, &words.improved),
        key(ProgressStatus::Regressed, &words.regressed),
        key(ProgressStatus::Unchanged, &words.unchanged),
        key(ProgressStatus::NewlyScored, &words.newly_scored),
        Key::Shape(
            Shape::Cross,
            Paint {
                colour: VERMILLION,
                filled: true,
            },
            &words.no_longer_scored,
        ),
    ]
}
