//! Dates: absolute ("5 février 2025", "05/02/2025", "en 2028"), coordinated and ranges
//! ("les 10 et 11 février", "du 13 au 15 juillet"), partial ("mardi 11 février", "en mai",
//! "Lundi 10", "début juin") and relative ("hier", "la semaine dernière", "l'an passé").
//! Partial and relative dates are resolved against the article date, choosing the nearest
//! sensible year and using cheap tense cues ("en décembre" in a past-tense sentence of an
//! article of May 2020 is 2019-12).

use super::calendar::{self, days_from_civil, iso_day, iso_week_string, valid};
use super::lexicon::{
    is_clause_opener, is_determiner, is_function_word, is_scheduling_participle, month, weekday,
};
use super::numbers::is_plain_int;
use super::view::Toks;
use crate::article::ArticleDate;
use crate::record::{DateKind, DateModifier, Precision};

/// One date found in the text, before it becomes a record.
#[derive(Clone, Debug, PartialEq)]
pub struct DateHit {
    /// First token.
    pub a: usize,
    /// One past the last token.
    pub b: usize,
    /// ISO value, when known.
    pub value: Option<String>,
    /// How the text gives it.
    pub kind: DateKind,
    /// Precision of the value.
    pub precision: Precision,
    /// False when it needed the article date and could not be resolved.
    pub resolved: bool,
    /// "début" / "mi-" / "fin".
    pub modifier: Option<DateModifier>,
}

/// Verb tense around a date, for choosing the year of a partial date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    /// The sentence speaks of the past.
    Past,
    /// The sentence speaks of the future.
    Future,
    /// No cue.
    Unknown,
}

/// Past or future cue carried by one token, if any.
fn tense_cue(t: &Toks, i: usize) -> Tense {
    let raw = t.raw(i);
    if raw == "a" || raw == "A" {
        return Tense::Past;
    }
    if t.is_cap(i) {
        return Tense::Unknown;
    }
    let k = t.key(i);
    match k {
        // "dernier" / "prochain" date a time noun ("le mois dernier"), not a noun they
        // precede ("un dernier round", "la prochaine étape").
        "dernier" | "derniere" | "derniers" | "passe" | "passee" | "precedent" | "precedente"
            if !is_determiner(t.key_before(i, 1)) =>
        {
            Tense::Past
        }
        "prochain" | "prochaine" | "prochains" if !is_determiner(t.key_before(i, 1)) => {
            Tense::Future
        }
        "ont" | "avait" | "avaient" | "avons" | "avez" | "ai" | "eu" | "etait" | "etaient"
        | "fut" | "furent" | "hier" | "s'est" | "aurait" | "auraient" => Tense::Past,
        "sera" | "seront" | "aura" | "auront" | "va" | "vont" | "devrait" | "devraient"
        | "doit" | "doivent" | "devra" | "devront" | "prevu" | "prevue" | "prevus" | "prevues"
        | "prevoit" | "pourra" | "pourront" | "ira" | "iront" | "demain" | "compte" | "entend"
        | "envisage" | "souhaite" => Tense::Future,
        _ => {
            let n = k.len();
            if n >= 6 && (k.ends_with("ront") || (k.ends_with("ra") && !k.ends_with("tra"))) {
                Tense::Future
            } else if n >= 5
                && (k.ends_with("ait") || k.ends_with("aient"))
                && !k.ends_with("rait")
                && !k.ends_with("raient")
            {
                Tense::Past
            } else {
                Tense::Unknown
            }
        }
    }
}

/// The tense a word after a month name states: "juin dernier", "mars passé" (past), "juin
/// prochain" (future); `Unknown` for any other word.
fn month_tense(key: &str) -> Tense {
    match key {
        "dernier" | "passe" => Tense::Past,
        "prochain" => Tense::Future,
        _ => Tense::Unknown,
    }
}

/// How far (in tokens) a tense cue may be from the date.
const TENSE_REACH: usize = 24;

/// What a token means for the search of a date's tense cue.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Bound {
    /// An ordinary token.
    Open,
    /// A comma: ends the clause of a date inside a clause, not of a fronted date.
    Comma,
    /// Opens a subordinate clause ("qui", "que", "si", "lorsque"): its verb is not the
    /// date's.
    Clause,
    /// A quotation mark, semicolon, colon or bracket: the tense on the other side belongs
    /// to another utterance ("...en juillet", a indiqué l'instance).
    Hard,
}

/// The boundary kind of token `i`.
fn bound(t: &Toks, i: usize) -> Bound {
    let raw = t.raw(i);
    match raw {
        "," => return Bound::Comma,
        "\"" | "«" | "»" | "“" | "”" | ";" | ":" | "(" | ")" | "[" | "]" | "--" | "—" | "–" => {
            return Bound::Hard
        }
        "où" | "Où" => return Bound::Clause,
        _ => {}
    }
    // "s'il", "s'ils": the elided "si".
    if t.key(i) == "s'" && matches!(t.key(i + 1), "il" | "ils") {
        return Bound::Clause;
    }
    if is_clause_opener(t.key(i)) {
        Bound::Clause
    } else {
        Bound::Open
    }
}

