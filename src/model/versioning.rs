//! What a framework's version number promises to the assessments made
//! against it.
//!
//! A framework's `version` is a [`semver::Version`]; an assessment states the
//! versions it was made against as a [`semver::VersionReq`]
//! ([`crate::Assessment::framework`]), and scoring it against a framework
//! whose id or version does not satisfy that requirement is an error that
//! names both (`framework-mismatch`). The numbers follow these rules, which
//! the built-in catalogues keep (all of them are 1.0.0 as published from
//! their sources):
//!
//! * **Patch** (1.0.0 → 1.0.1): wording only. Titles, descriptions, source
//!   references and provenance notes may be corrected; ids, the tree, scales,
//!   facets, tags, weights, `scored`, `critical` and the scoring rules stay
//!   exactly as they were. Every existing assessment gives the same report,
//!   score for score.
//! * **Minor** (1.0.0 → 1.1.0): additions that leave every existing rating
//!   valid and the score of every existing leaf unchanged: new criteria
//!   (existing assessments see them as missing ratings, which under the
//!   default [`crate::MissingPolicy::Exclude`] lowers coverage but not
//!   leaf scores), new scales, new facets or facet values tagging new
//!   criteria. Group and total scores may move only because of the new
//!   criteria.
//! * **Major** (1.x → 2.0.0): anything else: removing or renaming an id,
//!   moving a criterion to another parent, changing a scale (levels, range,
//!   direction) or which scale a leaf uses, changing weights, `scored`,
//!   `critical`, aggregation, missing policy or other scoring rules, or
//!   changing what a criterion asks (not just how it is worded). Existing
//!   assessments must be carried across with a [`crate::Mapping`], which
//!   lists what it could not carry.
//!
//! An assessment made with `^1.0.0` (the form [`crate::Framework::compatible_ref`]
//! gives) therefore keeps scoring against every 1.x catalogue, while one made
//! with [`crate::Framework::exact_ref`] (`=1.0.0`) pins the exact text.
//!
//! Derived frameworks follow from their parts: [`crate::compose()`] takes the
//! last module's version unless told otherwise, and [`crate::Profile::apply`]
//! keeps the tailored framework's id and version, so assessments made against
//! a framework remain valid against its tailored form.
