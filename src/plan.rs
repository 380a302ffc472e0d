//! A payment plan and the customer's finances it must fit: the limits of a plan anyone could
//! mean, reading and writing `AMOUNT:COUNT:DAYS`, affordability, the customer's counter-offer
//! and a plan in words.

use crate::text::{Lang, money};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A payment plan: an amount per monthly instalment, how many, and days to the first one.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub amount: f64,
    pub count: u32,
    pub days: u32,
}

/// The limits of a plan anyone could mean: what [`Plan::check`] accepts, what the explorer
/// tries, and what validation holds a scenario's finances to, so that every scenario can be
/// paid and countered within them.
pub const MAX_INSTALMENT: f64 = 1_000_000.0;
/// The most instalments a plan may have (ten years).
pub const MAX_INSTALMENTS: u32 = 120;
/// The latest first payment, in days.
pub const MAX_FIRST_DAYS: u32 = 365;

/// The customer's hidden finances, in euros per month. The negotiation answers from these.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Finances {
    pub monthly_income: f64,
    pub fixed_costs: f64,
    /// The amount the company claims.
    pub owed: f64,
    /// The part of `owed` that is wrong on the company's side (disputes); 0 if none.
    #[serde(default)]
    pub disputed: f64,
    /// What they can really pay per month without new arrears.
    pub can_pay_monthly: f64,
    /// The earliest first payment, in days from today.
    pub can_start_in_days: u32,
}

impl Finances {
    /// What the customer really owes: the claim less the disputed part.
    pub fn undisputed(&self) -> f64 {
        (self.owed - self.disputed).max(0.0)
    }

    /// Whether the customer can keep this plan: the instalment within what they can pay, the
    /// first payment no sooner than they can start.
    pub fn affords(&self, plan: &Plan) -> bool {
        plan.amount <= self.can_pay_monthly + 0.005 && plan.days >= self.can_start_in_days
    }

    /// The plan a customer who trusts the collector offers instead: what they can pay each
    /// month, as many times as the undisputed claim needs. `None` when they can pay nothing.
    pub fn counter_offer(&self, days: u32) -> Option<Plan> {
        if self.can_pay_monthly < 1.0 {
            return None;
        }
        let amount = self.can_pay_monthly.floor();
        let count = ((self.undisputed() / amount).ceil() as u32).max(1);
        Some(Plan {
            amount,
            count,
            days: days.max(self.can_start_in_days),
        })
    }
}

/// Why a plan cannot be proposed, or `AMOUNT:COUNT:DAYS` cannot be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PlanError {
    #[error("the amount per instalment must be more than 0 (got {0})")]
    NotPositive(f64),
    #[error(
        "the amount per instalment {0} is not a realistic instalment (at most {MAX_INSTALMENT})"
    )]
    TooLarge(f64),
    #[error("the number of instalments must be 1–{MAX_INSTALMENTS} (got {0})")]
    Count(u32),
    #[error("the first payment must be within {MAX_FIRST_DAYS} days (got {0})")]
    TooLate(u32),
    #[error(
        "plan `{0}` must be AMOUNT:COUNT:DAYS, e.g. 45:11:14 (45 euros a month, 11 instalments, first in 14 days)"
    )]
    Shape(String),
    #[error("plan `{plan}`: amount `{part}` is not a number")]
    NotANumber { plan: String, part: String },
    #[error("plan `{plan}`: {what} `{part}` is not a whole number")]
    NotWhole {
        plan: String,
        what: &'static str,
        part: String,
    },
    #[error("plan `{plan}`: {what} `{part}` cannot be negative")]
    Negative {
        plan: String,
        what: &'static str,
        part: String,
    },
    #[error("plan `{plan}`: {what} `{part}` is more than {max}")]
    Above {
        plan: String,
        what: &'static str,
        part: String,
        max: u32,
    },
    #[error("plan `{plan}`: {why}")]
    Rejected { plan: String, why: Box<PlanError> },
}

impl Plan {
    pub fn total(&self) -> f64 {
        self.amount * f64::from(self.count)
    }

    /// Rejects plans no one could mean (the limits are [`MAX_INSTALMENT`] and its neighbours).
    pub fn check(&self) -> Result<(), PlanError> {
        if !self.amount.is_finite() || self.amount <= 0.0 {
            return Err(PlanError::NotPositive(self.amount));
        }
        if self.amount > MAX_INSTALMENT {
            return Err(PlanError::TooLarge(self.amount));
        }
        if self.count == 0 || self.count > MAX_INSTALMENTS {
            return Err(PlanError::Count(self.count));
        }
        if self.days > MAX_FIRST_DAYS {
            return Err(PlanError::TooLate(self.days));
        }
        Ok(())
    }

