//! JSON Lines reader: any bytes give one item per non-blank line, never a panic.
#![no_main]
use depeche::input::{read_jsonl, InputOptions, Item, ReadSummary};
use libfuzzer_sys::fuzz_target;
use std::ops::ControlFlow;

fuzz_target!(|data: &[u8]| {
    let opts = InputOptions { max_bytes: 4096, lossy: data.first() == Some(&b'L'), ..Default::default() };
    let mut n = 0usize;
    let mut summary = ReadSummary::default();
    let mut r = std::io::BufReader::with_capacity(64, data);
    let _ = read_jsonl(&mut r, "fuzz", &opts, &mut |item: Item| {
        if let Item::Article(a) = &item {
            assert!(a.text.len() <= 4096);
        }
        n += 1;
        ControlFlow::Continue(())
    }, &mut summary);
    let non_blank = data
        .split(|&b| b == b'\n')
        .filter(|l| !String::from_utf8_lossy(l).trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}').is_empty())
        .count();
    assert_eq!(n, non_blank);
});
