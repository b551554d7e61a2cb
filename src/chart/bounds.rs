//! [`bounds`]: each node's lowest and highest score over the missing
//! ratings, with its score as the assessment stands ([SPEC](crate::spec)
//! §9.4).

use std::fmt::Write as _;

use super::options::{ChartOptions, ChartWords};
use super::rows::Rows;
use super::svg::{
    BLUE, INK, Key, Paint, Shape, close, escape, num, open, score_text, write_legend, write_shape,
};
use crate::report::bounds::{Bounds, NodeBounds};

/// The fill of the interval's bar.
const RANGE_FILL: &str = "#BFD9EC";

/// The words of one row: "[40.0, 90.0] current 60.0".
fn row_words(b: &NodeBounds, words: &ChartWords) -> String {
    let mut s = match (b.lower, b.upper) {
        (Some(lo), Some(hi)) => format!("[{}, {}]", score_text(lo), score_text(hi)),
        _ => words.no_score.clone(),
    };
    let current = b.current.map_or_else(|| "—".to_owned(), score_text);
    let _ = write!(s, " {} {current}", words.current);
    s
}

/// The bounds of an assessment: one row per node, the total first, then
/// every criterion in definition order, indented by depth. The possible
/// range `[lower, upper]` is a bar outlined in black (a point when the
/// node is fully rated), the current score a filled diamond on it (none
/// when the node has no score now); the words at the right give the
/// three numbers. [`Bounds`] carries ids, not titles: the rows show the
/// criterion ids unless the options carry texts
/// ([`ChartOptions::texts`]), whose titles they then show. One mark per
/// row (`<g class="mark">`).
///
/// # Examples
///
/// ```
/// use assessment_model::{Scorer, chart};
/// use assessment_model::catalog::good_practice;
///
/// let scorer = Scorer::new(&good_practice::criteria())?;
/// let bounds = scorer.bounds(&good_practice::worked_example())?;
/// let svg = chart::bounds(&bounds, &chart::ChartOptions::new(720, 900));
/// assert_eq!(svg.matches(r#"<g class="mark""#).count(), bounds.nodes.len() + 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn bounds(bounds: &Bounds, options: &ChartOptions<'_>) -> String {
    let words = options.chart_words();
    let id = bounds.framework.id.as_str();
    let title = format!("{}: {}", words.bounds, options.framework_title(id));
    let subtitle = format!("{} {}", words.total, row_words(&bounds.total, words));
    let rows_data: Vec<(&NodeBounds, String)> =
        std::iter::once((&bounds.total, words.total.clone()))
            .chain(bounds.nodes.iter().map(|n| {
                let label = options.title(n.criterion.as_str(), n.criterion.as_str());
                (n, label)
            }))
            .collect();
    let mut desc = format!("{title}.");
    for (n, label) in &rows_data {
        let _ = write!(desc, " {label}: {};", row_words(n, words));
    }
    desc.pop();
    desc.push('.');
    let mut out = open(options, "bounds", &title, &subtitle, &desc);
    let size = (f64::from(options.width()), f64::from(options.height()));
    let rows = Rows::new(size, rows_data.len(), 0.24, 0.32);
    rows.write_score_axis(&mut out, &words.score);
    for (i, (n, label)) in rows_data.iter().enumerate() {
        write_row(&mut out, &rows, i, (n, label), &row_words(n, words));
    }
    let keys = [
        Key::Swatch(RANGE_FILL, &words.possible_range),
        Key::Shape(
            Shape::Diamond,
            Paint {
                colour: BLUE,
                filled: true,
            },
            &words.current,
        ),
    ];
    write_legend(&mut out, (12.0, rows.legend_y()), size.0 - 24.0, &keys);
    close(out)
}

/// One row's mark.
fn write_row(
    out: &mut String,
    rows: &Rows,
    i: usize,
    (n, label): (&NodeBounds, &str),
    words: &str,
) {
    let _ = write!(
        out,
        r#"<g class="mark" data-id="{}"><title>{}: {}</title>"#,
        escape(n.criterion.as_str()),
        escape(label),
        escape(words)
    );
    rows.write_row_label(out, i, label, n.depth.saturating_sub(1));
    let y = rows.y(i);
    if let (Some(lo), Some(hi)) = (n.lower, n.upper) {
        let height = rows.row * 0.5;
        let (x0, x1) = (rows.x(lo), rows.x(hi));
        let _ = write!(
            out,
            r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{RANGE_FILL}" stroke="{INK}" stroke-width="1"/>"#,
            num(x0.min(x1)),
            num(y - height / 2.0),
            num((x1 - x0).abs()),
            num(height)
        );
    }
    if let Some(c) = n.current {
        let r = (rows.row * 0.22).clamp(2.0, 5.0);
        write_shape(
            out,
            Shape::Diamond,
            (rows.x(c), y),
            r,
            Paint {
                colour: BLUE,
                filled: true,
            },
        );
    }
    rows.write_row_words(out, i, words);
    out.push_str("</g>\n");
}
