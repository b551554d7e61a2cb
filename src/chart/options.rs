//! [`ChartOptions`]: a chart's size, the language of its texts and its
//! own words ([`ChartWords`]), passed by value as a builder.

use serde::{Deserialize, Serialize};

use crate::localization::localized::Localized;

/// The words a chart writes that are not a framework's texts (axis names,
/// the legend, the statuses), in one language. The default is English; a
/// caller that shows a chart in another language gives its own words, as
/// the framework's texts come from a [`Localized`]. Its serialised form is
/// an object of these fields; a field left out keeps its English word, and
/// an unknown field is an error (a misspelt word would silently stay
/// English).
///
/// # Examples
///
/// ```
/// use assessment_model::chart::ChartWords;
///
/// let mut words = ChartWords::default();
/// assert_eq!(words.risk, "risk");
/// words.risk = "Risiko".into();
/// words.total = "Gesamt".into();
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct ChartWords {
    /// The name of the profile chart: "Profile".
    pub profile: String,
    /// The name of the progress chart: "Progress".
    pub progress: String,
    /// The name of the uncertainty chart: "Uncertainty".
    pub uncertainty: String,
    /// The name of the bounds chart: "Bounds".
    pub bounds: String,
    /// The whole framework's row: "Total".
    pub total: String,
    /// The score axis: "score".
    pub score: String,
    /// The rank axis: "rank".
    pub rank: String,
    /// A risk (rule 8): "risk".
    pub risk: String,
    /// A node without a score: "no score".
    pub no_score: String,
    /// The earlier report: "baseline".
    pub baseline: String,
    /// The later report, or the score as the assessment stands: "current".
    pub current: String,
    /// [`ProgressStatus::Improved`](crate::analysis::ProgressStatus::Improved): "improved".
    pub improved: String,
    /// [`ProgressStatus::Regressed`](crate::analysis::ProgressStatus::Regressed): "regressed".
    pub regressed: String,
    /// [`ProgressStatus::Unchanged`](crate::analysis::ProgressStatus::Unchanged): "unchanged".
    pub unchanged: String,
    /// [`ProgressStatus::NewlyScored`](crate::analysis::ProgressStatus::NewlyScored): "newly scored".
    pub newly_scored: String,
    /// [`ProgressStatus::NoLongerScored`](crate::analysis::ProgressStatus::NoLongerScored): "no longer scored".
    pub no_longer_scored: String,
    /// [`RiskStatus::Resolved`](crate::analysis::RiskStatus::Resolved): "risk resolved".
    pub risk_resolved: String,
    /// [`RiskStatus::New`](crate::analysis::RiskStatus::New): "new risk".
    pub risk_new: String,
    /// [`RiskStatus::Persisting`](crate::analysis::RiskStatus::Persisting): "risk persists".
    pub risk_persisting: String,
    /// The interval of a bound: "possible range".
    pub possible_range: String,
    /// The nominal score or rank: "nominal".
    pub nominal: String,
    /// The median over the samples: "median".
    pub median: String,
    /// The interval over the samples: "5th–95th percentile".
    pub percentiles: String,
    /// A band's threshold, drawn as a dashed line or ring: "band threshold".
    pub band_threshold: String,
}

impl Default for ChartWords {
    fn default() -> ChartWords {
        let s = str::to_owned;
        ChartWords {
            profile: s("Profile"),
            progress: s("Progress"),
            uncertainty: s("Uncertainty"),
            bounds: s("Bounds"),
            total: s("Total"),
            score: s("score"),
            rank: s("rank"),
            risk: s("risk"),
            no_score: s("no score"),
            baseline: s("baseline"),
            current: s("current"),
            improved: s("improved"),
            regressed: s("regressed"),
            unchanged: s("unchanged"),
            newly_scored: s("newly scored"),
            no_longer_scored: s("no longer scored"),
            risk_resolved: s("risk resolved"),
            risk_new: s("new risk"),
            risk_persisting: s("risk persists"),
            possible_range: s("possible range"),
            nominal: s("nominal"),
            median: s("median"),
            percentiles: s("5th–95th percentile"),
            band_threshold: s("band threshold"),
        }
    }
}

/// How a chart is drawn: its size in pixels, the language of its texts
/// (criterion titles and band labels through a [`Localized`], the chart's
/// own words through [`ChartWords`]) and the prefix of the ids inside it.
/// A by-value builder: each method returns the options changed.
///
/// The size is fixed by the caller and kept within 160×120 and
/// 4096×4096: a smaller or larger size is raised or lowered to the nearest
/// of those (the chart's layout needs room for a heading and a legend).
///
/// # Examples
///
/// ```
/// use assessment_model::chart::ChartOptions;
///
/// let options = ChartOptions::new(800, 500).id_prefix("gp-chart");
/// assert_eq!((options.width(), options.height()), (800, 500));
/// assert_eq!(ChartOptions::new(10, 10_000).width(), 160);
/// assert_eq!(ChartOptions::new(10, 10_000).height(), 4096);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct ChartOptions<'a> {
    width: u32,
    height: u32,
    texts: Option<&'a Localized<'a>>,
    words: ChartWords,
    id_prefix: String,
}

