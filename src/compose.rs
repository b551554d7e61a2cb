//! Composition of a base framework and modules ([`compose`],
//! [`Composition`]): IMPART's modular benchmark, where "core benchmark +
//! thematic module = benchmark for all projects in thematic area" (source
//! 000, *Completing IMPART's modular benchmark*).
//!
//! This module holds the [`compose`] function (also at the crate root) and
//! [`Composition`], which sets the composed framework's id, version and
//! title ([SPEC](crate::spec) §7.1).

use indexmap::IndexMap;

use crate::model::framework::{
    Criterion, Derivation, DerivationKind, Facet, Framework, Provenance,
};
use crate::model::id::Id;
use crate::model::issue::{Issue, IssueKind, Severity, ValidationError, pointer};
use crate::model::rules::ScoringRules;
use crate::model::scale::Scale;

/// Composes `base` and `modules` into one framework, with the default id,
/// version and title (those of the last module, or of the base when there
/// is none).
///
/// # The rules
///
/// * **Requirements.** Every entry of a module's `requires` must be
///   satisfied (same id, version matching the `VersionReq`) by the base or
///   by a module listed before it. Otherwise the issue is
///   `unsatisfied-requirement`, naming the requirement (`impart-core ^2`)
///   and what was found (`impart-core 1.0.0`).
/// * **Ids.** Criteria share one namespace: a module criterion whose id is
///   already used by the base or an earlier module is `duplicate-id`, and
///   every collision is listed. Scales and facets merge by id: the same id
///   with an identical definition is one scale (or facet); with a different
///   definition it is `conflicting-definition`. A module's `rules` must be
///   the defaults or equal to the base's (the base's rules apply).
/// * **Placement.** The base's top-level criteria come first, in their
///   order, then each module's top-level criteria, module by module in the
///   order given. Nothing is nested or reordered.
/// * **Identity.** Unless [`Composition::id`], [`Composition::version`] or
///   [`Composition::title`] say otherwise, the result takes the id, version,
///   title and description of the **last module** (the thematic benchmark is
///   named by its module), or of the base when there is no module. Its
///   `language` is the base's ([SPEC](crate::spec) §7.1).
/// * **Provenance.** The result keeps the base's provenance (network,
///   document, year, notes, earlier derivations), appends each module's
///   notes, then records one [`DerivationKind::Base`] step for the base and
///   one [`DerivationKind::Module`] step per module, in order.
/// * **Requirements of the result** are the base's own `requires` (a base
///   that is itself a module stays one); the modules' requirements are met.
/// * **Validity.** The result is validated ([`Framework::validate`]); its
///   errors are reported with the path mapped back to the base or module
///   the offending part came from.
///
/// Composition is deterministic: the same inputs give identical frameworks.
///
/// # Paths
///
/// The [`ValidationError`]'s paths are JSON Pointers into the document
/// `{"base": <base>, "modules": [<module 0>, <module 1>, …]}`, so
/// `/modules/1/criteria/0/id` is the id of the first top-level criterion of
/// the second module and `/base/version` is the base's version.
///
/// # Errors
///
/// [`ValidationError`] listing every problem at once: unsatisfied requirements,
/// colliding criterion ids, conflicting scale, facet or rule definitions,
/// and any validation error of the result.
///
/// # Examples
///
/// ```
/// use assessment_model::{compose, Framework};
///
/// let base: Framework = assessment_model::from_json_str(r#"{
///     "id": "core", "version": "1.2.0", "title": "Core",
///     "scales": { "tick": { "type": "binary" } },
///     "criteria": [{ "id": "a", "title": "A", "scale": "tick" }]
/// }"#)?;
/// let module: Framework = assessment_model::from_json_str(r#"{
///     "id": "theme", "version": "1.0.0", "title": "Core + theme",
///     "requires": [{ "id": "core", "version": "^1.1" }],
///     "criteria": [{ "id": "b", "title": "B", "scale": "tick" }]
/// }"#)?;
/// let composed = compose(&base, &[&module])?;
/// assert_eq!(composed.id, "theme");
/// let ids: Vec<&str> = composed.criteria.iter().map(|c| c.id.as_str()).collect();
/// assert_eq!(ids, ["a", "b"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn compose(base: &Framework, modules: &[&Framework]) -> Result<Framework, ValidationError> {
    modules
        .iter()
        .fold(Composition::new(base), |c, m| c.module(m))
        .build()
}

