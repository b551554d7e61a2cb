//! Charts as SVG text (SPEC §9): the keyword arguments every `chart`
//! method takes, turned into the crate's `ChartOptions`. The charts
//! themselves are the crate's functions, called as they are.

use assessment_model::chart::{ChartOptions, ChartWords};
use pyo3::prelude::*;

use crate::convert::from_object;
use crate::errors::{Class, OrRaise};
use crate::localization::PyLocalized;

/// The keyword arguments of a chart: its size, the `Localized` texts of
/// its titles and band labels, its own words (a dict of `ChartWords`
/// fields) and the prefix of its ids.
pub(crate) struct ChartArgs<'a, 'py> {
    pub width: u32,
    pub height: u32,
    pub texts: Option<&'a PyLocalized>,
    pub words: Option<&'a Bound<'py, PyAny>>,
    pub id_prefix: Option<String>,
}

impl ChartArgs<'_, '_> {
    /// The default arguments of `_repr_svg_`: 640 × `height`, the
    /// framework's own texts, English words.
    pub(crate) fn shown(height: u32) -> ChartArgs<'static, 'static> {
        ChartArgs {
            width: 640,
            height,
            texts: None,
            words: None,
            id_prefix: None,
        }
    }

    /// Calls `draw` with the options these arguments give. Raises
    /// `ValidationError` when `words` is not a dict of known words.
    pub(crate) fn draw<R>(
        &self,
        py: Python<'_>,
        draw: impl FnOnce(&ChartOptions<'_>) -> R,
    ) -> PyResult<R> {
        let mut options = ChartOptions::new(self.width, self.height);
        if let Some(words) = self.words {
            let words: ChartWords = from_object(words).or_raise(py, Class::Validation)?;
            options = options.words(words);
        }
        if let Some(prefix) = &self.id_prefix {
            options = options.id_prefix(prefix.clone());
        }
        match self.texts {
            Some(texts) => texts.with(py, |l| draw(&options.texts(l))),
            None => Ok(draw(&options)),
        }
    }
}

/// The height `_repr_svg_` gives a chart of `rows` rows: 480 px, or more
/// when the rows need it, so that each row has 20 px.
pub(crate) fn height_for(rows: usize) -> u32 {
    let needed = rows.saturating_mul(20).saturating_add(130);
    u32::try_from(needed).unwrap_or(u32::MAX).max(480)
}