/// True when token `k` (right before a date, possibly after "le"/"ce" and an adverb) is a
/// past participle that dates a past event: "dévoilé lundi", "votée samedi", "adopté le
/// 3 mars". Participles of scheduling ("prévu", "reporté") are not.
fn participle_before(t: &Toks, a: usize) -> Tense {
    let mut k = a;
    for _ in 0..3 {
        if k == 0 || !t.same_sent(k - 1, a) {
            return Tense::Unknown;
        }
        k -= 1;
        let key = t.key(k);
        if matches!(key, "le" | "ce" | "l'" | "des" | "du" | "au" | "pour")
            || t.raw(k) == "à"
            || key.ends_with("ment")
        {
            continue;
        }
        if !t.is_word(k) || t.is_cap(k) {
            return Tense::Unknown;
        }
        let raw = t.raw(k);
        // A noun in -é after a determiner is no participle ("la reprise des hostilités").
        let noun = k > 0 && (is_determiner(t.key(k - 1)) || matches!(t.key(k - 1), "de" | "d'"));
        if !noun && ["é", "ée", "és", "ées"].iter().any(|s| raw.ends_with(s)) && raw.len() >= 5
        {
            if is_scheduling_participle(key) {
                return Tense::Future;
            }
            return auxiliary_tense(t, k);
        }
        return Tense::Unknown;
    }
    Tense::Unknown
}

/// The tense of a past participle at `k` from its auxiliary: "sera examiné" (future), "a
/// été voté" (past), "est voté" (present: unknown); a participle with no auxiliary ("la loi,
/// votée samedi") dates a past event.
fn auxiliary_tense(t: &Toks, k: usize) -> Tense {
    let mut j = k;
    for _ in 0..6 {
        if j == 0 || !t.same_sent(j - 1, k) || bound(t, j - 1) != Bound::Open {
            break;
        }
        j -= 1;
        if matches!(t.key(j), "est" | "sont" | "soit" | "soient") {
            return Tense::Unknown;
        }
        // "sera à son tour interrogé": the auxiliary may stand a few words back.
        let c = tense_cue(t, j);
        if c != Tense::Unknown {
            return c;
        }
    }
    Tense::Past
}

/// True when token `k` is an infinitive introduced by "à", "de", "pour" ("appelé à
/// manifester lundi", "sa volonté de disputer des matchs en juillet"): the date belongs to
/// the infinitive's event, which the tense of the main verb does not place.
fn infinitive_at(t: &Toks, k: usize) -> bool {
    let key = t.key(k);
    if !t.is_word(k)
        || t.is_cap(k)
        || key.len() < 5
        || !(key.ends_with("er") || key.ends_with("ir"))
    {
        return false;
    }
    // "à partir de juillet" is a preposition, not an infinitive.
    if month(key).is_some() || is_function_word(key) || t.key(k + 1) == "de" && key == "partir" {
        return false;
    }
    let mut p = k;
    if p > 0
        && matches!(
            t.key(p - 1),
            "se" | "s'" | "les" | "le" | "la" | "l'" | "y" | "en"
        )
    {
        p -= 1;
    }
    p > 0 && (t.raw(p - 1) == "à" || matches!(t.key(p - 1), "de" | "d'" | "pour" | "afin"))
}

/// The tense of the clause holding the date at tokens `a..=i`: a participle right before
/// it, else the nearest cue within its clause. The search stops at quotation marks,
/// semicolons and brackets, at words opening another clause, and on the left at an
/// infinitive that the date belongs to; a comma ends the clause of a date inside it but
/// not of a fronted one ("Le 4 octobre, la course a eu lieu").
pub fn tense_near(t: &Toks, a: usize, i: usize) -> Tense {
    let p = participle_before(t, a);
    if p != Tense::Unknown {
        return p;
    }
    let r = t.sentence_tokens(i);
    // Left: the nearest cue before the date, unless a clause opener or an infinitive the
    // date belongs to comes first.
    let mut left = (Tense::Unknown, usize::MAX);
    let mut subordinate = false;
    let mut infinitive = false;
    let mut k = a;
    while k > r.start && a - k < TENSE_REACH {
        k -= 1;
        match bound(t, k) {
            Bound::Hard => break,
            Bound::Clause => {
                // "Mais vendredi, X a cédé": a coordinator opens no subordinate clause.
                subordinate = !matches!(t.key(k), "mais" | "alors" | "car");
                break;
            }
            Bound::Comma => continue,
            Bound::Open => {}
        }
        if infinitive_at(t, k) {
            // The infinitive's event is placed by a future or modal verb ("doit débuter
            // lundi pour s'achever mardi"), not by a past one ("a appelé à manifester lundi").
            infinitive = true;
            subordinate = true;
            continue;
        }
        let c = tense_cue(t, k);
        if c != Tense::Unknown {
            if !(infinitive && c == Tense::Past) {
                left = (c, a - k);
            }
            break;
        }
    }
    // A date with no verb before it in its clause is fronted ("Le 4 octobre, la course a eu
    // lieu", "Mercredi, lors d'une réunion --...--, la France avait"): its verb may come
    // after a comma or an aside. A date inside a subordinate clause stops at the comma.
    let front = !subordinate && left.0 == Tense::Unknown;
    let reach = if front { TENSE_REACH + 12 } else { TENSE_REACH };
    let mut right = (Tense::Unknown, usize::MAX);
    let mut k = i + 1;
    while k < r.end && k - i <= reach {
        match bound(t, k) {
            Bound::Hard if !front || !matches!(t.raw(k), "--" | "—" | "–" | "(" | ")") => break,
            Bound::Clause | Bound::Comma if !front => break,
            _ => {}
        }
        let c = tense_cue(t, k);
        if c != Tense::Unknown {
            right = (c, k - i);
            break;
        }
        k += 1;
    }
    if right.1 <= left.1 {
        right.0
    } else {
        left.0
    }
}

