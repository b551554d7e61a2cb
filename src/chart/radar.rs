//! The radar form of a profile: one spoke per area from the top,
//! clockwise, band thresholds as dashed rings, the scores joined into a
//! polygon. The angles' sines and cosines are computed here with additions
//! and multiplications only, so the same bytes come out on every platform
//! (the platform's `sin` and `cos` may differ in the last bit).

use std::f64::consts::PI;
use std::fmt::Write as _;

use super::area::Area;
use super::svg::{
    Anchor, BLUE, GREY, HALO, INK, LIGHT, Label, Paint, RISK_TEXT, Shape, VERMILLION, chars_in,
    clamp, escape, num, write_label, write_line, write_shape,
};

/// One spoke: an area and the words after its title.
pub(crate) struct Spoke<'a> {
    pub area: &'a Area,
    pub words: String,
}

/// The sine and cosine of `k / n` of a full turn, by their Taylor series
/// around 0 after reducing the angle to [−π, π]: 30 terms leave an error
/// far below the 0.1 px the chart is written with.
pub(crate) fn sin_cos(k: usize, n: usize) -> (f64, f64) {
    if n == 0 {
        return (0.0, 1.0);
    }
    // k < n ≤ 12 here; both are far below 2^52
    #[allow(clippy::cast_precision_loss)]
    let (k, n) = (k.checked_rem(n).unwrap_or(0) as f64, n as f64);
    let turn = if 2.0 * k > n { k / n - 1.0 } else { k / n };
    let x = 2.0 * PI * turn;
    let (mut sin, mut cos) = (0.0, 0.0);
    let (mut s_term, mut c_term) = (x, 1.0);
    for i in 1..=30u8 {
        sin += s_term;
        cos += c_term;
        let a = 2.0 * f64::from(i);
        let b = a + 1.0;
        s_term *= -x * x / (a * b);
        c_term *= -x * x / ((a - 1.0) * a);
    }
    (sin, cos)
}

/// The radar's centre and radius in a chart `width` × `height`: below the
/// heading, above the legend, with room for the labels at both sides.
fn geometry((width, height): (f64, f64)) -> (f64, f64, f64) {
    let (top, bottom) = (56.0, height - 34.0);
    let side = (width * 0.28).min(200.0);
    let r = ((bottom - top) / 2.0 - 12.0)
        .min(width / 2.0 - side)
        .max(10.0);
    (width / 2.0, (top + bottom) / 2.0, r)
}

