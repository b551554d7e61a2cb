//! [`Framework`], [`Criterion`], [`Facet`], [`Provenance`] and
//! [`FrameworkRef`]: the versioned definition of what is assessed.

use indexmap::IndexMap;
use semver::{Version, VersionReq};
use serde::{Deserialize, Serialize};

use crate::model::id::Id;
use crate::model::language_tag::LanguageTag;
use crate::model::rules::ScoringRules;
use crate::model::scale::Scale;

/// A versioned definition of what is assessed: a tree of criteria with rated
/// indicators at the leaves, the rating scales, classification facets and
/// default scoring rules.
///
/// A framework that `requires` another is a *module*: it adds criteria to
/// that base (see the crate docs on composition).
///
/// Deserialising checks the ids and the shape of every field; the rules that
/// span fields (unique ids, references, weights, depth…) are checked by
/// [`Framework::validate`], which collects every problem with its path.
///
/// # Examples
///
/// ```
/// use assessment_model::Framework;
///
/// let framework: Framework = assessment_model::from_json_str(r#"{
///     "id": "tiny",
///     "version": "1.0.0",
///     "title": "A tiny checklist",
///     "scales": { "tick": { "type": "binary" } },
///     "criteria": [
///         { "id": "a", "title": "First item", "scale": "tick" },
///         { "id": "b", "title": "Second item", "scale": "tick", "weight": 2.0 }
///     ]
/// }"#)?;
/// framework.validate()?;
/// assert_eq!(framework.leaves().count(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Framework {
    /// The JSON Schema the document names (`"$schema"`), for editors.
    /// Any string is accepted: it is kept on a round trip and otherwise
    /// ignored (not checked, not scored). The committed schemas' ids are
    /// `urn:assessment-model:schema:<kind>:1`.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The framework's id (e.g. `impart-core`).
    pub id: Id,
    /// The framework's version. See the crate docs for what a major, minor
    /// and patch change mean for existing assessments.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "crate::model::form::version_schema::SemVer")
    )]
    pub version: Version,
    /// The framework's title.
    pub title: String,
    /// What the framework is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The language of its texts, a BCP 47 tag (SPEC §2.6): `en` when
    /// left out, and left out when `en`, so frameworks written before the
    /// field existed read and write as before. A
    /// [`Localization`](crate::Localization) gives the texts in another
    /// language.
    #[serde(default, skip_serializing_if = "LanguageTag::is_en")]
    pub language: LanguageTag,
    /// Where the framework comes from.
    #[serde(default, skip_serializing_if = "Provenance::is_empty")]
    pub provenance: Provenance,
    /// The rating scales, by id; leaves refer to them.
    #[serde(
        default,
        skip_serializing_if = "IndexMap::is_empty",
        deserialize_with = "crate::model::form::unique_keys::unique_keys"
    )]
    pub scales: IndexMap<Id, Scale>,
    /// The classification facets, by id; criteria carry tags of their values.
    #[serde(
        default,
        skip_serializing_if = "IndexMap::is_empty",
        deserialize_with = "crate::model::form::unique_keys::unique_keys"
    )]
    pub facets: IndexMap<Id, Facet>,
    /// The default scoring rules.
    #[serde(default, skip_serializing_if = "is_default_rules")]
    pub rules: ScoringRules,
    /// The frameworks this one is a module of, by id and version requirement.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requires: Vec<FrameworkRef>,
    /// The top-level criteria, in definition order.
    pub criteria: Vec<Criterion>,
}

fn is_default_rules(rules: &ScoringRules) -> bool {
    *rules == ScoringRules::default()
}