/// The article date as a reference point.
#[derive(Clone, Copy, Debug)]
struct Anchor {
    year: Option<i32>,
    month: Option<u8>,
    day: Option<u8>,
}

impl Anchor {
    fn new(d: Option<ArticleDate>) -> Self {
        match d {
            Some(d) => Anchor {
                year: Some(d.year),
                month: d.month,
                day: d.day,
            },
            None => Anchor {
                year: None,
                month: None,
                day: None,
            },
        }
    }

    /// Day number of the full article date.
    fn days(&self) -> Option<i64> {
        Some(days_from_civil(self.year?, self.month?, self.day?))
    }

    /// A reference day number, using the middle of the known period.
    fn approx_days(&self) -> Option<i64> {
        let y = self.year?;
        let m = self.month.unwrap_or(7);
        let d = self
            .day
            .unwrap_or(if self.month.is_some() { 15 } else { 1 });
        Some(days_from_civil(y, m, d))
    }
}

/// Pick among candidates (sorted ascending) given the reference and tense.
fn pick(cands: &[i64], reference: i64, tense: Tense, slack: i64, explicit: bool) -> Option<i64> {
    let nearest = cands
        .iter()
        .copied()
        .min_by_key(|c| ((c - reference).abs(), -*c))?;
    let chosen = match tense {
        Tense::Past => cands
            .iter()
            .rev()
            .copied()
            .find(|&c| c <= reference + slack),
        Tense::Future => cands.iter().copied().find(|&c| c >= reference - slack),
        Tense::Unknown => None,
    };
    // A date within six weeks of the article is the nearest one whatever the tense; tense
    // only decides between farther candidates.
    if (nearest - reference).abs() <= 45 && !explicit {
        return Some(nearest);
    }
    Some(match chosen {
        Some(c) if (c - reference).abs() <= 366 => c,
        _ => nearest,
    })
}

/// Year of day `d` of month `m` written without a year.
fn year_for_day_month(
    an: &Anchor,
    d: u8,
    m: u8,
    wd: Option<u8>,
    tense: Tense,
    explicit: bool,
) -> Option<(i32, bool)> {
    let y = an.year?;
    let Some(reference) = an.approx_days() else {
        return Some((y, false));
    };
    if an.month.is_none() {
        return Some((y, true));
    }
    let mut cands: Vec<i64> = (y - 1..=y + 1)
        .filter(|&yy| valid(yy, m, d))
        .map(|yy| days_from_civil(yy, m, d))
        .collect();
    if let Some(w) = wd {
        let matching: Vec<i64> = cands
            .iter()
            .copied()
            .filter(|&c| calendar::weekday(c) == w)
            .collect();
        if !matching.is_empty() {
            cands = matching;
        }
    }
    let slack = if an.day.is_some() { 1 } else { 15 };
    let c = pick(&cands, reference, tense, slack, explicit)?;
    Some((calendar::civil_from_days(c).0, true))
}

/// Year of month `m` written without a year.
fn year_for_month(an: &Anchor, m: u8, tense: Tense, explicit: bool) -> Option<i32> {
    let y = an.year?;
    let Some(am) = an.month else {
        return Some(y);
    };
    let reference = (y as i64) * 12 + am as i64 - 1;
    let cands: Vec<i64> = (y - 1..=y + 1)
        .map(|yy| yy as i64 * 12 + m as i64 - 1)
        .collect();
    let nearest = cands
        .iter()
        .copied()
        .min_by_key(|c| ((c - reference).abs(), -*c))?;
    if (nearest - reference).abs() <= 1 && !explicit {
        return Some((nearest.div_euclid(12)) as i32);
    }
    let chosen = match tense {
        Tense::Past => cands.iter().rev().copied().find(|&c| c <= reference),
        Tense::Future => cands.iter().copied().find(|&c| c >= reference),
        Tense::Unknown => None,
    }
    .unwrap_or(nearest);
    Some(chosen.div_euclid(12) as i32)
}

/// Day of month written at token `i`: "11", "1er", "premier".
fn day_at(t: &Toks, i: usize) -> Option<u8> {
    if t.is_num(i) {
        let k = t.key(i);
        if k == "1er" || k == "1re" || k == "1ere" {
            return Some(1);
        }
        if k.len() <= 2 && is_plain_int(k) {
            let v: u8 = k.parse().ok()?;
            return (1..=31).contains(&v).then_some(v);
        }
        return None;
    }
    (t.key(i) == "premier").then_some(1)
}

/// A four-digit year at token `i` within `lo..=hi`.
fn year_at(t: &Toks, i: usize, lo: i32, hi: i32) -> Option<i32> {
    if !t.is_num(i) {
        return None;
    }
    let k = t.key(i);
    if k.len() != 4 || !is_plain_int(k) {
        return None;
    }
    let y: i32 = k.parse().ok()?;
    (lo..=hi).contains(&y).then_some(y)
}

/// Month written at token `i` (full name, or an abbreviation with its period).
fn month_at(t: &Toks, i: usize) -> Option<u8> {
    let k = t.key(i);
    let m = month(k)?;
    // "mars" / "mai" capitalised mid-sentence can be a name; a day or a year next to it
    // settles it, which the callers check.
    Some(m)
}

/// Weekday at token `i` (0 = Monday).
fn weekday_at(t: &Toks, i: usize) -> Option<u8> {
    weekday(t.key(i))
}

