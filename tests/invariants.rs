//! Property tests: invariants every stage keeps on arbitrary text.
//! - tokens are in order, non-overlapping, on character boundaries, and cover every
//!   non-space, visible character;
//! - sentences and paragraphs cover all tokens in order;
//! - every span of a record round-trips (`text[start:end] == span.text`, in code points);
//! - extraction is deterministic.

use depeche::text::{chars, tokenize, Document};
use depeche::{Article, Pipeline, PipelineConfig};
use proptest::prelude::*;
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::new(&PipelineConfig::default()).expect("pipeline"))
}

/// Text built from pieces of French news typography, so the generator hits the interesting
/// paths (numbers with separators, elisions, quotes, abbreviations, capitalised names, NBSP).
fn newsy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Emmanuel Macron".to_string()),
        Just("M. Vance".to_string()),
        Just("l’UE".to_string()),
        Just("d'euros".to_string()),
        Just("« ".to_string()),
        Just(" »".to_string()),
        Just("“".to_string()),
        Just("\"".to_string()),
        Just("1\u{a0}000".to_string()),
        Just("35\u{202f}900 €".to_string()),
        Just("12,5 %".to_string()),
        Just("839.000".to_string()),
        Just("51'000".to_string()),
        Just("milliards de dollars".to_string()),
        Just("le 11 février 2025".to_string()),
        Just("hier".to_string()),
        Just("a-t-il déclaré".to_string()),
        Just("J.-C.".to_string()),
        Just("etc.".to_string()),
        Just(". ".to_string()),
        Just(", ".to_string()),
        Just(" ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\u{a0}".to_string()),
        Just("\u{200b}".to_string()),
        Just("\u{202e}".to_string()),
        Just("e\u{301}".to_string()),
        Just("😀".to_string()),
        Just("\u{0}".to_string()),
        Just("Paris".to_string()),
        Just("selon".to_string()),
        "[A-Za-zÀ-ÿ0-9 ,.;:!?'’«»()-]{0,12}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

/// A gap between tokens without its backslash escapes of white space ("\n", "\r", "\t").
fn unescaped_gap(gap: &str) -> String {
    gap.replace("\\n", " ")
        .replace("\\r", " ")
        .replace("\\t", " ")
}

fn check_tokens(text: &str) -> Result<(), TestCaseError> {
    let toks = tokenize::tokenize(text);
    let mut last = 0usize;
    for t in &toks {
        let (s, e) = (t.start as usize, t.end as usize);
        prop_assert!(s >= last && e > s && e <= text.len());
        prop_assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
        // Nothing but spaces, invisible marks and escaped white space left in scraped text
        // ("\n" written as two characters) between tokens.
        for c in unescaped_gap(&text[last..s]).chars() {
            prop_assert!(
                chars::is_space(c) || chars::is_invisible(c),
                "lost char {:?} in {:?}",
                c,
                text
            );
        }
        last = e;
    }
    for c in unescaped_gap(&text[last..]).chars() {
        prop_assert!(
            chars::is_space(c) || chars::is_invisible(c),
            "lost trailing {:?}",
            c
        );
    }
    let doc = Document::new(text, None);
    for segs in [&doc.sentences, &doc.paragraphs] {
        let mut next = 0u32;
        for s in segs.iter() {
            prop_assert_eq!(s.first_token, next);
            prop_assert!(s.end_token > s.first_token);
            next = s.end_token;
        }
        prop_assert_eq!(next as usize, toks.len());
    }
    Ok(())
}

fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

fn check_record(text: &str) -> Result<(), TestCaseError> {
    let article = Article::new("p", text);
    let Ok(rec) = pipeline().extract(&article) else {
        // Only empty / blank texts are refused.
        prop_assert!(text
            .chars()
            .all(|c| chars::is_space(c) || chars::is_invisible(c)));
        return Ok(());
    };
    let n = text.chars().count();
    let v = serde_json::to_value(&rec).unwrap();
    let mut spans: Vec<&serde_json::Value> = Vec::new();
    for a in v["actors"].as_array().unwrap() {
        spans.extend(a["mentions"].as_array().unwrap());
    }
    spans.extend(v["amounts"].as_array().unwrap());
    spans.extend(v["dates"].as_array().unwrap());
    spans.extend(
        v["positions"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p.get("start").is_some()),
    );
    for s in spans {
        let (a, b) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        prop_assert!(a <= b && b <= n, "span out of range: {}", s);
        prop_assert_eq!(
            slice(text, a, b),
            s["text"].as_str().unwrap().to_string(),
            "span {} in {:?}",
            s,
            text
        );
    }
    for a in v["amounts"].as_array().unwrap() {
        prop_assert!(
            a["value"].as_f64().is_some_and(f64::is_finite),
            "amount value must be finite: {}",
            a
        );
    }
    let again = pipeline().extract(&article).unwrap();
    prop_assert_eq!(rec, again, "extraction must be deterministic");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn tokens_cover_text_on_boundaries(text in newsy_text()) {
        check_tokens(&text)?;
    }

    #[test]
    fn tokens_cover_arbitrary_unicode(text in "\\PC{0,200}") {
        check_tokens(&text)?;
    }

    #[test]
    fn record_spans_round_trip(text in newsy_text()) {
        check_record(&text)?;
    }

    #[test]
    fn record_spans_round_trip_on_arbitrary_unicode(text in "\\PC{0,200}") {
        check_record(&text)?;
    }
}
