//! Case statistics learned from unlabeled news: how often each word is written lowercase,
//! capitalised or in capitals away from sentence starts.

use crate::actors::features::{case_class, lower_hash, CaseStats, HashKeyMap};
use crate::text::{Document, TokenKind};
use std::io::BufRead;
use std::path::Path;

/// Running counts: lowercase, capitalised, all caps.
#[derive(Clone, Debug, Default)]
pub struct CaseCounter {
    counts: HashKeyMap<[u32; 3]>,
}

impl CaseCounter {
    /// Count the words of one text.
    pub fn add_text(&mut self, text: &str) {
        let doc = Document::new(text, None);
        for s in &doc.sentences {
            let r = s.tokens();
            for i in r.clone().skip(1) {
                let t = doc.tokens[i];
                if t.kind != TokenKind::Word || t.has(crate::text::flags::NEWLINE_BEFORE) {
                    continue;
                }
                let prev = doc.tokens[i - 1];
                let ptext = prev.text(text);
                if prev.kind == TokenKind::Quote
                    || matches!(
                        ptext,
                        ":" | "(" | "—" | "–" | "-" | "•" | "«" | "…" | "." | "?" | "!"
                    )
                {
                    continue;
                }
                let w = t.text(text);
                let Some(c0) = w.chars().next() else { continue };
                if !c0.is_alphabetic() {
                    continue;
                }
                let slot = if t.has(crate::text::flags::ALL_CAPS) {
                    2
                } else if c0.is_uppercase() {
                    1
                } else {
                    0
                };
                self.counts.entry(lower_hash(w) as u32).or_insert([0; 3])[slot] += 1;
            }
        }
    }

    /// The packed statistics table (class << 4 | frequency bucket), known words only.
    pub fn finish(&self) -> CaseStats {
        let mut stats = CaseStats::default();
        for (k, [l, c, u]) in &self.counts {
            let class = case_class::classify(*l, *c, *u);
            if class != case_class::UNKNOWN {
                stats
                    .map
                    .insert(*k, (class << 4) | case_class::freq_bucket(l + c + u));
            }
        }
        stats
    }
}

/// Count every `text` field of the JSON Lines files (`*.jsonl`) in `dir`. Returns the counter
/// and the number of articles read.
pub fn count_news_dir(dir: &Path) -> std::io::Result<(CaseCounter, usize)> {
    let mut counter = CaseCounter::default();
    let mut n = 0;
    let mut files: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    files.sort();
    for f in files {
        let rd = std::io::BufReader::new(std::fs::File::open(&f)?);
        for line in rd.lines() {
            let line = line?;
            let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else {
                continue;
            };
            if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
                counter.add_text(t);
                n += 1;
            }
        }
    }
    Ok((counter, n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mid_sentence_case_is_counted() {
        let mut c = CaseCounter::default();
        for _ in 0..3 {
            c.add_text("Le président de la Banque parle. Selon le président, Orange va bien.");
        }
        let s = c.finish();
        assert_eq!(s.get(lower_hash("président")) >> 4, case_class::LOWER);
        assert_eq!(s.get(lower_hash("Orange")) >> 4, case_class::CAP);
        // Sentence-initial words are not counted.
        assert_eq!(s.get(lower_hash("Selon")), 0);
    }
}
