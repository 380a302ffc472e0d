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

/// A payment plan: an amount per monthly instalment, how many, and days to the first one.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Plan {
    pub amount: f64,
    pub count: u32,
    pub days: u32,
}

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
                "start_days" => Some(f.can_start_in_days.to_string()),
                "amount" => self.plan.map(|p| money(p.amount, lang)),
                "count" => self.plan.map(|p| p.count.to_string()),
                "days" => self.plan.map(|p| p.days.to_string()),
                "total" => self.plan.map(|p| money(p.total(), lang)),
                _ => None,
            };
            match value {
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
    fn finds_placeholders() {
        assert_eq!(placeholders_in("{a} and {b}{c"), vec!["a", "b"]);
    }
}
