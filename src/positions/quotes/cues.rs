//! Reporting cues: the verb forms that report speech after a quotation ("», a déclaré",
//! "», a-t-il estimé", "», selon"), before it ("X a déclaré : «", "X estime que «"), and the
//! present participles that share their sentence's subject ("..., ajoutant « ... »").

use super::super::attrib::Resolver;
use super::super::conjugate::FormKind;
use super::super::context::Ctx;
use super::super::lexicon::VerbForm;
use crate::text::TokenKind;

/// A reporting cue as a token range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cue {
    /// First token (auxiliary, reflexive pronoun, or the verb).
    pub start: usize,
    /// One past the last token (with an inverted pronoun).
    pub end: usize,
    /// The inverted subject pronoun ("-t-il"), if any.
    pub inverted: Option<usize>,
    /// "selon" / "d'après": the speaker follows directly.
    pub selon: bool,
}

impl Cue {
    /// "selon" or "d'après" over tokens `start..end`.
    fn selon(start: usize, end: usize) -> Self {
        Cue {
            start,
            end,
            inverted: None,
            selon: true,
        }
    }
}

const AUX: &[&str] = crate::lang::fr::positions::AUXILIARIES;

const ADVERBS: &[&str] = crate::lang::fr::positions::CUE_ADVERBS;

pub(crate) fn is_adverb(ctx: &Ctx, k: usize) -> bool {
    let w = ctx.low(k);
    ADVERBS.contains(&w)
        || MENT_ADVERBS.contains(&w)
        || (w.ends_with("amment") || w.ends_with("emment")) && ctx.is_lower_word(k)
}

/// Adverbs in -ment common between an auxiliary and its participle (nouns such as
/// "gouvernement" or "engagement" also end in -ment, so no suffix rule).
const MENT_ADVERBS: &[&str] = crate::lang::fr::positions::MENT_ADVERBS;

fn is_inverted(ctx: &Ctx, k: usize) -> bool {
    matches!(
        ctx.low(k),
        "-t-il"
            | "-t-elle"
            | "t-il"
            | "t-elle"
            | "-il"
            | "-elle"
            | "-t-on"
            | "-on"
            | "-ils"
            | "-elles"
            | "-t-ils"
            | "-t-elles"
    )
}

/// Forms of "être" used as an auxiliary.
pub(crate) fn is_etre(w: &str) -> bool {
    matches!(
        w,
        "est"
            | "sont"
            | "était"
            | "étaient"
            | "serait"
            | "seraient"
            | "sera"
            | "seront"
            | "être"
            | "étant"
            | "fut"
    )
}

/// Reporting verb form starting at `k`: (length, its possible shapes).
fn reporting(ctx: &Ctx, k: usize) -> Option<(usize, VerbForm)> {
    ctx.lex
        .reporting
        .longest(|i| ctx.low_opt(i), k)
        .map(|(n, v)| (n, *v))
}

/// True when the reporting verb at `k` reports nothing in its reflexive use ("s'y ajoute",
/// "s'assurer"; "se demande", "s'est exclamé" still report).
fn reflexive_off_at(ctx: &Ctx, k: usize) -> bool {
    reporting(ctx, k).is_some_and(|(_, f)| {
        ctx.lex
            .reporting_reflexive_off
            .get(f.lemma as usize)
            .copied()
            .unwrap_or(false)
    })
}

/// A reporting form of shape `kind` at `k`: its length.
fn reporting_as(ctx: &Ctx, k: usize, kind: FormKind) -> Option<usize> {
    reporting(ctx, k)
        .filter(|(_, f)| f.has(kind))
        .map(|(n, _)| n)
}

/// Finite verbs that govern a reporting infinitive ("veut rappeler", "vient de déclarer").
const INF_GOVERNORS: &[&str] = crate::lang::fr::positions::INFINITIVE_GOVERNORS;

const MODALS: &[&str] = crate::lang::fr::positions::MODALS;

