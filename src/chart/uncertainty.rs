//! [`uncertainty`]: each member's score and rank interval over the
//! samples, with its nominal score and rank ([SPEC](crate::spec) §9.3).

use std::fmt::Write as _;

use super::options::{ChartOptions, ChartWords};
use super::rows::Rows;
use super::svg::{
    Anchor, BLUE, GREY, INK, Key, LIGHT, Label, Paint, Shape, close, escape, num, open, score_text,
    write_label, write_legend, write_line, write_shape,
};
use crate::analysis::{MemberUncertainty, UncertaintyReport};

/// The words of a member: "score 52.0 (median 52.1, 46.3–57.5) rank 1
/// (median 1, 1–2)".
fn member_words(m: &MemberUncertainty, words: &ChartWords) -> String {
    let nominal = m
        .nominal_score
        .map_or_else(|| words.no_score.clone(), score_text);
    let mut s = format!("{} {nominal}", words.score);
    if let Some(sp) = m.score {
        let _ = write!(
            s,
            " ({} {}, {}–{})",
            words.median,
            score_text(sp.median),
            score_text(sp.p05),
            score_text(sp.p95)
        );
    }
    if let Some(rank) = m.nominal_rank {
        let _ = write!(s, ", {} {rank}", words.rank);
        if let Some(r) = m.rank {
            let _ = write!(s, " ({} {}, {}–{})", words.median, r.median, r.p05, r.p95);
        }
    }
    s
}

/// The short words at the right of a member's row: "rank 2 [1–3]".
fn rank_words(m: &MemberUncertainty, words: &ChartWords) -> String {
    match (m.nominal_rank, m.rank) {
        (Some(n), Some(r)) => format!("{} {n} [{}–{}]", words.rank, r.p05, r.p95),
        (Some(n), None) => format!("{} {n}", words.rank),
        _ => words.no_score.clone(),
    }
}

/// The two panels' x ranges: scores on the left, ranks on the right.
struct Panels {
    score: (f64, f64),
    rank: (f64, f64),
    /// The largest rank drawn (the number of members, at least 2).
    last: f64,
}

impl Panels {
    fn new(rows: &Rows, members: usize) -> Panels {
        let mid = (rows.plot_x0 + rows.plot_x1) / 2.0;
        // a cohort has far fewer than 2^52 members
        #[allow(clippy::cast_precision_loss)]
        let last = members.max(2) as f64;
        Panels {
            score: (rows.plot_x0, mid - 24.0),
            rank: (mid + 24.0, rows.plot_x1),
            last,
        }
    }

    fn score_x(&self, s: f64) -> f64 {
        self.score.0 + super::svg::clamp(s, 0.0, 1.0) * (self.score.1 - self.score.0)
    }

    /// Rank 1 at the left, the last rank at the right.
    fn rank_x(&self, rank: usize) -> f64 {
        // ranks are at most the number of members
        #[allow(clippy::cast_precision_loss)]
        let r = super::svg::clamp(rank as f64, 1.0, self.last);
        self.rank.0 + (r - 1.0) / (self.last - 1.0) * (self.rank.1 - self.rank.0)
    }
}

/// The uncertainty of a cohort's scores and ranks: one row per member,
/// ordered by nominal rank (members without one last, each group in the
/// order given). On the left the score, on the right the rank (1 at the
/// left): each as a thick line from the 5th to the 95th percentile, a
/// black tick at the median and a hollow diamond at the nominal value; the words at
/// the right give the nominal rank and its interval, the mark's
/// `<title>` every number. One mark per member (`<g class="mark">`).
///
/// # Examples
///
/// ```
/// use assessment_model::{Assessment, RatingValue, Scorer, Subject, Uncertainty, UncertaintySpec, chart};
/// use assessment_model::catalog::good_practice;
///
/// let framework = good_practice::criteria();
/// let scorer = Scorer::new(&framework)?;
/// let mut other = Assessment::new(framework.exact_ref(), Subject::new("Another practice"));
/// other.rate("q9-3", RatingValue::Met)?;
/// let members = [good_practice::worked_example(), other];
/// let result = Uncertainty::new(&scorer, UncertaintySpec::new().level(1, 0.3))
///     .seed(7)
///     .samples(64)
///     .run(&members)?;
/// let svg = chart::uncertainty(&result, &chart::ChartOptions::default());
/// assert_eq!(svg.matches(r#"<g class="mark""#).count(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn uncertainty(result: &UncertaintyReport, options: &ChartOptions<'_>) -> String {
    let words = options.chart_words();
    let version = result.framework.version.to_string();
    let title = format!(
        "{}: {} {}",
        words.uncertainty,
        result.framework.id,
        version.trim_start_matches('=')
    );
    let subtitle = format!("N = {}, seed {}", result.samples, result.seed);
    let mut members: Vec<&MemberUncertainty> = result.members.iter().collect();
    members.sort_by_key(|m| m.nominal_rank.unwrap_or(usize::MAX));
    let mut desc = format!("{title}. {subtitle}.");
    for m in &members {
        let _ = write!(desc, " {}: {};", m.subject, member_words(m, words));
    }
    desc.pop();
    desc.push('.');
    let mut out = open(options, "uncertainty", &title, &subtitle, &desc);
    let size = (f64::from(options.width()), f64::from(options.height()));
    let rows = Rows::new(size, members.len(), 0.22, 0.16);
    let panels = Panels::new(&rows, members.len());
    write_axes(&mut out, &rows, &panels, words);
    for (i, m) in members.iter().enumerate() {
        write_member(&mut out, &rows, &panels, i, m, words);
    }
    let keys = [
        Key::Swatch(BLUE, &words.percentiles),
        Key::Shape(
            Shape::Tick,
            Paint {
                colour: INK,
                filled: true,
            },
            &words.median,
        ),
        Key::Shape(
            Shape::Diamond,
            Paint {
                colour: INK,
                filled: false,
            },
            &words.nominal,
        ),
    ];
    write_legend(&mut out, (12.0, rows.legend_y()), size.0 - 24.0, &keys);
    close(out)
}

