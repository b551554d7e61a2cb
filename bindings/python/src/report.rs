//! `Report`: what scoring an assessment gives, read through the crate's
//! accessors and its serialised form.

use assessment_model::Report;
use assessment_model::chart;
use assessment_model::report::ReportDocument;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyDict, PyTuple};

use crate::chart::ChartArgs;
use crate::convert::{from_json, from_object, to_json, to_object};
use crate::errors::{Class, OrRaise};
use crate::explanation::PyExplanation;
use crate::localization::PyLocalized;
use crate::scorer::PyScorer;

/// A scored assessment: the total, a score, coverage and band per node,
/// risks, strengths, findings and facet views. `str(report)` is the
/// crate's text rendering; `to_dict()` the report document.
/// `Report.from_json(scorer, text)` reads one back, and a report pickles
/// as its scorer and its JSON text.
#[pyclass(name = "Report", module = "assessment_model", frozen)]
pub(crate) struct PyReport {
    pub(crate) inner: Report,
    /// The scorer that made the report (shared), to read it back with.
    pub(crate) scorer: PyScorer,
}

impl PyReport {
    /// The report `document` describes, checked by `scorer` (the crate's
    /// `Scorer::read_report`).
    fn read(py: Python<'_>, scorer: &PyScorer, document: ReportDocument) -> PyResult<PyReport> {
        let inner = scorer
            .inner
            .read_report(document)
            .or_raise(py, Class::Validation)?;
        Ok(PyReport {
            inner,
            scorer: scorer.clone(),
        })
    }
}

#[pymethods]
impl PyReport {
    /// Reads a report back from JSON text (as `to_json` writes it) against
    /// `scorer`, the scorer of its framework: accepted only when it is
    /// exactly what `scorer` gives for the ratings it lists. Raises
    /// `ValidationError` (`framework-mismatch`, `invalid-report`, or the
    /// issue of a text that does not parse).
    #[staticmethod]
    fn from_json(py: Python<'_>, scorer: &PyScorer, text: PyBackedStr) -> PyResult<PyReport> {
        let document = from_json(&text).or_raise(py, Class::Validation)?;
        PyReport::read(py, scorer, document)
    }

    /// Reads a report back from a dict (as `to_dict` gives it), as
    /// `from_json` does.
    #[staticmethod]
    fn from_dict(
        py: Python<'_>,
        scorer: &PyScorer,
        document: &Bound<'_, PyAny>,
    ) -> PyResult<PyReport> {
        let document = from_object(document).or_raise(py, Class::Validation)?;
        PyReport::read(py, scorer, document)
    }

    /// The scorer that made the report.
    #[getter]
    fn scorer(&self) -> PyScorer {
        self.scorer.clone()
    }

    /// Pickles as its scorer (itself pickled as its framework) and its
    /// JSON text, read back by `Report.from_json`.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let report = slf.get();
        let ctor = slf.as_any().get_type().getattr("from_json")?;
        let scorer = Bound::new(py, report.scorer.clone())?.into_any();
        let text = to_json(&report.inner)?.into_pyobject(py)?.into_any();
        let args = PyTuple::new(py, [scorer, text])?;
        PyTuple::new(py, [ctor, args.into_any()])
    }

    /// The total as a dict: `score` and `coverage` (floats in [0, 1] or
    /// `None`) and `band` (the id of the band the score falls in, before
    /// `critical_caps_band`; `Report.band` is after it), or `None`.
    #[getter]
    fn total<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let total = self.inner.total();
        let dict = PyDict::new(py);
        dict.set_item("score", total.score())?;
        dict.set_item("coverage", total.coverage())?;
        dict.set_item("band", total.band().map(ToString::to_string))?;
        Ok(dict)
    }

    /// The total's band after a critical risk has capped it
    /// (`critical_caps_band`), or `None`: the report document's `band`.
    #[getter]
    fn band(&self) -> Option<String> {
        self.inner.band().map(ToString::to_string)
    }

    /// The node of criterion `id` as a dict (as in `to_dict()["nodes"]`:
    /// `id`, `title`, `depth`, `weight`, `score`, `coverage`, `band`,
    /// `counts`…), or `None` when the framework has no such criterion.
    fn node<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
        let Some(node) = self.inner.node(id) else {
            return Ok(None);
        };
        let document = self.inner.to_document();
        let found = document.nodes.get(node_position(&self.inner, node.id()));
        found.map(|n| to_object(py, n)).transpose()
    }

    /// Why criterion `id` has its score (an `Explanation`: the rule, the
    /// children included and left out, the result), or `None` when the
    /// framework has no such criterion.
    fn explain(&self, id: &str) -> Option<PyExplanation> {
        self.inner.explain(id).map(|inner| PyExplanation { inner })
    }

    /// Why the total has its score (an `Explanation`).
    fn explain_total(&self) -> PyExplanation {
        PyExplanation {
            inner: self.inner.explain_total(),
        }
    }

    /// The risks (critical criteria, and those below `risk_below`) as
    /// dicts, in definition order.
    #[getter]
    fn risks<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_object(py, &self.inner.to_document().risks)
    }

    /// The report document as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_object(py, &self.inner)
    }

    /// The report document as JSON text.
    fn to_json(&self) -> PyResult<String> {
        to_json(&self.inner)
    }

    /// The report's table (`str(report)`) with the criterion titles in
    /// the language of `texts` (a `Localized`), a title that fell back
    /// marked with its language.
    fn display_in(&self, py: Python<'_>, texts: &PyLocalized) -> PyResult<String> {
        texts.with(py, |l| self.inner.display_in(l).to_string())
    }

    /// The report's profile as SVG text (SPEC §9.1): the top-level
    /// criteria, or the children of criterion `group`, as a radar for 3
    /// to 12 of them and as bars otherwise, band thresholds and risks
    /// marked; `width` × `height` pixels, criterion titles and band labels
    /// in the language of `texts` (a `Localized`), the chart's own words
    /// from `words` (a dict of `ChartWords` fields, English by default),
    /// ids prefixed with `id_prefix`. Raises `ValidationError` for an
    /// unknown `group` (`unknown-criterion` at `/group`) or an unknown
    /// word.
    #[pyo3(signature = (*, group = None, width = 640, height = 480, texts = None, words = None, id_prefix = None))]
    #[allow(clippy::too_many_arguments)]
    fn chart_profile(
        &self,
        py: Python<'_>,
        group: Option<&str>,
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
        match group {
            None => args.draw(py, |o| chart::profile(&self.inner, o)),
            Some(group) => args
                .draw(py, |o| chart::group_profile(&self.inner, group, o))?
                .or_raise(py, Class::Validation),
        }
    }

    /// The chart a notebook shows: the profile (`chart_profile()`),
    /// 640 × 480 px.
    fn _repr_svg_(&self, py: Python<'_>) -> PyResult<String> {
        ChartArgs::shown(480).draw(py, |o| chart::profile(&self.inner, o))
    }

    fn __str__(&self) -> String {
        self.inner.to_string()
    }

    fn __repr__(&self) -> String {
        let total = self.inner.total();
        let show = |x: Option<f64>| x.map_or_else(|| "None".to_owned(), |x| format!("{x:?}"));
        format!(
            "Report(score={}, coverage={})",
            show(total.score()),
            show(total.coverage())
        )
    }
}

/// The position of node `id` in the report's list of nodes.
fn node_position(report: &Report, id: &assessment_model::Id) -> usize {
    report
        .nodes()
        .position(|n| n.id() == id)
        .unwrap_or(usize::MAX)
}