/// Everything the date rules need.
pub struct DateScanner<'t, 'd, 'a> {
    t: &'t Toks<'d, 'a>,
    an: Anchor,
    hits: Vec<DateHit>,
}

/// Scan the document for dates. Returns the hits in text order.
pub fn scan(t: &Toks) -> Vec<DateHit> {
    let mut s = DateScanner {
        t,
        an: Anchor::new(t.doc.date),
        hits: Vec::new(),
    };
    let n = t.len();
    let mut i = 0;
    while i < n {
        match s.at(i) {
            Some(next) if next > i => i = next,
            _ => i += 1,
        }
    }
    s.hits
}

/// Words that open a year or month mention and belong in its span.
fn strong_cue(k: &str) -> Option<Option<DateModifier>> {
    Some(match k {
        "en" | "depuis" | "des" | "jusqu'en" | "avant" | "apres" | "courant" | "vers" => None,
        "debut" => Some(DateModifier::Early),
        "fin" => Some(DateModifier::Late),
        "mi" => Some(DateModifier::Mid),
        _ => return None,
    })
}

impl<'t, 'd, 'a> DateScanner<'t, 'd, 'a> {
    fn push(&mut self, a: usize, b: usize, value: Option<String>, kind: DateKind, p: Precision) {
        let resolved = value.is_some();
        self.hits.push(DateHit {
            a,
            b,
            value,
            kind,
            precision: p,
            resolved,
            modifier: None,
        });
    }

    fn set_modifier(&mut self, m: Option<DateModifier>) {
        if let Some(h) = self.hits.last_mut() {
            h.modifier = m;
        }
    }

    /// Try every rule at token `i`; the token index after the match.
    fn at(&mut self, i: usize) -> Option<usize> {
        let t = self.t;
        if t.is_num(i) {
            if let Some(e) = self.numeric(i) {
                return Some(e);
            }
            if let Some(e) = self.day_month(i, i) {
                return Some(e);
            }
            return self.year(i);
        }
        if t.trig(i) & super::view::TRIG_DATE == 0 {
            return None;
        }
        let k = t.key(i);
        if let Some(e) = self.relative(i) {
            return Some(e);
        }
        if weekday_at(t, i).is_some() {
            if let Some(e) = self.day_month(i, i) {
                return Some(e);
            }
            return self.weekday(i);
        }
        if k == "premier" && day_at(t, i).is_some() && month_at(t, i + 1).is_some() {
            return self.day_month(i, i);
        }
        if month_at(t, i).is_some() {
            return self.month(i, i);
        }
        if let Some(rest) = k.strip_prefix("mi-") {
            if month(rest).is_some() || (rest.len() == 4 && is_plain_int(rest)) {
                return self.mid(i, rest);
            }
        }
        None
    }

    /// "05/02/2025", "5.2.2025", "2025-02-05".
    fn numeric(&mut self, i: usize) -> Option<usize> {
        let t = self.t;
        let text = t.doc.text.as_bytes();
        let s = t.start(i);
        let rd = |p: &mut usize, max: usize| -> usize {
            let st = *p;
            while *p < text.len() && text[*p].is_ascii_digit() && *p - st < max {
                *p += 1;
            }
            *p - st
        };
        let mut p = s;
        let n1 = rd(&mut p, 4);
        if p < text.len() && text[p].is_ascii_digit() {
            return None;
        }
        let (y, m, d, end);
        if n1 == 4 {
            // ISO "2025-02-05".
            if text.get(p) != Some(&b'-') {
                return None;
            }
            let st = s;
            p += 1;
            if rd(&mut p, 2) != 2 || text.get(p) != Some(&b'-') {
                return None;
            }
            p += 1;
            if rd(&mut p, 2) != 2 {
                return None;
            }
            let src = &t.doc.text[st..p];
            y = src[0..4].parse::<i32>().ok()?;
            m = src[5..7].parse::<u8>().ok()?;
            d = src[8..10].parse::<u8>().ok()?;
            end = p;
        } else if n1 == 1 || n1 == 2 {
            let sep = *text.get(p)?;
            if !matches!(sep, b'/' | b'.' | b'-') {
                return None;
            }
            let d0 = p;
            p += 1;
            let n2 = rd(&mut p, 2);
            if n2 == 0 || text.get(p) != Some(&sep) {
                return None;
            }
            let m0 = p;
            p += 1;
            let y0 = p;
            let n3 = rd(&mut p, 4);
            if n3 != 4 && n3 != 2 {
                return None;
            }
            d = t.doc.text[s..d0].parse().ok()?;
            m = t.doc.text[d0 + 1..m0].parse().ok()?;
            let yy: i32 = t.doc.text[y0..p].parse().ok()?;
            y = if n3 == 2 {
                if yy < 50 {
                    2000 + yy
                } else {
                    1900 + yy
                }
            } else {
                yy
            };
            end = p;
        } else {
            return None;
        }
        if p < text.len() && text[p].is_ascii_digit() {
            return None;
        }
        if !valid(y, m, d) || !(1000..=2999).contains(&y) {
            return None;
        }
        let last = t.doc.token_at_byte(end - 1);
        self.push(
            i,
            last + 1,
            Some(format!("{y:04}-{m:02}-{d:02}")),
            DateKind::Absolute,
            Precision::Day,
        );
        Some(last + 1)
    }

