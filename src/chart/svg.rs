//! Writing SVG text: escaping, numbers in a fixed format, shortened labels
//! with their full text in a `<title>`, the marker shapes and the
//! document's frame (title, description, patterns). Every chart is written
//! through these functions, so every chart escapes and rounds the same way.

use std::fmt::Write as _;

use super::options::ChartOptions;

/// The colours, from Okabe and Ito's palette for readers with a colour
/// vision deficiency. Colour is never the only cue: each colour goes with
/// a shape, a fill pattern or a word.
pub(crate) const BLUE: &str = "#0072B2";
pub(crate) const VERMILLION: &str = "#D55E00";
pub(crate) const GREEN: &str = "#009E73";
pub(crate) const GREY: &str = "#595959";
pub(crate) const LIGHT: &str = "#D9D9D9";
pub(crate) const INK: &str = "#1A1A1A";
/// The vermillion of a risk's words: darker than the marks', so that small
/// text keeps a contrast of 4.5:1 on white (WCAG 2 AA); it is 5.5:1.
pub(crate) const RISK_TEXT: &str = "#B34700";
/// A white outline under a text drawn over lines, so that it stays legible.
pub(crate) const HALO: &str =
    r##" stroke="#FFFFFF" stroke-width="3" stroke-linejoin="round" paint-order="stroke""##;

/// `text` with the five characters that XML gives a meaning escaped, tab
/// and line breaks as spaces, and the other control characters and the
/// non-characters U+FFFE and U+FFFF dropped (XML 1.0 does not allow most
/// of them; a label is one line).
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            // XML 1.0 allows neither (its `Char` production)
            c if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// A coordinate or length with one decimal: Rust's float formatting is
/// exact (the same digits on every platform), `-0.0` is written `0.0`, and
/// a value that is not finite (which no layout produces) is written `0.0`
/// rather than `NaN`, which is not SVG.
pub(crate) fn num(x: f64) -> String {
    if !x.is_finite() {
        return "0.0".to_owned();
    }
    let s = format!("{x:.1}");
    if s == "-0.0" { "0.0".to_owned() } else { s }
}

/// A score in [0, 1] as people read it: ×100 with one decimal, as the
/// report's table shows it.
pub(crate) fn score_text(x: f64) -> String {
    num(x * 100.0)
}

/// `x` within `[lo, hi]`; a value that is not finite goes to `lo`.
pub(crate) fn clamp(x: f64, lo: f64, hi: f64) -> f64 {
    if x.is_nan() { lo } else { x.clamp(lo, hi) }
}

/// How many characters of a sans-serif font of size `font` fit in `width`
/// pixels, taking 0.6 em as the width of a character (an estimate: the
/// core has no font metrics, and the estimate is the same everywhere).
pub(crate) fn chars_in(width: f64, font: f64) -> usize {
    let n = (width / (font * 0.6)).floor();
    if n.is_finite() && n >= 1.0 {
        // n is finite, at least 1 and at most width / 3.6 (font ≥ 6).
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let n = n as usize;
        n
    } else {
        1
    }
}

/// `text` cut to at most `max` characters, the last of them an ellipsis
/// when it was cut; `None` when it fits as it is.
pub(crate) fn shorten(text: &str, max: usize) -> Option<String> {
    if text.chars().count() <= max {
        return None;
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    Some(out)
}

/// Where a text is anchored.
#[derive(Clone, Copy)]
pub(crate) enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    fn attribute(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// One line of text.
pub(crate) struct Label<'a> {
    pub x: f64,
    pub y: f64,
    pub text: &'a str,
    /// The most characters shown; a longer text is shortened with an
    /// ellipsis and its full text put in a `<title>` (a tooltip).
    pub max_chars: usize,
    pub anchor: Anchor,
    pub size: f64,
    /// Extra attributes, written as given (already escaped).
    pub extra: &'a str,
}

/// Writes `label` as a `<text>` element.
pub(crate) fn write_label(out: &mut String, label: &Label<'_>) {
    let shown = shorten(label.text, label.max_chars);
    let _ = write!(
        out,
        r#"<text x="{}" y="{}" font-size="{}" text-anchor="{}" dominant-baseline="middle"{}>"#,
        num(label.x),
        num(label.y),
        num(label.size),
        label.anchor.attribute(),
        label.extra
    );
    match shown {
        Some(short) => {
            let _ = write!(
                out,
                "<title>{}</title>{}",
                escape(label.text),
                escape(&short)
            );
        }
        None => out.push_str(&escape(label.text)),
    }
    out.push_str("</text>");
}

/// The shapes that tell the marks apart without colour.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Shape {
    Circle,
    Square,
    Diamond,
    TriangleUp,
    TriangleDown,
    Cross,
    /// A short vertical line (a median, a threshold).
    Tick,
}

