//! Filling placeholders (`{owed}`, `{amount}`, …) into scenario text, and money formatting.

use crate::scenario::{Finances, Scenario};
use crate::text::{Lang, Text};

/// The placeholders scenario text may use.
pub const PLACEHOLDERS: [&str; 13] = [
    "name",
    "company",
    "owed",
    "disputed",
    "undisputed",
    "income",
    "costs",
    "capacity",
    "start_days",
    "amount",
    "count",
    "days",
    "total",
];

/// The `{name}`s in a text, in order.
pub fn placeholders_in(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                out.push(after[..close].to_string());
                rest = &after[close + 1..];
            }
            None => break,
        }
    }
    out
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

fn sentence_start(before: &str) -> bool {
    match before
        .trim_end_matches([' ', '"', '\'', '‘', '“', '('])
        .chars()
        .last()
    {
        None => true,
        Some(c) => matches!(c, '.' | '!' | '?' | '…') && before.ends_with(' ') || c == '\n',
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

/// A payment plan: an amount per monthly instalment, how many, and days to the first one.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Plan {
    pub amount: f64,
    pub count: u32,
    pub days: u32,
}

/// The limits of a plan anyone could mean: what [`crate::dialogue::check_plan`] accepts, what
/// the explorer tries, and what validation holds a scenario's finances to, so that every
/// scenario can be paid and countered within them.
pub const MAX_INSTALMENT: f64 = 1_000_000.0;
/// The most instalments a plan may have (ten years).
pub const MAX_INSTALMENTS: u32 = 120;
/// The latest first payment, in days.
pub const MAX_FIRST_DAYS: u32 = 365;

impl Plan {
    pub fn total(&self) -> f64 {
        self.amount * f64::from(self.count)
    }
}

/// The values placeholders stand for at one moment of a conversation.
pub struct Fill<'a> {
    pub scenario: &'a Scenario,
    /// The plan on the table, if any.
    pub plan: Option<Plan>,
}

impl Fill<'_> {
    pub fn text(&self, text: &Text, lang: Lang) -> String {
        self.str(text.get(lang), lang)
    }

    pub fn str(&self, s: &str, lang: Lang) -> String {
        if !s.contains('{') {
            return s.to_string();
        }
        let f: &Finances = &self.scenario.persona.finances;
        let mut out = String::with_capacity(s.len() + 16);
        let mut rest = s;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else {
                rest = &rest[open..];
                break;
            };
            let name = &after[..close];
            let value = match name {
                "name" => Some(self.scenario.persona.name.clone()),
                "company" => Some(self.scenario.context.company.clone()),
                "owed" => Some(money(f.owed, lang)),
                "disputed" => Some(money(f.disputed, lang)),
                "undisputed" => Some(money(f.undisputed(), lang)),
                "income" => Some(money(f.monthly_income, lang)),
                "costs" => Some(money(f.fixed_costs, lang)),
                "capacity" => Some(money(f.can_pay_monthly, lang)),
                "start_days" => Some(number(f.can_start_in_days, lang)),
                "amount" => self.plan.map(|p| money(p.amount, lang)),
                "count" => self.plan.map(|p| number(p.count, lang)),
                "days" => self.plan.map(|p| number(p.days, lang)),
                "total" => self.plan.map(|p| money(p.total(), lang)),
                _ => None,
            };
            match value {
                // A number in words that opens a sentence takes a capital.
                Some(v) if sentence_start(&out) => {
                    let mut chars = v.chars();
                    if let Some(first) = chars.next() {
                        out.extend(first.to_uppercase());
                        out.push_str(chars.as_str());
                    }
                }
                Some(v) => out.push_str(&v),
                None => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            }
            rest = &after[close + 1..];
        }
        out.push_str(rest);
        out
    }
}

/// The calendar date of a day count since 1970-01-01 (Howard Hinnant's civil-from-days).
pub fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((yoe + era * 400 + i64::from(month <= 2)) as i32, month, day)
}

/// Seconds since the epoch as an RFC 3339 UTC timestamp.
pub fn rfc3339(secs: i64) -> String {
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    let t = secs.rem_euclid(86_400);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        t / 3600,
        t / 60 % 60,
        t % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_in_both_languages() {
        assert_eq!(money(1234.5, Lang::Nl), "€ 1.234,50");
        assert_eq!(money(1234.5, Lang::En), "€1,234.50");
        assert_eq!(money(45.0, Lang::En), "€45");
        assert_eq!(money(2140.0, Lang::Nl), "€ 2.140");
        assert_eq!(money(999999.994, Lang::Nl), "€ 999.999,99");
    }

    #[test]
    fn a_number_opening_a_sentence_is_capitalised() {
        let book = crate::scenario::Playbook::parse(
            include_str!("../tests/fixtures/mini.scenario.ron"),
            "mini.scenario.ron",
        )
        .expect("fixture");
        let fill = Fill {
            scenario: &book.scenario,
            plan: Some(Plan {
                amount: 57.0,
                count: 4,
                days: 10,
            }),
        };
        assert_eq!(
            fill.str("{count} keer. Oké, {count} keer {amount}.", Lang::Nl),
            "Vier keer. Oké, vier keer € 57."
        );
        assert_eq!(fill.str("Fine: {days} days", Lang::En), "Fine: ten days");
    }

    #[test]
    fn small_numbers_in_words() {
        assert_eq!(number(10, Lang::Nl), "tien");
        assert_eq!(number(14, Lang::En), "fourteen");
        assert_eq!(number(21, Lang::Nl), "21");
    }

    #[test]
    fn finds_placeholders() {
        assert_eq!(placeholders_in("{a} and {b}{c"), vec!["a", "b"]);
    }
}
