//! Placeholders (`{owed}`, `{amount}`, …) in scenario text: which exist, where a text uses
//! them, and their values at one moment of a conversation.

use super::Scenario;
use crate::plan::{Finances, Plan};
use crate::text::{Lang, Text, money, number};

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_opening_a_sentence_is_capitalised() {
        let book = crate::scenario::Playbook::parse(
            include_str!("../../tests/fixtures/mini.scenario.ron"),
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
    fn finds_placeholders() {
        assert_eq!(placeholders_in("{a} and {b}{c"), vec!["a", "b"]);
    }
}
