//! Typed, versioned models of assessment frameworks for programmes that
//! integrate migrants and refugees into work and society (IMPART, PROFINT,
//! good-practice criteria): validation that reports every problem and where
//! it is, and exact, explainable scoring. The crate does no I/O: documents
//! come in and go out through serde, in whatever format the caller reads
//! and writes.
//!
//! ```
//! use assessment_model::{Assessment, Framework, RatingValue, Scorer, Subject, from_json_str};
//!
//! // A framework as a user writes it: two questions, each with checklist items.
//! let text = r#"{
//!     "id": "my-checklist", "version": "1.0.0", "title": "My checklist",
//!     "scales": { "met": { "type": "binary" } },
//!     "criteria": [
//!         { "id": "q1", "title": "Are beneficiaries consulted?", "children": [
//!             { "id": "q1-1", "title": "Regular consultation", "scale": "met" },
//!             { "id": "q1-2", "title": "Feedback is acted on", "scale": "met" }
//!         ]},
//!         { "id": "q2", "title": "Is the practice monitored?", "children": [
//!             { "id": "q2-1", "title": "Monitoring plan", "scale": "met" }
//!         ]}
//!     ]
//! }"#;
//! let framework: Framework = from_json_str(text)?;
//! let scorer = Scorer::new(&framework)?; // validates, then compiles
//!
//! let mut assessment = Assessment::new(framework.exact_ref(), Subject::new("A local project"));
//! assessment.rate("q1-1", RatingValue::Met)?;
//! assessment.rate("q2-1", RatingValue::NotMet)?;
//! let report = scorer.score(&assessment)?;
//!
//! // q1 = 1 (q1-2 is unrated, so left out), q2 = 0; the total is their mean,
//! // with two of the three leaves rated.
//! assert_eq!(report.node("q1").and_then(|n| n.score()), Some(1.0));
//! assert_eq!(report.total().score(), Some(0.5));
//! assert_eq!(report.total().coverage(), Some(2.0 / 3.0));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Overview
//!
//! The crate root re-exports the names a newcomer needs first: the
//! documents, the validation error, the scorer and its report, and the
//! entry point of each area below. Everything else is in the public module
//! of its area, which re-exports all of that area's names:
//!
//! | module | holds |
//! |---|---|
//! | [`model`] | the documents and their parts: ids, scales, rules, frameworks, assessments, issues, dates, language tags, limits |
//! | [`report`] | a report's views, its serialised form, its text in a language, explanations of its scores, and bounds |
//! | [`analysis`] | progress between two reports and uncertainty of scores and ranks |
//! | [`chart`] | a report's profile, progress, uncertainty and bounds as SVG text |
//! | [`cohort`] | statistics over many reports |
//! | [`mod@compose`] | joining a base framework and its modules |
//! | [`profile`] | tailoring a framework |
//! | [`mapping`] | crosswalks between frameworks |
//! | [`localization`] | a framework's texts in other languages |
//! | [`review`] | peer reviews and the peers' agreement |
//! | [`plan`] | action plans and their review |
//! | [`catalog`], `schema` (feature `schema`), [`spec`], [`limits`], [`versioning`] | the built-in frameworks, JSON Schemas, the specification, the size limits, what versions promise |
//!
//! - **Model.** A [`Framework`] is a versioned tree of [`Criterion`]s: groups
//!   of criteria, and at the leaves indicators rated on a named [`Scale`]
//!   (binary, ordinal levels or a numeric range). [`Facet`]s classify
//!   criteria for cross-cutting views; [`ScoringRules`] carry the default
//!   aggregation, missing-rating policy, coverage threshold, bands and
//!   finding thresholds. Every identifier is a checked kebab-case [`Id`].
//!   [`versioning`] says what a framework's major, minor and patch versions
//!   promise to the assessments made against it. The rest of the documents
//!   (provenance, people, dates, language tags…) are in [`model`].
//! - **Assessments.** An [`Assessment`] rates one [`Subject`] against one
//!   framework version ([`FrameworkRef`]): a [`Rating`] per leaf, with
//!   [`Evidence`] and notes, narratives per criterion and declared findings
//!   ([`model::DeclaredFinding`]).
//! - **Validation.** [`Framework::validate`] collects every problem, not the
//!   first, as an [`Issue`] with a JSON Pointer into the serialised document
//!   and an [`IssueKind`] with a stable code and a [`Severity`];
//!   [`Framework::issues`] lists the checks. [`from_json_str`],
//!   [`from_toml_str`] and [`parse_every_problem`] report every problem of a
//!   document that does not parse the same way ([`from_deserializer`], for
//!   any serde format, the first). No input, however
//!   malformed, makes validation panic, overflow the stack or take more than
//!   linear time; trees deeper than [`limits::MAX_DEPTH`] are reported, not
//!   walked.
//! - **Scoring.** A [`Scorer`] exists only for a valid framework; it turns
//!   an assessment into a [`Report`]: a score, coverage and band per node,
//!   risks and strengths, facet views, and improvement [`Priority`]s.
//!   [`Report::explain`] says why a node has its score: the rule, each
//!   child's weight, score and contribution, the children left out and
//!   why ([`report::Explanation`], SPEC §3.14). The report's views, its
//!   document and its text are in [`report`].
//!   A [`Cohort`] gathers statistics over many reports ([`cohort`]).
//! - **Analysis** ([`analysis`]). [`Progress`] says what changed between a
//!   baseline report and a current one: per node the scores, the
//!   difference and whether it improved, risks resolved, new and
//!   persisting, coverage and the ratings that changed, across framework
//!   versions through a [`Mapping`] (SPEC §8.1), and
//!   [`analysis::ProgressTally`] counts it over a cohort.
//!   [`Scorer::bounds`] gives every node's lowest and highest score over
//!   the ways of rating the missing leaves, exactly, and which missing
//!   leaves narrow the total most ([`Bounds`], SPEC §8.2); [`Uncertainty`]
//!   scores and ranks a cohort under noisy weights and alternative
//!   aggregation methods, with Sobol' sensitivity indices, from an explicit
//!   seed ([`analysis::UncertaintyReport`], §8.3).
//! - **Long work** (SPEC §8.4). The operations whose work grows with what
//!   the caller asks for have an observed form that tells a caller's
//!   [`model::Observer`] (any `FnMut(u64, u64) -> bool`) the units done and
//!   in all, and stops when it returns `false` ([`model::RunError`],
//!   [`model::Stopped`]): [`Uncertainty::run_observed`],
//!   [`Scorer::bounds_observed`], [`Scorer::totals_observed`] (a batch of
//!   assessments) and [`Cohort::extend_observed`] (all or nothing). An
//!   uncertainty run over [`limits::MAX_EVALUATIONS`] scorings is refused
//!   before it starts.
//! - **Tailoring and crosswalks.** [`compose()`] joins a base framework and
//!   its modules ([`mod@compose`]); a [`Profile`] selects, drops or
//!   reweights criteria ([`profile`]); a [`Mapping`] carries an assessment
//!   from one framework to another ([`mapping`]).
//! - **Languages** ([`localization`]). A framework declares its
//!   [`language`](Framework::language) (a BCP 47 [`model::LanguageTag`],
//!   `en` by default). A [`Localization`] gives its texts in another
//!   language as a document of its own, checked with
//!   [`Localization::validate_for`] (every problem, and its exact
//!   [`localization::Coverage`]) and applied with [`Localization::apply`];
//!   [`localization::Localized`] looks each text up in a requested language
//!   with the fallback exact tag, primary language, the framework's own
//!   ([SPEC](crate::spec) §3.12, §6.6, §7.6).
//! - **Action plans** ([`plan`]). An [`ActionPlan`] says what a subject
//!   will do about a report's risks and priorities: actions with an
//!   [`plan::Owner`], a due date and an [`plan::ActionStatus`], checked
//!   against the report with [`ActionPlan::validate_against`], proposed
//!   from it with [`ActionPlan::draft`], and reviewed against a later
//!   [`Progress`] with [`ActionPlan::review`] (a [`plan::Verdict`] per
//!   action; SPEC §3.13, §6.7).
//! - **Peer review** ([`review`]). A [`PeerReview`] gathers several peers'
//!   assessments of one subject and consolidates them, with their
//!   agreement.
//! - **Catalogues.** [`catalog`] ships the frameworks of the sources, word
//!   for word, and the worked good-practice assessment.
//! - **Serialised form.** Field names and enum values are snake_case, ids
//!   kebab-case; optional fields are omitted when empty; definitions deny
//!   unknown fields, so a typo in a hand-written file is an error, and maps
//!   reject a key given twice. Through [`from_json_str`] and the other
//!   readers of the crate, a struct is
//!   always an object: the array of its fields' values that serde's derive
//!   would take by position is an error.
//! - **Specification.** [`spec`] is the crate's specification (`SPEC.md`):
//!   the document formats field by field, the scoring and validation
//!   rules and every issue code, in numbered sections that these docs
//!   cite (`§5.5` is aggregation), so that other implementations and test
//!   suites can work from it and the conformance suite alone.
//!
//! # Building a framework in code
//!
//! [`Framework::builder`] gives a by-value [`FrameworkBuilder`] whose
//! [`build`](FrameworkBuilder::build) validates; ids and the version are
//! given as text and checked there, so nothing needs the `indexmap` or
//! `semver` crates (both are re-exported, [`indexmap`] and [`semver`], for
//! code that names their types):
//!
//! ```
//! use assessment_model::{Framework, Level, Scale};
//!
//! let framework = Framework::builder("tiny", "1.0.0", "A tiny framework")
//!     .scale("done", Scale::binary())
//!     .scale("grade", Scale::ordinal([
//!         Level::new("low".parse()?, 1, "low"),
//!         Level::new("high".parse()?, 3, "high"),
//!     ]))
//!     .leaf("a", "Is it done?", "done")
//!     .leaf("b", "How well is it done?", "grade")
//!     .build()?;
//! assert_eq!(framework.leaves().count(), 2);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Stability: which types may grow
//!
//! A type marked `#[non_exhaustive]` may gain a variant or a public field
//! in a minor release. Outside the crate, such a struct is made with its
//! constructor (or `Default`) and its public fields are then set on the
//! value (a struct literal, also with `..Default::default()`, does not
//! compile); a `match` on such an enum needs a wildcard arm, which should
//! do something sensible for a kind it does not know (show
//! [`Scale::kind`], the `Display` of a [`RatingValue`]…). A type without
//! the mark is complete: adding to it would be a major release.
//!
//! | type | may grow | why |
//! |---|---|---|
//! | [`Scale`] and each of its variants | yes | new kinds of scale are the likeliest extension (the design lists binary, ordinal and numeric as examples), and variants have gained fields (`direction`, `unit`); made with [`Scale::binary`], [`Scale::ordinal`], [`Scale::numeric`] |
//! | [`RatingValue`] | yes | grows with the scales (a new scale needs a new kind of rating); users match on it, so a wildcard is the price of adding ratings in a minor release. Its `Display` and [`Scale::normalise`] cover every variant, so a wildcard arm can defer to them |
//! | [`Aggregation`] | yes | the composite-indicator literature has more methods (median, ordered weighted averages); [`Aggregation::ALL`] lists the current ones |
//! | [`MissingPolicy`] | yes | imputation policies (scale midpoint, cohort mean) are plausible additions |
//! | [`NoScore`], [`report::Exclusion`] | yes | each reason comes from a scoring rule; a new rule may add a reason |
//! | [`model::FindingKind`] | yes | peer-review practice also records recommendations and observations |
//! | [`mapping::Relation`] | yes | crosswalk vocabularies (SKOS, SSSOM) know more relations than the four here |
//! | [`review::Consolidation`] | yes | other ways to combine peers' ratings (mode, trimmed mean) may be added |
//! | [`model::DerivationKind`] | yes | new ways of making a framework add steps (as [`model::DerivationKind::Localization`] was added) |
//! | [`localization::TextKey`] | yes | grows with the texts a framework has |
//! | [`localization::Step`] | yes | a finer fallback (RFC 4647's progressive truncation, `zh-Hant-TW` → `zh-Hant`) may add a step |
//! | [`plan::ActionStatus`], [`plan::Answers`], [`plan::Owner`], [`plan::Verdict`] | yes | a plan may come to track more states (blocked), answer other things (a recommendation) or have other owners (a team); a review may distinguish more outcomes |
//! | [`chart::ChartWords`] | yes | a new chart, or a new mark on one, needs new words; made with `Default` and its fields set |
//! | [`plan::Draft`] | yes | drafting may gain options (which risks, a due date per action) |
//! | [`review::MeasurementLevel`] | yes | Krippendorff's alpha has more difference functions (ratio, circular) |
//! | [`model::EvidenceKind`], [`IssueKind`] and every error enum ([`model::LanguageTagError`], [`model::RunError`]…) | yes | marked from the start: new kinds of evidence and of problems are expected |
//! | [`Severity`] | no | two levels are the validation contract: errors fail, warnings do not. A third level would change what passing means, a breaking change in any case |
//! | [`model::Direction`] | no | a numeric range has two ends |
//! | catalogue enums ([`catalog::impart::Theme`], [`catalog::profint::Domain`]…) | no | they enumerate a published source; a new edition of a source is a new catalogue |
//! | document structs: [`Framework`], [`Criterion`], [`Facet`], [`FacetValue`], [`model::Provenance`], [`model::Derivation`], [`Level`], [`ScoringRules`], [`Band`], [`Assessment`], [`Subject`], [`model::Person`], [`Rating`], [`Evidence`], [`model::DeclaredFinding`], [`Profile`], [`Mapping`], [`mapping::MappingEntry`], [`PeerReview`], [`review::ContextDocuments`], [`review::BaselineReport`], [`review::StudyVisit`], [`review::Counterpart`], [`Localization`], [`localization::TitledText`], [`localization::ScaleText`], [`localization::LevelText`], [`localization::FacetText`], [`localization::BandText`], [`ActionPlan`], [`plan::Action`] | yes | the serialised form gains optional fields in minor releases (a document's `$schema`, new rules); a new optional field must not break code that builds documents. Each has a constructor taking its required fields, or `Default` |
//! | result structs: [`Counts`], [`report::ScaleMean`], [`report::Finding`], [`report::FacetScore`], [`Priority`], [`cohort::CohortStats`], [`cohort::NodeStats`], [`cohort::LevelCount`], [`cohort::CommonRisk`], [`cohort::Synthesis`], [`cohort::Weakness`], [`review::Agreement`], [`review::LeafAgreement`], [`review::ScaleAgreement`], [`review::Consolidated`], [`review::Disagreement`], [`mapping::Translation`], [`mapping::Carried`], [`mapping::NotCarried`], [`mapping::Unrated`], [`localization::Coverage`], [`localization::LocalizedText`], [`plan::PlanReview`], [`plan::ActionReview`], [`plan::CriterionChange`], [`report::Explanation`], [`report::Included`], [`report::LeftOut`] | yes | the crate makes them and users read them; new measures are added as fields |
//! | [`FrameworkRef`] | no | an id and a version requirement are the whole of a reference |
//! | [`profile::Selection`] | no | an id and whether the subtree comes with it are the whole of a selection |
//! | [`Issue`] | no | a path and a kind are the whole of an issue; what an issue says grows in [`IssueKind`] |
//! | [`model::Stopped`] | no | the units done and the units in all are the whole of a stop |
//!
//! Structs with private fields ([`Report`], [`NodeScore`], [`Outcome`],
//! [`Scorer`], [`Cohort`], [`Id`], [`model::LanguageTag`], [`chart::ChartOptions`],
//! [`localization::Localized`]…) grow without breaking anyone.
//!
//! # Features
//!
//! - `schema` (default): derives `schemars::JsonSchema` for every document
//!   type and adds the `schema` module, which returns the JSON Schema of
//!   each top-level document.
//! - `json` (default): [`from_json_str`], a document from JSON text in one
//!   call, with every problem it has (through `serde_json`).
//! - `toml` (default): [`from_toml_str`], the same for TOML (through `toml`
//!   with `preserve_order`).
//!
//! Without default features the crate depends on serde, thiserror, indexmap
//! and semver alone; parsing text is not I/O, and the crate does none.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
// docs.rs (nightly, `--cfg docsrs`): mark each feature-gated item with the
// feature it needs. `doc_cfg` took in the former `doc_auto_cfg`.
#![cfg_attr(docsrs, feature(doc_cfg))]