/// Parse a cue starting at token `j` (after a closing quote, or after "selon").
pub fn cue_at(ctx: &Ctx, j: usize) -> Option<Cue> {
    let w = ctx.low(j);
    if w == "selon" {
        return Some(Cue::selon(j, j + 1));
    }
    if w == "d'" && ctx.low(j + 1) == "après" {
        return Some(Cue::selon(j, j + 2));
    }
    let mut k = j;
    if matches!(ctx.low(k), "ne" | "n'") {
        k += 1;
    }
    // Reflexive or object clitics: "s'est exclamé", "lui a-t-il promis", "l'a répété".
    let mut reflexive = false;
    while k < j + 2
        && matches!(
            ctx.low(k),
            "s'" | "se" | "lui" | "leur" | "l'" | "nous" | "vous" | "m'" | "me" | "y" | "en"
        )
    {
        reflexive |= matches!(ctx.low(k), "s'" | "se");
        k += 1;
    }
    // "s'y ajoute", "s'est assuré": some reporting verbs report nothing in their reflexive
    // use.
    let reports = |v: usize| !reflexive || !reflexive_off_at(ctx, v);
    if AUX.contains(&ctx.low(k)) {
        let passive = is_etre(ctx.low(k)) && k == j;
        k += 1;
        let mut inverted = None;
        if is_inverted(ctx, k) {
            inverted = Some(k);
            k += 1;
        }
        // Adverbs and adverbial phrases: "a-t-il de nouveau averti", "a au contraire assuré".
        let mut adv = 0;
        while adv < 3 {
            if is_adverb(ctx, k) && reporting(ctx, k).is_none() {
                k += 1;
            } else if let Some(n) = ctx.adverbial_len(k) {
                k += n;
            } else {
                break;
            }
            adv += 1;
        }
        if let Some(len) =
            reporting_as(ctx, k, FormKind::Participle).filter(|_| !passive && reports(k))
        {
            return Some(Cue {
                start: j,
                end: k + len,
                inverted,
                selon: false,
            });
        }
        // "», a contre-attaqué X": right after a quote, "a" + any past participle in -é
        // reports the quote even when the verb is not in the lexicon.
        if !passive && after_quote(ctx, j) && matches!(ctx.low(j), "a" | "avait") {
            let w = ctx.low(k);
            if ctx.is_lower_word(k) && w.chars().count() > 3 && w.ends_with('é') {
                return Some(Cue {
                    start: j,
                    end: k + 1,
                    inverted,
                    selon: false,
                });
            }
        }
        if MODALS.contains(&ctx.low(k)) && matches!(ctx.low(k + 1), "à" | "de" | "d'" | "par") {
            if let Some(len) = reporting_as(ctx, k + 2, FormKind::Infinitive) {
                return Some(Cue {
                    start: j,
                    end: k + 2 + len,
                    inverted,
                    selon: false,
                });
            }
        }
        return None;
    }
    // "», tempête-t-il": an inverted subject right after a quote marks a reporting verb.
    if after_quote(ctx, j) && ctx.is_lower_word(k) && is_inverted(ctx, k + 1) {
        return Some(Cue {
            start: j,
            end: k + 2,
            inverted: Some(k + 1),
            selon: false,
        });
    }
    match reporting(ctx, k) {
        Some((len, f)) if f.has(FormKind::Finite) && reports(k) => {
            let mut end = k + len;
            let mut inverted = None;
            // "ajoute t-elle" is also written with a space, the "t" on its own.
            if ctx.low(end) == "t" && is_inverted(ctx, end + 1) {
                end += 1;
            }
            if is_inverted(ctx, end) {
                inverted = Some(end);
                end += 1;
            }
            Some(Cue {
                start: j,
                end,
                inverted,
                selon: false,
            })
        }
        Some((len, f)) if f.has(FormKind::PresentParticiple) => Some(Cue {
            start: j,
            end: k + len,
            inverted: None,
            selon: false,
        }),
        _ => None,
    }
}

/// Token `j` follows a closing quotation mark (and a comma).
fn after_quote(ctx: &Ctx, j: usize) -> bool {
    let mut p = j;
    if p >= 1 && ctx.is_punct(p - 1, ",") {
        p -= 1;
    }
    p >= 1 && ctx.kind(p - 1) == Some(TokenKind::Quote)
}