/// A by-value builder for [`compose`] that can also set the result's id,
/// version and title.
///
/// # Examples
///
/// ```
/// use assessment_model::{Framework, Id};
/// use assessment_model::compose::Composition;
///
/// let base: Framework = assessment_model::from_json_str(r#"{
///     "id": "core", "version": "1.0.0", "title": "Core",
///     "scales": { "tick": { "type": "binary" } },
///     "criteria": [{ "id": "a", "title": "A", "scale": "tick" }]
/// }"#)?;
/// let composed = Composition::new(&base)
///     .id(Id::new("core-regional")?)
///     .version(semver::Version::new(1, 0, 0))
///     .title("Core, regional edition")
///     .build()?;
/// assert_eq!(composed.id, "core-regional");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct Composition<'a> {
    base: &'a Framework,
    modules: Vec<&'a Framework>,
    id: Option<Id>,
    version: Option<semver::Version>,
    title: Option<String>,
}

impl<'a> Composition<'a> {
    /// Starts a composition on `base`, with no modules.
    pub fn new(base: &'a Framework) -> Composition<'a> {
        Composition {
            base,
            modules: Vec::new(),
            id: None,
            version: None,
            title: None,
        }
    }

    /// Adds `module` after those already added.
    pub fn module(mut self, module: &'a Framework) -> Composition<'a> {
        self.modules.push(module);
        self
    }

    /// Sets the result's id.
    pub fn id(mut self, id: Id) -> Composition<'a> {
        self.id = Some(id);
        self
    }

    /// Sets the result's version.
    pub fn version(mut self, version: semver::Version) -> Composition<'a> {
        self.version = Some(version);
        self
    }

    /// Sets the result's title.
    pub fn title(mut self, title: impl Into<String>) -> Composition<'a> {
        self.title = Some(title.into());
        self
    }

    /// Composes; see [`compose`](crate::compose()).
    ///
    /// The steps follow the rules of [`compose`]: requirements, criterion
    /// ids, scales, facets and rules, then the assembled result and its own
    /// validation. Every step adds its issues after the previous step's, so
    /// the error lists them in that order.
    ///
    /// # Errors
    ///
    /// [`ValidationError`] listing every problem at once.
    pub fn build(self) -> Result<Framework, ValidationError> {
        let mut issues = self.unsatisfied_requirements();
        let docs = self.documents();
        colliding_ids(&docs, &mut issues);
        let (scales, facets) = self.merge_definitions(&mut issues);
        let (criteria, origin) = concatenated_criteria(&docs);
        let base = self.base;
        let last = self.modules.last().copied().unwrap_or(base);
        let composed = Framework {
            schema: None,
            id: self.id.unwrap_or_else(|| last.id.clone()),
            version: self.version.unwrap_or_else(|| last.version.clone()),
            title: self.title.unwrap_or_else(|| last.title.clone()),
            description: last.description.clone(),
            language: base.language.clone(),
            provenance: provenance(base, &self.modules),
            scales: scales.defs,
            facets: facets.defs,
            rules: base.rules.clone(),
            requires: base.requires.clone(),
            criteria,
        };
        let origins = Origins {
            criteria: &origin,
            scales: &scales.origin,
            facets: &facets.origin,
        };
        result_issues(&composed, &origins, &mut issues);
        if issues.is_empty() {
            Ok(composed)
        } else {
            Err(ValidationError::new(issues))
        }
    }

    /// `unsatisfied-requirement` for every entry of a module's `requires`
    /// that neither the base nor a module listed before it satisfies; the
    /// issue names what was found under the required id (or the base when
    /// nothing has that id).
    fn unsatisfied_requirements(&self) -> Vec<Issue> {
        let base = self.base;
        let mut issues = Vec::new();
        for (m, module) in self.modules.iter().enumerate() {
            for (r, req) in module.requires.iter().enumerate() {
                let earlier = std::iter::once(base).chain(self.modules.iter().take(m).copied());
                let candidates: Vec<&Framework> = earlier.collect();
                if candidates.iter().any(|f| req.matches(f)) {
                    continue;
                }
                let found = candidates
                    .iter()
                    .find(|f| f.id == req.id)
                    .copied()
                    .unwrap_or(base);
                issues.push(Issue::new(
                    format!("/modules/{m}/requires/{r}"),
                    IssueKind::UnsatisfiedRequirement {
                        required: format!("{} {}", req.id, req.version),
                        found: format!("{} {}", found.id, found.version),
                    },
                ));
            }
        }
        issues
    }

    /// The base and the modules in order, each with its path in the
    /// composition document (`/base`, `/modules/0`, …).
    fn documents(&self) -> Vec<(String, &'a Framework)> {
        std::iter::once(("/base".to_string(), self.base))
            .chain(
                self.modules
                    .iter()
                    .enumerate()
                    .map(|(m, f)| (format!("/modules/{m}"), *f)),
            )
            .collect()
    }

    /// The result's scales and facets: the base's, then each module's new
    /// ones, with a `conflicting-definition` for an id a module defines
    /// differently, and for a module's `rules` that are neither the
    /// defaults nor the base's. Module by module: its scales, its facets,
    /// its rules.
    fn merge_definitions(&self, issues: &mut Vec<Issue>) -> (Merged<Scale>, Merged<Facet>) {
        let base = self.base;
        let mut scales = Merged::of_base(&base.scales);
        let mut facets = Merged::of_base(&base.facets);
        for (m, module) in self.modules.iter().enumerate() {
            let prefix = format!("/modules/{m}");
            scales.add("scale", &prefix, &module.scales, issues);
            facets.add("facet", &prefix, &module.facets, issues);
            if module.rules != ScoringRules::default() && module.rules != base.rules {
                issues.push(Issue::new(
                    format!("{prefix}/rules"),
                    IssueKind::ConflictingDefinition {
                        what: "rules".into(),
                        id: module.id.to_string(),
                        first: "/base/rules".into(),
                    },
                ));
            }
        }
        (scales, facets)
    }
}

