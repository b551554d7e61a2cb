//! The layout the row charts share (bars, progress, bounds, uncertainty):
//! a heading, one row per mark with its label on the left, a plot in the
//! middle, words on the right, and a legend at the foot; and the score
//! axis and band thresholds drawn over the plot.

use std::fmt::Write as _;

use super::svg::{
    Anchor, GREY, HALO, LIGHT, Label, chars_in, clamp, num, score_text, write_label, write_line,
};

/// Where things go in a row chart.
pub(crate) struct Rows {
    /// The chart's width and height.
    pub width: f64,
    pub height: f64,
    /// The left edge of the labels.
    pub label_x: f64,
    /// The plot's left and right edges.
    pub plot_x0: f64,
    pub plot_x1: f64,
    /// Where the words on the right start.
    pub value_x: f64,
    /// The top of the first row, and each row's height.
    pub top: f64,
    pub row: f64,
    /// The font size of the rows' texts.
    pub font: f64,
    /// The number of rows.
    pub count: usize,
}

/// The heading's height (title and subtitle).
const HEADING: f64 = 44.0;
/// The room above the rows for the axis' tick labels.
const AXIS: f64 = 18.0;
/// The room below the rows for the band labels and the legend.
const FOOT: f64 = 44.0;

impl Rows {
    /// The layout of `count` rows in a chart `width` × `height`; the plot
    /// takes the middle, between a label column of `label_share` of the
    /// width and a column of words of `value_share`.
    pub(crate) fn new(
        (width, height): (f64, f64),
        count: usize,
        label_share: f64,
        value_share: f64,
    ) -> Rows {
        let top = HEADING + AXIS;
        let room = (height - top - FOOT).max(1.0);
        // the row count of a chart is far below 2^52
        #[allow(clippy::cast_precision_loss)]
        let n = count.max(1) as f64;
        let row = (room / n).min(24.0);
        let font = clamp(row * 0.62, 6.0, 11.0);
        let label_x = 12.0;
        let plot_x0 = label_x + width * label_share;
        let value_x = width - width * value_share;
        Rows {
            width,
            height,
            label_x,
            plot_x0,
            plot_x1: (value_x - 20.0).max(plot_x0 + 1.0),
            value_x,
            top,
            row,
            font,
            count,
        }
    }

    /// The middle of row `i`.
    pub(crate) fn y(&self, i: usize) -> f64 {
        // a row index is far below 2^52
        #[allow(clippy::cast_precision_loss)]
        let i = i as f64;
        self.top + self.row * (i + 0.5)
    }

    /// The bottom of the last row.
    pub(crate) fn bottom(&self) -> f64 {
        // a row count is far below 2^52
        #[allow(clippy::cast_precision_loss)]
        let n = self.count as f64;
        self.top + self.row * n
    }

    /// Where the legend goes.
    pub(crate) fn legend_y(&self) -> f64 {
        self.height - 12.0
    }

    /// The x of score `s` in [0, 1] (clamped: a value outside is drawn at
    /// the edge and written as it is).
    pub(crate) fn x(&self, s: f64) -> f64 {
        self.plot_x0 + clamp(s, 0.0, 1.0) * (self.plot_x1 - self.plot_x0)
    }

    /// Writes a row's label: `text` indented `indent` levels, shortened to
    /// the label column.
    pub(crate) fn write_row_label(&self, out: &mut String, i: usize, text: &str, indent: usize) {
        // the depth of a criterion is at most MAX_DEPTH
        #[allow(clippy::cast_precision_loss)]
        let indent = (indent.min(8) as f64) * 8.0;
        let x = self.label_x + indent;
        let label = Label {
            x,
            y: self.y(i),
            text,
            max_chars: chars_in(self.plot_x0 - x - 8.0, self.font),
            anchor: Anchor::Start,
            size: self.font,
            extra: r#" class="row-label""#,
        };
        write_label(out, &label);
    }

    /// Writes the words on the right of row `i`.
    pub(crate) fn write_row_words(&self, out: &mut String, i: usize, text: &str) {
        let label = Label {
            x: self.value_x,
            y: self.y(i),
            text,
            max_chars: chars_in(self.width - self.value_x - 6.0, self.font),
            anchor: Anchor::Start,
            size: self.font,
            extra: r#" class="row-value""#,
        };
        write_label(out, &label);
    }

    /// Writes the score axis over the plot: grid lines at 0, 25, 50, 75
    /// and 100 with their labels above the rows, and `caption` at its
    /// left.
    pub(crate) fn write_score_axis(&self, out: &mut String, caption: &str) {
        out.push_str(r#"<g class="axis">"#);
        let (top, bottom) = (self.top - 4.0, self.bottom());
        for tick in [0u8, 25, 50, 75, 100] {
            let x = self.x(f64::from(tick) / 100.0);
            let style = format!(r#"stroke="{LIGHT}" stroke-width="1""#);
            write_line(out, (x, top), (x, bottom), &style);
            let _ = write!(
                out,
                r#"<text x="{}" y="{}" font-size="10" text-anchor="middle" fill="{GREY}">{tick}</text>"#,
                num(x),
                num(top - 4.0)
            );
        }
        let label = Label {
            x: self.plot_x0 - 6.0,
            y: top - 7.0,
            text: caption,
            max_chars: chars_in(self.plot_x0 - self.label_x - 6.0, 10.0),
            anchor: Anchor::End,
            size: 10.0,
            extra: r#" font-style="italic""#,
        };
        write_label(out, &label);
        out.push_str("</g>\n");
    }

    /// Writes each band threshold (`(from, label)`, from above 0) as a
    /// dashed line across the rows, labelled under them.
    pub(crate) fn write_bands(&self, out: &mut String, bands: &[(f64, String)]) {
        out.push_str(r#"<g class="bands">"#);
        let bottom = self.bottom();
        for (from, label) in bands.iter().filter(|(from, _)| *from > 0.0) {
            let x = self.x(*from);
            let label = band_threshold(label, *from);
            let style = format!(r#"stroke="{GREY}" stroke-width="1" stroke-dasharray="4 3""#);
            write_line(out, (x, self.top - 4.0), (x, bottom + 4.0), &style);
            let text = Label {
                x: x + 2.0,
                y: bottom + 12.0,
                text: &label,
                max_chars: 24,
                anchor: Anchor::Start,
                size: 10.0,
                extra: &format!(r#" fill="{GREY}"{HALO}"#),
            };
            write_label(out, &text);
        }
        out.push_str("</g>\n");
    }
}

/// A band's threshold as the charts label it: "moderate ≥ 50.0".
pub(crate) fn band_threshold(label: &str, from: f64) -> String {
    format!("{label} ≥ {}", score_text(from))
}
