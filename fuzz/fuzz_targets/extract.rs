//! The whole pipeline on one article: never panic; every span round-trips.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fuzz_target!(|data: &[u8]| {
    static P: OnceLock<depeche::Pipeline> = OnceLock::new();
    let Ok(text) = std::str::from_utf8(data) else { return };
    let p = P.get_or_init(|| depeche::Pipeline::new(&Default::default()).expect("pipeline"));
    let article = depeche::Article::new("fuzz", text).with_date(depeche::ArticleDate::ymd(2025, 2, 10));
    let Ok(rec) = p.extract(&article) else { return };
    let check = |s: &depeche::record::Span| assert_eq!(&text[s.byte_start..s.byte_end], s.text);
    for a in &rec.actors {
        a.mentions.iter().for_each(|m| check(&m.span));
    }
    rec.amounts.iter().for_each(|a| check(&a.span));
    rec.dates.iter().for_each(|d| check(&d.span));
    serde_json::to_string(&rec).expect("serializes");
});
