//! Links between an amount and its neighbours: intervals and coordinations ("entre 30 et 40
//! %", "de 40 à 50 millions d'euros"), comparisons ("40 000 euros, contre 35 000"), and the
//! rate ("par mois") and referred date ("en 2028") after an amount.

use super::Amt;
use crate::figures::dates::DateHit;
use crate::figures::lexicon::is_rate_noun;
use crate::figures::view::Toks;
use crate::record::{AmountKind, Qualifier};

/// Intervals and coordinations: "entre 30 et 40 %", "de 40 à 50 millions d'euros",
/// "de 35 900 € à 40 000": both ends get the unit, the kind and the interval.
pub(super) fn intervals(t: &Toks, out: &mut [Amt]) {
    for x in 0..out.len().saturating_sub(1) {
        let (l, r) = out.split_at_mut(x + 1);
        let p = &mut l[x];
        let q = &mut r[0];
        if q.num.a != p.num.b + 1 && !(q.num.a == p.b + 1 && p.kind.is_some()) {
            continue;
        }
        let conn = t.key(q.num.a - 1);
        if !matches!(conn, "et" | "a" | "-" | "ou" | "/" | "–") {
            continue;
        }
        let before = t.key_before(p.num.a, 1);
        let opener = matches!(before, "entre" | "de" | "d'" | "du");
        // "500 et 525 millions d'euros": a bare number coordinated with an amount.
        let coordinated = is_bare(p)
            && q.kind.is_some()
            && !is_bare(q)
            && p.num.b + 1 == q.num.a
            && !p.num.words
            && q.num.factor > 1.0;
        if conn == "et" && before != "entre" && !coordinated {
            continue;
        }
        if is_bare(p) && q.kind.is_some() && !is_bare(q) && p.num.b == q.num.a - 1 {
            p.kind = q.kind;
            p.unit = q.unit.clone();
            if p.num.factor == 1.0 && q.num.factor > 1.0 && !p.num.words {
                p.value *= q.num.factor;
            }
            p.a = if opener { p.num.a - 1 } else { p.num.a };
        } else if p.kind.is_some() && !is_bare(p) && is_bare(q) && opener {
            q.kind = p.kind;
            q.unit = p.unit.clone();
            if q.num.factor == 1.0 && p.num.factor > 1.0 && !q.num.words {
                q.value *= p.num.factor;
            }
        } else if p.kind == Some(AmountKind::Count)
            && p.unit.is_none()
            && p.num.factor > 1.0
            && q.kind == Some(AmountKind::Money)
        {
            // "entre 7,9 milliards et 17,2 milliards d'euros".
            p.kind = q.kind;
            p.unit = q.unit.clone();
        } else if p.kind.is_none() || q.kind.is_none() || p.kind != q.kind || p.unit != q.unit {
            continue;
        }
        let change = before == "de"
            && p.num.a >= 2
            && (t.key(p.num.a - 2).starts_with("pass") || t.key(p.num.a - 2).starts_with("chut"));
        if opener && !change || matches!(conn, "-" | "–" | "/") {
            let (lo, hi) = if p.value <= q.value {
                (p.value, q.value)
            } else {
                (q.value, p.value)
            };
            for z in [&mut *p, &mut *q] {
                z.low = Some(lo);
                z.high = Some(hi);
                if z.qualifier.is_none() {
                    z.qualifier = Some(Qualifier::Between);
                }
            }
        }
    }
}

/// True for a number with no unit of its own: unclassified, or read as an elided count
/// ("18 000" alone), so a neighbour's unit may replace it.
fn is_bare(a: &Amt) -> bool {
    a.kind.is_none()
        || (a.kind == Some(AmountKind::Count)
            && a.unit.is_none()
            && a.num.factor == 1.0
            && !a.num.approx
            && !a.num.words)
}

/// A bare number compared with a money or percent amount just before it takes its unit:
/// "40 000 euros, contre 35 000 l'an dernier".
pub(super) fn comparisons(t: &Toks, out: &mut [Amt]) {
    for x in 1..out.len() {
        if !is_bare(&out[x]) {
            continue;
        }
        let a = out[x].num.a;
        if a == 0 || t.key(a - 1) != "contre" || out[x].num.words {
            continue;
        }
        // Only right after the compared amount: "X euros contre Y", "X euros, contre Y".
        let prev = &out[x - 1];
        let gap = a - 1 - prev.b.min(a - 1);
        let near = gap == 0 || (gap == 1 && matches!(t.key(prev.b), "," | "("));
        let same_scale = prev.num.factor == out[x].num.factor;
        if near
            && same_scale
            && matches!(
                prev.kind,
                Some(AmountKind::Money) | Some(AmountKind::Percent)
            )
        {
            let (kind, unit) = (prev.kind, prev.unit.clone());
            out[x].kind = kind;
            out[x].unit = unit;
        }
    }
}

/// Rate ("par mois") and referred date ("en 2028") after the amount.
pub(super) fn tail(t: &Toks, a: &mut Amt, dates: &[DateHit], used: &[bool]) {
    let e = a.b;
    let k = t.key(e);
    if (k == "par" || k == "/") && is_rate_noun(t.key(e + 1)) && t.same_sent(e, e + 1) {
        a.rate = Some(t.key(e + 1).to_string());
        a.b = e + 2;
    } else if let Some(r) = match k {
        "annuels" | "annuelles" | "annuel" | "annuelle" => Some("an"),
        "mensuels" | "mensuelles" | "mensuel" | "mensuelle" => Some("mois"),
        "hebdomadaires" => Some("semaine"),
        "quotidiens" => Some("jour"),
        _ => None,
    } {
        if a.kind == Some(AmountKind::Money) {
            a.rate = Some(r.to_string());
            a.b = e + 1;
        }
    }
    let e = a.b;
    if e < used.len() && used[e] {
        let at = dates.partition_point(|d| d.a < e);
        if let Some(d) = dates.get(at) {
            if d.a == e && matches!(t.key(e), "en" | "d'" | "fin" | "debut" | "mi" | "courant") {
                a.refers_to = d.value.clone();
                a.b = d.b;
            }
        }
    }
}