// The modules, one floor at a time, lowest first (DESIGN.md, "Layout" and
// "Module order"; tests/module_order.rs fails on an import that goes up or
// round a circle). Inside the crate, a name is imported from the module
// that defines it; the re-exports below are for users.

// the documents: ids, scales, rules, framework, assessment, issues, dates,
// language tags, limits, and their serialised form
pub mod model;
pub use model::{limits, versioning};
// reading a document with the path to its problem
mod read;
mod check {
    //! Framework validation: [`Framework::validate`](crate::Framework::validate)
    //! and [`Framework::issues`](crate::Framework::issues) with the checks they
    //! run, and the [`FrameworkBuilder`](crate::FrameworkBuilder), whose
    //! `build` validates. On the floor above the documents (`model`) and
    //! reading (`read`); the compiled core builds on it.

    pub(crate) mod builder;
    mod framework;
    pub(crate) mod validate;
}
// a framework's texts in other languages (needs only the model; reports
// read their texts through it)
pub mod localization;
// the compiled core and its reports
mod core {
    //! The compiled core ([SPEC](crate::spec) §5): a framework compiled into
    //! one flat program ([`compile`], [`program`]), assessments checked and
    //! bound to leaf values ([`bind`], the one checker), the one interpreter
    //! that evaluates the program over a block of lanes ([`interpret`]),
    //! batches of rows ([`table`]) and what-ifs along one path ([`whatif`],
    //! used by the priorities of [`priorities`] and by rule 15's leverage).
    //!
    //! The core knows nothing of reports, documents or texts: it holds numbers
    //! and indices, and the floors above read them.

