//! The analyses of SPEC §8: `Progress` (§8.1), `Bounds` (§8.2) and
//! `Uncertainty` with its `UncertaintyReport` (§8.3), each a frozen class
//! holding the crate's value, read through getters that return plain
//! Python values, `to_dict()` and `str()` (the crate's `Display`).

use assessment_model::analysis::{ProgressTally, UncertaintyReport};
use assessment_model::chart;
use assessment_model::{Bounds, Progress, Uncertainty, UncertaintySpec};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::PyTuple;

use crate::chart::{ChartArgs, height_for};
use crate::convert::{
    from_json, from_object, json_number_hook, json_shaped, parsed, reduce_json, to_json, to_object,
};
use crate::documents::{PyFramework, owned_assessments, with_assessment};
use crate::errors::{Class, OrRaise};
use crate::localization::PyLocalized;
use crate::progress::PyObserver;
use crate::report::PyReport;
use crate::scorer::PyScorer;

/// What changed from a baseline report to a current one (SPEC §8.1): per
/// node the two scores, their difference and a status, the risks
/// resolved, new and persisting, coverage and the ratings that changed.
///
/// Made by `Progress.between(baseline, current)` (two reports of one
/// framework version) or `Progress.across(...)` (a baseline of another
/// framework or version, carried through a mapping). `str(progress)` is
/// the crate's progress note.
#[pyclass(name = "Progress", module = "assessment_model", frozen)]
pub(crate) struct PyProgress {
    pub(crate) inner: Progress,
}

#[pymethods]
impl PyProgress {
    /// The progress from `baseline` to `current`; raises `ScoreError`
    /// (`framework-mismatch` at `/baseline/framework`) when the two are
    /// not reports of the same framework id and exact version.
    #[staticmethod]
    fn between(py: Python<'_>, baseline: &PyReport, current: &PyReport) -> PyResult<PyProgress> {
        let inner =
            Progress::between(&baseline.inner, &current.inner).or_raise(py, Class::Score)?;
        Ok(PyProgress { inner })
    }

    /// The progress from a `baseline` assessment (an `Assessment`, dict
    /// or JSON text) of framework `source` to `current`, a report of
    /// `scorer`: the baseline is carried through `mapping` (a dict or JSON
    /// text) and scored by `scorer`. Raises `ValidationError` when the
    /// baseline or the mapping does not parse, `ScoreError` with the
    /// crate's issues otherwise (the mapping's, the carried assessment's
    /// under `/translation/assessment`, `framework-mismatch` at
    /// `/current/framework`).
    #[staticmethod]
    fn across(
        baseline: &Bound<'_, PyAny>,
        mapping: &Bound<'_, PyAny>,
        source: &PyFramework,
        scorer: &PyScorer,
        current: &PyReport,
    ) -> PyResult<PyProgress> {
        let py = baseline.py();
        let mapping: assessment_model::Mapping = parsed(mapping)?;
        with_assessment(baseline, None, |a| {
            let inner = Progress::across(a, &mapping, &source.inner, &scorer.inner, &current.inner)
                .or_raise(py, Class::Score)?;
            Ok(PyProgress { inner })
        })
    }

