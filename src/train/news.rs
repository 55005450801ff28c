//! Word statistics learned from unlabeled news: how often each word is written lowercase,
//! capitalised or in capitals away from sentence starts, and how a first model tags it
//! (an entity-type prior, the model's own corpus-wide vote).

use crate::actors::features::{case_class, lower_hash, prior, shape_bits, CaseStats, HashKeyMap};
use crate::actors::gazetteer::bits::ORG_CUE;
use crate::actors::model::{Model, Scratch};
use crate::actors::tags::{is_inside, type_of};
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
                stats.map.insert(
                    *k,
                    ((class << 4) | case_class::freq_bucket(l + c + u)) as u16,
                );
            }
        }
        stats
    }
}

/// Extra organisation votes for a word the model tags right after an organisation cue noun.
const CUE_VOTES: u32 = 2;

/// Corpus-wide entity-type votes of a model, per capitalised word.
#[derive(Clone, Debug, Default)]
pub struct PriorCounter {
    /// Per word: capitalised occurrences, per-type entity counts, first-token counts.
    counts: HashKeyMap<([u32; 4], u32, u32)>,
}

impl PriorCounter {
    /// Tag one text with `model` and count its capitalised words.
    pub fn add_text(
        &mut self,
        model: &Model,
        text: &str,
        scratch: &mut Scratch,
        tags: &mut Vec<u8>,
    ) {
        let doc = Document::new(text, None);
        for s in &doc.sentences {
            let r = s.tokens();
            let toks = &doc.tokens[r];
            model.tag(toks.iter().map(|t| t.text(text)), scratch, tags);
            for (i, (t, &tag)) in toks.iter().zip(tags.iter()).enumerate() {
                if t.kind != TokenKind::Word || !t.is_capitalized() {
                    continue;
                }
                // A cue noun right before ("le groupe X") or before one lowercase word ("le
                // géant américain X") is unlabeled evidence for an organisation, counted on
                // top of the model's vote.
                let infos = &scratch.infos;
                let cue = |k: usize| infos[k].gaz & ORG_CUE != 0;
                let org_cue = tag != 0
                    && !is_inside(tag)
                    && i > 0
                    && (cue(i - 1)
                        || (i > 1 && cue(i - 2) && infos[i - 1].bits & shape_bits::CAP == 0));
                let e = self
                    .counts
                    .entry(lower_hash(t.text(text)) as u32)
                    .or_insert(([0; 4], 0, 0));
                e.1 += 1;
                if tag != 0 {
                    e.0[type_of(tag)] += 1;
                    if !is_inside(tag) {
                        e.2 += 1;
                    }
                }
                if org_cue {
                    e.0[1] += CUE_VOTES;
                    e.1 += CUE_VOTES;
                    e.2 += CUE_VOTES;
                }
            }
        }
    }

    /// Add the packed priors to `stats` (high byte).
    pub fn merge_into(&self, stats: &mut CaseStats) {
        for (k, (c, total, begins)) in &self.counts {
            let p = prior::pack(*total, *c, *begins);
            if p != 0 {
                *stats.map.entry(*k).or_insert(0) |= (p as u16) << 8;
            }
        }
    }
}

/// Read every `text` field of the JSON Lines files (`*.jsonl`) in `dir` whose file name
/// passes `keep`.
pub fn read_news_dir(dir: &Path, keep: impl Fn(&str) -> bool) -> std::io::Result<Vec<String>> {
    let mut out = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(&keep))
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
                out.push(t.to_string());
            }
        }
    }
    Ok(out)
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
        assert_eq!(
            s.get(lower_hash("président")) >> 4,
            case_class::LOWER as u16
        );
        assert_eq!(s.get(lower_hash("Orange")) >> 4, case_class::CAP as u16);
        // Sentence-initial words are not counted.
        assert_eq!(s.get(lower_hash("Selon")), 0);
    }
}
