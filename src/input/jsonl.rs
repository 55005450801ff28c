//! One JSON Lines record -> one [`Article`], or the error record that explains why not.

use crate::article::{Article, ArticleDate, Source};
use crate::record::{ErrorInfo, ErrorKind, ErrorRecord};
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::collections::HashMap;

/// Names of the JSON fields that carry the id, the text and the date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldNames {
    /// Field holding the article id (string or number). Default `id`.
    pub id: String,
    /// Field holding the article text. Default `text`.
    pub text: String,
    /// Field holding the publication date (ISO 8601). Default `date`.
    pub date: String,
}

impl Default for FieldNames {
    fn default() -> Self {
        FieldNames {
            id: "id".into(),
            text: "text".into(),
            date: "date".into(),
        }
    }
}

/// Parse one JSON line (without its newline). Returns `None` for a blank line, which is not an
/// article. Non-fatal problems (an unparseable date, replaced bytes) go to `Article::warnings`.
pub fn parse_line(
    line: &[u8],
    fields: &FieldNames,
    lossy: bool,
    source: &Source,
) -> Option<Result<Article, ErrorRecord>> {
    let mut warnings = Vec::new();
    let (text, utf8_error): (Cow<str>, Option<std::str::Utf8Error>) =
        match std::str::from_utf8(line) {
            Ok(s) => (Cow::Borrowed(s), None),
            Err(e) => (String::from_utf8_lossy(line), Some(e)),
        };
    let trimmed = text.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    if trimmed.is_empty() {
        return None;
    }
    let fallback_id = || match source.line {
        Some(n) => format!("{}:{}", source.file, n),
        None => source.file.clone(),
    };
    let err = |id: String, kind: ErrorKind, message: String| ErrorRecord {
        id,
        error: ErrorInfo {
            kind,
            message,
            source: source.file.clone(),
            line: source.line,
        },
    };
    let map: HashMap<Cow<str>, &RawValue> = match serde_json::from_str(trimmed) {
        Ok(m) => m,
        Err(e) => {
            let is_json = serde_json::from_str::<serde::de::IgnoredAny>(trimmed).is_ok();
            let (kind, message) = if is_json {
                (
                    ErrorKind::NotAnObject,
                    format!(
                        "line is JSON but not an object (expected {{\"{}\": ..., \"{}\": ...}})",
                        fields.id, fields.text
                    ),
                )
            } else {
                (ErrorKind::MalformedJson, format!("malformed JSON: {e}"))
            };
            return Some(Err(err(fallback_id(), kind, message)));
        }
    };
    let id = match map.get(fields.id.as_str()) {
        Some(raw) => match serde_json::from_str::<serde_json::Value>(raw.get()) {
            Ok(serde_json::Value::String(s)) => s,
            Ok(serde_json::Value::Null) | Err(_) => fallback_id(),
            Ok(v) => v.to_string(),
        },
        None => fallback_id(),
    };
    if let Some(e) = utf8_error {
        if !lossy {
            return Some(Err(err(
                id,
                ErrorKind::InvalidUtf8,
                format!(
                    "invalid UTF-8 at byte {} of the line (re-encode the input, or pass --lossy to replace bad bytes with U+FFFD)",
                    e.valid_up_to()
                ),
            )));
        }
        warnings.push(format!(
            "invalid UTF-8 replaced with U+FFFD (first at byte {})",
            e.valid_up_to()
        ));
    }
    let text = match map.get(fields.text.as_str()) {
        None => {
            return Some(Err(err(
                id,
                ErrorKind::MissingText,
                format!(
                    "no \"{}\" field (use --text-field to name another)",
                    fields.text
                ),
            )))
        }
        Some(raw) => match serde_json::from_str::<serde_json::Value>(raw.get()) {
            Ok(serde_json::Value::String(s)) => s,
            Ok(v) => {
                return Some(Err(err(
                    id,
                    ErrorKind::TextNotString,
                    format!("\"{}\" is {}, not a string", fields.text, json_type(&v)),
                )))
            }
            Err(e) => {
                return Some(Err(err(
                    id,
                    ErrorKind::MalformedJson,
                    format!("bad text string: {e}"),
                )))
            }
        },
    };
    let date = match map.get(fields.date.as_str()) {
        None => None,
        Some(raw) => match serde_json::from_str::<serde_json::Value>(raw.get()) {
            Ok(serde_json::Value::Null) => None,
            Ok(serde_json::Value::String(s)) if s.trim().is_empty() => None,
            Ok(serde_json::Value::String(s)) => match ArticleDate::parse(&s) {
                Some(d) => Some(d),
                None => {
                    warnings.push(format!(
                        "\"{}\" value {s:?} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD); relative dates left unresolved",
                        fields.date
                    ));
                    None
                }
            },
            Ok(v) => {
                warnings.push(format!(
                    "\"{}\" is {}, not a string; ignored",
                    fields.date,
                    json_type(&v)
                ));
                None
            }
            Err(_) => None,
        },
    };
    Some(Ok(Article {
        id,
        text,
        date,
        source: Some(source.clone()),
        warnings,
    }))
}

