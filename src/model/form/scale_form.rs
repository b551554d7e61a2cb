//! How a [`Scale`] is read: as one struct of every scale's fields, its
//! `type` among them, then checked against the fields of that type.
//!
//! Serde's derive of an internally tagged enum (`#[serde(tag = "type")]`)
//! buffers the scale's content before it knows the type, and reads the
//! variant from the buffer: the path of an error below it then stops at the
//! scale (`/scales/quality`), and a misspelt key inside a level was
//! reported at `/scales/quality/valu`, a path that is not in the document.
//! Read as [`ScaleForm`], every field is read where it is, through the
//! wrappers that record the path (`/scales/quality/levels/1/valu`). A field
//! that another type of scale has but this one does not (`min` on an
//! ordinal scale) is `unknown field`, as with the derive, at its own path.

use serde::Deserialize;
use serde::de::Deserializer;

use crate::model::scale::{Direction, Level, Scale};

/// The type of a scale, as its `type` field names it.
#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "snake_case")]
enum ScaleType {
    Binary,
    Ordinal,
    Numeric,
}

/// Every field any scale may have (`struct Scale` in messages).
#[derive(Deserialize)]
#[serde(expecting = "struct Scale", deny_unknown_fields)]
struct ScaleForm {
    #[serde(rename = "type")]
    scale_type: ScaleType,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    levels: Option<Vec<Level>>,
    #[serde(default)]
    min: Option<f64>,
    #[serde(default)]
    max: Option<f64>,
    #[serde(default)]
    direction: Option<Direction>,
    #[serde(default)]
    unit: Option<String>,
}

/// The fields of each type of scale, as `unknown field` lists them.
const BINARY: &[&str] = &["type", "title", "description"];
const ORDINAL: &[&str] = &["type", "title", "description", "levels"];
const NUMERIC: &[&str] = &[
    "type",
    "title",
    "description",
    "min",
    "max",
    "direction",
    "unit",
];

impl ScaleForm {
    /// The names of the fields given, in the order of [`ScaleForm`]'s
    /// declaration, that a scale may have only if it is of another type.
    fn given(&self) -> [(&'static str, bool); 5] {
        [
            ("levels", self.levels.is_some()),
            ("min", self.min.is_some()),
            ("max", self.max.is_some()),
            ("direction", self.direction.is_some()),
            ("unit", self.unit.is_some()),
        ]
    }

    /// The scale, or the first field given that its type does not have.
    fn into_scale<E: serde::de::Error>(self) -> Result<Scale, E> {
        let allowed = match self.scale_type {
            ScaleType::Binary => BINARY,
            ScaleType::Ordinal => ORDINAL,
            ScaleType::Numeric => NUMERIC,
        };
        if let Some((field, _)) = self
            .given()
            .into_iter()
            .find(|(field, given)| *given && !allowed.contains(field))
        {
            return Err(E::unknown_field(field, allowed));
        }
        let ScaleForm {
            title, description, ..
        } = self;
        Ok(match self.scale_type {
            ScaleType::Binary => Scale::Binary { title, description },
            ScaleType::Ordinal => Scale::Ordinal {
                title,
                description,
                levels: self.levels.ok_or_else(|| E::missing_field("levels"))?,
            },
            ScaleType::Numeric => Scale::Numeric {
                title,
                description,
                min: self.min.ok_or_else(|| E::missing_field("min"))?,
                max: self.max.ok_or_else(|| E::missing_field("max"))?,
                direction: self.direction.unwrap_or_default(),
                unit: self.unit,
            },
        })
    }
}

impl<'de> Deserialize<'de> for Scale {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Scale, D::Error> {
        ScaleForm::deserialize(deserializer)?.into_scale()
    }
}
