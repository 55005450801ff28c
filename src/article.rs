//! The unit of work: one article, its id, text and optional publication date.

use serde::{Deserialize, Serialize};

/// Where an article came from: its input file and, for JSON Lines, its line number.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Source {
    /// Input path (`-` for standard input).
    pub file: String,
    /// 1-based line number in a JSON Lines input.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
}

/// One article to extract from.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Article {
    /// Identifier carried to the record (the JSONL `id`, or the file path for `.txt`).
    pub id: String,
    /// The article text, as given.
    pub text: String,
    /// The publication date, used to resolve relative and partial dates.
    pub date: Option<ArticleDate>,
    /// Provenance, reported in records and error records.
    pub source: Option<Source>,
    /// Non-fatal input problems (an unparseable date, replaced bytes), carried to the record.
    pub warnings: Vec<String>,
}

impl Article {
    /// An article with an id and text, no date and no source.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Article {
            id: id.into(),
            text: text.into(),
            ..Default::default()
        }
    }

    /// The same article with a publication date.
    pub fn with_date(mut self, date: ArticleDate) -> Self {
        self.date = Some(date);
        self
    }
}

/// A publication date at the precision the input gives: year, year-month or full date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ArticleDate {
    /// Year, e.g. 2025.
    pub year: i32,
    /// Month 1-12, when known.
    pub month: Option<u8>,
    /// Day of month 1-31, when known (requires `month`).
    pub day: Option<u8>,
}

impl ArticleDate {
    /// A full date.
    pub fn ymd(year: i32, month: u8, day: u8) -> Self {
        ArticleDate {
            year,
            month: Some(month),
            day: Some(day),
        }
    }

    /// Parse an ISO 8601 date or date-time prefix: `2025`, `2025-02`, `2025-02-10`,
    /// `2025-02-10T08:00:00Z`, `2025/02/10`. Returns `None` for anything else or an impossible
    /// date.
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        let date_part = s.split(['T', ' ']).next()?;
        let mut it = date_part.split(['-', '/']);
        let y = it.next()?;
        if y.len() != 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: i32 = y.parse().ok()?;
        let month = match it.next() {
            None => {
                return Some(ArticleDate {
                    year,
                    month: None,
                    day: None,
                })
            }
            Some(m) => parse_num(m, 1, 12)?,
        };
        let day = match it.next() {
            None => {
                return Some(ArticleDate {
                    year,
                    month: Some(month),
                    day: None,
                })
            }
            Some(d) => parse_num(d, 1, days_in_month(year, month))?,
        };
        if it.next().is_some() {
            return None;
        }
        Some(ArticleDate::ymd(year, month, day))
    }

    /// ISO 8601 at the known precision.
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{:02}-{:02}", self.year, m, d),
            (Some(m), None) => format!("{:04}-{:02}", self.year, m),
            _ => format!("{:04}", self.year),
        }
    }
}

fn parse_num(s: &str, lo: u8, hi: u8) -> Option<u8> {
    if s.is_empty() || s.len() > 2 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let v: u8 = s.parse().ok()?;
    (lo..=hi).contains(&v).then_some(v)
}

/// Days in a month of the proleptic Gregorian calendar.
/// 0 for a month outside 1..=12.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    if !(1..=12).contains(&month) {
        return 0;
    }
    chrono::NaiveDate::from_ymd_opt(year, month as u32, 1)
        .and_then(|d| d.checked_add_months(chrono::Months::new(1)))
        .map_or(0, |next| {
            use chrono::Datelike;
            next.pred_opt().map_or(0, |last| last.day() as u8)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_iso_dates_at_every_precision() {
        assert_eq!(ArticleDate::parse("2025").unwrap().iso(), "2025");
        assert_eq!(ArticleDate::parse("2025-02").unwrap().iso(), "2025-02");
        assert_eq!(
            ArticleDate::parse("2025-02-10").unwrap().iso(),
            "2025-02-10"
        );
        assert_eq!(
            ArticleDate::parse("2025-02-10T08:30:00Z").unwrap().iso(),
            "2025-02-10"
        );
        assert_eq!(ArticleDate::parse("2024/2/29").unwrap().iso(), "2024-02-29");
    }

    #[test]
    fn rejects_impossible_or_malformed_dates() {
        for s in [
            "",
            "hier",
            "2025-13",
            "2025-02-30",
            "2023-02-29",
            "25-02-10",
            "2025-02-10-01",
            "2025-0x",
        ] {
            assert!(ArticleDate::parse(s).is_none(), "{s}");
        }
    }
}