    pub(crate) mod bind;
    pub(crate) mod compile;
    pub(crate) mod interpret;
    pub(crate) mod priorities;
    pub(crate) mod program;
    pub(crate) mod table;
    pub(crate) mod whatif;
}
pub mod report;
mod scorer;
// the users of the core
pub mod analysis {
    //! Analysis on the compiled core ([SPEC](crate::spec) §8): progress
    //! between a baseline and a current report ([`Progress`], §8.1) and
    //! uncertainty and sensitivity of scores and ranks ([`Uncertainty`],
    //! §8.3). The bounds of one assessment (§8.2) are a report of that
    //! assessment, made by [`crate::Scorer::bounds`] on the report floor.
    //!
    //! This module holds [`Progress`] with its parts ([`NodeProgress`],
    //! [`ProgressStatus`], [`RiskChange`], [`RiskStatus`], [`RatingChange`],
    //! [`CarriedFrom`], [`PROGRESS_TOLERANCE`]), its text ([`LocalizedProgress`])
    //! and its counts over a cohort ([`ProgressTally`], [`NodeTally`],
    //! [`StatusCounts`]); and [`Uncertainty`] with its [`UncertaintySpec`] and
    //! results ([`UncertaintyReport`], [`MemberUncertainty`], [`Spread`],
    //! [`Sensitivity`], [`UncertainInput`]). The crate root re-exports
    //! [`Progress`], [`Uncertainty`] and [`UncertaintySpec`].
    //!
    //! Progress reads two reports' views and scores nothing itself (across
    //! versions, the carried baseline is scored by the current scorer).
    //! Uncertainty runs the core's one interpreter on a copy of the compiled
    //! program with each sample's weights and methods written in. The only
    //! randomness is a xoshiro256** generator seeded explicitly (`rng.rs`).

