//! Charts as SVG text (SPEC §9): the crate's `chart` functions over a
//! report, a progress or bounds, with the chart's size, ids and words from
//! an options object and its criterion titles from a `Localized`.

use assessment_model::chart::{self, ChartOptions, ChartWords};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

use crate::analysis::{JsBounds, JsProgress};
use crate::convert::from_value;
use crate::errors::{Class, OrThrow};
use crate::localization::JsLocalized;
use crate::report::JsReport;

/// The options object JS passes: every field optional.
#[derive(Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "camelCase")]
struct Options {
    width: Option<u32>,
    height: Option<u32>,
    id_prefix: Option<String>,
    words: Option<ChartWords>,
}

/// Calls `draw` with the crate's options made of `options` (an object, or
/// `undefined` / `null` for the defaults: 640×480, English words) and
/// `texts`. An options object that does not read throws
/// `ValidationError` at its path.
fn with_options<R>(
    options: &Option<JsValue>,
    texts: Option<&JsLocalized>,
    draw: impl FnOnce(&ChartOptions<'_>) -> Result<R, JsValue>,
) -> Result<R, JsValue> {
    let given: Options = match options {
        Some(o) if !o.is_null() && !o.is_undefined() => {
            from_value(o).or_throw(Class::Validation)?
        }
        _ => Options::default(),
    };
    let defaults = ChartOptions::default();
    let mut made = ChartOptions::new(
        given.width.unwrap_or(defaults.width()),
        given.height.unwrap_or(defaults.height()),
    );
    if let Some(prefix) = given.id_prefix {
        made = made.id_prefix(prefix);
    }
    if let Some(words) = given.words {
        made = made.words(words);
    }
    match texts {
        Some(texts) => texts.with(|l| draw(&made.texts(l)))?,
        None => draw(&made),
    }
}

/// A report over its top-level areas as SVG text: a radar for 3 to 12
/// areas, horizontal bars otherwise, band thresholds and risks marked.
#[wasm_bindgen(js_name = "profileChart")]
pub fn profile_chart(
    report: &JsReport,
    #[wasm_bindgen(unchecked_param_type = "res.ChartOptions")] options: Option<JsValue>,
) -> Result<String, JsValue> {
    with_options(&options, None, |o| Ok(chart::profile(&report.inner, o)))
}

/// `profileChart` with the criterion titles and band labels in the
/// language of `texts`.
#[wasm_bindgen(js_name = "profileChartIn")]
pub fn profile_chart_in(
    report: &JsReport,
    texts: &JsLocalized,
    #[wasm_bindgen(unchecked_param_type = "res.ChartOptions")] options: Option<JsValue>,
) -> Result<String, JsValue> {
    with_options(&options, Some(texts), |o| {
        Ok(chart::profile(&report.inner, o))
    })
}

/// The profile of one group's children; throws `ValidationError`
/// (`unknown-criterion` at `/group`) when the framework has no such
/// criterion.
#[wasm_bindgen(js_name = "groupProfileChart")]
pub fn group_profile_chart(
    report: &JsReport,
    group: &str,
    #[wasm_bindgen(unchecked_param_type = "res.ChartOptions")] options: Option<JsValue>,
) -> Result<String, JsValue> {
    with_options(&options, None, |o| {
        chart::group_profile(&report.inner, group, o).or_throw(Class::Validation)
    })
}

/// `groupProfileChart` in the language of `texts`.
#[wasm_bindgen(js_name = "groupProfileChartIn")]
pub fn group_profile_chart_in(
    report: &JsReport,
    group: &str,
    texts: &JsLocalized,
    #[wasm_bindgen(unchecked_param_type = "res.ChartOptions")] options: Option<JsValue>,
) -> Result<String, JsValue> {
    with_options(&options, Some(texts), |o| {
        chart::group_profile(&report.inner, group, o).or_throw(Class::Validation)
    })
}

/// A progress as SVG text: baseline against current per node, how each
/// moved by shape and word.
#[wasm_bindgen(js_name = "progressChart")]
pub fn progress_chart(
    progress: &JsProgress,
    #[wasm_bindgen(unchecked_param_type = "res.ChartOptions")] options: Option<JsValue>,
) -> Result<String, JsValue> {
    with_options(&options, None, |o| Ok(chart::progress(&progress.inner, o)))
}

/// `progressChart` in the language of `texts`.
#[wasm_bindgen(js_name = "progressChartIn")]
pub fn progress_chart_in(
    progress: &JsProgress,
    texts: &JsLocalized,
    #[wasm_bindgen(unchecked_param_type = "res.ChartOptions")] options: Option<JsValue>,
) -> Result<String, JsValue> {
    with_options(&options, Some(texts), |o| {
        Ok(chart::progress(&progress.inner, o))
    })
}

/// Bounds as SVG text: each node's `[lower, upper]` with its current
/// score.
#[wasm_bindgen(js_name = "boundsChart")]
pub fn bounds_chart(
    bounds: &JsBounds,
    #[wasm_bindgen(unchecked_param_type = "res.ChartOptions")] options: Option<JsValue>,
) -> Result<String, JsValue> {
    with_options(&options, None, |o| Ok(chart::bounds(&bounds.inner, o)))
}

/// `boundsChart` in the language of `texts`.
#[wasm_bindgen(js_name = "boundsChartIn")]
pub fn bounds_chart_in(
    bounds: &JsBounds,
    texts: &JsLocalized,
    #[wasm_bindgen(unchecked_param_type = "res.ChartOptions")] options: Option<JsValue>,
) -> Result<String, JsValue> {
    with_options(&options, Some(texts), |o| {
        Ok(chart::bounds(&bounds.inner, o))
    })
}