    /// Days of one month, with optional weekday(s) and year:
    /// "mardi 11 février", "les 10 et 11 février 2025", "du 13 au 15 juillet",
    /// "1er mai 2019", "le 3 mars dernier".
    fn day_month(&mut self, span_start: usize, i: usize) -> Option<usize> {
        let t = self.t;
        let mut j = i;
        let mut days: Vec<(u8, Option<u8>)> = Vec::with_capacity(2);
        loop {
            let wd = weekday_at(t, j);
            if wd.is_some() {
                j += 1;
            }
            let d = day_at(t, j)?;
            days.push((d, wd));
            j += 1;
            // Coordination or range: "10 et 11", "13 au 15", "10, 11 et 12", "10-11".
            let c = t.key(j);
            if matches!(c, "et" | "," | "au" | "-" | "a" | "ou") {
                let mut k = j + 1;
                if t.key(k) == "le" {
                    k += 1;
                }
                let k2 = if weekday_at(t, k).is_some() { k + 1 } else { k };
                if day_at(t, k2).is_some() && month_at(t, k2).is_none() {
                    j = k;
                    continue;
                }
            }
            break;
        }
        let m = month_at(t, j)?;
        let mut end = j + 1;
        let mut year = year_at(t, end, 1000, 2999);
        let mut tense = Tense::Unknown;
        if year.is_some() {
            end += 1;
        } else {
            tense = month_tense(t.key(end));
            if tense != Tense::Unknown {
                end += 1;
            }
        }
        // "du 28 février au 3 mars 2025": the year of the second end.
        if year.is_none() && matches!(t.key(end), "au" | "et" | "-" | "a") {
            let mut k = end + 1;
            if t.key(k) == "le" {
                k += 1;
            }
            if weekday_at(t, k).is_some() {
                k += 1;
            }
            if day_at(t, k).is_some() && month_at(t, k + 1).is_some() {
                year = year_at(t, k + 2, 1000, 2999);
            }
        }
        let explicit = tense != Tense::Unknown;
        if tense == Tense::Unknown {
            tense = tense_near(t, span_start, j);
        }
        for &(d, wd) in &days {
            let (value, kind) = match year {
                Some(y) => (
                    valid(y, m, d).then(|| format!("{y:04}-{m:02}-{d:02}")),
                    DateKind::Absolute,
                ),
                None => {
                    if !valid(2024, m, d) {
                        continue;
                    }
                    let v = year_for_day_month(&self.an, d, m, wd, tense, explicit)
                        .filter(|&(y, _)| valid(y, m, d))
                        .map(|(y, _)| format!("{y:04}-{m:02}-{d:02}"));
                    (v, DateKind::Partial)
                }
            };
            self.push(span_start, end, value, kind, Precision::Day);
        }
        Some(end)
    }

    /// A weekday alone or with a day of the month: "mardi", "vendredi dernier", "Lundi 10".
    fn weekday(&mut self, i: usize) -> Option<usize> {
        let t = self.t;
        let w = weekday_at(t, i)?;
        let mut start = i;
        if t.key_before(i, 1) == "ce" {
            start = i - 1;
        }
        let mut end = i + 1;
        let mut tense = Tense::Unknown;
        // "Lundi 10" (not "lundi 10 heures").
        if let Some(d) = day_at(t, i + 1) {
            let next = t.key(i + 2);
            let unit = is_unit_word(next)
                || super::numbers::approx_noun(next).is_some()
                || (t.is_word(i + 2)
                    && !t.is_cap(i + 2)
                    && !is_function_word(next)
                    && !matches!(
                        next,
                        "soir" | "matin" | "midi" | "apres-midi" | "dernier" | "prochain"
                    ));
            if !unit {
                let value = self.weekday_day(w, d, tense_near(t, i, i + 1));
                self.push(i, i + 2, value, DateKind::Partial, Precision::Day);
                return Some(i + 2);
            }
        }
        match t.key(end) {
            "dernier" => {
                tense = Tense::Past;
                end += 1;
            }
            "prochain" => {
                tense = Tense::Future;
                end += 1;
            }
            "soir" | "matin" | "midi" | "apres-midi" => end += 1,
            _ => {}
        }
        if tense == Tense::Unknown {
            tense = tense_near(t, start, i);
        }
        let value = self.an.days().map(|r| {
            let cur = calendar::weekday(r) as i64;
            let back = (cur - w as i64).rem_euclid(7);
            let fwd = (w as i64 - cur).rem_euclid(7);
            let c = match tense {
                Tense::Past => r - back,
                Tense::Future => r + fwd,
                Tense::Unknown => {
                    if back <= fwd {
                        r - back
                    } else {
                        r + fwd
                    }
                }
            };
            iso_day(c)
        });
        self.push(start, end, value, DateKind::Partial, Precision::Day);
        Some(end)
    }

    /// The date of weekday `w` falling on day `d` nearest the article date.
    fn weekday_day(&self, w: u8, d: u8, tense: Tense) -> Option<String> {
        // Without the article's day, the middle of its month stands in: the weekday check
        // still singles out one date in most cases.
        self.an.month?;
        let r = self.an.approx_days()?;
        let mut cands = Vec::new();
        for off in -50i64..=50 {
            let c = r + off;
            let (_, _, dd) = calendar::civil_from_days(c);
            if dd == d && calendar::weekday(c) == w {
                cands.push(c);
            }
        }
        pick(&cands, r, tense, 1, false).map(iso_day)
    }

