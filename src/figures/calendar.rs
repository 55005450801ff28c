//! Proleptic Gregorian calendar arithmetic: day numbers, weekdays, ISO weeks.

pub use crate::article::days_in_month;

/// Days since 1970-01-01 of a civil date (H. Hinnant's algorithm).
pub fn days_from_civil(y: i32, m: u8, d: u8) -> i64 {
    let y = if m <= 2 { y as i64 - 1 } else { y as i64 };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = m as i64;
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// The civil date of a day number.
pub fn civil_from_days(z: i64) -> (i32, u8, u8) {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    ((if m <= 2 { y + 1 } else { y }) as i32, m, d)
}

/// Weekday of a day number: 0 = Monday ... 6 = Sunday.
pub fn weekday(days: i64) -> u8 {
    // 1970-01-01 was a Thursday (3).
    ((days + 3).rem_euclid(7)) as u8
}

/// ISO 8601 week of a day number: (ISO year, week 1-53).
pub fn iso_week(days: i64) -> (i32, u8) {
    let wd = weekday(days) as i64;
    // The Thursday of the same ISO week decides the year.
    let thursday = days - wd + 3;
    let (y, _, _) = civil_from_days(thursday);
    let jan1 = days_from_civil(y, 1, 1);
    let week = (thursday - jan1) / 7 + 1;
    (y, week as u8)
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
    fn iso_weeks() {
        assert_eq!(iso_week_string(days_from_civil(2025, 2, 3)), "2025-W06");
        assert_eq!(iso_week_string(days_from_civil(2025, 2, 10)), "2025-W07");
        assert_eq!(iso_week_string(days_from_civil(2021, 1, 3)), "2020-W53");
        assert_eq!(iso_week_string(days_from_civil(2024, 12, 30)), "2025-W01");
    }
}