/// `duplicate-id` for every criterion whose id a criterion of an earlier
/// document (the base or a module before it) already has: criteria share
/// one namespace across the composition.
fn colliding_ids(docs: &[(String, &Framework)], issues: &mut Vec<Issue>) {
    let mut seen: IndexMap<&str, String> = IndexMap::new();
    for (prefix, doc) in docs {
        for (path, criterion) in paths(doc) {
            let here = format!("{prefix}{path}/id");
            match seen.get(criterion.id.as_str()) {
                // Duplicates inside one document are the validator's to
                // report (with paths into that document, mapped back by
                // `result_issues`).
                Some(first) if !first.starts_with(&format!("{prefix}/")) => {
                    issues.push(Issue::new(
                        here,
                        IssueKind::DuplicateId {
                            id: criterion.id.to_string(),
                            first: first.clone(),
                        },
                    ));
                }
                Some(_) => {}
                None => {
                    seen.insert(criterion.id.as_str(), here);
                }
            }
        }
    }
}

/// Scales (or facets) merged by id, each with the document that defined it
/// first (`/base` or `/modules/<m>`).
struct Merged<T> {
    defs: IndexMap<Id, T>,
    origin: IndexMap<Id, String>,
}

impl<T: Clone + PartialEq> Merged<T> {
    /// The base's definitions.
    fn of_base(defs: &IndexMap<Id, T>) -> Merged<T> {
        Merged {
            defs: defs.clone(),
            origin: defs
                .keys()
                .map(|k| (k.clone(), "/base".to_string()))
                .collect(),
        }
    }

    /// Adds the definitions of the document at `prefix`: a new id is taken,
    /// the same definition again is one, a different one is a
    /// `conflicting-definition` of `what` (`scale`, `facet`).
    fn add(&mut self, what: &str, prefix: &str, defs: &IndexMap<Id, T>, issues: &mut Vec<Issue>) {
        for (id, def) in defs {
            match self.defs.get(id) {
                Some(existing) if existing != def => issues.push(conflict(
                    what,
                    id,
                    pointer(&pointer(prefix, format!("{what}s")), id),
                    &self.origin,
                )),
                Some(_) => {}
                None => {
                    self.defs.insert(id.clone(), def.clone());
                    self.origin.insert(id.clone(), prefix.to_string());
                }
            }
        }
    }
}

/// The base's provenance, with each module's notes appended, then one
/// [`DerivationKind::Base`] step and one [`DerivationKind::Module`] step
/// per module, in order.
fn provenance(base: &Framework, modules: &[&Framework]) -> Provenance {
    let mut provenance = base.provenance.clone();
    for module in modules {
        provenance
            .notes
            .extend(module.provenance.notes.iter().cloned());
    }
    provenance.derived_from.push(Derivation {
        kind: DerivationKind::Base,
        id: base.id.clone(),
        version: Some(base.version.clone()),
    });
    for module in modules {
        provenance.derived_from.push(Derivation {
            kind: DerivationKind::Module,
            id: module.id.clone(),
            version: Some(module.version.clone()),
        });
    }
    provenance
}

/// Every document's top-level criteria, document by document, and for each
/// the path it came from (`/modules/1/criteria/0`), by its position in the
/// result.
fn concatenated_criteria(docs: &[(String, &Framework)]) -> (Vec<Criterion>, Vec<String>) {
    let mut origin = Vec::new();
    let mut criteria = Vec::new();
    for (prefix, doc) in docs {
        for (i, c) in doc.criteria.iter().enumerate() {
            origin.push(format!("{prefix}/criteria/{i}"));
            criteria.push(c.clone());
        }
    }
    (criteria, origin)
}

/// Where each part of the composed framework came from: by top-level
/// criterion position, and by scale and facet id.
struct Origins<'o> {
    criteria: &'o [String],
    scales: &'o IndexMap<Id, String>,
    facets: &'o IndexMap<Id, String>,
}

