//! Numbers as French news writes them: digits with every thousands separator in use
//! (space, NBSP, U+202F, dot, apostrophe), comma decimals, number words ("vingt et un",
//! "quatre-vingt-dix-neuf", "un million deux cent mille") and magnitude nouns ("milliards").

use super::view::Toks;

/// Value of a digit token ("1 000", "839.000", "51'000", "19 337 992,84", "1,5", "3.25").
/// `None` for ordinals ("1er"), clock times ("10h30") and anything else that is not a plain
/// number.
pub fn parse_digits(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    if b.is_empty() || !b[0].is_ascii_digit() {
        return None;
    }
    // Integer part (with group separators) and optional decimal part.
    let mut int_part: f64 = 0.0;
    let mut frac: f64 = 0.0;
    let mut frac_scale = 1.0;
    let mut in_frac = false;
    let mut dot_groups_ok = true; // every '.'-separated group after the first has 3 digits
    let mut dots = 0usize;
    let mut group_len = 0usize;
    let mut after_dot = false;
    let mut has_comma = false;
    for c in s.chars() {
        if c.is_ascii_digit() {
            let d = (c as u8 - b'0') as f64;
            if in_frac {
                frac_scale /= 10.0;
                frac += d * frac_scale;
            } else {
                int_part = int_part * 10.0 + d;
                group_len += 1;
            }
        } else if c == ',' {
            if in_frac || has_comma {
                return None;
            }
            has_comma = true;
            if after_dot && group_len != 3 {
                dot_groups_ok = false;
            }
            in_frac = true;
        } else if c == '.' {
            if in_frac {
                return None;
            }
            if after_dot && group_len != 3 {
                dot_groups_ok = false;
            }
            dots += 1;
            after_dot = true;
            group_len = 0;
        } else if super::super::text::chars::is_group_space(c)
            || super::super::text::chars::is_apostrophe(c)
        {
            if in_frac {
                return None;
            }
            if after_dot && group_len != 3 {
                dot_groups_ok = false;
            }
            after_dot = false;
            group_len = 0;
        } else {
            return None;
        }
    }
    if after_dot && group_len != 3 {
        dot_groups_ok = false;
    }
    if dots > 0 && !has_comma && !dot_groups_ok {
        // English decimal point: "3.5", "1.25". Recompute from the text.
        if dots != 1 {
            return None;
        }
        let (a, f) = s.split_once('.')?;
        let a: f64 = parse_digits(a)?;
        let mut v = 0.0;
        let mut scale = 1.0;
        for c in f.chars() {
            let d = c.to_digit(10)? as f64;
            scale /= 10.0;
            v += d * scale;
        }
        return Some(a + v).filter(|v| v.is_finite());
    }
    let v = int_part + frac;
    v.is_finite().then_some(v)
}

/// True when the digit token is a plain integer written without separators.
pub fn is_plain_int(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// A magnitude noun or abbreviation and the multiplier it stands for.
/// `needs_currency` marks abbreviations that only mean a magnitude before a currency
/// ("4,5 M€", "10 k€"): alone, "M" or "k" is something else.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Magnitude {
    /// The multiplier (1e6 for "millions").
    pub factor: f64,
    /// True for abbreviations that need a currency right after.
    pub needs_currency: bool,
}

/// The magnitude a folded word stands for.
pub fn magnitude(key: &str) -> Option<Magnitude> {
    let (factor, needs_currency) = match key {
        "mille" | "milles" => (1e3, false),
        "million" | "millions" | "mio" | "mios" | "mln" | "mlns" => (1e6, false),
        "milliard" | "milliards" | "md" | "mds" | "mrd" | "mrds" | "mdr" | "mdrs" | "md." => {
            (1e9, false)
        }
        "billion" | "billions" => (1e12, false),
        "m" | "mn" => (1e6, true),
        "k" => (1e3, true),
        "bn" | "g" => (1e9, true),
        _ => return None,
    };
    Some(Magnitude {
        factor,
        needs_currency,
    })
}

/// Approximate-number nouns ("une centaine" -> 100) with their value.
pub fn approx_noun(key: &str) -> Option<f64> {
    Some(match key {
        "dizaine" | "dizaines" => 10.0,
        "douzaine" | "douzaines" => 12.0,
        "quinzaine" | "quinzaines" => 15.0,
        "vingtaine" | "vingtaines" => 20.0,
        "trentaine" | "trentaines" => 30.0,
        "quarantaine" | "quarantaines" => 40.0,
        "cinquantaine" | "cinquantaines" => 50.0,
        "soixantaine" | "soixantaines" => 60.0,
        "centaine" | "centaines" => 100.0,
        "millier" | "milliers" => 1000.0,
        _ => return None,
    })
}

