//! [`profile`] and [`group_profile`]: a report's scores over its top-level
//! areas, or over one group's children, as a radar for 3 to 12 areas and
//! as horizontal bars otherwise ([SPEC](crate::spec) §9.1).

use std::collections::HashSet;
use std::fmt::Write as _;

use super::area::Area;
use super::options::ChartOptions;
use super::radar::{Spoke, write_radar};
use super::rows::Rows;
use super::svg::{
    BLUE, INK, Key, Paint, Shape, VERMILLION, close, escape, hatch_id, num, open, score_text,
    write_legend, write_line, write_shape,
};
use crate::model::id::Id;
use crate::model::issue::{Issue, IssueKind, ValidationError};
use crate::report::Report;
use crate::report::views::NodeScore;

/// The fewest and the most areas drawn as a radar; other counts are bars.
pub(crate) const RADAR_AREAS: (usize, usize) = (3, 12);

/// The profile of `report` over its top-level criteria: a radar when there
/// are 3 to 12 of them, horizontal bars otherwise. One mark per area
/// (`<g class="mark">`, with the area's title, score, band and risk in its
/// `<title>`), the band thresholds as dashed rings or lines with their
/// labels, risks marked by a triangle, a hatched fill and the word.
///
/// # Examples
///
/// ```
/// use assessment_model::{Scorer, chart};
/// use assessment_model::catalog::good_practice;
///
/// let report = Scorer::new(&good_practice::criteria())?.score(&good_practice::worked_example())?;
/// let svg = chart::profile(&report, &chart::ChartOptions::new(640, 480));
/// assert!(svg.starts_with("<svg "));
/// assert_eq!(svg.matches(r#"<g class="mark""#).count(), report.nodes().filter(|n| n.depth() == 1).count());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn profile(report: &Report, options: &ChartOptions<'_>) -> String {
    let risks = risk_ids(report);
    let areas: Vec<Area> = report
        .nodes()
        .filter(|n| n.depth() == 1)
        .map(|n| area(report, n, &risks, options))
        .collect();
    let heading = options.framework_title(report.framework_title());
    let total = total_words(report, options);
    draw(report, &areas, options, (&heading, &total))
}

/// The profile of `report` over the children of criterion `group`, as
/// [`profile`] draws the top-level criteria. A leaf has no children: its
/// chart has no marks, and its description only the heading.
///
/// # Errors
///
/// [`ValidationError`] with one issue, `unknown-criterion` at `/group`,
/// when the framework has no criterion `group`.
///
/// # Examples
///
/// ```
/// use assessment_model::{Scorer, chart};
/// use assessment_model::catalog::good_practice;
///
/// let report = Scorer::new(&good_practice::criteria())?.score(&good_practice::worked_example())?;
/// let svg = chart::group_profile(&report, "q9", &chart::ChartOptions::default())?;
/// let children = report.nodes().filter(|n| n.parent().map(|p| p.as_str()) == Some("q9")).count();
/// assert_eq!(svg.matches(r#"<g class="mark""#).count(), children);
/// let err = chart::group_profile(&report, "q99", &chart::ChartOptions::default()).unwrap_err();
/// assert_eq!(err.issues()[0].path, "/group");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn group_profile(
    report: &Report,
    group: &str,
    options: &ChartOptions<'_>,
) -> Result<String, ValidationError> {
    let Some(node) = report.node(group) else {
        let kind = IssueKind::UnknownCriterion {
            id: group.to_owned(),
        };
        return Err(ValidationError::new(vec![Issue::new("/group", kind)]));
    };
    let risks = risk_ids(report);
    let areas: Vec<Area> = report
        .nodes()
        .filter(|n| n.parent() == Some(node.id()))
        .map(|n| area(report, n, &risks, options))
        .collect();
    let heading = options.title(node.id().as_str(), node.title());
    let own = area(report, node, &risks, options);
    Ok(draw(
        report,
        &areas,
        options,
        (&heading, &own.words(options)),
    ))
}

/// The ids of the report's risks, looked up once per area.
fn risk_ids(report: &Report) -> HashSet<&Id> {
    report.risks().into_iter().map(|r| r.criterion).collect()
}

/// The area of node `n`.
fn area(
    report: &Report,
    n: NodeScore<'_>,
    risks: &HashSet<&Id>,
    options: &ChartOptions<'_>,
) -> Area {
    let band = n.band().map(|b| band_label(report, b, options));
    Area {
        id: n.id().clone(),
        title: options.title(n.id().as_str(), n.title()),
        score: n.score(),
        band,
        risk: risks.contains(n.id()),
    }
}

/// The label of band `id` of the report's framework, in the options'
/// language.
fn band_label(report: &Report, id: &Id, options: &ChartOptions<'_>) -> String {
    let own = report
        .bands()
        .iter()
        .find(|b| b.id == *id)
        .map_or(id.as_str(), |b| b.label.as_str());
    options.band_label(id.as_str(), own)
}

