//! Adversarial inputs: dirty text must never panic, hang, lose an article or break offsets.

use depeche::{Article, Pipeline, PipelineConfig, Record};
use std::io::Write;
use std::process::Command;
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::new(&PipelineConfig::default()).expect("pipeline"))
}

/// `text[start:end]` in code points, from the text's characters collected once.
fn slice(chars: &[char], start: usize, end: usize) -> String {
    chars[start..end].iter().collect()
}

/// Extract and check that every span round-trips and every amount is finite.
fn extract_checked(text: &str) -> Record {
    let rec = pipeline()
        .extract(&Article::new("adv", text))
        .expect("a record");
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let mut spans = Vec::new();
    for a in &rec.actors {
        spans.extend(a.mentions.iter().map(|m| m.span.clone()));
    }
    spans.extend(rec.amounts.iter().map(|a| a.span.clone()));
    spans.extend(rec.dates.iter().map(|d| d.span.clone()));
    for s in spans {
        assert!(s.start <= s.end && s.end <= n, "out of range: {s:?}");
        assert_eq!(slice(&chars, s.start, s.end), s.text, "offsets of {s:?}");
    }
    for a in &rec.amounts {
        assert!(a.value.is_finite(), "{a:?}");
    }
    rec
}

const NEWS: &str =
    "Emmanuel Macron a annoncé mardi 11 février 2025 un plan de 109 milliards d’euros. « Nous \
                    voulons avancer », a-t-il déclaré à Paris, selon l’AFP.";

#[test]
fn decomposed_accents_nfd() {
    let nfd = "Se\u{301}journe\u{301} et E\u{301}lisabeth Borne ont re\u{301}uni 1\u{a0}000 de\u{301}le\u{301}gue\u{301}s \
               le 5 fe\u{301}vrier 2025 a\u{300} Paris.";
    extract_checked(nfd);
}

#[test]
fn zero_width_and_bidi_marks() {
    let t = "Emmanuel\u{200b} Macron a promis 3\u{200b}000 euros.\u{200f} \u{202e}Paris\u{202c} et \u{2066}Lyon\u{2069}. \
             \u{feff}Le 1\u{200d}er mai, l\u{200b}’UE a réagi.";
    extract_checked(t);
    extract_checked(&NEWS.replace(' ', " \u{200b}"));
}

#[test]
fn emoji_and_astral_characters_next_to_entities_and_numbers() {
    let t = "😀Emmanuel Macron😀 a promis 3😀 millions d’euros🇫🇷 à 𝒫aris 👨‍👩‍👧 le 11 février 2025🎉. «😡 Non 😡» a dit 🙂Vance.";
    extract_checked(t);
}

#[test]
fn nul_and_control_characters() {
    let t = "Emmanuel\u{0} Macron\u{1} a\u{1b}[31m promis\u{7f} 3 millions\u{8} d’euros.\r\n\u{c}Le 5 février 2025.\u{0}";
    extract_checked(t);
    extract_checked(&"\u{0}".repeat(1000));
}

#[test]
fn deeply_repeated_punctuation() {
    for p in [
        "!", ".", "(", "«", "« ", "-", "’", "\"", "…", ",", "1.", "M. ", "l’", "—",
    ] {
        let t = format!("Début {} fin à Paris.", p.repeat(20_000));
        extract_checked(&t);
    }
}

#[test]
fn numbers_with_hundreds_of_digits() {
    let digits = "9".repeat(400);
    let t = format!(
        "Un montant de {digits} euros, soit {digits},{digits} % et {} dollars.",
        "1 000".repeat(200)
    );
    extract_checked(&t);
}

#[test]
fn a_line_of_several_megabytes_is_processed() {
    let big = NEWS.repeat(3_000_000 / NEWS.len());
    let rec = extract_checked(&big);
    assert!(rec.stats.sentences > 1000);
}

#[test]
fn whitespace_only_variants_are_empty_text() {
    for t in ["", " ", "\u{a0}\u{202f}\n\t", "\u{200b}\u{feff}"] {
        let e = pipeline().extract(&Article::new("e", t)).unwrap_err();
        assert_eq!(e.kind, depeche::ErrorKind::EmptyText, "{t:?}");
    }
}

fn run_cli(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_depeche"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn an_article_over_100_mb_is_capped_with_an_error_record_in_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("huge.jsonl");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&p).unwrap());
    f.write_all(b"{\"id\":\"huge\",\"text\":\"").unwrap();
    let chunk = "Le ministre a parlé à Paris. ".repeat(1000);
    let mut written = 0;
    while written < 105_000_000 {
        f.write_all(chunk.as_bytes()).unwrap();
        written += chunk.len();
    }
    f.write_all(b"\"}\n{\"id\":\"after\",\"text\":\"Un article normal.\"}\n")
        .unwrap();
    f.flush().unwrap();
    drop(f);
    let out = run_cli(&["extract", p.to_str().unwrap()]);
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["error"]["kind"], "too_large");
    assert_eq!(lines[1]["id"], "after");
}

#[test]
fn truncated_zstd_stream_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let data: String = (0..3000)
        .map(|i| format!("{{\"id\":\"z{i}\",\"text\":\"Texte {i} à Lyon.\"}}\n"))
        .collect();
    let z = zstd::encode_all(data.as_bytes(), 3).unwrap();
    let p = dir.path().join("cut.jsonl.zst");
    std::fs::write(&p, &z[..z.len() * 2 / 3]).unwrap();
    let out = run_cli(&["extract", p.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8(out.stdout).unwrap();
    let last: serde_json::Value = serde_json::from_str(text.lines().last().unwrap()).unwrap();
    assert_eq!(last["error"]["kind"], "unreadable");
    assert!(last["error"]["message"].as_str().unwrap().contains("line"));
}