/// Writes the radar of `spokes` with the band thresholds `bands`
/// (`(from, label)`).
pub(crate) fn write_radar(
    out: &mut String,
    size: (f64, f64),
    spokes: &[Spoke<'_>],
    bands: &[(f64, String)],
) {
    let (cx, cy, r) = geometry(size);
    let n = spokes.len();
    let at = |k: usize, s: f64| {
        let (sin, cos) = sin_cos(k, n);
        let s = clamp(s, 0.0, 1.0);
        (cx + r * s * sin, cy - r * s * cos)
    };
    out.push_str(r#"<g class="grid">"#);
    let _ = write!(
        out,
        r#"<circle cx="{}" cy="{}" r="{}" fill="none" stroke="{LIGHT}" stroke-width="1"/>"#,
        num(cx),
        num(cy),
        num(r)
    );
    for k in 0..n {
        let style = format!(r#"stroke="{LIGHT}" stroke-width="1""#);
        write_line(out, (cx, cy), at(k, 1.0), &style);
    }
    out.push_str("</g>\n");
    write_rings(out, (cx, cy, r), bands);
    write_polygon(out, spokes, &at);
    write_ring_labels(out, (cx, cy, r), bands);
    for (k, spoke) in spokes.iter().enumerate() {
        write_spoke(out, (k, n), spoke, (cx, cy, r), &at);
    }
}

/// Each band threshold above 0 as a dashed ring; its label, at the top,
/// is written by [`write_ring_labels`] over the polygon.
fn write_rings(out: &mut String, (cx, cy, r): (f64, f64, f64), bands: &[(f64, String)]) {
    out.push_str(r#"<g class="bands">"#);
    for (from, _) in bands.iter().filter(|(from, _)| *from > 0.0) {
        let _ = write!(
            out,
            r#"<circle cx="{}" cy="{}" r="{}" fill="none" stroke="{GREY}" stroke-width="1" stroke-dasharray="4 3"/>"#,
            num(cx),
            num(cy),
            num(r * clamp(*from, 0.0, 1.0))
        );
    }
    out.push_str("</g>\n");
}

/// Each band threshold's label (`moderate ≥ 50.0`) beside the top of its
/// ring.
fn write_ring_labels(out: &mut String, (cx, cy, r): (f64, f64, f64), bands: &[(f64, String)]) {
    out.push_str(r#"<g class="band-labels">"#);
    for (from, label) in bands.iter().filter(|(from, _)| *from > 0.0) {
        let text = super::rows::band_threshold(label, *from);
        let label = Label {
            x: cx + 4.0,
            y: cy - r * clamp(*from, 0.0, 1.0) - 5.0,
            text: &text,
            max_chars: 24,
            anchor: Anchor::Start,
            size: 9.0,
            extra: &format!(r#" fill="{GREY}"{HALO}"#),
        };
        write_label(out, &label);
    }
    out.push_str("</g>\n");
}

/// The polygon through the scored areas' points, in spoke order (an area
/// without a score is skipped, not drawn at 0).
fn write_polygon(out: &mut String, spokes: &[Spoke<'_>], at: &dyn Fn(usize, f64) -> (f64, f64)) {
    let points: Vec<String> = spokes
        .iter()
        .enumerate()
        .filter_map(|(k, s)| s.area.score.map(|x| at(k, x)))
        .map(|(x, y)| format!("{},{}", num(x), num(y)))
        .collect();
    if points.len() >= 2 {
        let _ = write!(
            out,
            r#"<polygon class="scores" points="{}" fill="{BLUE}" fill-opacity="0.15" stroke="{BLUE}" stroke-width="2"/>"#,
            points.join(" ")
        );
    }
}

/// One spoke's mark: its point (a circle, or a triangle for a risk) and
/// its label outside the ring.
fn write_spoke(
    out: &mut String,
    (k, n): (usize, usize),
    spoke: &Spoke<'_>,
    (cx, cy, r): (f64, f64, f64),
    at: &dyn Fn(usize, f64) -> (f64, f64),
) {
    let a = spoke.area;
    let _ = write!(
        out,
        r#"<g class="mark" data-id="{}"><title>{}: {}</title>"#,
        escape(a.id.as_str()),
        escape(&a.title),
        escape(&spoke.words)
    );
    if let Some(s) = a.score {
        let (shape, colour) = if a.risk {
            (Shape::TriangleUp, VERMILLION)
        } else {
            (Shape::Circle, BLUE)
        };
        write_shape(
            out,
            shape,
            at(k, s),
            4.0,
            Paint {
                colour,
                filled: true,
            },
        );
    }
    let (sin, cos) = sin_cos(k, n);
    let (x, y) = (cx + (r + 10.0) * sin, cy - (r + 10.0) * cos);
    let anchor = if sin > 0.3 {
        Anchor::Start
    } else if sin < -0.3 {
        Anchor::End
    } else {
        Anchor::Middle
    };
    // room for the label: from its anchor to the chart's edge; a label
    // centred at the top or bottom stops short of its neighbours' labels,
    // which start (or end) about (r + 10)·sin(2π/n) to its side
    let (neighbour, _) = sin_cos(1, n);
    let room = match anchor {
        Anchor::Start => 2.0 * cx - x - 8.0,
        Anchor::End => x - 8.0,
        Anchor::Middle => (2.0 * cx - 16.0).min(1.8 * (r + 10.0) * neighbour.abs()),
    };
    let dy = if cos > 0.3 {
        -8.0
    } else if cos < -0.3 {
        8.0
    } else {
        0.0
    };
    let (colour, font) = (if a.risk { RISK_TEXT } else { INK }, 11.0);
    let extra = format!(r#" fill="{colour}" class="axis-label""#);
    let max_chars = chars_in(room, font);
    for (line, text) in [(-0.0, a.title.as_str()), (1.0, spoke.words.as_str())] {
        let label = Label {
            x,
            y: y + dy + line * 13.0 - if dy < 0.0 { 13.0 } else { 0.0 },
            text,
            max_chars,
            anchor,
            size: font,
            extra: &extra,
        };
        write_label(out, &label);
    }
    out.push_str("</g>\n");
}

#[cfg(test)]
mod tests {
    use super::sin_cos;

    #[test]
    fn sines_and_cosines_agree_with_the_platform_to_1e12() {
        for n in 1..=12 {
            for k in 0..n {
                let (s, c) = sin_cos(k, n);
                let x = 2.0 * std::f64::consts::PI * k as f64 / n as f64;
                assert!((s - x.sin()).abs() < 1e-12, "{k}/{n}");
                assert!((c - x.cos()).abs() < 1e-12, "{k}/{n}");
            }
        }
    }
}