    pub(crate) mod progress;
    mod progress_note;
    mod rng;
    mod sobol;
    mod uncertainty;
    mod uncertainty_report;

    pub use progress::{
        CarriedFrom, NodeProgress, PROGRESS_TOLERANCE, Progress, ProgressStatus, RatingChange,
        RiskChange, RiskStatus,
    };
    pub use progress_note::{LocalizedProgress, NodeTally, ProgressTally, StatusCounts};
    pub use uncertainty::{Uncertainty, UncertaintySpec};
    pub use uncertainty_report::{
        MemberUncertainty, Sensitivity, Spread, UncertainInput, UncertaintyReport,
    };
}
pub mod chart;
pub mod cohort;
pub mod compose;
pub mod mapping;
pub mod plan;
pub mod profile;
pub mod review;
// the built-in catalogues and the JSON Schemas
pub mod catalog;
#[cfg(feature = "schema")]
#[cfg_attr(docsrs, doc(cfg(feature = "schema")))]
pub mod schema;
// documentation only
pub mod spec {
    //! The crate's specification, `SPEC.md`, as part of the API documentation.
    //!
    //! Doc comments across the crate cite its sections (`§5.5` is
    //! aggregation); a test checks that every cited section exists and that
    //! every issue code of [`IssueKind::CODES`](crate::IssueKind::CODES) is
    //! listed in it. This module has no items.
    //!
    //! ---
    //!