    /// Per node, how many of `progresses` (of one framework version)
    /// improved, regressed or stayed, as a dict (`framework`, `members`,
    /// `total`, `nodes`); raises `ScoreError` (`framework-mismatch` at
    /// `/<i>/framework`) for a member of another framework version.
    #[staticmethod]
    fn tally<'py>(
        py: Python<'py>,
        progresses: Vec<Bound<'py, PyProgress>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let members: Vec<Progress> = progresses.iter().map(|p| p.get().inner.clone()).collect();
        let tally = ProgressTally::of(&members).or_raise(py, Class::Score)?;
        to_object(py, &tally)
    }

    /// Reads a progress document back from JSON text (as `to_json` writes
    /// it); raises `ValidationError`.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: PyBackedStr) -> PyResult<PyProgress> {
        let inner = from_json(&text).or_raise(py, Class::Validation)?;
        Ok(PyProgress { inner })
    }

    /// Reads a progress document back from a dict (as `to_dict` gives
    /// it); raises `ValidationError`.
    #[staticmethod]
    fn from_dict(py: Python<'_>, document: &Bound<'_, PyAny>) -> PyResult<PyProgress> {
        let inner = from_object(document).or_raise(py, Class::Validation)?;
        Ok(PyProgress { inner })
    }

    /// The framework (exact version) compared, as a dict (`id`, `version`).
    #[getter]
    fn framework<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_object(py, &self.inner.framework)
    }

    /// The total's progress as a dict: `criterion`, `title`, `depth`,
    /// `baseline`, `current`, `delta` (`current − baseline`), `status`
    /// and the bands, each absent when it has no value.
    #[getter]
    fn total<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_object(py, &self.inner.total)
    }

    /// Every criterion's progress (dicts as `total`), in definition order.
    #[getter]
    fn nodes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_object(py, &self.inner.nodes)
    }

    /// The progress of criterion `id` (a dict as `total`), or `None`.
    fn node<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.inner.node(id).map(|n| to_object(py, n)).transpose()
    }

    /// The risks of either report, each with its `status` (`resolved`,
    /// `new`, `persisting`) and scores, as dicts.
    #[getter]
    fn risks<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_object(py, &self.inner.risks)
    }

    /// The leaves whose rating changed (`criterion`, `baseline`,
    /// `current`), as dicts.
    #[getter]
    fn ratings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_object(py, &self.inner.ratings)
    }

    /// The baseline's coverage, or `None`.
    #[getter]
    fn baseline_coverage(&self) -> Option<f64> {
        self.inner.baseline_coverage
    }

    /// The current report's coverage, or `None`.
    #[getter]
    fn current_coverage(&self) -> Option<f64> {
        self.inner.current_coverage
    }

    /// For `Progress.across`: the mapping, the framework the baseline came
    /// from and the ratings not carried, as a dict; otherwise `None`.
    #[getter]
    fn carried<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.inner
            .carried
            .as_ref()
            .map(|c| to_object(py, c))
            .transpose()
    }

    /// The progress note with the criterion titles in the language of
    /// `texts` (a `Localized`), fallbacks marked with their language.
    fn display_in(&self, py: Python<'_>, texts: &PyLocalized) -> PyResult<String> {
        texts.with(py, |l| self.inner.display_in(l).to_string())
    }

    /// The progress document as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_object(py, &self.inner)
    }

    /// The progress document as JSON text.
    fn to_json(&self) -> PyResult<String> {
        to_json(&self.inner)
    }

    /// The progress (baseline against current, per node) as SVG text (SPEC §9): `width` × `height` pixels,
    /// criterion titles and band labels in the language of `texts` (a
    /// `Localized`), the chart's own words from `words` (a dict of
    /// `ChartWords` fields, English by default; an unknown key raises
    /// `ValidationError`), ids prefixed with `id_prefix`.
    #[pyo3(signature = (*, width = 640, height = 480, texts = None, words = None, id_prefix = None))]
    fn chart(
        &self,
        py: Python<'_>,
        width: u32,
        height: u32,
        texts: Option<&PyLocalized>,
        words: Option<&Bound<'_, PyAny>>,
        id_prefix: Option<String>,
    ) -> PyResult<String> {
        let args = ChartArgs {
            width,
            height,
            texts,
            words,
            id_prefix,
        };
        args.draw(py, |o| chart::progress(&self.inner, o))
    }

    /// The chart a notebook shows: `chart()` 640 px wide, 480 px high or 20 px a row.
    fn _repr_svg_(&self, py: Python<'_>) -> PyResult<String> {
        let args = ChartArgs::shown(height_for(self.inner.nodes.len().saturating_add(1)));
        args.draw(py, |o| chart::progress(&self.inner, o))
    }

    fn __str__(&self) -> String {
        self.inner.to_string()
    }

    fn __repr__(&self) -> String {
        let show = |x: Option<f64>| x.map_or_else(|| "None".to_owned(), |x| format!("{x:?}"));
        format!(
            "Progress(baseline={}, current={})",
            show(self.inner.total.baseline),
            show(self.inner.total.current)
        )
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyProgress>()
            .is_ok_and(|o| o.get().inner == self.inner)
    }

    /// Pickles as its JSON text.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        reduce_json(slf, &slf.get().inner)
    }
}

