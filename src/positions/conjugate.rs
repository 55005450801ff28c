//! Generates the inflected forms of French verbs used in news reporting, from a lemma line of a
//! lexicon file (see `src/lang/fr/positions/reporting_verbs.txt` for the syntax).
//!
//! Only the forms a news text uses to report speech or a stance are generated: participles
//! (four agreements), present (1sg, 3sg, 3pl, 1pl), imparfait, passé simple, future and
//! conditional (3sg, 3pl), infinitive and present participle. Compound tenses ("a déclaré",
//! "avait déclaré", "aurait déclaré") are recognised from the auxiliary plus the participle.

/// The grammatical shape of one generated form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FormKind {
    /// Past participle ("déclaré", "déclarée"): needs an auxiliary to report.
    Participle,
    /// A finite form ("déclare", "déclarait", "déclara", "déclarera").
    Finite,
    /// The infinitive ("déclarer"), after "a tenu à", "vient de", "pour".
    Infinitive,
    /// The present participle ("déclarant", "soulignant").
    PresentParticiple,
}

/// One lexicon entry parsed from a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerbEntry {
    /// The infinitive without its reflexive pronoun ("exclamer" for "s'exclamer").
    pub lemma: String,
    /// True for pronominal verbs ("s'exclamer", "se féliciter").
    pub pronominal: bool,
    /// Every generated form with its kind. Multi-word forms ("mis en garde") keep their
    /// spaces.
    pub forms: Vec<(String, FormKind)>,
}

/// Errors in a lexicon line.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ConjugateError {
    /// The irregular part of a line is not `key=value`.
    #[error("bad irregular part {0:?}")]
    BadPart(String),
    /// The verb is not -er, second-group -ir, or described as irregular.
    #[error("cannot conjugate {0:?}: mark it ir2 or give its principal parts")]
    Unknown(String),
}

/// Parse one lexicon line (already stripped of comments) into its forms.
pub fn parse_line(line: &str) -> Result<VerbEntry, ConjugateError> {
    let mut parts = line.split('|').map(str::trim);
    let head = parts.next().unwrap_or("");
    let mut words: Vec<&str> = head.split_whitespace().collect();
    let mut flag = None;
    if let Some(last) = words.last() {
        if matches!(*last, "ll" | "tt" | "ir2") {
            flag = Some(*last);
            words.pop();
        }
    }
    let mut pronominal = false;
    let mut lemma_words: Vec<String> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if i == 0 && (*w == "se") {
            pronominal = true;
            continue;
        }
        if i == 0 && (w.starts_with("s'") || w.starts_with("s’")) {
            pronominal = true;
            lemma_words.push(w.trim_start_matches("s'").trim_start_matches("s’").into());
            continue;
        }
        lemma_words.push((*w).to_string());
    }
    let lemma = lemma_words.join(" ");
    let irregular: Vec<(String, String)> = parts
        .filter(|p| !p.is_empty())
        .map(|p| {
            p.split_once('=')
                .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
                .ok_or_else(|| ConjugateError::BadPart(p.to_string()))
        })
        .collect::<Result<_, _>>()?;
    let forms = if !irregular.is_empty() {
        irregular_forms(&lemma, &irregular)
    } else if flag == Some("ir2") {
        second_group(&lemma)
    } else if lemma.ends_with("er") {
        first_group(&lemma, matches!(flag, Some("ll") | Some("tt")))
    } else {
        return Err(ConjugateError::Unknown(lemma));
    };
    Ok(VerbEntry {
        lemma,
        pronominal,
        forms,
    })
}

/// Participle agreements: "dit" -> dit, dite, dits, dites; "admis" -> admis, admise, admises.
fn participles(pp: &str, out: &mut Vec<(String, FormKind)>) {
    // Only the first word agrees ("mis en garde" -> "mise en garde").
    let (head, tail) = match pp.find(' ') {
        Some(i) => (&pp[..i], &pp[i..]),
        None => (pp, ""),
    };
    let mut push = |s: String| out.push((format!("{s}{tail}"), FormKind::Participle));
    push(head.to_string());
    push(format!("{head}e"));
    if !head.ends_with('s') {
        push(format!("{head}s"));
    }
    push(format!("{head}es"));
}