    /// "en mai", "début juin", "mai 2019", "fin mars dernier".
    fn month(&mut self, span_start: usize, i: usize) -> Option<usize> {
        let t = self.t;
        let m = month_at(t, i)?;
        let prev = t.key_before(i, 1);
        let prev2 = t.key_before(i, 2);
        let mut start = span_start;
        let mut modifier = None;
        let mut cued = false;
        if let Some(md) = strong_cue(prev) {
            start = i - 1;
            modifier = md;
            cued = true;
        } else if matches!(prev, "de" | "d'")
            && matches!(prev2, "mois" | "debut" | "fin" | "courant" | "mi")
        {
            // "au mois d'avril", "fin d'octobre".
            start = i - 2;
            modifier = strong_cue(prev2).flatten();
            cued = true;
        } else if matches!(prev, "a" | "et" | "ou" | "au" | "-")
            && self.hits.last().is_some_and(|h| h.b + 1 == i)
        {
            cued = true;
        } else if prev == "a" && prev2 == "ici" {
            // "d'ici à septembre".
            start = i.saturating_sub(3);
            cued = true;
        } else if matches!(prev, "de" | "d'" | "pour" | "entre") && !t.is_cap(i) {
            // "la présidentielle de novembre", "de mars à mai", "prévu pour juin".
            start = i - 1;
            cued = true;
        } else if prev == "d'ici" || (prev == "ici" && prev2 == "d'") {
            start = if prev == "ici" { i - 2 } else { i - 1 };
            cued = true;
        } else if matches!(t.key(i + 1), "dernier" | "prochain") && !t.is_cap(i) {
            // "juin prochain".
            cued = true;
        }
        if let Some(y) = year_at(t, i + 1, 1000, 2999) {
            self.push(
                start,
                i + 2,
                Some(format!("{y:04}-{m:02}")),
                DateKind::Absolute,
                Precision::Month,
            );
            self.set_modifier(modifier);
            return Some(i + 2);
        }
        if !cued || t.is_cap(i) && !matches!(prev, "en" | "debut" | "fin" | "mi" | "de") {
            return None;
        }
        // "entre avril et juillet 1994", "de mars à mai 2019": the year of the other end.
        if let Some(y) = self.range_year(i) {
            self.push(
                start,
                i + 1,
                Some(format!("{y:04}-{m:02}")),
                DateKind::Absolute,
                Precision::Month,
            );
            self.set_modifier(modifier);
            return Some(i + 1);
        }
        // "en juillet de la même année": the year of the last year written.
        if let Some((y, n)) = self.same_year(i + 1) {
            self.push(
                start,
                i + 1 + n,
                Some(format!("{y:04}-{m:02}")),
                DateKind::Absolute,
                Precision::Month,
            );
            self.set_modifier(modifier);
            return Some(i + 1 + n);
        }
        let mut end = i + 1;
        let mut tense = month_tense(t.key(end));
        if tense != Tense::Unknown {
            end += 1;
        }
        let explicit = tense != Tense::Unknown;
        if tense == Tense::Unknown {
            tense = tense_near(t, start, i);
        }
        let value = year_for_month(&self.an, m, tense, explicit).map(|y| format!("{y:04}-{m:02}"));
        self.push(start, end, value, DateKind::Partial, Precision::Month);
        self.set_modifier(modifier);
        Some(end)
    }

    /// The year written after the second month of a range or coordination starting with
    /// the month at `i`: "avril et juillet 1994", "mars à mai 2019", "mars-avril 2020".
    fn range_year(&self, i: usize) -> Option<i32> {
        let t = self.t;
        if !matches!(t.key(i + 1), "et" | "a" | "au" | "-" | "ou") || t.raw(i + 1) == "a" {
            return None;
        }
        let mut k = i + 2;
        if matches!(t.key(k), "debut" | "fin" | "mi") {
            k += 1;
        }
        month_at(t, k)?;
        year_at(t, k + 1, 1000, 2999)
    }

    /// "de la même année" at `i`: the year of the last date with a year, and the length of
    /// the phrase.
    fn same_year(&self, i: usize) -> Option<(i32, usize)> {
        let t = self.t;
        if !(t.key(i) == "de" && t.key(i + 1) == "la" && t.key(i + 2) == "meme") {
            return None;
        }
        if !matches!(t.key(i + 3), "annee" | "an") {
            return None;
        }
        let h = self
            .hits
            .iter()
            .rev()
            .find(|h| h.kind == DateKind::Absolute && h.value.is_some())?;
        let y: i32 = h.value.as_deref()?.get(0..4)?.parse().ok()?;
        Some((y, 4))
    }

    /// "mi-juin", "mi-2019".
    fn mid(&mut self, i: usize, rest: &str) -> Option<usize> {
        let t = self.t;
        if let Some(m) = month(rest) {
            if let Some(y) = year_at(t, i + 1, 1000, 2999) {
                self.push(
                    i,
                    i + 2,
                    Some(format!("{y:04}-{m:02}")),
                    DateKind::Absolute,
                    Precision::Month,
                );
                self.set_modifier(Some(DateModifier::Mid));
                return Some(i + 2);
            }
            let tense = tense_near(t, i, i);
            let value = year_for_month(&self.an, m, tense, false).map(|y| format!("{y:04}-{m:02}"));
            self.push(i, i + 1, value, DateKind::Partial, Precision::Month);
        } else {
            let y: i32 = rest.parse().ok()?;
            if !(1000..=2999).contains(&y) {
                return None;
            }
            self.push(
                i,
                i + 1,
                Some(format!("{y:04}")),
                DateKind::Absolute,
                Precision::Year,
            );
        }
        self.set_modifier(Some(DateModifier::Mid));
        Some(i + 1)
    }

