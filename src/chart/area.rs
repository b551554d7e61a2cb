//! [`Area`]: one area of a profile, a criterion and what a report says
//! of it, as the radar and the bars draw it.

use super::options::ChartOptions;
use super::svg::score_text;
use crate::model::id::Id;

/// One area of a profile: a criterion and what the report says of it.
pub(crate) struct Area {
    pub id: Id,
    pub title: String,
    pub score: Option<f64>,
    pub band: Option<String>,
    pub risk: bool,
}

impl Area {
    /// The words after the area's title: its score and band, or "no
    /// score"; and "risk" when it is one.
    pub(crate) fn words(&self, options: &ChartOptions<'_>) -> String {
        let words = options.chart_words();
        let mut s = match (self.score, &self.band) {
            (Some(x), Some(band)) => format!("{} {band}", score_text(x)),
            (Some(x), None) => score_text(x),
            (None, _) => words.no_score.clone(),
        };
        if self.risk {
            s.push_str(" · ");
            s.push_str(&words.risk);
        }
        s
    }
}