/// The total's words: "Total 64.2 moderate".
fn total_words(report: &Report, options: &ChartOptions<'_>) -> String {
    let words = options.chart_words();
    let band = report.band().map(|b| band_label(report, b, options));
    let value = match (report.total().score(), band) {
        (Some(x), Some(band)) => format!("{} {band}", score_text(x)),
        (Some(x), None) => score_text(x),
        (None, _) => words.no_score.clone(),
    };
    format!("{} {value}", words.total)
}

/// The chart of `areas`: its frame, then a radar or bars.
fn draw(
    report: &Report,
    areas: &[Area],
    options: &ChartOptions<'_>,
    (heading, summary): (&str, &str),
) -> String {
    let words = options.chart_words();
    let title = format!("{}: {}", words.profile, report.subject().name);
    let subtitle = format!("{heading} — {summary}");
    let desc = description(areas, options, (&title, &subtitle));
    let bands: Vec<(f64, String)> = report
        .bands()
        .iter()
        .map(|b| (b.from, options.band_label(b.id.as_str(), &b.label)))
        .collect();
    let mut out = open(options, "profile", &title, &subtitle, &desc);
    let size = (f64::from(options.width()), f64::from(options.height()));
    let radar = (RADAR_AREAS.0..=RADAR_AREAS.1).contains(&areas.len());
    if radar {
        let spokes: Vec<Spoke<'_>> = areas
            .iter()
            .map(|a| Spoke {
                area: a,
                words: a.words(options),
            })
            .collect();
        write_radar(&mut out, size, &spokes, &bands);
    } else {
        write_bars(&mut out, size, areas, &bands, options);
    }
    let score_key = if radar {
        Key::Shape(
            Shape::Circle,
            Paint {
                colour: BLUE,
                filled: true,
            },
            &words.score,
        )
    } else {
        Key::Swatch(BLUE, &words.score)
    };
    // a risk is a triangle in both forms (a bar of 0 shows no hatching)
    let risk_key = Key::Shape(
        Shape::TriangleUp,
        Paint {
            colour: VERMILLION,
            filled: true,
        },
        &words.risk,
    );
    // the legend names what the chart shows: risks and thresholds only
    // when it has them
    let mut keys = vec![score_key];
    if areas.iter().any(|a| a.risk) {
        keys.push(risk_key);
    }
    if bands.iter().any(|(from, _)| *from > 0.0) {
        keys.push(Key::Dashed(&words.band_threshold));
    }
    write_legend(&mut out, (12.0, size.1 - 12.0), size.0 - 24.0, &keys);
    close(out)
}

/// The description: the title and heading, then each area with its words
/// (a risk's words say so).
fn description(
    areas: &[Area],
    options: &ChartOptions<'_>,
    (title, subtitle): (&str, &str),
) -> String {
    let mut desc = format!("{title}. {subtitle}.");
    for a in areas {
        let _ = write!(desc, " {}: {};", a.title, a.words(options));
    }
    if !areas.is_empty() {
        desc.pop();
        desc.push('.');
    }
    desc
}

/// The bars: one row per area, the bar's length its score, a risk's bar
/// hatched and marked with a triangle.
fn write_bars(
    out: &mut String,
    size: (f64, f64),
    areas: &[Area],
    bands: &[(f64, String)],
    options: &ChartOptions<'_>,
) {
    let rows = Rows::new(size, areas.len(), 0.34, 0.2);
    rows.write_score_axis(out, &options.chart_words().score);
    rows.write_bands(out, bands);
    let hatch = format!("url(#{})", hatch_id(&escape(options.id())));
    for (i, a) in areas.iter().enumerate() {
        let _ = write!(
            out,
            r#"<g class="mark" data-id="{}"><title>{}: {}</title>"#,
            escape(a.id.as_str()),
            escape(&a.title),
            escape(&a.words(options))
        );
        rows.write_row_label(out, i, &a.title, 0);
        if let Some(s) = a.score {
            let (fill, stroke) = if a.risk {
                (hatch.as_str(), VERMILLION)
            } else {
                (BLUE, INK)
            };
            let height = rows.row * 0.6;
            let _ = write!(
                out,
                r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{fill}" stroke="{stroke}" stroke-width="0.5"/>"#,
                num(rows.x(0.0)),
                num(rows.y(i) - height / 2.0),
                num(rows.x(s) - rows.x(0.0)),
                num(height)
            );
            // the bar's end, so that a score of 0 shows too
            let y = rows.y(i);
            let style = format!(r#"stroke="{INK}" stroke-width="2""#);
            write_line(
                out,
                (rows.x(s), y - height / 2.0 - 2.0),
                (rows.x(s), y + height / 2.0 + 2.0),
                &style,
            );
        }
        if a.risk {
            let paint = Paint {
                colour: VERMILLION,
                filled: true,
            };
            write_shape(
                out,
                Shape::TriangleUp,
                (rows.value_x - 6.0, rows.y(i)),
                rows.font * 0.4,
                paint,
            );
        }
        rows.write_row_words(out, i, &a.words(options));
        out.push_str("</g>\n");
    }
}
