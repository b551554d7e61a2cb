//! IMPART's study visits per theme, region and year (source 002, the
//! IMPART methodology page).

use super::Theme;

/// One IMPART study visit: a host region or country visited by the peers of
/// one thematic working group.
///
/// # Examples
///
/// ```
/// use assessment_model::catalog::impart::{self, Theme, VisitStatus};
///
/// let run_2010: Vec<&str> = impart::study_visits()
///     .iter()
///     .filter(|v| v.year == 2010 && v.theme == Theme::AntiDiscrimination)
///     .map(|v| v.region)
///     .collect();
/// assert_eq!(run_2010, ["Flanders (Belgium)", "Estonia", "Scotland"]);
/// assert!(impart::study_visits().iter().filter(|v| v.year == 2011).all(|v| v.status == VisitStatus::Planned));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct StudyVisit {
    /// The theme (thematic working group) of the visit.
    pub theme: Theme,
    /// The region or country visited, verbatim from the source (with the
    /// country in parentheses where the source gives one).
    pub region: &'static str,
    /// The year of the visit.
    pub year: u16,
    /// The month(s), where the source gives them (only for the 2011 plan).
    pub months: Option<&'static str>,
    /// Whether the source reports the visit as run or as planned.
    pub status: VisitStatus,
}

/// Whether a [`StudyVisit`] had been run or was planned when the source was
/// written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VisitStatus {
    /// "In 2010 IMPART run seven study visits".
    Run,
    /// "In 2011 IMPART plans to conduct the following study visits".
    Planned,
}

/// The study visits as source 002 lists them: the seven run in 2010 and the
/// four planned for 2011, in the source's order (by theme, then as listed).
///
/// The source gives no visits beyond 2011 and no months for 2010. (Source
/// 000 speaks of 14 projects looked at across the network's life; the
/// visits after 2011 are not listed in any source, so they are not here.)
pub fn study_visits() -> &'static [StudyVisit] {
    VISITS
}

const fn run(theme: Theme, region: &'static str) -> StudyVisit {
    StudyVisit {
        theme,
        region,
        year: 2010,
        months: None,
        status: VisitStatus::Run,
    }
}

const fn planned(theme: Theme, region: &'static str, months: &'static str) -> StudyVisit {
    StudyVisit {
        theme,
        region,
        year: 2011,
        months: Some(months),
        status: VisitStatus::Planned,
    }
}

const VISITS: &[StudyVisit] = &[
    run(Theme::AssessmentValidation, "Berlin (Germany)"),
    run(Theme::AntiDiscrimination, "Flanders (Belgium)"),
    run(Theme::AntiDiscrimination, "Estonia"),
    run(Theme::AntiDiscrimination, "Scotland"),
    run(Theme::IntegratedTerritorial, "Andalusia (Spain)"),
    run(Theme::IntegratedTerritorial, "Baden-Württemberg (Germany)"),
    run(Theme::IntegratedTerritorial, "Aragon (Spain)"),
    planned(Theme::AssessmentValidation, "England", "September"),
    planned(Theme::AntiDiscrimination, "Greece", "October-November"),
    planned(Theme::IntegratedTerritorial, "Germany", "May"),
    planned(Theme::IntegratedTerritorial, "Sweden", "October"),
];
