//! The limits of `assessment_model::limits` at their boundaries: a document
//! exactly at a limit passes, one over it gets the issue, at the list or
//! the text, once.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use assessment_model::model::{
    MAX_CRITERIA, MAX_ITEMS, MAX_LEVELS, MAX_PEERS, MAX_TEXT_BYTES, Person,
};
use assessment_model::{
    Assessment, Criterion, Framework, Id, IssueKind, Level, PeerReview, Rating, RatingValue, Scale,
    Scorer, Subject,
};

fn id(s: impl Into<String>) -> Id {
    Id::new(s).unwrap()
}

fn framework(leaves: usize) -> Framework {
    let mut f: Framework = serde_json::from_str(
        r#"{"id": "limits", "version": "1.0.0", "title": "Limits",
            "scales": {"tick": {"type": "binary"}}, "criteria": []}"#,
    )
    .unwrap();
    f.criteria = (0..leaves)
        .map(|i| Criterion::leaf(id(format!("l{i}")), "Leaf", id("tick")))
        .collect();
    f
}

fn codes(issues: &[assessment_model::Issue]) -> Vec<(&str, &str)> {
    issues.iter().map(|i| (i.code(), i.path.as_str())).collect()
}

#[test]
fn criteria_at_and_over_the_limit() {
    assert_eq!(framework(MAX_CRITERIA).issues(), []);
    let issues = framework(MAX_CRITERIA + 1).issues();
    assert_eq!(codes(&issues), [("too-many-criteria", "/criteria")]);
    assert_eq!(
        issues[0].kind,
        IssueKind::TooManyCriteria {
            count: MAX_CRITERIA + 1,
            max: MAX_CRITERIA
        }
    );
}

#[test]
fn criteria_are_counted_at_every_depth() {
    // One group above MAX_CRITERIA leaves: MAX_CRITERIA + 1 criteria.
    let mut f = framework(0);
    let leaves = framework(MAX_CRITERIA).criteria;
    f.criteria = vec![Criterion::group(id("all"), "All", leaves)];
    assert_eq!(codes(&f.issues()), [("too-many-criteria", "/criteria")]);
}

#[test]
fn levels_at_and_over_the_limit() {
    let scale = |n: usize| {
        Scale::ordinal((0..n).map(|v| Level::new(id(format!("l{v}")), v as i32, "level")))
    };
    let mut f = framework(1);
    f.scales.insert(id("many"), scale(MAX_LEVELS));
    f.criteria.push(Criterion::leaf(id("m"), "M", id("many")));
    assert_eq!(f.issues(), []);
    f.scales.insert(id("many"), scale(MAX_LEVELS + 1));
    assert_eq!(
        codes(&f.issues()),
        [("too-many-levels", "/scales/many/levels")]
    );
}

#[test]
fn text_is_counted_in_bytes() {
    let mut f = framework(2);
    f.criteria[1].title = "x".repeat(MAX_TEXT_BYTES);
    assert_eq!(f.issues(), []);
    // 32 768 two-byte characters are exactly the limit; one more is over.
    f.criteria[1].title = "é".repeat(MAX_TEXT_BYTES / 2);
    assert_eq!(f.issues(), []);
    f.criteria[1].title.push('x');
    let issues = f.issues();
    assert_eq!(codes(&issues), [("text-too-long", "/criteria/1/title")]);
    assert_eq!(
        issues[0].kind,
        IssueKind::TextTooLong {
            length: MAX_TEXT_BYTES + 1,
            max: MAX_TEXT_BYTES
        }
    );
    f.description = Some("d".repeat(MAX_TEXT_BYTES + 1));
    assert_eq!(f.issues().len(), 2);
}

#[test]
fn an_assessment_over_a_limit_is_not_scored() {
    let f = framework(2);
    let scorer = Scorer::new(&f).unwrap();
    let mut a = Assessment::new(f.exact_ref(), Subject::new("S"));
    let mut rating = Rating::new(RatingValue::Met);
    rating.note = Some("n".repeat(MAX_TEXT_BYTES));
    a.ratings.insert(id("l0"), rating.clone());
    assert_eq!(scorer.validate(&a), Ok(()));
    rating.note = Some("n".repeat(MAX_TEXT_BYTES + 1));
    a.ratings.insert(id("l0"), rating);
    a.subject.attributes = (0..=MAX_ITEMS)
        .map(|i| (format!("k{i}"), String::new()))
        .collect();
    let err = scorer.score(&a).unwrap_err();
    assert_eq!(
        codes(err.issues()),
        [
            ("too-many-items", "/subject/attributes"),
            ("text-too-long", "/ratings/l0/note"),
        ]
    );
}

#[test]
fn peers_at_and_over_the_limit() {
    let f = framework(1);
    let mut review = PeerReview::new(f.compatible_ref(), Subject::new("S"));
    for i in 0..MAX_PEERS {
        review.peers.insert(id(format!("p{i}")), Person::default());
    }
    assert_eq!(review.issues(), []);
    review.peers.insert(id("one-more"), Person::default());
    assert_eq!(codes(&review.issues()), [("too-many-items", "/peers")]);
}