/// A node of a framework's tree: a group of criteria, or, at a leaf, an
/// indicator rated on a scale.
///
/// A criterion has either `children` (a group) or a `scale` (a leaf), never
/// both and never neither; [`Framework::validate`] checks this.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Criterion {
    /// The criterion's id, unique in the whole framework.
    pub id: Id,
    /// The criterion's title, verbatim from its source where it has one.
    pub title: String,
    /// A longer description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Its weight in its parent's aggregate: finite and ≥ 0, 1 by default.
    /// A criterion of weight 0 is reported but does not count.
    #[serde(
        default = "crate::model::form::defaults::one",
        skip_serializing_if = "crate::model::form::defaults::is_one"
    )]
    pub weight: f64,
    /// Whether it counts in its parent's aggregate (true by default). An
    /// unscored criterion (XCCDF role *unscored*) is still rated, validated
    /// and reported.
    #[serde(
        default = "crate::model::form::defaults::yes",
        skip_serializing_if = "crate::model::form::defaults::is_true"
    )]
    pub scored: bool,
    /// Whether a low score is a risk (IMPART: a risk of long-term failure).
    #[serde(
        default,
        skip_serializing_if = "crate::model::form::defaults::is_false"
    )]
    pub critical: bool,
    /// Facet tags: facet id → value id. A tag applies to the whole subtree
    /// unless a descendant sets another value of the same facet.
    #[serde(
        default,
        skip_serializing_if = "IndexMap::is_empty",
        deserialize_with = "crate::model::form::unique_keys::unique_keys"
    )]
    pub tags: IndexMap<Id, Id>,
    /// This group's aggregation, overriding the framework's default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aggregation: Option<crate::model::rules::Aggregation>,
    /// At a leaf: the id of the scale it is rated on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<Id>,
    /// Set when the criterion does not apply in this framework (a profile
    /// marked it so), with the reason; it then scores as not applicable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_applicable: Option<String>,
    /// Where in its source document the criterion comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// In a group: the child criteria, in definition order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Criterion>,
}

impl Criterion {
    /// A leaf rated on the scale `scale`, with weight 1, scored, not critical.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{Criterion, Id};
    ///
    /// let item = Criterion::leaf(Id::new("item-1")?, "Ensure regular monitoring", Id::new("tick")?);
    /// assert!(item.is_leaf());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn leaf(id: Id, title: impl Into<String>, scale: Id) -> Criterion {
        Criterion {
            scale: Some(scale),
            ..Criterion::empty(id, title.into())
        }
    }

    /// A group of `children`, with weight 1, scored, not critical.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{Criterion, Id};
    ///
    /// let tick = Id::new("tick")?;
    /// let group = Criterion::group(
    ///     Id::new("area")?,
    ///     "An area",
    ///     vec![Criterion::leaf(Id::new("item")?, "An item", tick)],
    /// );
    /// assert!(!group.is_leaf());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn group(id: Id, title: impl Into<String>, children: Vec<Criterion>) -> Criterion {
        Criterion {
            children,
            ..Criterion::empty(id, title.into())
        }
    }

    fn empty(id: Id, title: String) -> Criterion {
        Criterion {
            id,
            title,
            description: None,
            weight: 1.0,
            scored: true,
            critical: false,
            tags: IndexMap::new(),
            aggregation: None,
            scale: None,
            not_applicable: None,
            source: None,
            children: Vec::new(),
        }
    }

    /// Whether this is a leaf: it has no children.
    pub fn is_leaf(&self) -> bool {
        self.children.is_empty()
    }
}

/// A classification axis whose values tag criteria, for cross-cutting views
/// (e.g. PROFINT's stakeholder: beneficiaries, partners, organisation).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Facet {
    /// The facet's title.
    pub title: String,
    /// What the facet classifies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The facet's values, by id, in definition order.
    #[serde(deserialize_with = "crate::model::form::unique_keys::unique_keys")]
    pub values: IndexMap<Id, FacetValue>,
}

impl Facet {
    /// A facet titled `title`, with no description and no values yet
    /// (insert them into [`values`](Facet::values), in order).
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{Facet, FacetValue};
    ///
    /// let mut control = Facet::new("Control");
    /// control.values.insert("inside".parse()?, FacetValue::new("Inside the project's control"));
    /// control.values.insert("outside".parse()?, FacetValue::new("Outside the project's control"));
    /// assert_eq!(control.values.len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(title: impl Into<String>) -> Facet {
        Facet {
            title: title.into(),
            description: None,
            values: IndexMap::new(),
        }
    }
}