    /// A year with a cue: "en 2028", "depuis 2015", "d'ici 2030", "fin 2019", "de 2015 à
    /// 2020", "l'an 2000", "(2019)".
    fn year(&mut self, i: usize) -> Option<usize> {
        let t = self.t;
        let k = t.key(i);
        if k.len() != 4 || !is_plain_int(k) {
            return None;
        }
        let prev = t.key_before(i, 1);
        let prev2 = t.key_before(i, 2);
        let mut start = i;
        let mut modifier = None;
        let strong;
        if let Some(md) = strong_cue(prev) {
            start = i - 1;
            modifier = md;
            strong = true;
        } else if prev == "ici" && prev2 == "d'" {
            start = i - 2;
            strong = true;
        } else if matches!(
            prev,
            "annee"
                | "an"
                | "printemps"
                | "ete"
                | "automne"
                | "hiver"
                | "exercice"
                | "saison"
                | "rentree"
                | "horizon"
                | "trimestre"
                | "semestre"
                | "millesime"
                | "budget"
                | "promotion"
        ) {
            strong = prev != "ete" || !t.is_num(i + 1);
        } else if prev == "(" && (t.key(i + 1) == ")" || self.year_range_end(i, 0).is_some()) {
            strong = true;
        } else if matches!(prev, "periode" | "saisons" | "exercices")
            || (prev == "annees" && self.year_range_end(i, 0).is_some())
            || (!t.is_num(i.wrapping_sub(1)) && self.bare_period(i))
        {
            // "les années 1970" alone is a decade, not a year.
            // "les années 2012-2013", "la période 2009-2012", "2004-2008".
            strong = true;
        } else if matches!(
            prev,
            "de" | "pour" | "a" | "et" | "ou" | "contre" | "entre" | "du"
        ) {
            // A weak cue: the year must not be followed by a counted noun or a unit
            // ("de 2000 euros", "pour 2000 personnes").
            let next = t.key(i + 1);
            let prev_year = matches!(prev, "a" | "et" | "ou" | "contre")
                && self.hits.last().is_some_and(|h| h.b + 1 == i);
            // Plural nouns and units after the number make it a count.
            let ok_next = next.is_empty()
                || !t.is_word(i + 1)
                || t.is_cap(i + 1)
                || is_function_word(next)
                || !(next.ends_with('s') || next.ends_with('x'));
            if !ok_next {
                return None;
            }
            // "de 2000 à 3000 euros": the other end carries a unit.
            if matches!(next, "a" | "et" | "-" | "ou") && t.is_num(i + 2) {
                let after = t.key(i + 3);
                let noun = t.is_word(i + 3)
                    && !t.is_cap(i + 3)
                    && !is_function_word(after)
                    && (after.ends_with('s') || after.ends_with('x'));
                if noun
                    || is_unit_word(after)
                    || crate::text::chars::is_currency_symbol(
                        t.raw(i + 3).chars().next().unwrap_or(' '),
                    )
                {
                    return None;
                }
            }
            if !(prev_year || matches!(prev, "de" | "entre" | "pour" | "contre" | "du")) {
                return None;
            }
            // "plus de 2000", "près de 1900": a quantity, not a year.
            if matches!(prev, "de" | "d'")
                && matches!(
                    t.key_before(i, 2),
                    "plus" | "moins" | "pres" | "autour" | "environ" | "centaines" | "dizaines"
                )
            {
                return None;
            }
            if prev == "a" && t.raw(i - 1) == "a" {
                // "a 2000" without accent is the verb: no date.
                return None;
            }
            strong = false;
        } else {
            return None;
        }
        let y: i32 = k.parse().ok()?;
        let (lo, hi) = if strong { (1000, 2100) } else { (1900, 2100) };
        if !(lo..=hi).contains(&y) {
            return None;
        }
        // A period "2010-2011", "(1950-1953)": both years.
        if let Some(y2) = self.year_range_end(i, y) {
            for v in [y, y2] {
                self.push(
                    start,
                    i + 3,
                    Some(format!("{v:04}")),
                    DateKind::Absolute,
                    Precision::Year,
                );
            }
            return Some(i + 3);
        }
        // Not a count: "en 2000 exemplaires" is rare, "de 2000 personnes" is not a date.
        if t.is_word(i + 1) && !t.is_cap(i + 1) && is_unit_word(t.key(i + 1)) {
            return None;
        }
        self.push(
            start,
            i + 1,
            Some(format!("{y:04}")),
            DateKind::Absolute,
            Precision::Year,
        );
        self.set_modifier(modifier);
        Some(i + 1)
    }

    /// A period "2004-2008" with no cue: both years of this century or the last, and no
    /// counted noun or unit after it ("1500-2000 personnes" is a count).
    fn bare_period(&self, i: usize) -> bool {
        let t = self.t;
        let Ok(y) = t.key(i).parse::<i32>() else {
            return false;
        };
        if !(1900..=2100).contains(&y) {
            return false;
        }
        let Some(y2) = self.year_range_end(i, y) else {
            return false;
        };
        let next = t.key(i + 3);
        (1900..=2100).contains(&y2)
            && (y2 - y) <= 30
            && !(t.is_word(i + 3)
                && !t.is_cap(i + 3)
                && !is_function_word(next)
                && (next.ends_with('s') || next.ends_with('x')))
            && !is_unit_word(next)
    }