/// The lowest and highest score of every node over every way of rating
/// the missing leaves, with the current score, and per missing leaf its
/// leverage on the total (SPEC §8.2): `Scorer.bounds(assessment)`.
#[pyclass(name = "Bounds", module = "assessment_model", frozen)]
pub(crate) struct PyBounds {
    pub(crate) inner: Bounds,
}

#[pymethods]
impl PyBounds {
    /// Reads a bounds document back from JSON text; raises
    /// `ValidationError`.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: PyBackedStr) -> PyResult<PyBounds> {
        let inner = from_json(&text).or_raise(py, Class::Validation)?;
        Ok(PyBounds { inner })
    }

    /// Reads a bounds document back from a dict; raises `ValidationError`.
    #[staticmethod]
    fn from_dict(py: Python<'_>, document: &Bound<'_, PyAny>) -> PyResult<PyBounds> {
        let inner = from_object(document).or_raise(py, Class::Validation)?;
        Ok(PyBounds { inner })
    }

    /// The framework (exact version) as a dict (`id`, `version`).
    #[getter]
    fn framework<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_object(py, &self.inner.framework)
    }

    /// The total's bounds as a dict: `criterion`, `depth`, `lower`,
    /// `upper`, `current` (each score absent when there is none).
    #[getter]
    fn total<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_object(py, &self.inner.total)
    }

    /// Every criterion's bounds (dicts as `total`), in definition order.
    #[getter]
    fn nodes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_object(py, &self.inner.nodes)
    }

    /// The bounds of criterion `id` (a dict as `total`), or `None`.
    fn node<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.inner.node(id).map(|n| to_object(py, n)).transpose()
    }

    /// Every missing applicable leaf with its leverage (`criterion`,
    /// `leverage`), largest first.
    #[getter]
    fn leverage<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_object(py, &self.inner.leverage)
    }

    /// The bounds document as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_object(py, &self.inner)
    }

    /// The bounds document as JSON text.
    fn to_json(&self) -> PyResult<String> {
        to_json(&self.inner)
    }

    /// The bounds (each node's possible range and current score) as SVG text (SPEC §9): `width` × `height` pixels,
    /// criterion titles and band labels in the language of `texts` (a
    /// `Localized`), the chart's own words from `words` (a dict of
    /// `ChartWords` fields, English by default; an unknown key raises
    /// `ValidationError`), ids prefixed with `id_prefix`.
    #[pyo3(signature = (*, width = 640, height = 480, texts = None, words = None, id_prefix = None))]
    fn chart(
        &self,
        py: Python<'_>,
        width: u32,
        height: u32,
        texts: Option<&PyLocalized>,
        words: Option<&Bound<'_, PyAny>>,
        id_prefix: Option<String>,
    ) -> PyResult<String> {
        let args = ChartArgs {
            width,
            height,
            texts,
            words,
            id_prefix,
        };
        args.draw(py, |o| chart::bounds(&self.inner, o))
    }

    /// The chart a notebook shows: `chart()` 640 px wide, 480 px high or 20 px a row.
    fn _repr_svg_(&self, py: Python<'_>) -> PyResult<String> {
        let args = ChartArgs::shown(height_for(self.inner.nodes.len().saturating_add(1)));
        args.draw(py, |o| chart::bounds(&self.inner, o))
    }

    fn __str__(&self) -> String {
        self.inner.to_string()
    }

    fn __repr__(&self) -> String {
        let show = |x: Option<f64>| x.map_or_else(|| "None".to_owned(), |x| format!("{x:?}"));
        let t = &self.inner.total;
        format!(
            "Bounds(lower={}, upper={}, current={})",
            show(t.lower),
            show(t.upper),
            show(t.current)
        )
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyBounds>()
            .is_ok_and(|o| o.get().inner == self.inner)
    }

    /// Pickles as its JSON text.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        reduce_json(slf, &slf.get().inner)
    }
}