/// One value of a [`Facet`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct FacetValue {
    /// The value's title.
    pub title: String,
    /// What the value means.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl FacetValue {
    /// A value titled `title`, with no description.
    pub fn new(title: impl Into<String>) -> FacetValue {
        FacetValue {
            title: title.into(),
            description: None,
        }
    }
}

/// Where a framework comes from: its source document, and what it was
/// derived from (composed from modules, tailored by a profile).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Provenance {
    /// The network or partnership that wrote it (e.g. "IMPART").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network: Option<String>,
    /// The source document's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    /// The year (or years, e.g. "2009-12") of the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<String>,
    /// Notes on how the framework was built from its source: what was taken
    /// verbatim, what was derived, what the source does not give.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// The frameworks and profiles this one was made from, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub derived_from: Vec<Derivation>,
}

impl Provenance {
    /// Whether nothing is recorded.
    pub fn is_empty(&self) -> bool {
        *self == Provenance::default()
    }
}

/// One step in a framework's making: a framework it was composed from, or a
/// profile that tailored it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Derivation {
    /// How the step was made.
    pub kind: DerivationKind,
    /// The id of the framework or profile.
    pub id: Id,
    /// Its version, where it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::model::form::version_schema::SemVer>")
    )]
    pub version: Option<Version>,
}

impl Derivation {
    /// A step of kind `kind` from the framework or profile `id`, at
    /// `version` where it has one.
    pub fn new(kind: DerivationKind, id: Id, version: Option<Version>) -> Derivation {
        Derivation { kind, id, version }
    }
}

/// How a [`Derivation`] step was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DerivationKind {
    /// The framework is a base the result was composed on.
    Base,
    /// The framework is a module composed into the result.
    Module,
    /// A profile tailored the result.
    Profile,
    /// A [`Localization`](crate::Localization) gave the result its texts
    /// in another language.
    Localization,
}

/// A reference to a framework by id and version requirement, as an
/// assessment, a module, a profile or a mapping states it.
///
/// # Examples
///
/// ```
/// use assessment_model::FrameworkRef;
///
/// let r: FrameworkRef = assessment_model::from_json_str(r#"{"id": "impart-core", "version": "^1"}"#)?;
/// assert!(r.version.matches(&semver::Version::new(1, 2, 0)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FrameworkRef {
    /// The framework's id.
    pub id: Id,
    /// The versions that satisfy the reference.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "crate::model::form::version_schema::SemVerReq")
    )]
    pub version: VersionReq,
}

impl FrameworkRef {
    /// The reference that exactly `version` of framework `id` satisfies
    /// (`=MAJOR.MINOR.PATCH`).
    pub(crate) fn exact(id: Id, version: &Version) -> FrameworkRef {
        FrameworkRef {
            id,
            version: VersionReq {
                comparators: vec![semver::Comparator {
                    op: semver::Op::Exact,
                    major: version.major,
                    minor: Some(version.minor),
                    patch: Some(version.patch),
                    pre: version.pre.clone(),
                }],
            },
        }
    }

    /// Whether `framework` has this id and a version that satisfies the
    /// requirement.
    pub fn matches(&self, framework: &Framework) -> bool {
        self.id == framework.id && self.version.matches(&framework.version)
    }

    /// The `framework-mismatch` issue at `path` when `framework` does not
    /// satisfy this reference; `None` when it does.
    pub(crate) fn mismatch(
        &self,
        framework: &Framework,
        path: &str,
    ) -> Option<crate::model::issue::Issue> {
        (!self.matches(framework))
            .then(|| framework_mismatch(path, format!("{} {}", self.id, self.version), framework))
    }
}