/// How a shape is painted.
#[derive(Clone, Copy)]
pub(crate) struct Paint<'a> {
    pub colour: &'a str,
    /// Filled with the colour, or white with a coloured outline.
    pub filled: bool,
}

/// Writes `shape` centred on (`x`, `y`), `r` from the centre to its edge.
pub(crate) fn write_shape(
    out: &mut String,
    shape: Shape,
    (x, y): (f64, f64),
    r: f64,
    paint: Paint<'_>,
) {
    let fill = if paint.filled {
        paint.colour
    } else {
        "#FFFFFF"
    };
    let style = format!(
        r#" fill="{fill}" stroke="{}" stroke-width="1.5""#,
        paint.colour
    );
    let p = |dx: f64, dy: f64| format!("{},{}", num(x + dx), num(y + dy));
    let _ = match shape {
        Shape::Circle => write!(
            out,
            r#"<circle cx="{}" cy="{}" r="{}"{style}/>"#,
            num(x),
            num(y),
            num(r)
        ),
        Shape::Square => {
            let side = r * 1.6;
            write!(
                out,
                r#"<rect x="{}" y="{}" width="{}" height="{}"{style}/>"#,
                num(x - side / 2.0),
                num(y - side / 2.0),
                num(side),
                num(side)
            )
        }
        Shape::Diamond => write!(
            out,
            r#"<path d="M{} L{} L{} L{} Z"{style}/>"#,
            p(0.0, -r * 1.2),
            p(r * 1.2, 0.0),
            p(0.0, r * 1.2),
            p(-r * 1.2, 0.0)
        ),
        Shape::TriangleUp => write!(
            out,
            r#"<path d="M{} L{} L{} Z"{style}/>"#,
            p(0.0, -r * 1.3),
            p(r * 1.2, r * 0.9),
            p(-r * 1.2, r * 0.9)
        ),
        Shape::TriangleDown => write!(
            out,
            r#"<path d="M{} L{} L{} Z"{style}/>"#,
            p(0.0, r * 1.3),
            p(r * 1.2, -r * 0.9),
            p(-r * 1.2, -r * 0.9)
        ),
        Shape::Cross => write!(
            out,
            r#"<path d="M{} L{} M{} L{}" fill="none" stroke="{}" stroke-width="2"/>"#,
            p(-r, -r),
            p(r, r),
            p(-r, r),
            p(r, -r),
            paint.colour
        ),
        Shape::Tick => write!(
            out,
            r#"<path d="M{} L{}" fill="none" stroke="{}" stroke-width="2"/>"#,
            p(0.0, -r * 1.3),
            p(0.0, r * 1.3),
            paint.colour
        ),
    };
}

/// A straight line.
pub(crate) fn write_line(
    out: &mut String,
    (x1, y1): (f64, f64),
    (x2, y2): (f64, f64),
    style: &str,
) {
    let _ = write!(
        out,
        r#"<line x1="{}" y1="{}" x2="{}" y2="{}" {style}/>"#,
        num(x1),
        num(y1),
        num(x2),
        num(y2)
    );
}

/// The id of the hatch pattern of a chart whose ids start with `prefix`.
pub(crate) fn hatch_id(prefix: &str) -> String {
    format!("{prefix}-hatch")
}

/// Opens a chart: the `<svg>` element of the options' size and language,
/// its `<title>` and `<desc>` (named by `aria-labelledby`), the hatch
/// pattern, a white background and the heading (the title, and `subtitle`
/// under it when not empty). The caller adds the marks and calls
/// [`close`].
pub(crate) fn open(
    options: &ChartOptions<'_>,
    kind: &str,
    title: &str,
    subtitle: &str,
    desc: &str,
) -> String {
    let (w, h) = (f64::from(options.width()), f64::from(options.height()));
    let id = escape(options.id());
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" aria-labelledby="{id}-title {id}-desc" xml:lang="{}" lang="{}" class="assessment-chart {kind}" font-family="sans-serif" fill="{INK}">"#,
        escape(options.language()),
        escape(options.language()),
        w = options.width(),
        h = options.height(),
    );
    let _ = write!(
        out,
        r#"<title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc>"#,
        escape(title),
        escape(desc)
    );
    out.push('\n');
    let _ = write!(
        out,
        r##"<defs><pattern id="{}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#FFFFFF"/><line x1="0" y1="0" x2="0" y2="6" stroke="{VERMILLION}" stroke-width="3"/></pattern></defs>"##,
        hatch_id(&id)
    );
    out.push('\n');
    let _ = write!(
        out,
        r##"<rect x="0" y="0" width="{}" height="{}" fill="#FFFFFF"/>"##,
        num(w),
        num(h)
    );
    out.push('\n');
    let heading = Label {
        x: 12.0,
        y: 16.0,
        text: title,
        max_chars: chars_in(w - 24.0, 14.0),
        anchor: Anchor::Start,
        size: 14.0,
        extra: r#" font-weight="bold" class="chart-title""#,
    };
    write_label(&mut out, &heading);
    out.push('\n');
    if !subtitle.is_empty() {
        let sub = Label {
            x: 12.0,
            y: 34.0,
            text: subtitle,
            max_chars: chars_in(w - 24.0, 11.0),
            anchor: Anchor::Start,
            size: 11.0,
            extra: r#" class="chart-subtitle""#,
        };
        write_label(&mut out, &sub);
        out.push('\n');
    }
    out
}

