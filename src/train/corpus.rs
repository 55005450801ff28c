//! Corpus readers: CoNLL-style token/tag columns (IOB1, IOB2, IOBES; with or without sentence
//! breaks) and HIPE TSV. Labels are normalised to PER/ORG/LOC/MISC and tags to IOB2 (with
//! [`crate::actors::tags`]).

use crate::actors::tags::{is_inside, normalise_type, tag_index, to_iob2};
use std::path::Path;

/// One labelled sentence: tokens and IOB2 tag indices (see [`crate::actors::tags::TAGS`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sentence {
    /// Token texts.
    pub tokens: Vec<String>,
    /// Tag indices, one per token.
    pub tags: Vec<u8>,
}

/// Errors reading a corpus.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// The file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// The error.
        source: std::io::Error,
    },
    /// A line could not be parsed.
    #[error("{path}:{line}: {reason}")]
    Parse {
        /// The path.
        path: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        reason: String,
    },
}

/// Read a labelled corpus, detecting its format: HIPE TSV (header starting with `TOKEN`),
/// otherwise whitespace-separated columns with the token first and the tag last (a leading
/// numeric index column is skipped). Blank lines end sentences; files without any blank line
/// are split after `.`, `!` and `?` outside entities. Sentences are capped at 200 tokens.
pub fn read_corpus(path: &Path) -> Result<Vec<Sentence>, CorpusError> {
    let text = std::fs::read_to_string(path).map_err(|source| CorpusError::Io {
        path: path.display().to_string(),
        source,
    })?;
    parse_corpus(&text, &path.display().to_string())
}

/// [`read_corpus`] on text already in memory (`name` is used in errors).
pub fn parse_corpus(text: &str, name: &str) -> Result<Vec<Sentence>, CorpusError> {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    if first.starts_with("TOKEN\t") {
        return Ok(parse_hipe(text));
    }
    let has_breaks = text.lines().any(|l| l.trim().is_empty())
        && text.lines().filter(|l| !l.trim().is_empty()).count() > 0;
    let mut out = Vec::new();
    let mut toks: Vec<String> = Vec::new();
    let mut raw: Vec<String> = Vec::new();
    let flush = |toks: &mut Vec<String>, raw: &mut Vec<String>, out: &mut Vec<Sentence>| {
        if !toks.is_empty() {
            let tags = to_iob2(raw);
            out.push(Sentence {
                tokens: std::mem::take(toks),
                tags,
            });
            raw.clear();
        }
    };
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches(['\r', '\n']);
        if line.trim().is_empty() {
            flush(&mut toks, &mut raw, &mut out);
            continue;
        }
        if line.starts_with("-DOCSTART-") || line.starts_with("# ") {
            flush(&mut toks, &mut raw, &mut out);
            continue;
        }
        let cols: Vec<&str> = if line.contains('\t') {
            line.split('\t').collect()
        } else {
            line.split_whitespace().collect()
        };
        let (tok, tag) = match cols.len() {
            0 | 1 => {
                return Err(CorpusError::Parse {
                    path: name.into(),
                    line: n + 1,
                    reason: "expected a token and a tag".into(),
                })
            }
            2 => (cols[0], cols[1]),
            _ => {
                if cols[0].chars().all(|c| c.is_ascii_digit()) {
                    (cols[1], cols[cols.len() - 1])
                } else {
                    (cols[0], cols[cols.len() - 1])
                }
            }
        };
        toks.push(tok.to_string());
        raw.push(tag.to_string());
        let boundary = !has_breaks && matches!(tok, "." | "!" | "?") && tag == "O";
        if boundary || toks.len() >= 200 {
            flush(&mut toks, &mut raw, &mut out);
        }
    }
    flush(&mut toks, &mut raw, &mut out);
    Ok(out)
}

fn parse_hipe(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut toks: Vec<String> = Vec::new();
    let mut raw: Vec<String> = Vec::new();
    let mut flush = |toks: &mut Vec<String>, raw: &mut Vec<String>| {
        if !toks.is_empty() {
            out.push(Sentence {
                tokens: std::mem::take(toks),
                tags: to_iob2(raw),
            });
            raw.clear();
        }
    };
    for line in text.lines() {
        if line.starts_with("TOKEN\t") {
            continue;
        }
        if line.starts_with('#') || line.trim().is_empty() {
            flush(&mut toks, &mut raw);
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 2 {
            continue;
        }
        toks.push(cols[0].to_string());
        raw.push(cols[1].to_string());
        let misc = cols.last().copied().unwrap_or("");
        if misc.split('|').any(|m| m == "EndOfSentence") || toks.len() >= 200 {
            flush(&mut toks, &mut raw);
        }
    }
    flush(&mut toks, &mut raw);
    out
}

/// Counts of a span-annotated corpus read into token tags.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SpanStats {
    /// Articles read.
    pub articles: usize,
    /// Entities read.
    pub entities: usize,
    /// Entities whose edges fall inside a token (tagged on the tokens they overlap).
    pub misaligned: usize,
    /// Entities that cross a sentence boundary of the project's segmenter.
    pub split: usize,
}

/// Read a span-annotated JSON Lines corpus (`{"id", "text", "entities": [{"start", "end",
/// "type"}]}`, code-point offsets, end exclusive): each article is tokenised and segmented
/// with the project's own tokenizer, every entity is mapped to the tokens it overlaps, and
/// each sentence becomes one [`Sentence`] with IOB2 tags.
pub fn read_span_jsonl(path: &Path) -> Result<(Vec<Sentence>, SpanStats), CorpusError> {
    let text = std::fs::read_to_string(path).map_err(|source| CorpusError::Io {
        path: path.display().to_string(),
        source,
    })?;
    parse_span_jsonl(&text, &path.display().to_string())
}