/// The `framework-mismatch` issue at `path`: the document requires
/// `required` (as `id version-req`), but the framework is `framework`.
pub(crate) fn framework_mismatch(
    path: &str,
    required: String,
    framework: &Framework,
) -> crate::model::issue::Issue {
    crate::model::issue::Issue::new(
        path,
        crate::model::issue::IssueKind::FrameworkMismatch {
            required,
            found: format!("{} {}", framework.id, framework.version),
        },
    )
}

impl Framework {
    /// A framework with id `id`, version `version` and title `title`, and
    /// nothing else yet: no scales, facets, requirements or criteria, and
    /// the default [`ScoringRules`]. It is not valid until it has criteria;
    /// see [`Framework::builder`] to build one in a few lines.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{Framework, Scale};
    ///
    /// let mut framework = Framework::new("tiny".parse()?, "1.0.0".parse()?, "A tiny framework");
    /// framework.scales.insert("done".parse()?, Scale::binary());
    /// assert!(framework.criteria.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(id: Id, version: Version, title: impl Into<String>) -> Framework {
        Framework {
            schema: None,
            id,
            version,
            title: title.into(),
            description: None,
            language: LanguageTag::en(),
            provenance: Provenance::default(),
            scales: IndexMap::new(),
            facets: IndexMap::new(),
            rules: ScoringRules::default(),
            requires: Vec::new(),
            criteria: Vec::new(),
        }
    }

    /// Every criterion in definition (pre-)order, with its depth (top-level
    /// criteria have depth 1). The walk uses an explicit stack, so no tree
    /// shape can overflow the call stack.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::catalog::good_practice;
    ///
    /// let gp = good_practice::criteria();
    /// let depths: Vec<usize> = gp.walk().map(|(depth, _)| depth).take(3).collect();
    /// assert_eq!(depths, [1, 2, 3]);
    /// ```
    pub fn walk(&self) -> Walk<'_> {
        Walk {
            stack: vec![(1, self.criteria.iter())],
        }
    }

    /// Every leaf, in definition order.
    pub fn leaves(&self) -> impl Iterator<Item = &Criterion> {
        self.walk().map(|(_, c)| c).filter(|c| c.is_leaf())
    }

    /// The criterion with id `id`, anywhere in the tree.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::catalog::impart;
    ///
    /// let core = impart::core();
    /// assert_eq!(core.criterion("migrant-voice").map(|c| c.critical), Some(true));
    /// ```
    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.walk().map(|(_, c)| c).find(|c| c.id == id)
    }

    /// A reference that this framework's exact version satisfies
    /// (`=MAJOR.MINOR.PATCH`); what an assessment made against it states.
    pub fn exact_ref(&self) -> FrameworkRef {
        FrameworkRef::exact(self.id.clone(), &self.version)
    }

    /// A reference that accepts this framework and any later compatible
    /// version (`^MAJOR.MINOR.PATCH`).
    pub fn compatible_ref(&self) -> FrameworkRef {
        FrameworkRef {
            id: self.id.clone(),
            version: VersionReq {
                comparators: vec![semver::Comparator {
                    op: semver::Op::Caret,
                    major: self.version.major,
                    minor: Some(self.version.minor),
                    patch: Some(self.version.patch),
                    pre: self.version.pre.clone(),
                }],
            },
        }
    }
}

/// The pre-order walk of [`Framework::walk`]: `(depth, criterion)` pairs.
#[derive(Debug, Clone)]
pub struct Walk<'a> {
    stack: Vec<(usize, std::slice::Iter<'a, Criterion>)>,
}

impl<'a> Iterator for Walk<'a> {
    type Item = (usize, &'a Criterion);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let (depth, iter) = self.stack.last_mut()?;
            let depth = *depth;
            match iter.next() {
                Some(c) => {
                    if !c.children.is_empty() {
                        self.stack
                            .push((depth.saturating_add(1), c.children.iter()));
                    }
                    return Some((depth, c));
                }
                None => {
                    self.stack.pop();
                }
            }
        }
    }
}