fn json_type(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(line: &[u8]) -> Option<Result<Article, ErrorRecord>> {
        let src = Source {
            file: "in.jsonl".into(),
            line: Some(7),
        };
        parse_line(line, &FieldNames::default(), false, &src)
    }

    fn kind(line: &[u8]) -> ErrorKind {
        parse(line).unwrap().unwrap_err().error.kind
    }

    #[test]
    fn parses_id_text_and_date() {
        let a = parse(br#"{"id": "a1", "date": "2025-02-10", "text": "Bonjour", "title": null}"#)
            .unwrap()
            .unwrap();
        assert_eq!(a.id, "a1");
        assert_eq!(a.text, "Bonjour");
        assert_eq!(a.date, ArticleDate::parse("2025-02-10"));
        assert_eq!(a.source.unwrap().line, Some(7));
    }

    #[test]
    fn numeric_and_missing_ids() {
        assert_eq!(
            parse(br#"{"id": 42, "text": "x"}"#).unwrap().unwrap().id,
            "42"
        );
        assert_eq!(
            parse(br#"{"text": "x"}"#).unwrap().unwrap().id,
            "in.jsonl:7"
        );
    }

    #[test]
    fn blank_lines_are_not_articles() {
        assert!(parse(b"   ").is_none());
        assert!(parse(b"").is_none());
    }

    #[test]
    fn bad_lines_get_typed_errors() {
        assert_eq!(
            kind(b"{\"id\": \"a\", \"text\": "),
            ErrorKind::MalformedJson
        );
        assert_eq!(kind(b"[1, 2]"), ErrorKind::NotAnObject);
        assert_eq!(kind(b"42"), ErrorKind::NotAnObject);
        assert_eq!(kind(br#"{"id": "a"}"#), ErrorKind::MissingText);
        assert_eq!(
            kind(br#"{"id": "a", "text": null}"#),
            ErrorKind::TextNotString
        );
        assert_eq!(kind(br#"{"id": "a", "text": 3}"#), ErrorKind::TextNotString);
        assert_eq!(
            kind(b"{\"id\": \"a\", \"text\": \"caf\xe9\"}"),
            ErrorKind::InvalidUtf8
        );
    }

    #[test]
    fn error_keeps_the_id_when_readable() {
        let e = parse(b"{\"id\": \"z9\", \"text\": \"\xff\"}")
            .unwrap()
            .unwrap_err();
        assert_eq!(e.id, "z9");
        assert_eq!(e.error.line, Some(7));
    }

    #[test]
    fn lossy_replaces_invalid_bytes() {
        let src = Source {
            file: "f".into(),
            line: Some(1),
        };
        let a = parse_line(
            b"{\"id\": \"a\", \"text\": \"caf\xe9 cr\xe8me\"}",
            &FieldNames::default(),
            true,
            &src,
        )
        .unwrap()
        .unwrap();
        assert_eq!(a.text, "caf\u{FFFD} cr\u{FFFD}me");
        assert_eq!(a.warnings.len(), 1);
    }

    #[test]
    fn bad_date_is_a_warning_not_an_error() {
        let src = Source {
            file: "f".into(),
            line: Some(1),
        };
        let a = parse_line(
            br#"{"id": "a", "text": "t", "date": "hier"}"#,
            &FieldNames::default(),
            false,
            &src,
        )
        .unwrap()
        .unwrap();
        assert!(a.date.is_none());
        assert_eq!(a.warnings.len(), 1);
    }

    #[test]
    fn custom_field_names() {
        let f = FieldNames {
            id: "uid".into(),
            text: "body".into(),
            date: "published".into(),
        };
        let src = Source {
            file: "f".into(),
            line: Some(1),
        };
        let a = parse_line(
            br#"{"uid": "u", "body": "b", "published": "2020-05"}"#,
            &f,
            false,
            &src,
        )
        .unwrap()
        .unwrap();
        assert_eq!((a.id.as_str(), a.text.as_str()), ("u", "b"));
        assert_eq!(a.date.unwrap().iso(), "2020-05");
    }
}
