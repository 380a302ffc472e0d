//! A calendar date: when a plan's payments fall, and the dates on the score charts and tables.

use super::lang::tr;
use crate::text::Lang;

/// A calendar date, for showing when payments fall.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

/// Today (UTC).
pub fn today() -> Date {
    let days = crate::game::session::now() / 86_400;
    Date::from_days(days as i64)
}

impl Date {
    /// From days since 1970-01-01.
    pub fn from_days(z: i64) -> Date {
        let (year, month, day) = crate::render::civil_from_days(z);
        Date { year, month, day }
    }

    fn to_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    pub fn plus_days(self, days: u32) -> Date {
        Date::from_days(self.to_days() + i64::from(days))
    }

    /// The same day `n` months later (the last day of a shorter month).
    pub fn plus_months(self, n: u32) -> Date {
        let m0 = self.month - 1 + n;
        let year = self.year + (m0 / 12) as i32;
        let month = m0 % 12 + 1;
        let next = if month == 12 {
            Date {
                year: year + 1,
                month: 1,
                day: 1,
            }
        } else {
            Date {
                year,
                month: month + 1,
                day: 1,
            }
        };
        let last = Date::from_days(next.to_days() - 1).day;
        Date {
            year,
            month,
            day: self.day.min(last),
        }
    }

    /// Day and short month: "3 mrt", "3 Mar".
    pub fn short(self, lang: Lang) -> String {
        const NL: [&str; 12] = [
            "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
        ];
        const EN: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        let names = tr(lang, NL, EN);
        format!("{} {}", self.day, names[(self.month - 1) as usize % 12])
    }

    pub fn show(self, lang: Lang) -> String {
        const NL: [&str; 12] = [
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december",
        ];
        const EN: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let names = tr(lang, NL, EN);
        format!(
            "{} {} {}",
            self.day,
            names[(self.month - 1) as usize % 12],
            self.year
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_add_days_and_months() {
        let d = Date::from_days(20_414); // 2025-11-22
        assert_eq!(
            d,
            Date {
                year: 2025,
                month: 11,
                day: 22
            }
        );
        assert_eq!(
            d.plus_days(40),
            Date {
                year: 2026,
                month: 1,
                day: 1
            }
        );
        assert_eq!(
            Date {
                year: 2026,
                month: 1,
                day: 31
            }
            .plus_months(1),
            Date {
                year: 2026,
                month: 2,
                day: 28
            }
        );
        assert_eq!(d.plus_months(14).show(Lang::Nl), "22 januari 2027");
    }
}