impl Origins<'_> {
    /// [`map_back`] with these origins.
    fn map(&self, path: &str) -> String {
        map_back(path, self.criteria, self.scales, self.facets)
    }
}

/// The errors of the composed framework's own validation (warnings are
/// left out), with their paths mapped back to the base or module each part
/// came from. A `duplicate-id` at a path already reported (by
/// [`colliding_ids`]) is skipped.
fn result_issues(composed: &Framework, origins: &Origins<'_>, issues: &mut Vec<Issue>) {
    for issue in composed.issues() {
        if issue.severity() != Severity::Error {
            continue;
        }
        let path = origins.map(&issue.path);
        let kind = match issue.kind {
            IssueKind::DuplicateId { id, first } => {
                if issues.iter().any(|i| i.path == path) {
                    continue;
                }
                let first = origins.map(&first);
                IssueKind::DuplicateId { id, first }
            }
            kind => kind,
        };
        issues.push(Issue::new(path, kind));
    }
}

fn conflict(what: &str, id: &Id, here: String, origin: &IndexMap<Id, String>) -> Issue {
    let first = origin
        .get(id)
        .map(|p| pointer(&pointer(p, format!("{what}s")), id))
        .unwrap_or_default();
    Issue::new(
        here,
        IssueKind::ConflictingDefinition {
            what: what.into(),
            id: id.to_string(),
            first,
        },
    )
}

/// Every criterion of `framework` with its JSON Pointer (e.g.
/// `/criteria/0/children/2`), in definition order, without recursion.
pub(crate) fn paths(framework: &Framework) -> Vec<(String, &crate::model::framework::Criterion)> {
    let mut out = Vec::new();
    let mut stack: Vec<(String, &crate::model::framework::Criterion)> = framework
        .criteria
        .iter()
        .enumerate()
        .rev()
        .map(|(i, c)| (format!("/criteria/{i}"), c))
        .collect();
    while let Some((path, c)) = stack.pop() {
        for (i, child) in c.children.iter().enumerate().rev() {
            stack.push((format!("{path}/children/{i}"), child));
        }
        out.push((path, c));
    }
    out
}

/// Maps a path into the composed framework back to the base or module the
/// offending part came from.
fn map_back(
    path: &str,
    origin: &[String],
    scales: &IndexMap<Id, String>,
    facets: &IndexMap<Id, String>,
) -> String {
    let mut parts = path.splitn(4, '/').skip(1);
    let (first, second) = (parts.next(), parts.next());
    let rest = parts.next().map(|r| format!("/{r}")).unwrap_or_default();
    let owner = |map: &IndexMap<Id, String>, id: &str| map.get(id).cloned();
    let prefix = match (first, second) {
        (Some("criteria"), Some(index)) => index
            .parse::<usize>()
            .ok()
            .and_then(|i| origin.get(i).cloned())
            .map(|p| format!("{p}{rest}")),
        (Some("scales"), Some(id)) => owner(scales, id).map(|p| format!("{p}/scales/{id}{rest}")),
        (Some("facets"), Some(id)) => owner(facets, id).map(|p| format!("{p}/facets/{id}{rest}")),
        _ => None,
    };
    prefix.unwrap_or_else(|| format!("/base{path}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_of_the_result_map_back_to_their_document() {
        let origin = vec![
            "/base/criteria/0".to_string(),
            "/base/criteria/1".to_string(),
            "/modules/0/criteria/0".to_string(),
        ];
        let id = |s: &str| Id::new(s).unwrap_or_else(|_| unreachable!());
        let scales: IndexMap<Id, String> = [
            (id("tick"), "/base".to_string()),
            (id("five"), "/modules/0".to_string()),
        ]
        .into_iter()
        .collect();
        let facets: IndexMap<Id, String> = [(id("control"), "/modules/0".to_string())]
            .into_iter()
            .collect();
        let cases = [
            (
                "/criteria/2/children/1/scale",
                "/modules/0/criteria/0/children/1/scale",
            ),
            ("/criteria/1/weight", "/base/criteria/1/weight"),
            ("/criteria/0", "/base/criteria/0"),
            (
                "/scales/five/levels/0/value",
                "/modules/0/scales/five/levels/0/value",
            ),
            ("/scales/tick", "/base/scales/tick"),
            (
                "/facets/control/values/x",
                "/modules/0/facets/control/values/x",
            ),
            ("/rules/bands/0/from", "/base/rules/bands/0/from"),
            ("", "/base"),
            ("/criteria/9/id", "/base/criteria/9/id"),
        ];
        for (path, want) in cases {
            assert_eq!(map_back(path, &origin, &scales, &facets), want, "{path}");
        }
    }
}
