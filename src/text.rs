//! Bilingual text: every line a player sees exists in Dutch and English, and numbers and
//! money written as each language writes them.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// The two languages the simulator speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Nl,
    #[default]
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// The one way to pick between a Dutch and an English version of anything.
    pub fn pick<T>(self, nl: T, en: T) -> T {
        match self {
            Lang::Nl => nl,
            Lang::En => en,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Lang::Nl => "Dutch",
            Lang::En => "English",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A language name that is neither Dutch nor English.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language `{0}`: use nl or en")]
pub struct UnknownLang(pub String);

impl FromStr for Lang {
    type Err = UnknownLang;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "nl" | "dutch" | "nederlands" => Ok(Lang::Nl),
            "en" | "english" | "engels" => Ok(Lang::En),
            other => Err(UnknownLang(other.to_string())),
        }
    }
}

/// A line in both languages. Written in RON as `(nl: "…", en: "…")`; a missing language is
/// left empty by the parser so that validation can report it with its position.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    #[serde(default)]
    pub nl: String,
    #[serde(default)]
    pub en: String,
}

impl Text {
    pub fn new(nl: impl Into<String>, en: impl Into<String>) -> Self {
        Text {
            nl: nl.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Nl => &self.nl,
            Lang::En => &self.en,
        }
    }

    /// The languages this text lacks (empty or only whitespace).
    pub fn missing(&self) -> Vec<Lang> {
        Lang::ALL
            .into_iter()
            .filter(|l| self.get(*l).trim().is_empty())
            .collect()
    }
}

/// `s` cut to at most `max` characters, with an ellipsis when cut.
pub fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

/// Euros as people write them: `€ 1.234,50` in Dutch, `€1,234.50` in English.
pub fn money(amount: f64, lang: Lang) -> String {
    let cents = (amount * 100.0).round() as i64;
    let (neg, cents) = (cents < 0, cents.unsigned_abs());
    let (whole, frac) = (cents / 100, cents % 100);
    let digits = whole.to_string();
    let sep = if lang == Lang::Nl { '.' } else { ',' };
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(sep);
        }
        grouped.push(ch);
    }
    let sign = if neg { "-" } else { "" };
    // Whole euros are said without cents ("€ 2.140"), as people say them.
    match (lang, frac) {
        (Lang::Nl, 0) => format!("{sign}€ {grouped}"),
        (Lang::En, 0) => format!("{sign}€{grouped}"),
        (Lang::Nl, _) => format!("{sign}€ {grouped},{frac:02}"),
        (Lang::En, _) => format!("{sign}€{grouped}.{frac:02}"),
    }
}

/// A number with one decimal: `63,4` in Dutch, `63.4` in English.
pub fn decimal(v: f64, lang: Lang) -> String {
    let s = format!("{v:.1}");
    match lang {
        Lang::Nl => s.replace('.', ","),
        Lang::En => s,
    }
}

/// A count or number of days as written in prose: words up to twenty ("tien dagen",
/// "ten days"), digits above.
pub fn number(n: u32, lang: Lang) -> String {
    const NL: [&str; 21] = [
        "nul",
        "een",
        "twee",
        "drie",
        "vier",
        "vijf",
        "zes",
        "zeven",
        "acht",
        "negen",
        "tien",
        "elf",
        "twaalf",
        "dertien",
        "veertien",
        "vijftien",
        "zestien",
        "zeventien",
        "achttien",
        "negentien",
        "twintig",
    ];
    const EN: [&str; 21] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    let words = if lang == Lang::Nl { &NL } else { &EN };
    words
        .get(n as usize)
        .map_or_else(|| n.to_string(), |w| w.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_take_a_comma_in_dutch() {
        assert_eq!(decimal(1.24, Lang::Nl), "1,2");
        assert_eq!(decimal(3.66, Lang::En), "3.7");
        assert_eq!(decimal(4.0, Lang::Nl), "4,0");
    }

    #[test]
    fn money_in_both_languages() {
        assert_eq!(money(1234.5, Lang::Nl), "€ 1.234,50");
        assert_eq!(money(1234.5, Lang::En), "€1,234.50");
        assert_eq!(money(45.0, Lang::En), "€45");
        assert_eq!(money(2140.0, Lang::Nl), "€ 2.140");
        assert_eq!(money(999999.994, Lang::Nl), "€ 999.999,99");
    }

    #[test]
    fn small_numbers_in_words() {
        assert_eq!(number(10, Lang::Nl), "tien");
        assert_eq!(number(14, Lang::En), "fourteen");
        assert_eq!(number(21, Lang::Nl), "21");
    }
}
