//! Batches: [`RatingsTable`], the ratings of many assessments of one
//! framework held as a table of bound leaf values, evaluated [`LANES`]
//! rows at a time through the one interpreter
//! ([`crate::Scorer::totals`]), and the total of one assessment.

use std::sync::Arc;

use super::compile::Compiled;
use super::interpret::{Block, LANES, LeafValue, Results};
use crate::model::assessment::Assessment;
use crate::model::issue::{Issue, IssueKind, ValidationError, pointer};
use crate::model::scale::RatingValue;

/// The ratings of many assessments of one framework, bound once: a row
/// per assessment, a column per leaf (definition order,
/// [`crate::Framework::leaves`]).
///
/// Made for one scorer's framework by [`crate::Scorer::table`] with every
/// row empty (no rating applies: no total); each row is then set as a
/// whole, from an assessment, from ratings by position or from numbers,
/// and checked as [`crate::Scorer::score`] checks an assessment. A row
/// that fails to bind is left empty, never half-written. The memory is
/// reused: a batch job sets row after row and calls
/// [`crate::Scorer::totals`] without allocating.
///
/// Rows are stored [`RatingsTable::LANES`] to a block, each leaf's values
/// side by side, the form the interpreter evaluates in one pass. A leaf
/// whose scores in a block are all 0 or 1 (a binary leaf's always are) is
/// held as bit masks, 12 bytes for the block's 8 rows; a leaf with any
/// other score takes 64 bytes more for its scores as floats.
///
/// # Examples
///
/// ```
/// use assessment_model::{Framework, RatingValue, Scorer};
///
/// let framework: Framework = serde_json::from_str(r#"{
///     "id": "tiny", "version": "1.0.0", "title": "Tiny",
///     "scales": { "tick": { "type": "binary" } },
///     "criteria": [
///         { "id": "a", "title": "First", "scale": "tick" },
///         { "id": "b", "title": "Second", "scale": "tick" }
///     ]
/// }"#)?;
/// let scorer = Scorer::new(&framework)?;
/// let mut table = scorer.table(3);
/// table.set_ratings(0, &[Some(RatingValue::Met), None])?;
/// table.set_codes(1, &[1.0, 0.0], f64::NEG_INFINITY)?;
/// let mut totals = [None; 3];
/// scorer.totals(&table, &mut totals)?;
/// // Row 2 was never set: nothing in it applies, so it has no total.
/// assert_eq!(totals, [Some(1.0), Some(0.5), None]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct RatingsTable {
    compiled: Arc<Compiled>,
    leaves: usize,
    rows: usize,
    blocks: Vec<Block<LANES>>,
    /// Working memory: the row being bound, reused from row to row.
    row: Vec<LeafValue>,
}

impl RatingsTable {
    /// How many rows one pass of the interpreter evaluates side by side.
    pub const LANES: usize = LANES;

    /// A table of `rows` empty rows for the compiled framework `compiled`.
    pub(crate) fn new(compiled: Arc<Compiled>, rows: usize) -> RatingsTable {
        let mut table = RatingsTable {
            leaves: compiled.leaves(),
            compiled,
            rows: 0,
            blocks: Vec::new(),
            row: Vec::new(),
        };
        table.resize(rows);
        table
    }

    /// The number of rows.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Makes the table `rows` rows long, every row empty.
    pub fn resize(&mut self, rows: usize) {
        self.rows = rows;
        let blocks = rows.div_ceil(LANES);
        self.blocks.truncate(blocks);
        for block in &mut self.blocks {
            block.clear();
        }
        self.blocks.resize_with(blocks, || Block::new(self.leaves));
    }

    /// The bound value of leaf `leaf` (definition order) in row `row`;
    /// `None` outside the table. An empty row's leaves are not
    /// applicable.
    pub fn value(&self, row: usize, leaf: usize) -> Option<LeafValue> {
        let block = self.blocks.get(row / LANES).filter(|_| row < self.rows)?;
        (leaf < block.leaves()).then(|| block.get(leaf, row % LANES))
    }

