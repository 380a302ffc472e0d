//! Dates and the clock: the one `now()`, calendar dates from day counts and back, `YYYY-MM-DD`
//! parsing and RFC 3339 timestamps. Everything is UTC.

use crate::text::Lang;

/// Seconds since the epoch, now (0 if the clock is before 1970).
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// A calendar date (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

/// A date in JSON is `YYYY-MM-DD`.
impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&format_args!(
            "{:04}-{:02}-{:02}",
            self.year, self.month, self.day
        ))
    }
}

/// Why a date could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("date `{0}` must be YYYY-MM-DD, e.g. 2026-11-01")]
    Format(String),
    #[error("date `{0}` does not exist")]
    NoSuchDay(String),
}

impl Date {
    /// Today (UTC).
    pub fn today() -> Date {
        Date::from_days(now().div_euclid(86_400))
    }

    /// The day a timestamp (seconds since the epoch) falls on.
    pub fn of_timestamp(secs: i64) -> Date {
        Date::from_days(secs.div_euclid(86_400))
    }

    /// From days since 1970-01-01 (Howard Hinnant's civil-from-days).
    pub fn from_days(z: i64) -> Date {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        Date {
            year: (yoe + era * 400 + i64::from(month <= 2)) as i32,
            month,
            day,
        }
    }

    /// Days since 1970-01-01 (days-from-civil, the inverse of [`Date::from_days`]).
    pub fn to_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The start of this day (UTC) in seconds since the epoch.
    pub fn timestamp(self) -> i64 {
        self.to_days() * 86_400
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
        let names = if lang == Lang::Nl { NL } else { EN };
        format!("{} {}", self.day, names[(self.month - 1) as usize % 12])
    }

    /// Day, month and year in words: "22 januari 2027".
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
        let names = if lang == Lang::Nl { NL } else { EN };
        format!(
            "{} {} {}",
            self.day,
            names[(self.month - 1) as usize % 12],
            self.year
        )
    }
}

impl std::str::FromStr for Date {
    type Err = DateError;

    /// `YYYY-MM-DD`.
    fn from_str(s: &str) -> Result<Date, DateError> {
        let bad = || DateError::Format(s.to_string());
        let parts: Vec<&str> = s.trim().split('-').collect();
        let [y, m, d] = parts.as_slice() else {
            return Err(bad());
        };
        let (y, m, d): (i32, u32, u32) = (
            y.parse().map_err(|_| bad())?,
            m.parse().map_err(|_| bad())?,
            d.parse().map_err(|_| bad())?,
        );
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            return Err(bad());
        }
        let date = Date {
            year: y,
            month: m,
            day: d,
        };
        // 2026-02-30 comes back as 2026-03-02.
        if Date::from_days(date.to_days()) != date {
            return Err(DateError::NoSuchDay(s.to_string()));
        }
        Ok(date)
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// `YYYY-MM-DD` (start of that day, UTC) as seconds since the epoch: the CLI's `--since`.
pub fn parse_date(s: &str) -> Result<i64, DateError> {
    s.parse::<Date>().map(Date::timestamp)
}

/// Seconds since the epoch as an RFC 3339 UTC timestamp.
pub fn rfc3339(secs: i64) -> String {
    let t = secs.rem_euclid(86_400);
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        Date::of_timestamp(secs),
        t / 3600,
        t / 60 % 60,
        t % 60
    )
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
        assert_eq!(d.plus_days(40).to_string(), "2026-01-01");
        assert_eq!(
            "2026-01-31"
                .parse::<Date>()
                .map(|d| d.plus_months(1).to_string()),
            Ok("2026-02-28".to_string())
        );
        assert_eq!(d.plus_months(14).show(Lang::Nl), "22 januari 2027");
    }

    #[test]
    fn days_round_trip() {
        for z in [-800_000, -1, 0, 59, 11_016, 20_414, 2_932_896] {
            assert_eq!(Date::from_days(z).to_days(), z);
        }
    }

    #[test]
    fn dates_parse_and_timestamps_print() {
        assert_eq!(parse_date("1970-01-02"), Ok(86_400));
        assert_eq!(
            parse_date("2026-11-22").map(|t| rfc3339(t + 3723)),
            Ok("2026-11-22T01:02:03Z".to_string())
        );
        assert_eq!(
            parse_date("2026-02-30"),
            Err(DateError::NoSuchDay("2026-02-30".into()))
        );
        assert!(
            parse_date("22-11")
                .unwrap_err()
                .to_string()
                .contains("YYYY-MM-DD")
        );
    }
}
