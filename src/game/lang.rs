//! The one way the game picks a text by language: both texts inline, side by side, where they
//! are shown.

use crate::text::Lang;

/// Dutch or English (a text, or a list of names).
pub fn tr<T>(lang: Lang, nl: T, en: T) -> T {
    if lang == Lang::Nl { nl } else { en }
}