impl Default for ChartOptions<'_> {
    /// 640×480, the framework's own texts, English words, ids prefixed
    /// `assessment-chart`.
    fn default() -> Self {
        ChartOptions::new(640, 480)
    }
}

impl<'a> ChartOptions<'a> {
    /// The smallest width and height.
    pub const MIN_SIZE: (u32, u32) = (160, 120);
    /// The largest width and height.
    pub const MAX_SIZE: (u32, u32) = (4096, 4096);

    /// Options for a chart `width` × `height` pixels (kept within
    /// [`ChartOptions::MIN_SIZE`] and [`ChartOptions::MAX_SIZE`]), with the
    /// framework's own texts and English words.
    pub fn new(width: u32, height: u32) -> ChartOptions<'a> {
        ChartOptions {
            width: width.clamp(Self::MIN_SIZE.0, Self::MAX_SIZE.0),
            height: height.clamp(Self::MIN_SIZE.1, Self::MAX_SIZE.1),
            texts: None,
            words: ChartWords::default(),
            id_prefix: "assessment-chart".to_owned(),
        }
    }

    /// The criterion titles and band labels in the language of `texts`, by
    /// its fallback order ([SPEC](crate::spec) §7.6); a title that fell
    /// back is followed by its language in brackets, as a report's table
    /// shows it. Also sets the chart's `xml:lang` to the requested
    /// language. Give the `Localized` of the framework the data was scored
    /// against.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{Localization, Scorer, chart};
    /// use assessment_model::localization::{Localized, TitledText};
    /// use assessment_model::model::LanguageTag;
    /// use assessment_model::catalog::good_practice;
    ///
    /// let framework = good_practice::criteria();
    /// let report = Scorer::new(&framework)?.score(&good_practice::worked_example())?;
    /// // A localization written for this example: one title in German.
    /// let mut de = Localization::new("gp-de".parse()?, framework.compatible_ref(), "de".parse()?);
    /// de.criteria.insert("sustainability".parse()?, TitledText::title("Nachhaltigkeit"));
    /// let texts = Localized::new(&framework, &[&de], &LanguageTag::new("de")?)?;
    /// let svg = chart::profile(&report, &chart::ChartOptions::new(640, 480).texts(&texts));
    /// assert!(svg.contains(r#"xml:lang="de""#));
    /// assert!(svg.contains("Nachhaltigkeit"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn texts(mut self, texts: &'a Localized<'a>) -> ChartOptions<'a> {
        self.texts = Some(texts);
        self
    }

    /// The chart's own words.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::chart::{ChartOptions, ChartWords};
    ///
    /// let mut words = ChartWords::default();
    /// words.total = "Gesamt".into();
    /// let options = ChartOptions::new(640, 480).words(words);
    /// assert_eq!(options.chart_words().total, "Gesamt");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn words(mut self, words: ChartWords) -> ChartOptions<'a> {
        self.words = words;
        self
    }

    /// The prefix of the ids inside the chart (its title, description and
    /// pattern), so that several charts on one page keep their ids apart.
    pub fn id_prefix(mut self, prefix: impl Into<String>) -> ChartOptions<'a> {
        self.id_prefix = prefix.into();
        self
    }

    /// The width in pixels.
    pub fn width(&self) -> u32 {
        self.width
    }

    /// The height in pixels.
    pub fn height(&self) -> u32 {
        self.height
    }

    /// The chart's own words.
    pub fn chart_words(&self) -> &ChartWords {
        &self.words
    }

    /// The prefix of the ids inside the chart.
    pub(crate) fn id(&self) -> &str {
        &self.id_prefix
    }

    /// The language tag written as the chart's `xml:lang`: the requested
    /// language of the texts, or `und` (undetermined) without them, since
    /// the chart then mixes the framework's language and the words'.
    pub(crate) fn language(&self) -> &str {
        self.texts.map_or("und", |t| t.language().as_str())
    }

    /// Criterion `id`'s title as the chart shows it: from the texts when
    /// given (with the marker of a fallback), else `own`.
    pub(crate) fn title(&self, id: &str, own: &str) -> String {
        match self.texts {
            Some(texts) => texts.marked_title(id, own),
            None => own.to_owned(),
        }
    }

    /// The label of band `id`: from the texts when given, else `own`.
    pub(crate) fn band_label(&self, id: &str, own: &str) -> String {
        use crate::localization::TextKey;
        self.texts
            .and_then(|t| t.get(TextKey::BandLabel(id)))
            .map_or_else(|| own.to_owned(), |t| t.text.to_owned())
    }

    /// The framework's title: from the texts when given, else `own`.
    pub(crate) fn framework_title(&self, own: &str) -> String {
        use crate::localization::TextKey;
        self.texts
            .and_then(|t| t.get(TextKey::Title))
            .map_or_else(|| own.to_owned(), |t| t.text.to_owned())
    }
}
