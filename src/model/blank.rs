//! Blank text ([SPEC](crate::spec) §6.6): a text that shows nothing, which
//! a translation (`blank-translation`) or a not-applicable reason
//! (`missing-reason`) must not be.

/// Whether `text` shows nothing: it is empty, or each of its characters is
/// white space (`char::is_whitespace`, Unicode's `White_Space`), a control
/// character (`char::is_control`, general category Cc) or a format
/// character (general category Cf, [`FORMAT`]): a zero-width space
/// (U+200B), a right-to-left override (U+202E), a byte order mark (U+FEFF)
/// or a word joiner (U+2060) alone is blank.
pub(crate) fn is_blank(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_whitespace() || c.is_control() || is_format(c))
}

/// Whether `c` is a format character (general category Cf).
fn is_format(c: char) -> bool {
    FORMAT
        .iter()
        .any(|&(first, last)| (first..=last).contains(&c))
}

/// The format characters (general category Cf) of Unicode 15.1, as ranges
/// of `DerivedGeneralCategory.txt`: 170 code points in 21 ranges (checked
/// against Python 3.13's `unicodedata`, which has Unicode 15.1). The
/// standard library has no test of the general category, and the crate
/// takes no dependency for one.
const FORMAT: [(char, char); 21] = [
    ('\u{00AD}', '\u{00AD}'),   // soft hyphen
    ('\u{0600}', '\u{0605}'),   // arabic number sign .. arabic number mark above
    ('\u{061C}', '\u{061C}'),   // arabic letter mark
    ('\u{06DD}', '\u{06DD}'),   // arabic end of ayah
    ('\u{070F}', '\u{070F}'),   // syriac abbreviation mark
    ('\u{0890}', '\u{0891}'),   // arabic pound mark above .. arabic piastre mark above
    ('\u{08E2}', '\u{08E2}'),   // arabic disputed end of ayah
    ('\u{180E}', '\u{180E}'),   // mongolian vowel separator
    ('\u{200B}', '\u{200F}'),   // zero width space .. right-to-left mark
    ('\u{202A}', '\u{202E}'),   // left-to-right embedding .. right-to-left override
    ('\u{2060}', '\u{2064}'),   // word joiner .. invisible plus
    ('\u{2066}', '\u{206F}'),   // left-to-right isolate .. nominal digit shapes
    ('\u{FEFF}', '\u{FEFF}'),   // zero width no-break space (byte order mark)
    ('\u{FFF9}', '\u{FFFB}'),   // interlinear annotation anchor .. terminator
    ('\u{110BD}', '\u{110BD}'), // kaithi number sign
    ('\u{110CD}', '\u{110CD}'), // kaithi number sign above
    ('\u{13430}', '\u{1343F}'), // egyptian hieroglyph vertical joiner .. end walled enclosure
    ('\u{1BCA0}', '\u{1BCA3}'), // shorthand format letter overlap .. up step
    ('\u{1D173}', '\u{1D17A}'), // musical symbol begin beam .. end phrase
    ('\u{E0001}', '\u{E0001}'), // language tag
    ('\u{E0020}', '\u{E007F}'), // tag space .. cancel tag
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_characters_alone_are_blank() {
        for text in [
            "",
            " ",
            " \t\n",
            "\u{200B}",
            "\u{202E}",
            "\u{FEFF}",
            "\u{2060}",
            " \u{200B} \u{202E}\u{FEFF}\t\u{2060} ",
            "\u{00A0}\u{3000}",
            "\u{0000}\u{001F}\u{007F}\u{0085}",
            "\u{E0001}\u{E0065}\u{E006E}",
        ] {
            assert!(is_blank(text), "{text:?}");
        }
        for text in [
            "a",
            "\u{200B}a",
            "x\u{202E}",
            // Not Cf, Cc or white space: letters and symbols, visible or not.
            "\u{2010}",
            "\u{3164}",
            "\u{2800}",
            "\u{0301}",
        ] {
            assert!(!is_blank(text), "{text:?}");
        }
    }

    #[test]
    fn the_format_ranges_are_ordered_and_hold_170_code_points() {
        let mut count = 0usize;
        let mut previous: Option<char> = None;
        for (first, last) in FORMAT {
            assert!(first <= last);
            assert!(previous.is_none_or(|p| p < first), "{first:?}");
            previous = Some(last);
            count = count.saturating_add((first..=last).count());
        }
        assert_eq!(count, 170);
        // The neighbours of a few ranges are not format characters.
        for c in [
            '\u{00AC}',
            '\u{00AE}',
            '\u{200A}',
            '\u{2010}',
            '\u{2065}',
            '\u{E0000}',
        ] {
            assert!(!is_format(c), "{c:?}");
        }
    }
}