    /// The second year of a period written "2010-2011" starting at token `i`.
    fn year_range_end(&self, i: usize, y: i32) -> Option<i32> {
        let t = self.t;
        if !matches!(t.key(i + 1), "-" | "–" | "/")
            || i + 2 >= t.len()
            || t.end(i) != t.start(i + 1)
            || t.end(i + 1) != t.start(i + 2)
        {
            return None;
        }
        let y2 = year_at(t, i + 2, 1000, 2100)?;
        let y1: i32 = if y == 0 { t.key(i).parse().ok()? } else { y };
        (y2 > y1 && y2 - y1 < 100).then_some(y2)
    }

    /// Relative dates: "aujourd'hui", "hier", "demain", "la semaine dernière",
    /// "l'an passé", "l'année prochaine", "cette année", "le mois dernier", "il y a deux ans".
    fn relative(&mut self, i: usize) -> Option<usize> {
        let t = self.t;
        let k = t.key(i);
        let prev = t.key_before(i, 1);
        let an = self.an;
        let day = |off: i64| an.days().map(|r| iso_day(r + off));
        match k {
            "aujourd'hui" | "hier" | "avant-hier" | "demain" | "apres-demain" => {
                if matches!(k, "demain" | "hier") && matches!(prev, "de" | "d'") {
                    // "l'Europe de demain", "la France d'hier": not a date.
                    return None;
                }
                let off = match k {
                    "aujourd'hui" => 0,
                    "hier" => -1,
                    "avant-hier" => -2,
                    "demain" => 1,
                    _ => 2,
                };
                self.push(i, i + 1, day(off), DateKind::Relative, Precision::Day);
                return Some(i + 1);
            }
            _ => {}
        }
        // "la semaine dernière", "l'an passé", "cette année", "le mois prochain".
        let (unit, n) = match k {
            "semaine" => (Precision::Week, 1),
            "an" => (Precision::Year, 1),
            "annee" => (Precision::Year, 1),
            "mois" => (Precision::Month, 1),
            _ => return self.ago(i),
        };
        let _ = n;
        let next = t.key(i + 1);
        let det = prev;
        let offset: i64 = match (det, next) {
            ("la" | "l'" | "le", "derniere" | "dernier" | "passee" | "passe") => -1,
            ("la" | "l'" | "le", "prochaine" | "prochain") => 1,
            ("cette" | "cet" | "ce", _) => 0,
            _ => return None,
        };
        let (start, end) = if offset == 0 {
            (i - 1, i + 1)
        } else {
            (i - 1, i + 2)
        };
        if offset == 0 && unit != Precision::Year {
            // "cette semaine" / "ce mois": often vague; keep week, skip month.
            if unit == Precision::Month {
                return None;
            }
        }
        let value = match unit {
            Precision::Year => an.year.map(|y| format!("{:04}", y as i64 + offset)),
            Precision::Month => match (an.year, an.month) {
                (Some(y), Some(m)) => {
                    let z = y as i64 * 12 + m as i64 - 1 + offset;
                    Some(format!(
                        "{:04}-{:02}",
                        z.div_euclid(12),
                        z.rem_euclid(12) + 1
                    ))
                }
                _ => None,
            },
            Precision::Week => an.days().map(|r| iso_week_string(r + 7 * offset)),
            Precision::Day => None,
        };
        self.push(start, end, value, DateKind::Relative, unit);
        Some(end)
    }

    /// "il y a deux ans", "il y a 3 jours", "il y a un mois".
    fn ago(&mut self, i: usize) -> Option<usize> {
        let t = self.t;
        // "il y a deux ans" (past) or "dans deux ans" (future).
        let (j, sign) = if t.key(i) == "il" && t.key(i + 1) == "y" && t.key(i + 2) == "a" {
            (i + 3, -1i64)
        } else if t.key(i) == "dans" {
            (i + 1, 1i64)
        } else {
            return None;
        };
        let (n, after) = if t.is_num(j) {
            let k = t.key(j);
            if !is_plain_int(k) || k.len() > 3 {
                return None;
            }
            (k.parse::<i64>().ok()?, j + 1)
        } else {
            let w = super::numbers::parse_words(t, j)?;
            if w.value < 1.0 || w.value > 999.0 || w.end != j + 1 {
                return None;
            }
            (w.value as i64, w.end)
        };
        let n = -sign * n;
        let an = self.an;
        let (value, p) = match t.key(after) {
            "an" | "ans" | "annee" | "annees" => (
                an.year.map(|y| format!("{:04}", y as i64 - n)),
                Precision::Year,
            ),
            "mois" => (
                match (an.year, an.month) {
                    (Some(y), Some(m)) => {
                        let z = y as i64 * 12 + m as i64 - 1 - n;
                        Some(format!(
                            "{:04}-{:02}",
                            z.div_euclid(12),
                            z.rem_euclid(12) + 1
                        ))
                    }
                    _ => None,
                },
                Precision::Month,
            ),
            "jour" | "jours" => (an.days().map(|r| iso_day(r - n)), Precision::Day),
            "semaine" | "semaines" => (
                an.days().map(|r| iso_week_string(r - 7 * n)),
                Precision::Week,
            ),
            _ => return None,
        };
        self.push(i, after + 1, value, DateKind::Relative, p);
        Some(after + 1)
    }
}

/// Words after a number that make it anything but a bare year: currencies, measures,
/// percent, magnitudes.
fn is_unit_word(k: &str) -> bool {
    super::lexicon::is_measure_word(k)
        || super::money::currency_word(k).is_some()
        || super::numbers::magnitude(k).is_some()
        || matches!(k, "%" | "points" | "personnes" | "habitants")
}