/// One number word and how it combines.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Atom {
    /// 0-19 and the tens (20-60): added to the current group.
    Unit(u32),
    /// "cent(s)": multiplies the current group by 100.
    Hundred,
    /// "mille": closes the thousands group.
    Thousand,
    /// "million(s)", "milliard(s)": closes a large group.
    Large(f64),
}

fn atom(w: &str) -> Option<Atom> {
    Some(match w {
        "zero" => Atom::Unit(0),
        "un" | "une" => Atom::Unit(1),
        "deux" => Atom::Unit(2),
        "trois" => Atom::Unit(3),
        "quatre" => Atom::Unit(4),
        "cinq" => Atom::Unit(5),
        "six" => Atom::Unit(6),
        "sept" => Atom::Unit(7),
        "huit" => Atom::Unit(8),
        "neuf" => Atom::Unit(9),
        "dix" => Atom::Unit(10),
        "onze" => Atom::Unit(11),
        "douze" => Atom::Unit(12),
        "treize" => Atom::Unit(13),
        "quatorze" => Atom::Unit(14),
        "quinze" => Atom::Unit(15),
        "seize" => Atom::Unit(16),
        "vingt" | "vingts" => Atom::Unit(20),
        "trente" => Atom::Unit(30),
        "quarante" => Atom::Unit(40),
        "cinquante" => Atom::Unit(50),
        "soixante" => Atom::Unit(60),
        "septante" => Atom::Unit(70),
        "huitante" | "octante" => Atom::Unit(80),
        "nonante" => Atom::Unit(90),
        "cent" | "cents" => Atom::Hundred,
        "mille" => Atom::Thousand,
        "million" | "millions" => Atom::Large(1e6),
        "milliard" | "milliards" => Atom::Large(1e9),
        _ => return None,
    })
}

/// True when a folded word is a number word (or a hyphenated compound of them).
pub fn is_number_word(w: &str) -> bool {
    !w.is_empty()
        && w != "et"
        && !w.starts_with('-')
        && w.split('-').all(|p| p == "et" || atom(p).is_some())
}

/// Accumulates number-word atoms into a value, French style.
#[derive(Clone, Copy, Debug, Default)]
struct Acc {
    total: f64,
    group: u32,
    last: Option<Atom>,
    atoms: u32,
}

impl Acc {
    /// Add one atom; false when it cannot follow what came before.
    fn push(&mut self, a: Atom) -> bool {
        match a {
            Atom::Unit(v) => {
                let low = self.group % 100;
                let ok = match self.last {
                    // "quatre-vingt(s)" = 80.
                    Some(Atom::Unit(4)) if v == 20 && low == 4 => {
                        self.group += 76;
                        self.last = Some(a);
                        self.atoms += 1;
                        return true;
                    }
                    // Units after tens ("vingt-deux", "dix-sept", "quatre-vingt-dix-neuf"),
                    // teens after 60 and 80 ("soixante-dix", "soixante et onze").
                    Some(Atom::Unit(_)) => {
                        (low % 10 == 0 && low >= 10 && v < 10 && v > 0)
                            || ((low == 60 || low == 80) && (10..20).contains(&v))
                    }
                    _ => low == 0,
                };
                if !ok {
                    return false;
                }
                self.group += v;
            }
            Atom::Hundred => {
                if self.group >= 100 {
                    return false;
                }
                self.group = self.group.max(1) * 100;
            }
            Atom::Thousand => {
                if self.last == Some(Atom::Thousand) {
                    return false;
                }
                let g = if self.group == 0 { 1 } else { self.group };
                self.total += g as f64 * 1e3;
                self.group = 0;
            }
            Atom::Large(f) => {
                let g = if self.group == 0 { 1 } else { self.group };
                self.total += g as f64 * f;
                self.group = 0;
            }
        }
        self.last = Some(a);
        self.atoms += 1;
        true
    }

    fn value(&self) -> f64 {
        self.total + self.group as f64
    }
}

/// A number written in words, from token `start`: its value, the token index one past it,
/// and whether it includes a magnitude ("million", "milliard").
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WordNumber {
    /// The value.
    pub value: f64,
    /// One past the last token.
    pub end: usize,
    /// True when the words include "million" or "milliard".
    pub large: bool,
}