/// The two axes: scores 0, 50, 100 and ranks from 1 to the last (every
/// rank up to 10 members, else the first, middle and last).
fn write_axes(out: &mut String, rows: &Rows, panels: &Panels, words: &ChartWords) {
    out.push_str(r#"<g class="axis">"#);
    let (top, bottom) = (rows.top - 4.0, rows.bottom());
    let mut ticks: Vec<(f64, String)> = [0u8, 50, 100]
        .iter()
        .map(|&t| (panels.score_x(f64::from(t) / 100.0), t.to_string()))
        .collect();
    // the last rank is a count of members, stored as a float
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let last = panels.last as usize;
    let ranks: Vec<usize> = if last <= 10 {
        (1..=last).collect()
    } else {
        vec![1, last.div_ceil(2), last]
    };
    ticks.extend(ranks.into_iter().map(|r| (panels.rank_x(r), r.to_string())));
    for (x, text) in &ticks {
        let style = format!(r#"stroke="{LIGHT}" stroke-width="1""#);
        write_line(out, (*x, top), (*x, bottom), &style);
        let _ = write!(
            out,
            r#"<text x="{}" y="{}" font-size="10" text-anchor="middle" fill="{GREY}">{text}</text>"#,
            num(*x),
            num(top - 4.0)
        );
    }
    for (x, caption) in [(panels.score.0, &words.score), (panels.rank.0, &words.rank)] {
        let label = Label {
            x: x - 6.0,
            y: top - 7.0,
            text: caption,
            max_chars: 12,
            anchor: Anchor::End,
            size: 10.0,
            extra: r#" font-style="italic""#,
        };
        write_label(out, &label);
    }
    out.push_str("</g>\n");
}

/// One member's mark: its two intervals, medians and nominal values.
fn write_member(
    out: &mut String,
    rows: &Rows,
    panels: &Panels,
    i: usize,
    m: &MemberUncertainty,
    words: &ChartWords,
) {
    let _ = write!(
        out,
        r#"<g class="mark"><title>{}: {}</title>"#,
        escape(&m.subject),
        escape(&member_words(m, words))
    );
    rows.write_row_label(out, i, &m.subject, 0);
    let y = rows.y(i);
    let r = (rows.row * 0.22).clamp(2.0, 5.0);
    let thick = format!(
        r#"stroke="{BLUE}" stroke-width="{}" stroke-linecap="butt""#,
        num(r)
    );
    let nominal = Paint {
        colour: INK,
        filled: false,
    };
    let median = Paint {
        colour: INK,
        filled: true,
    };
    if let Some(s) = m.score {
        write_line(
            out,
            (panels.score_x(s.p05), y),
            (panels.score_x(s.p95), y),
            &thick,
        );
    }
    if let Some(s) = m.nominal_score {
        write_shape(out, Shape::Diamond, (panels.score_x(s), y), r, nominal);
    }
    if let Some(s) = m.score {
        write_shape(out, Shape::Tick, (panels.score_x(s.median), y), r, median);
    }
    if let Some(k) = m.rank {
        write_line(
            out,
            (panels.rank_x(k.p05), y),
            (panels.rank_x(k.p95), y),
            &thick,
        );
    }
    if let Some(k) = m.nominal_rank {
        write_shape(out, Shape::Diamond, (panels.rank_x(k), y), r, nominal);
    }
    if let Some(k) = m.rank {
        write_shape(out, Shape::Tick, (panels.rank_x(k.median), y), r, median);
    }
    rows.write_row_words(out, i, &rank_words(m, words));
    out.push_str("</g>\n");
}