/// Scores and ranks of a cohort under uncertain weights and aggregation
/// methods, with Sobol' sensitivity indices (SPEC §8.3).
///
/// `Uncertainty(scorer, spec, seed=0, samples=1000)`: `spec` is an
/// uncertainty spec (a dict or JSON text: `levels`, tree level → noise
/// fraction, the level an int or a string of digits; `criteria`, id →
/// noise fraction; `methods`; `method_levels`); raises `ValidationError`
/// when it does not parse. The same seed gives bit-identical results.
#[pyclass(name = "Uncertainty", module = "assessment_model", frozen)]
pub(crate) struct PyUncertainty {
    scorer: assessment_model::Scorer,
    spec: UncertaintySpec,
    seed: u64,
    samples: usize,
}

#[pymethods]
impl PyUncertainty {
    #[new]
    #[pyo3(signature = (scorer, spec = None, *, seed = 0, samples = 1000))]
    fn new(
        scorer: &PyScorer,
        spec: Option<&Bound<'_, PyAny>>,
        seed: u64,
        samples: usize,
    ) -> PyResult<PyUncertainty> {
        let spec = match spec {
            None => UncertaintySpec::default(),
            Some(spec) => spec_from(spec)?,
        };
        Ok(PyUncertainty {
            scorer: scorer.inner.clone(),
            spec,
            seed,
            samples,
        })
    }

    /// The spec as a dict.
    #[getter]
    fn spec<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_object(py, &self.spec)
    }

    /// The generator's seed.
    #[getter]
    fn seed(&self) -> u64 {
        self.seed
    }

    /// `N`, the rows of each Saltelli matrix.
    #[getter]
    fn samples(&self) -> usize {
        self.samples
    }

    /// Scores every member of `assessments` (each an `Assessment`, dict
    /// or JSON text) at every sample point, without the GIL, calling
    /// `progress(done, total)` (scorings of one member at one sample
    /// point) every few milliseconds when given. Raises `ValidationError`
    /// when an assessment does not parse (path under `/<index>`),
    /// `ScoreError` with every problem of the spec or the assessments as
    /// the crate reports them (`too-many-items` at `/samples` when the run
    /// would make more than `MAX_EVALUATIONS` scorings), `Stopped` when
    /// `progress` returns `False`, and `KeyboardInterrupt` within
    /// milliseconds of Ctrl-C.
    #[pyo3(signature = (assessments, *, progress = None))]
    fn run(
        &self,
        py: Python<'_>,
        assessments: &Bound<'_, PyAny>,
        progress: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyUncertaintyReport> {
        let mut observer = PyObserver::new(progress)?;
        let members = owned_assessments(assessments)?;
        let analysis = Uncertainty::new(&self.scorer, self.spec.clone())
            .seed(self.seed)
            .samples(self.samples);
        let inner = py
            .detach(|| analysis.run_observed(&members, &mut observer))
            .map_err(|e| observer.raise(py, Class::Score, e))?;
        Ok(PyUncertaintyReport { inner })
    }

    fn __repr__(&self) -> String {
        format!("Uncertainty(seed={}, samples={})", self.seed, self.samples)
    }
}

/// An uncertainty spec from JSON text or a dict. A dict is checked as
/// every document from Python is (`json_shaped`: a set, bytes, a cycle or
/// too deep a nesting is `ValidationError` with its path), then goes
/// through its JSON text (`json.dumps`), so that the level keys may be
/// ints or, as `json.load` gives them, strings of digits, and a dict reads
/// exactly as its text does.
fn spec_from(spec: &Bound<'_, PyAny>) -> PyResult<UncertaintySpec> {
    let py = spec.py();
    if spec.extract::<PyBackedStr>().is_ok() {
        return parsed(spec);
    }
    json_shaped(spec).or_raise(py, Class::Validation)?;
    let kwargs = pyo3::types::PyDict::new(py);
    kwargs.set_item("default", json_number_hook(py)?)?;
    let text = py
        .import("json")?
        .call_method("dumps", (spec,), Some(&kwargs))?;
    parsed(&text)
}

