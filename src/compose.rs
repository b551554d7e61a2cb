//! Composition of a base framework and modules ([`compose`],
//! [`Composition`]): IMPART's modular benchmark, where "core benchmark +
//! thematic module = benchmark for all projects in thematic area" (source
//! 000, *Completing IMPART's modular benchmark*).

use indexmap::IndexMap;

use crate::{
    Derivation, DerivationKind, Framework, Id, Issue, IssueKind, ScoringRules, Severity,
    ValidationError, pointer,
};

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
/// let base: Framework = serde_json::from_str(r#"{
///     "id": "core", "version": "1.2.0", "title": "Core",
///     "scales": { "tick": { "type": "binary" } },
///     "criteria": [{ "id": "a", "title": "A", "scale": "tick" }]
/// }"#)?;
/// let module: Framework = serde_json::from_str(r#"{
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
/// use assessment_model::{Composition, Framework, Id};
///
/// let base: Framework = serde_json::from_str(r#"{
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
    /// # Errors
    ///
    /// [`ValidationError`] listing every problem at once.
    pub fn build(self) -> Result<Framework, ValidationError> {
        let base = self.base;
        let mut issues = Vec::new();

        // Requirements: satisfied by the base or an earlier module.
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

        // Criterion ids: one namespace across base and modules.
        let mut seen: IndexMap<&str, String> = IndexMap::new();
        let docs = std::iter::once(("/base".to_string(), base)).chain(
            self.modules
                .iter()
                .enumerate()
                .map(|(m, f)| (format!("/modules/{m}"), *f)),
        );
        let docs: Vec<(String, &Framework)> = docs.collect();
        for (prefix, doc) in &docs {
            for (path, criterion) in paths(doc) {
                let here = format!("{prefix}{path}/id");
                match seen.get(criterion.id.as_str()) {
                    // Duplicates inside one document are the validator's to
                    // report (with paths into that document, mapped below).
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

        // Scales and facets merge; rules must agree.
        let mut scales = base.scales.clone();
        let mut scale_origin: IndexMap<Id, String> = base
            .scales
            .keys()
            .map(|k| (k.clone(), "/base".to_string()))
            .collect();
        let mut facets = base.facets.clone();
        let mut facet_origin: IndexMap<Id, String> = base
            .facets
            .keys()
            .map(|k| (k.clone(), "/base".to_string()))
            .collect();
        for (m, module) in self.modules.iter().enumerate() {
            let prefix = format!("/modules/{m}");
            for (id, scale) in &module.scales {
                match scales.get(id) {
                    Some(existing) if existing != scale => issues.push(conflict(
                        "scale",
                        id,
                        pointer(&pointer(&prefix, "scales"), id),
                        &scale_origin,
                    )),
                    Some(_) => {}
                    None => {
                        scales.insert(id.clone(), scale.clone());
                        scale_origin.insert(id.clone(), prefix.clone());
                    }
                }
            }
            for (id, facet) in &module.facets {
                match facets.get(id) {
                    Some(existing) if existing != facet => issues.push(conflict(
                        "facet",
                        id,
                        pointer(&pointer(&prefix, "facets"), id),
                        &facet_origin,
                    )),
                    Some(_) => {}
                    None => {
                        facets.insert(id.clone(), facet.clone());
                        facet_origin.insert(id.clone(), prefix.clone());
                    }
                }
            }
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

        // Assemble.
        let last = self.modules.last().copied().unwrap_or(base);
        let mut provenance = base.provenance.clone();
        for module in &self.modules {
            provenance
                .notes
                .extend(module.provenance.notes.iter().cloned());
        }
        provenance.derived_from.push(Derivation {
            kind: DerivationKind::Base,
            id: base.id.clone(),
            version: Some(base.version.clone()),
        });
        let mut origin = Vec::new();
        let mut criteria = Vec::new();
        for (prefix, doc) in &docs {
            for (i, c) in doc.criteria.iter().enumerate() {
                origin.push(format!("{prefix}/criteria/{i}"));
                criteria.push(c.clone());
            }
        }
        for module in &self.modules {
            provenance.derived_from.push(Derivation {
                kind: DerivationKind::Module,
                id: module.id.clone(),
                version: Some(module.version.clone()),
            });
        }
        let composed = Framework {
            schema: None,
            id: self.id.unwrap_or_else(|| last.id.clone()),
            version: self.version.unwrap_or_else(|| last.version.clone()),
            title: self.title.unwrap_or_else(|| last.title.clone()),
            description: last.description.clone(),
            language: base.language.clone(),
            provenance,
            scales,
            facets,
            rules: base.rules.clone(),
            requires: base.requires.clone(),
            criteria,
        };

        // Validate the result; map its paths back to where each part came
        // from, and skip the collisions already reported above.
        for issue in composed.issues() {
            if issue.severity() != Severity::Error {
                continue;
            }
            let path = map_back(&issue.path, &origin, &scale_origin, &facet_origin);
            let kind = match issue.kind {
                IssueKind::DuplicateId { id, first } => {
                    if issues.iter().any(|i| i.path == path) {
                        continue;
                    }
                    let first = map_back(&first, &origin, &scale_origin, &facet_origin);
                    IssueKind::DuplicateId { id, first }
                }
                kind => kind,
            };
            issues.push(Issue::new(path, kind));
        }
        if issues.is_empty() {
            Ok(composed)
        } else {
            Err(ValidationError::new(issues))
        }
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
pub(crate) fn paths(framework: &Framework) -> Vec<(String, &crate::Criterion)> {
    let mut out = Vec::new();
    let mut stack: Vec<(String, &crate::Criterion)> = framework
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