/// [`read_span_jsonl`] on text already in memory (`name` is used in errors).
pub fn parse_span_jsonl(text: &str, name: &str) -> Result<(Vec<Sentence>, SpanStats), CorpusError> {
    use crate::text::Document;
    let mut out = Vec::new();
    let mut st = SpanStats::default();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let err = |reason: String| CorpusError::Parse {
            path: name.into(),
            line: n + 1,
            reason,
        };
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| err(format!("not JSON: {e}")))?;
        let body = v
            .get("text")
            .and_then(|t| t.as_str())
            .ok_or_else(|| err("no text".into()))?;
        let doc = Document::new(body, None);
        let mut tags = vec![0u8; doc.tokens.len()];
        st.articles += 1;
        for e in v
            .get("entities")
            .and_then(|e| e.as_array())
            .map(Vec::as_slice)
            .unwrap_or_default()
        {
            let field = |k: &str| e.get(k).and_then(|x| x.as_u64()).map(|x| x as usize);
            let (Some(a), Some(b)) = (field("start"), field("end")) else {
                return Err(err("entity without start/end".into()));
            };
            let ty = e.get("type").and_then(|t| t.as_str()).unwrap_or("");
            let Some(ty) = normalise_type(ty) else {
                continue;
            };
            st.entities += 1;
            let (ba, bb) = (doc.byte_offset(a), doc.byte_offset(b));
            let first = doc.token_at_byte(ba);
            let mut last = first;
            while last < doc.tokens.len() && (doc.tokens[last].start as usize) < bb {
                last += 1;
            }
            if first >= last {
                st.misaligned += 1;
                continue;
            }
            if doc.tokens[first].start as usize != ba || doc.tokens[last - 1].end as usize != bb {
                st.misaligned += 1;
            }
            if doc.sentence_of_token(first) != doc.sentence_of_token(last - 1) {
                st.split += 1;
            }
            let b_tag = tag_index(&format!("B-{ty}")).unwrap_or(0);
            tags[first] = b_tag;
            for t in &mut tags[first + 1..last] {
                *t = b_tag + 1;
            }
        }
        for s in &doc.sentences {
            let r = s.tokens();
            if r.is_empty() {
                continue;
            }
            let mut t = tags[r.clone()].to_vec();
            // An entity cut by a sentence boundary restarts with B- in the next sentence.
            if is_inside(t[0]) {
                t[0] -= 1;
            }
            for chunk in r.clone().step_by(200).map(|k| k - r.start) {
                let end = (chunk + 200).min(t.len());
                let mut tt = t[chunk..end].to_vec();
                if is_inside(tt[0]) {
                    tt[0] -= 1;
                }
                out.push(Sentence {
                    tokens: doc.tokens[r.start + chunk..r.start + end]
                        .iter()
                        .map(|tk| tk.text(body).to_string())
                        .collect(),
                    tags: tt,
                });
            }
        }
    }
    Ok((out, st))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::tags::tag_name;

    #[test]
    fn reads_three_formats() {
        let wiki = "0\tLe\tO\n1\tmaire\tO\n2\tde\tO\n3\tLyon\tB-LOC\n\n0\tAnne\tB-PER\n";
        let s = parse_corpus(wiki, "w").unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].tokens[3], "Lyon");
        assert_eq!(s[0].tags[3], 5);

        let bio = "Jean I-PER\nValjean I-PER\narrive O\n. O\nIl O\npart O\n";
        let s = parse_corpus(bio, "b").unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].tags, vec![1, 2, 0, 0]);

        let hipe = "TOKEN\tNE-COARSE-LIT\tNE-COARSE-METO\tMISC\n# hipe2022:document_id = x\n\
                    Paris\tB-loc\t_\t_\nbrille\tO\t_\tEndOfSentence\nLa\tO\t_\t_\n";
        let s = parse_corpus(hipe, "h").unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].tags, vec![5, 0]);
    }

    #[test]
    fn span_jsonl_maps_code_points_to_tokens() {
        let line = r#"{"id":"x","text":"Né à Évry, Zoé Martin rejoint l'Agence spatiale. Elle part.","entities":[{"start":5,"end":9,"type":"LOC"},{"start":11,"end":21,"type":"PER"},{"start":32,"end":47,"type":"ORG"}]}"#;
        let (s, st) = parse_span_jsonl(line, "t").unwrap();
        assert_eq!(st.entities, 3);
        assert_eq!(st.misaligned, 0);
        assert_eq!(s.len(), 2);
        let tags: Vec<&str> = s[0].tags.iter().map(|&t| tag_name(t)).collect();
        let toks: Vec<&str> = s[0].tokens.iter().map(String::as_str).collect();
        let pos = |w: &str| toks.iter().position(|t| *t == w).unwrap();
        assert_eq!(tags[pos("Évry")], "B-LOC");
        assert_eq!(tags[pos("Zoé")], "B-PER");
        assert_eq!(tags[pos("Martin")], "I-PER");
        assert_eq!(tags[pos("Agence")], "B-ORG");
        assert_eq!(tags[pos("spatiale")], "I-ORG");
        assert_eq!(tags[pos("l'")], "O");
    }
}
