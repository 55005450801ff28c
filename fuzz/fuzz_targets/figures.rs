//! Figure parser: never panic; spans exact; values finite.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fuzz_target!(|data: &[u8]| {
    static F: OnceLock<depeche::figures::FigureExtractor> = OnceLock::new();
    let Ok(text) = std::str::from_utf8(data) else { return };
    let date = depeche::ArticleDate::parse("2025-02-10");
    let doc = depeche::text::Document::new(text, date);
    let (amounts, dates) = F.get_or_init(depeche::figures::FigureExtractor::new).extract(&doc);
    for a in &amounts {
        assert!(a.value.is_finite());
        assert_eq!(&text[a.span.byte_start..a.span.byte_end], a.span.text);
    }
    for d in &dates {
        assert_eq!(&text[d.span.byte_start..d.span.byte_end], d.span.text);
    }
});