    /// Binds `assessment` into row `row`, as [`Scorer::score`](crate::Scorer::score) checks and
    /// binds it.
    ///
    /// # Errors
    ///
    /// [`ValidationError`] with every problem [`crate::Scorer::validate`]
    /// finds, or `invalid-document` at the root when `row` is not a row of
    /// the table; the row is then empty.
    pub fn set_assessment(
        &mut self,
        row: usize,
        assessment: &Assessment,
    ) -> Result<(), ValidationError> {
        let checked = self.compiled.bind(assessment);
        self.fill(row, checked.issues, &checked.values)
    }

    /// Binds ratings given by position into row `row`: one per leaf in
    /// definition order, `None` for a leaf without a rating; each is
    /// normalised on its leaf's scale (rule 1), a leaf the framework marks
    /// not applicable stays so, and rules 3 and 12 apply as for an
    /// assessment. The total has the same bits as that of the assessment
    /// with the same ratings.
    ///
    /// # Errors
    ///
    /// [`ValidationError`] with every problem: `invalid-document` at the
    /// root when `ratings` does not have one entry per leaf (or `row` is
    /// not a row of the table); `rating-off-scale` at
    /// `/{leaf index}`; `missing-rating` at `/{leaf index}` under
    /// [`crate::MissingPolicy::Error`]. The row is then empty.
    pub fn set_ratings(
        &mut self,
        row: usize,
        ratings: &[Option<RatingValue>],
    ) -> Result<(), ValidationError> {
        self.by_position(row, ratings, |c, leaf, rating, issues| {
            let Some(value) = rating else {
                return c.unrated(leaf);
            };
            c.leaf_value(leaf, value).unwrap_or_else(|| {
                issues.extend(c.off_scale(leaf, value, pointer("", leaf)));
                LeafValue::Missing
            })
        })
    }