/// The result of `Uncertainty.run`: per member the nominal score and rank
/// and their spreads (`p05`, `median`, `p95`), per uncertain input the
/// first-order and total-effect indices. `str()` is the crate's table.
#[pyclass(name = "UncertaintyReport", module = "assessment_model", frozen)]
pub(crate) struct PyUncertaintyReport {
    inner: UncertaintyReport,
}

#[pymethods]
impl PyUncertaintyReport {
    /// Reads a report back from JSON text; raises `ValidationError`.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: PyBackedStr) -> PyResult<PyUncertaintyReport> {
        let inner = from_json(&text).or_raise(py, Class::Validation)?;
        Ok(PyUncertaintyReport { inner })
    }

    /// Reads a report back from a dict; raises `ValidationError`.
    #[staticmethod]
    fn from_dict(py: Python<'_>, document: &Bound<'_, PyAny>) -> PyResult<PyUncertaintyReport> {
        let inner = from_object(document).or_raise(py, Class::Validation)?;
        Ok(PyUncertaintyReport { inner })
    }

    /// The seed of the generator.
    #[getter]
    fn seed(&self) -> u64 {
        self.inner.seed
    }

    /// `N`, the rows of each Saltelli matrix.
    #[getter]
    fn samples(&self) -> usize {
        self.inner.samples
    }

    /// The scorings per member: `N·(d + 2)` for `d` inputs.
    #[getter]
    fn evaluations(&self) -> usize {
        self.inner.evaluations
    }

    /// The uncertain inputs, as dicts (`input`: `weight` or `method`).
    #[getter]
    fn inputs<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_object(py, &self.inner.inputs)
    }

    /// The members in the order given, as dicts (`subject`,
    /// `nominal_score`, `nominal_rank`, `score`, `rank`, `sensitivity`).
    #[getter]
    fn members<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_object(py, &self.inner.members)
    }

    /// Per input, its indices on the ranks' mean shift, as dicts.
    #[getter]
    fn rank_shift<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_object(py, &self.inner.rank_shift)
    }

    /// The report as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_object(py, &self.inner)
    }

    /// The report as JSON text.
    fn to_json(&self) -> PyResult<String> {
        to_json(&self.inner)
    }

    /// The members' score and rank intervals with their nominal values as SVG text (SPEC §9): `width` × `height` pixels,
    /// criterion titles and band labels in the language of `texts` (a
    /// `Localized`), the chart's own words from `words` (a dict of
    /// `ChartWords` fields, English by default; an unknown key raises
    /// `ValidationError`), ids prefixed with `id_prefix`.
    #[pyo3(signature = (*, width = 640, height = 480, texts = None, words = None, id_prefix = None))]
    fn chart(
        &self,
        py: Python<'_>,
        width: u32,
        height: u32,
        texts: Option<&PyLocalized>,
        words: Option<&Bound<'_, PyAny>>,
        id_prefix: Option<String>,
    ) -> PyResult<String> {
        let args = ChartArgs {
            width,
            height,
            texts,
            words,
            id_prefix,
        };
        args.draw(py, |o| chart::uncertainty(&self.inner, o))
    }

    /// The chart a notebook shows: `chart()` 640 px wide, 480 px high or 20 px a row.
    fn _repr_svg_(&self, py: Python<'_>) -> PyResult<String> {
        let args = ChartArgs::shown(height_for(self.inner.members.len()));
        args.draw(py, |o| chart::uncertainty(&self.inner, o))
    }

    fn __str__(&self) -> String {
        self.inner.to_string()
    }

    fn __repr__(&self) -> String {
        format!(
            "UncertaintyReport(members={}, inputs={}, samples={})",
            self.inner.members.len(),
            self.inner.inputs.len(),
            self.inner.samples
        )
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyUncertaintyReport>()
            .is_ok_and(|o| o.get().inner == self.inner)
    }

    /// Pickles as its JSON text.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        reduce_json(slf, &slf.get().inner)
    }
}