/// Forms of a first-group verb with its spelling changes.
fn first_group(lemma: &str, doubles: bool) -> Vec<(String, FormKind)> {
    let (head, tail) = split_tail(lemma);
    let stem = &head[..head.len() - 2];
    let mut out = Vec::with_capacity(32);
    let f = FormKind::Finite;
    // Stem before a hard ending (a, o): -cer -> ç, -ger -> ge.
    let hard = if let Some(s) = stem.strip_suffix('c') {
        format!("{s}ç")
    } else if stem.ends_with('g') {
        format!("{stem}e")
    } else {
        stem.to_string()
    };
    // Stem before a mute e: appelle, mène, répète, appuie.
    let mute = mute_stem(stem, doubles);
    participles(&format!("{stem}é"), &mut out);
    for (s, e) in [
        (&mute, "e"),
        (&mute, "es"),
        (&mute, "ent"),
        (&hard, "ons"),
        (&stem.to_string(), "ez"),
        (&hard, "ais"),
        (&hard, "ait"),
        (&hard, "aient"),
        (&stem.to_string(), "ions"),
        (&hard, "a"),
        (&stem.to_string(), "èrent"),
    ] {
        out.push((format!("{s}{e}{tail}"), f));
    }
    // Future and conditional: appellera, mènera, répétera (and répètera), appuiera.
    let mut fut_stems = vec![format!("{stem}er")];
    let mute_fut = format!("{mute}er");
    if mute != stem && (doubles || !stem.contains('é') || stem.ends_with('y')) {
        fut_stems = vec![mute_fut];
    } else if mute != stem {
        fut_stems.push(mute_fut);
    }
    for fs in &fut_stems {
        for e in ["a", "ont", "ai", "ait", "aient", "ons"] {
            out.push((format!("{fs}{e}{tail}"), f));
        }
    }
    out.push((format!("{head}{tail}"), FormKind::Infinitive));
    out.push((format!("{hard}ant{tail}"), FormKind::PresentParticiple));
    out
}

/// Split a multi-word lemma into its verb and the words that follow ("mettre", " en garde").
fn split_tail(lemma: &str) -> (&str, &str) {
    match lemma.find(' ') {
        Some(i) => (&lemma[..i], &lemma[i..]),
        None => (lemma, ""),
    }
}

/// The stem a first-group verb takes before a mute e.
fn mute_stem(stem: &str, doubles: bool) -> String {
    let chars: Vec<char> = stem.chars().collect();
    let n = chars.len();
    if n >= 2 && chars[n - 1] == 'y' && matches!(chars[n - 2], 'o' | 'u' | 'a') {
        let mut s: String = chars[..n - 1].iter().collect();
        s.push('i');
        return s;
    }
    if doubles {
        let mut s = stem.to_string();
        s.push(chars[n - 1]);
        return s;
    }
    // e/é in the last syllable followed by one consonant (or a consonant cluster like "br",
    // "gr", "tr"): mener -> mène, répéter -> répète, célébrer -> célèbre.
    if n >= 2 {
        let mut k = n - 1;
        while k > 0 && !is_vowel(chars[k]) {
            k -= 1;
        }
        let consonants = n - 1 - k;
        let cluster_ok = consonants == 1
            || (consonants == 2
                && matches!(chars[n - 1], 'r' | 'l')
                && chars[n - 2] != chars[n - 1]);
        if cluster_ok && matches!(chars[k], 'e' | 'é') && k + 1 < n && chars[k + 1] != 'x' {
            // "e" only changes when it is mute (not in "ei", "eu" digraphs).
            if !(chars[k] == 'e' && k > 0 && matches!(chars[k - 1], 'a' | 'o' | 'u' | 'e' | 'i')) {
                let mut s: String = chars[..k].iter().collect();
                s.push('è');
                s.extend(&chars[k + 1..]);
                return s;
            }
        }
    }
    stem.to_string()
}

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'é' | 'è' | 'ê' | 'â' | 'î' | 'ô' | 'û' | 'ï' | 'ë'
    )
}

/// Forms of a second-group verb (avertir -> avertit, avertissent, avertissait).
fn second_group(lemma: &str) -> Vec<(String, FormKind)> {
    let stem = &lemma[..lemma.len() - 2];
    let f = FormKind::Finite;
    let mut out = Vec::with_capacity(24);
    participles(&format!("{stem}i"), &mut out);
    for e in [
        "is", "it", "issent", "issons", "issez", "issais", "issait", "issaient", "irent", "ira",
        "iront", "irait", "iraient", "irai",
    ] {
        out.push((format!("{stem}{e}"), f));
    }
    out.push((lemma.to_string(), FormKind::Infinitive));
    out.push((format!("{stem}issant"), FormKind::PresentParticiple));
    out
}