/// Parse number words starting at token `start` ("vingt et un", "deux cents",
/// "un million deux cent mille").
pub fn parse_words(t: &Toks, start: usize) -> Option<WordNumber> {
    let mut acc = Acc::default();
    let mut i = start;
    let mut end = start;
    let mut large = false;
    let mut pending_et = false;
    while i < t.len() {
        let k = t.key(i);
        if k == "et" && acc.atoms > 0 {
            // "vingt et un", "soixante et onze".
            let n = t.key(i + 1);
            let low = acc.group % 100;
            if matches!(n, "un" | "une" | "onze") && low >= 20 && low % 10 == 0 && low <= 70 {
                pending_et = true;
                i += 1;
                continue;
            }
            break;
        }
        if !is_number_word(k) {
            break;
        }
        let mut ok = true;
        let mut saved = acc;
        for p in k.split('-') {
            if p == "et" {
                continue;
            }
            let a = atom(p).expect("checked by is_number_word");
            if let Atom::Large(_) = a {
                large = true;
            }
            if !saved.push(a) {
                ok = false;
                break;
            }
        }
        if !ok {
            break;
        }
        if pending_et {
            pending_et = false;
        }
        saved.atoms = saved.atoms.max(1);
        acc = saved;
        i += 1;
        end = i;
    }
    if end == start {
        return None;
    }
    Some(WordNumber {
        value: acc.value(),
        end,
        large,
    })
}

/// Value of a folded number-word string (for tests and lexicon use): "quatre-vingt-dix-neuf"
/// -> 99.
pub fn words_value(s: &str) -> Option<f64> {
    let mut acc = Acc::default();
    let mut n = 0;
    for w in s.split([' ', '-']) {
        if w.is_empty() || w == "et" {
            continue;
        }
        if !acc.push(atom(w)?) {
            return None;
        }
        n += 1;
    }
    (n > 0).then(|| acc.value())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_with_every_separator() {
        let cases: &[(&str, f64)] = &[
            ("1 000", 1000.0),
            ("1\u{a0}000", 1000.0),
            ("1\u{202f}000", 1000.0),
            ("35 900", 35900.0),
            ("839.000", 839000.0),
            ("51'000", 51000.0),
            ("51’000", 51000.0),
            ("19 337 992,84", 19337992.84),
            ("1,5", 1.5),
            ("12,5", 12.5),
            ("3.5", 3.5),
            ("3.25", 3.25),
            ("1.234.567", 1234567.0),
            ("300", 300.0),
            ("0,05", 0.05),
            ("2025", 2025.0),
        ];
        for (s, v) in cases {
            let got = parse_digits(s).unwrap_or_else(|| panic!("{s}"));
            assert!((got - v).abs() < 1e-6, "{s}: {got} != {v}");
        }
    }

    #[test]
    fn non_numbers_are_rejected() {
        for s in ["1er", "10h30", "", "abc", "2e", "1,2,3"] {
            assert!(parse_digits(s).is_none(), "{s}");
        }
    }

    #[test]
    fn number_words() {
        let cases: &[(&str, f64)] = &[
            ("un", 1.0),
            ("vingt et un", 21.0),
            ("vingt-et-un", 21.0),
            ("vingt-deux", 22.0),
            ("trente-cinq", 35.0),
            ("soixante-dix", 70.0),
            ("soixante et onze", 71.0),
            ("soixante-dix-sept", 77.0),
            ("quatre-vingts", 80.0),
            ("quatre-vingt-un", 81.0),
            ("quatre-vingt-dix", 90.0),
            ("quatre-vingt-dix-neuf", 99.0),
            ("cent", 100.0),
            ("deux cents", 200.0),
            ("deux cent cinquante", 250.0),
            ("trois cent soixante-cinq", 365.0),
            ("mille", 1000.0),
            ("mille cent", 1100.0),
            ("deux mille", 2000.0),
            ("deux mille vingt-cinq", 2025.0),
            ("dix mille", 10000.0),
            ("cent mille", 100000.0),
            ("deux cent mille", 200000.0),
            ("un million", 1e6),
            ("un million deux cent mille", 1.2e6),
            ("trois milliards", 3e9),
            ("septante-cinq", 75.0),
            ("nonante", 90.0),
            ("dix-sept", 17.0),
            ("dix-huit", 18.0),
        ];
        for (s, v) in cases {
            assert_eq!(words_value(s), Some(*v), "{s}");
        }
    }

    #[test]
    fn invalid_word_sequences() {
        for s in ["deux trois", "vingt trente", "cent cent", "un deux"] {
            assert_eq!(words_value(s), None, "{s}");
        }
    }

    #[test]
    fn magnitudes_and_approx_nouns() {
        assert_eq!(magnitude("milliards").map(|m| m.factor), Some(1e9));
        assert_eq!(magnitude("md").map(|m| m.factor), Some(1e9));
        assert_eq!(magnitude("million").map(|m| m.factor), Some(1e6));
        assert!(magnitude("m").unwrap().needs_currency);
        assert!(magnitude("k").unwrap().needs_currency);
        assert_eq!(magnitude("mois"), None);
        assert_eq!(approx_noun("centaine"), Some(100.0));
        assert_eq!(approx_noun("milliers"), Some(1000.0));
        assert_eq!(approx_noun("quinzaine"), Some(15.0));
        assert_eq!(approx_noun("cent"), None);
    }
}
