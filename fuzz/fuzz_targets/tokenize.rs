//! Tokenizer and segmentation: never panic; tokens ordered, on char boundaries; segments cover
//! every token.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let doc = depeche::text::Document::new(text, None);
    let mut last = 0usize;
    for t in &doc.tokens {
        assert!(t.start as usize >= last && t.end > t.start);
        assert!(text.is_char_boundary(t.start as usize) && text.is_char_boundary(t.end as usize));
        last = t.end as usize;
    }
    for segs in [&doc.sentences, &doc.paragraphs] {
        let mut next = 0;
        for s in segs.iter() {
            assert_eq!(s.first_token, next);
            next = s.end_token;
        }
        assert_eq!(next as usize, doc.tokens.len());
    }
});