    /// The plan as the trainee says it.
    pub fn describe(&self, lang: Lang) -> String {
        match lang {
            Lang::Nl => format!(
                "Ik stel voor: {} keer {} per maand, de eerste betaling over {} dagen (samen {}).",
                self.count,
                money(self.amount, lang),
                self.days,
                money(self.total(), lang)
            ),
            Lang::En => format!(
                "I propose {} monthly instalments of {}, the first in {} days ({} in all).",
                self.count,
                money(self.amount, lang),
                self.days,
                money(self.total(), lang)
            ),
        }
    }
}

/// `AMOUNT:COUNT:DAYS`, as `run --plan` takes it.
impl fmt::Display for Plan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if (self.amount - self.amount.round()).abs() < 0.005 {
            write!(
                f,
                "{}:{}:{}",
                self.amount.round() as i64,
                self.count,
                self.days
            )
        } else {
            write!(f, "{:.2}:{}:{}", self.amount, self.count, self.days)
        }
    }
}

/// A plan's whole-number part, at most `max`: a number too large or negative is named as
/// such, not as "not a whole number".
fn whole(part: &str, what: &'static str, max: u32, plan: &str) -> Result<u32, PlanError> {
    let t = part.trim();
    let digits = t.strip_prefix(['-', '+']).unwrap_or(t);
    let (plan, part) = (plan.to_string(), t.to_string());
    match t.parse::<u32>() {
        Ok(v) => Ok(v),
        Err(_) if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) => {
            Err(if t.starts_with('-') {
                PlanError::Negative { plan, what, part }
            } else {
                PlanError::Above {
                    plan,
                    what,
                    part,
                    max,
                }
            })
        }
        Err(_) => Err(PlanError::NotWhole { plan, what, part }),
    }
}

impl FromStr for Plan {
    type Err = PlanError;

    /// `AMOUNT:COUNT:DAYS` (the amount may use a decimal comma: `45,50:10:14`), checked.
    fn from_str(s: &str) -> Result<Plan, PlanError> {
        let parts: Vec<&str> = s.trim().split(':').collect();
        let [a, c, d] = parts.as_slice() else {
            return Err(PlanError::Shape(s.to_string()));
        };
        let amount: f64 =
            a.trim()
                .replace(',', ".")
                .parse()
                .map_err(|_| PlanError::NotANumber {
                    plan: s.to_string(),
                    part: a.to_string(),
                })?;
        let plan = Plan {
            amount,
            count: whole(c, "count", MAX_INSTALMENTS, s)?,
            days: whole(d, "days", MAX_FIRST_DAYS, s)?,
        };
        plan.check().map_err(|why| PlanError::Rejected {
            plan: s.to_string(),
            why: Box::new(why),
        })?;
        Ok(plan)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plans_round_trip() {
        let p: Plan = "45,50:11:14".parse().expect("a plan");
        assert_eq!(
            p,
            Plan {
                amount: 45.5,
                count: 11,
                days: 14
            }
        );
        assert_eq!(p.to_string(), "45.50:11:14");
        assert_eq!(
            Plan {
                amount: 45.0,
                count: 2,
                days: 0
            }
            .to_string(),
            "45:2:0"
        );
    }

    #[test]
    fn bad_plans_say_why() {
        let err = |s: &str| s.parse::<Plan>().unwrap_err().to_string();
        assert!(err("45:11").contains("AMOUNT:COUNT:DAYS"));
        assert!(err("x:11:14").contains("not a number"));
        assert!(err("0:11:14").contains("more than 0"));
        assert!(err("10:0:14").contains("1–120"));
        assert_eq!(
            err("20:4294967296:1"),
            "plan `20:4294967296:1`: count `4294967296` is more than 120"
        );
        assert_eq!(
            err("-5:3:1"),
            "plan `-5:3:1`: the amount per instalment must be more than 0 (got -5)"
        );
    }

    #[test]
    fn plan_limits() {
        let plan = |amount, count, days| Plan {
            amount,
            count,
            days,
        };
        assert!(
            plan(MAX_INSTALMENT, MAX_INSTALMENTS, MAX_FIRST_DAYS)
                .check()
                .is_ok()
        );
        assert!(plan(f64::NAN, 1, 1).check().is_err());
        assert!(plan(MAX_INSTALMENT + 1.0, 1, 1).check().is_err());
        assert!(
            plan(10.0, MAX_INSTALMENTS + 1, 1)
                .check()
                .is_err_and(|e| e.to_string().contains("1–120"))
        );
        assert!(
            plan(10.0, 1, MAX_FIRST_DAYS + 1)
                .check()
                .is_err_and(|e| e.to_string().contains("365"))
        );
    }
}