/// Forms of an irregular verb from its principal parts.
fn irregular_forms(lemma: &str, parts: &[(String, String)]) -> Vec<(String, FormKind)> {
    let (_, tail) = split_tail(lemma);
    let f = FormKind::Finite;
    let mut out = Vec::with_capacity(32);
    for (k, v) in parts {
        let list = v.split(',').map(str::trim).filter(|s| !s.is_empty());
        match k.as_str() {
            "pp" => participles(v, &mut out),
            "pres" | "ps" => out.extend(list.map(|s| (s.to_string(), f))),
            "impf" => {
                for e in ["ais", "ait", "aient", "ions"] {
                    out.push((format!("{v}{e}{tail}"), f));
                }
            }
            "fut" => {
                for e in ["a", "ont", "ai", "ait", "aient", "ons"] {
                    out.push((format!("{v}{e}{tail}"), f));
                }
            }
            "ppr" => out.push((v.to_string(), FormKind::PresentParticiple)),
            _ => {}
        }
    }
    out.push((lemma.to_string(), FormKind::Infinitive));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(e: &VerbEntry, form: &str, kind: FormKind) -> bool {
        e.forms.iter().any(|(f, k)| f == form && *k == kind)
    }

    #[test]
    fn generates_expected_forms() {
        use FormKind::*;
        let cases: &[(&str, &[(&str, FormKind)])] = &[
            (
                "déclarer",
                &[
                    ("déclaré", Participle),
                    ("déclarée", Participle),
                    ("déclarés", Participle),
                    ("déclare", Finite),
                    ("déclarent", Finite),
                    ("déclarait", Finite),
                    ("déclara", Finite),
                    ("déclarèrent", Finite),
                    ("déclarera", Finite),
                    ("déclareraient", Finite),
                    ("déclarer", Infinitive),
                    ("déclarant", PresentParticiple),
                ],
            ),
            (
                "annoncer",
                &[("annonçait", Finite), ("annonça", Finite), ("annonçant", PresentParticiple)],
            ),
            ("interroger", &[("interrogeait", Finite), ("interrogea", Finite)]),
            ("rappeler ll", &[("rappelle", Finite), ("rappellera", Finite), ("rappelait", Finite)]),
            ("relever", &[("relève", Finite), ("relèvent", Finite), ("relèvera", Finite)]),
            ("répéter", &[("répète", Finite), ("répétera", Finite), ("répétait", Finite)]),
            ("célébrer", &[("célèbre", Finite)]),
            ("appuyer", &[("appuie", Finite), ("appuiera", Finite), ("appuyait", Finite)]),
            ("avertir ir2", &[("avertit", Finite), ("avertissent", Finite), ("averti", Participle)]),
            ("s'exclamer", &[("exclamé", Participle), ("exclame", Finite)]),
            (
                "dire | pp=dit | pres=dis,dit,disent | impf=dis | ps=dit,dirent | fut=dir | ppr=disant",
                &[("dit", Participle), ("dite", Participle), ("disait", Finite), ("dira", Finite)],
            ),
            (
                "mettre en garde | pp=mis en garde | pres=met en garde | impf=mett | fut=mettr",
                &[("mis en garde", Participle), ("mise en garde", Participle), ("met en garde", Finite)],
            ),
        ];
        for (line, expected) in cases {
            let e = parse_line(line).unwrap();
            for (form, kind) in *expected {
                assert!(
                    has(&e, form, *kind),
                    "{line}: missing {form} {kind:?}: {:?}",
                    e.forms
                );
            }
        }
    }

    #[test]
    fn unchanged_stems_stay_regular() {
        let e = parse_line("affirmer").unwrap();
        assert!(has(&e, "affirme", FormKind::Finite));
        let e = parse_line("souligner").unwrap();
        assert!(has(&e, "souligne", FormKind::Finite));
        assert!(e
            .forms
            .iter()
            .all(|(f, _)| !f.contains('è') || f.ends_with("èrent")));
        let e = parse_line("expliquer").unwrap();
        assert!(has(&e, "explique", FormKind::Finite));
        let e = parse_line("préciser").unwrap();
        assert!(has(&e, "précise", FormKind::Finite), "{:?}", e.forms);
    }

    #[test]
    fn pronominal_and_errors() {
        let e = parse_line("se féliciter").unwrap();
        assert!(e.pronominal);
        assert_eq!(e.lemma, "féliciter");
        assert!(matches!(
            parse_line("venir"),
            Err(ConjugateError::Unknown(_))
        ));
        assert!(matches!(
            parse_line("dire | pp"),
            Err(ConjugateError::BadPart(_))
        ));
    }
}