/// Closes a chart opened with [`open`].
pub(crate) fn close(mut out: String) -> String {
    out.push_str("</svg>\n");
    out
}

/// One entry of a legend: a shape (or a swatch) and its words.
pub(crate) enum Key<'a> {
    Shape(Shape, Paint<'a>, &'a str),
    /// A bar of the given fill (`url(#…)` or a colour).
    Swatch(&'a str, &'a str),
    /// A dashed line.
    Dashed(&'a str),
}

/// Writes a legend in one line from (`x`, `y`), at most `width` wide: each
/// key is a shape and its words, spaced by the estimated width of the
/// words; keys that do not fit are left out of the line (the description
/// says everything the legend says).
pub(crate) fn write_legend(out: &mut String, (x, y): (f64, f64), width: f64, keys: &[Key<'_>]) {
    let size = 11.0;
    let mut at = x;
    out.push_str(r#"<g class="legend">"#);
    for key in keys {
        let words = match key {
            Key::Shape(_, _, w) | Key::Swatch(_, w) | Key::Dashed(w) => *w,
        };
        let room = 22.0 + estimate(words, size);
        if at + room > x + width {
            break;
        }
        match key {
            Key::Shape(shape, paint, _) => write_shape(out, *shape, (at + 6.0, y), 4.5, *paint),
            Key::Swatch(fill, _) => {
                let _ = write!(
                    out,
                    r#"<rect x="{}" y="{}" width="12" height="8" fill="{}" stroke="{GREY}" stroke-width="0.5"/>"#,
                    num(at),
                    num(y - 4.0),
                    escape(fill)
                );
            }
            Key::Dashed(_) => write_line(
                out,
                (at, y),
                (at + 12.0, y),
                &format!(r#"stroke="{GREY}" stroke-width="1" stroke-dasharray="3 2""#),
            ),
        }
        let label = Label {
            x: at + 16.0,
            y,
            text: words,
            max_chars: usize::MAX,
            anchor: Anchor::Start,
            size,
            extra: "",
        };
        write_label(out, &label);
        at += room + 10.0;
    }
    out.push_str("</g>\n");
}

/// The estimated width of `text` in a font of size `font` (0.6 em a
/// character, as [`chars_in`]).
pub(crate) fn estimate(text: &str, font: f64) -> f64 {
    // a label has far fewer than 2^52 characters
    #[allow(clippy::cast_precision_loss)]
    let n = text.chars().count() as f64;
    n * font * 0.6
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape(r#"a & b < c > d "e" 'f'"#),
            "a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;"
        );
        assert_eq!(escape("tab\there\u{7}"), "tab here");
        assert_eq!(escape("a\u{0}b\u{FFFE}c\u{FFFF}d\né"), "abcd é");
    }

    #[test]
    fn numbers_have_one_decimal_and_no_negative_zero() {
        assert_eq!(num(0.25), "0.2"); // 0.25 is exact; round half to even
        assert_eq!(num(12.345), "12.3");
        assert_eq!(num(-0.01), "0.0");
        assert_eq!(num(f64::NAN), "0.0");
        assert_eq!(score_text(0.6667), "66.7");
    }

    #[test]
    fn shortens_with_an_ellipsis() {
        assert_eq!(shorten("abcdef", 6), None);
        assert_eq!(shorten("abcdefg", 6).as_deref(), Some("abcde…"));
        assert_eq!(chars_in(60.0, 10.0), 10);
        assert_eq!(chars_in(0.0, 10.0), 1);
    }
}