    #![doc = include_str!("../SPEC.md")]
}

// The newcomer's names (the quick start's, about 40); everything else is
// reached through the public modules above, each of which re-exports its
// own names.

// documents
pub use model::assessment::{Assessment, Evidence, Rating, Subject};
pub use model::framework::{Criterion, Facet, FacetValue, Framework, FrameworkRef};
pub use model::id::Id;
pub use model::rules::{Aggregation, Band, MissingPolicy, ScoringRules};
pub use model::scale::{Level, LevelRef, RatingValue, Scale};
// errors
pub use model::issue::{Issue, IssueKind, Severity, ValidationError};
// reading and building
pub use check::builder::FrameworkBuilder;
pub use read::from_deserializer;
#[cfg(feature = "json")]
#[cfg_attr(docsrs, doc(cfg(feature = "json")))]
pub use read::from_json_str;
#[cfg(feature = "toml")]
#[cfg_attr(docsrs, doc(cfg(feature = "toml")))]
pub use read::from_toml_str;
pub use read::{Parsed, parse_every_problem};
// scoring
pub use core::interpret::{LeafValue, NoScore};
pub use core::priorities::Priority;
pub use core::table::RatingsTable;
pub use report::views::{NodeScore, Outcome};
pub use report::{Counts, Report};
pub use scorer::Scorer;
// the entry point of each user area
pub use analysis::{Progress, Uncertainty, UncertaintySpec};
pub use cohort::Cohort;
pub use compose::compose;
pub use localization::Localization;
pub use mapping::Mapping;
pub use plan::ActionPlan;
pub use profile::Profile;
pub use report::bounds::Bounds;
pub use review::PeerReview;

/// The `indexmap` crate, whose `IndexMap` holds a framework's scales,
/// facets and tags and an assessment's ratings (in definition order).
pub use indexmap;
/// The `semver` crate, whose `Version` and `VersionReq` version
/// frameworks and state what an assessment or module requires.
pub use semver;

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