    /// Binds ratings given as numbers by position into row `row`, as
    /// [`RatingsTable::set_ratings`] binds ratings: NaN is a leaf without a
    /// rating, `not_applicable` a leaf rated not applicable, and any other
    /// number the rating it stands for on the leaf's scale
    /// ([`crate::Scale::rating_of_code`]: binary 1 met and 0 not met, an
    /// ordinal level's value, a numeric scale's number). For ratings held
    /// as arrays of numbers (the Python leaf's).
    ///
    /// A code equal to `not_applicable` is read as not applicable before
    /// it is read as a rating: choose a number no leaf admits (minus
    /// infinity is one, as a rating is finite).
    ///
    /// # Errors
    ///
    /// As [`RatingsTable::set_ratings`], a `rating-off-scale` naming the
    /// rating the number stands for.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{Framework, Scorer};
    ///
    /// let framework: Framework = serde_json::from_str(r#"{
    ///     "id": "tiny", "version": "1.0.0", "title": "Tiny",
    ///     "scales": { "tick": { "type": "binary" } },
    ///     "criteria": [
    ///         { "id": "a", "title": "First", "scale": "tick" },
    ///         { "id": "b", "title": "Second", "scale": "tick" },
    ///         { "id": "c", "title": "Third", "scale": "tick" }
    ///     ]
    /// }"#)?;
    /// let scorer = Scorer::new(&framework)?;
    /// let mut table = scorer.table(1);
    /// table.set_codes(0, &[1.0, f64::NAN, f64::NEG_INFINITY], f64::NEG_INFINITY)?;
    /// let mut totals = [None];
    /// scorer.totals(&table, &mut totals)?;
    /// assert_eq!(totals, [Some(1.0)]);
    /// let off = table.set_codes(0, &[1.0, 0.5, 0.0], f64::NEG_INFINITY).unwrap_err();
    /// assert_eq!(off.issues()[0].path, "/1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn set_codes(
        &mut self,
        row: usize,
        codes: &[f64],
        not_applicable: f64,
    ) -> Result<(), ValidationError> {
        self.by_position(row, codes, |c, leaf, &code, issues| {
            c.code_value(leaf, code, not_applicable).unwrap_or_else(|| {
                let rating = c.scale_of_leaf(leaf).map(|(_, s)| s.rating_of_code(code));
                let rating = rating.unwrap_or(RatingValue::Number(code));
                issues.extend(c.off_scale(leaf, &rating, pointer("", leaf)));
                LeafValue::Missing
            })
        })
    }

    /// The one binder of ratings given by position: `value` gives each
    /// leaf's bound value (pushing what it refuses to the issues).
    fn by_position<T>(
        &mut self,
        row: usize,
        items: &[T],
        mut value: impl FnMut(&Compiled, usize, &T, &mut Vec<Issue>) -> LeafValue,
    ) -> Result<(), ValidationError> {
        let mut issues = Vec::new();
        let mut values = std::mem::take(&mut self.row);
        values.clear();
        let c = self.compiled.as_ref();
        if items.len() == c.leaves() {
            let bound = (0..)
                .zip(items)
                .map(|(leaf, item)| value(c, leaf, item, &mut issues));
            values.extend(bound);
            c.qualitative_or_missing(&values, |leaf| pointer("", leaf), &mut issues);
        } else {
            let message = format!("{} ratings for {} leaves", items.len(), c.leaves());
            issues.push(Issue::new("", IssueKind::InvalidDocument { message }));
        }
        let filled = self.fill(row, issues, &values);
        self.row = values;
        filled
    }

    /// Writes `values` into row `row` when there are no `issues` and the
    /// row is the table's; otherwise empties the row and returns every
    /// problem.
    fn fill(
        &mut self,
        row: usize,
        mut issues: Vec<Issue>,
        values: &[LeafValue],
    ) -> Result<(), ValidationError> {
        if row >= self.rows {
            let message = format!("row {row} of a table of {} rows", self.rows);
            issues.insert(0, Issue::new("", IssueKind::InvalidDocument { message }));
        }
        let lane = row % LANES;
        let Some(block) = self.blocks.get_mut(row / LANES) else {
            return Err(ValidationError::new(issues));
        };
        let ok = issues.is_empty();
        block.set_lane(lane, if ok { values } else { &[] });
        if ok {
            Ok(())
        } else {
            Err(ValidationError::new(issues))
        }
    }

    /// The totals of every row into `out` ([`crate::Scorer::totals`]),
    /// evaluated with `c`, which must be the table's framework.
    pub(crate) fn totals(
        &self,
        c: &Compiled,
        out: &mut [Option<f64>],
    ) -> Result<(), ValidationError> {
        let same =
            std::ptr::eq(c, self.compiled.as_ref()) || c.framework == self.compiled.framework;
        if out.len() != self.rows || !same {
            let message = format!(
                "{} totals for {} rows{}",
                out.len(),
                self.rows,
                if same {
                    ""
                } else {
                    ", of a table of another framework"
                }
            );
            let issue = Issue::new("", IssueKind::InvalidDocument { message });
            return Err(ValidationError::new(vec![issue]));
        }
        let policy = c.policy();
        let mut results = Results::totals_only();
        for (block, out) in self.blocks.iter().zip(out.chunks_mut(LANES)) {
            c.program.run(block, policy, &mut results);
            for (lane, total) in out.iter_mut().enumerate() {
                *total = results.total(lane);
            }
        }
        Ok(())
    }
}

/// The total of one assessment's bound `values` ([`crate::Scorer::total`]).
pub(crate) fn total(c: &Compiled, values: &[LeafValue]) -> Option<f64> {
    let mut results = Results::totals_only();
    c.program
        .run(&Block::of(values.iter().copied()), c.policy(), &mut results);
    results.total(0)
}
