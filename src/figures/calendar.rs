//! Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01): weekdays
//! and ISO weeks, through `chrono`.

pub use crate::article::days_in_month;
use chrono::{Datelike, NaiveDate};

/// Day number of 1970-01-01 counted from 0001-01-01 (chrono's "days from CE", day 1).
const UNIX_EPOCH_FROM_CE: i64 = 719_163;

/// The date of a day number (days since 1970-01-01).
fn date(days: i64) -> NaiveDate {
    i32::try_from(days + UNIX_EPOCH_FROM_CE)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
        .unwrap_or(NaiveDate::MIN)
}

/// Days since 1970-01-01 of a civil date. Months and days past their end carry over
/// linearly ("13/2025" is January 2026, "32 January" is 1 February), so any (y, m, d) has a
/// day number.
pub fn days_from_civil(y: i32, m: u8, d: u8) -> i64 {
    let months = y as i64 * 12 + m as i64 - 1;
    let (y, m) = (
        months.div_euclid(12) as i32,
        months.rem_euclid(12) as u32 + 1,
    );
    let first = NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(NaiveDate::MIN);
    first.num_days_from_ce() as i64 - UNIX_EPOCH_FROM_CE + d as i64 - 1
}

/// The civil date of a day number.
pub fn civil_from_days(z: i64) -> (i32, u8, u8) {
    let d = date(z);
    (d.year(), d.month() as u8, d.day() as u8)
}

/// Weekday of a day number: 0 = Monday ... 6 = Sunday.
pub fn weekday(days: i64) -> u8 {
    date(days).weekday().num_days_from_monday() as u8
}

/// ISO 8601 week of a day number: (ISO year, week 1-53).
pub fn iso_week(days: i64) -> (i32, u8) {
    let w = date(days).iso_week();
    (w.year(), w.week() as u8)
}

/// ISO string of a day number: `YYYY-MM-DD`.
pub fn iso_day(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// ISO week string: `YYYY-Www`.
pub fn iso_week_string(days: i64) -> String {
    let (y, w) = iso_week(days);
    format!("{y:04}-W{w:02}")
}

/// True when the date exists.
pub fn valid(y: i32, m: u8, d: u8) -> bool {
    (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_weekdays() {
        for &(y, m, d, wd) in &[
            (1970, 1, 1, 3u8),
            (2025, 2, 10, 0),
            (2025, 2, 11, 1),
            (2025, 2, 7, 4),
            (2000, 2, 29, 1),
            (2020, 5, 15, 4),
            (1999, 12, 31, 4),
        ] {
            let z = days_from_civil(y, m, d);
            assert_eq!(civil_from_days(z), (y, m, d));
            assert_eq!(weekday(z), wd, "{y}-{m}-{d}");
        }
    }

    #[test]
    fn months_and_days_past_their_end_carry_over() {
        assert_eq!(days_from_civil(2025, 13, 1), days_from_civil(2026, 1, 1));
        assert_eq!(days_from_civil(2025, 1, 32), days_from_civil(2025, 2, 1));
        assert_eq!(days_from_civil(2025, 0, 1), days_from_civil(2024, 12, 1));
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
    }

    #[test]
    fn iso_weeks() {
        assert_eq!(iso_week_string(days_from_civil(2025, 2, 3)), "2025-W06");
        assert_eq!(iso_week_string(days_from_civil(2025, 2, 10)), "2025-W07");
        assert_eq!(iso_week_string(days_from_civil(2021, 1, 3)), "2020-W53");
        assert_eq!(iso_week_string(days_from_civil(2024, 12, 30)), "2025-W01");
    }
}