/// The nearest cue before token `o` in its sentence, skipping other quotations.
pub fn cue_before(ctx: &Ctx, res: &Resolver, o: usize) -> Option<Cue> {
    let start = ctx.sent_start(o);
    let mut k = o;
    let mut steps = 0;
    while k > start && steps < 30 {
        k -= 1;
        steps += 1;
        if res.in_quote(k) {
            continue;
        }
        let w = ctx.low(k);
        if w == "selon" {
            return Some(Cue::selon(k, k + 1));
        }
        if w == "après" && k >= 1 && ctx.low(k - 1) == "d'" {
            return Some(Cue::selon(k - 1, k + 1));
        }
        let Some((len, form)) = reporting(ctx, k) else {
            continue;
        };
        // Walk back over adverbs, inverted pronoun, auxiliary, reflexive, negation.
        let mut s = k;
        let mut has_aux = false;
        let mut aux_tok: Option<usize> = None;
        let mut inverted = None;
        let mut back = 0;
        let mut reflexive = false;
        while s > start && back < 5 {
            let p = s - 1;
            // "a elle aussi déclaré": a stressed pronoun after the auxiliary; before it,
            // "elle a déclaré", the pronoun is the subject.
            let subject_pronoun = has_aux && matches!(ctx.low(p), "elle" | "lui");
            if is_adverb(ctx, p) && !AUX.contains(&ctx.low(p)) && !subject_pronoun {
                s = p;
            } else if is_inverted(ctx, p) {
                inverted = Some(p);
                s = p;
            } else if AUX.contains(&ctx.low(p)) && !has_aux {
                has_aux = true;
                aux_tok = Some(p);
                s = p;
            } else if MODALS.contains(&ctx.low(p))
                || matches!(ctx.low(p), "à" | "de" | "d'")
                    && form.has(FormKind::Infinitive)
                    && p >= 1
                    && (MODALS.contains(&ctx.low(p - 1)) || INF_GOVERNORS.contains(&ctx.low(p - 1)))
                || form.has(FormKind::Infinitive) && s == k && INF_GOVERNORS.contains(&ctx.low(p))
                || matches!(ctx.low(p), "s'" | "se" | "ne" | "n'")
            {
                reflexive |= matches!(ctx.low(p), "s'" | "se");
                s = p;
            } else {
                break;
            }
            back += 1;
        }
        // "était interrogé par": être without a reflexive pronoun is a passive.
        let passive = aux_tok.is_some_and(|a| {
            is_etre(ctx.low(a)) && !(a >= 1 && matches!(ctx.low(a - 1), "s'" | "se"))
        });
        let finite_ok = !(k >= 1
            && (ctx.is_det(k - 1) || ctx.is_prep(k - 1) || ctx.low(k - 1) == "d'"))
            && ctx.is_lower_word(k);
        // "s'y ajoute": the reflexive use of some reporting verbs reports nothing.
        if reflexive && reflexive_off_at(ctx, k) {
            continue;
        }
        let ok = form.has(FormKind::Participle) && has_aux && !passive
            || form.has(FormKind::Finite) && finite_ok
            || form.has(FormKind::Infinitive) && s < k
            || form.has(FormKind::PresentParticiple);
        if ok {
            if inverted.is_none() && is_inverted(ctx, k + len) {
                inverted = Some(k + len);
            }
            return Some(Cue {
                start: s,
                end: k + len,
                inverted,
                selon: false,
            });
        }
    }
    None
}

/// A cue that is a bare present participle ("ajoutant", "estimant").
pub(super) fn participle_cue(ctx: &Ctx, cue: &Cue) -> bool {
    !cue.selon
        && cue.inverted.is_none()
        && reporting(ctx, cue.start).is_some_and(|(len, f)| {
            cue.start + len == cue.end
                && f.has(FormKind::PresentParticiple)
                && !f.has(FormKind::Finite)
        })
}
