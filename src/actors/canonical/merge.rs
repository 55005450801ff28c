//! Merging the cleaned mentions of one entity: same comparison key first, then acronyms with
//! their expansion, shorter forms of a person's name with the full name, first names used
//! alone with the one full name they start, and head words ("la Banque") with the one
//! organisation or place they start. Groups are joined in a union-find; the type of an entity
//! is the majority of its mentions' types, a cue word counting three.

use super::clean::Clean;
use super::names::{initials, is_acronym_text, name_key, person_shortens, KNOWN_ACRONYMS};
use crate::record::ActorType;
use crate::text::Document;

/// An entity being built.
#[derive(Clone, Debug)]
struct Group {
    mentions: Vec<usize>,
    votes: [u32; 4],
    key: String,
    words: Vec<String>,
}

pub(super) fn type_index(t: ActorType) -> usize {
    match t {
        ActorType::Per => 0,
        ActorType::Org => 1,
        ActorType::Loc => 2,
        ActorType::Misc => 3,
    }
}

impl Group {
    fn kind(&self) -> ActorType {
        let mut best = 0;
        for t in 1..4 {
            if self.votes[t] > self.votes[best] {
                best = t;
            }
        }
        crate::actors::model::TYPES[best]
    }
    fn first_pos(&self, ms: &[Clean]) -> usize {
        self.mentions
            .iter()
            .map(|&i| ms[i].byte_start)
            .min()
            .unwrap_or(0)
    }
}

/// The root of `i` in the union-find `p`, compressing the path.
fn root(p: &mut [usize], mut i: usize) -> usize {
    while p[i] != i {
        p[i] = p[p[i]];
        i = p[i];
    }
    i
}

/// What a cue noun of a mention's phrase weighs against the tagger's one vote per mention.
pub(super) const CUE_VOTES: u32 = 3;

/// Merge the cleaned mentions `ms` into entities: for each, its root group, the indexes of its
/// mentions in `ms` and the type votes of its groups.
pub(super) fn merge(doc: &Document, ms: &[Clean]) -> Vec<(usize, Vec<usize>, [u32; 4])> {
    // 1. Exact keys.
    let mut groups: Vec<Group> = Vec::new();
    let mut by_key: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (i, m) in ms.iter().enumerate() {
        let g = *by_key.entry(m.key.as_str()).or_insert_with(|| {
            groups.push(Group {
                mentions: Vec::new(),
                votes: [0; 4],
                key: m.key.clone(),
                words: m.words.clone(),
            });
            groups.len() - 1
        });
        groups[g].mentions.push(i);
        groups[g].votes[type_index(m.kind)] += 1;
        if let Some(c) = m.cue {
            groups[g].votes[type_index(c)] += CUE_VOTES;
        }
    }
    let mut parent: Vec<usize> = (0..groups.len()).collect();
    join_acronyms(doc, ms, &groups, &mut parent);
    join_shortened_persons(ms, &groups, &mut parent);
    join_first_names(&groups, &mut parent);
    join_head_words(doc, ms, &groups, &mut parent);

    // 4. Collect.
    let mut merged: Vec<(usize, Vec<usize>, [u32; 4])> = Vec::new();
    let mut slot = vec![usize::MAX; groups.len()];
    for (g, group) in groups.iter().enumerate() {
        let r = root(&mut parent, g);
        if slot[r] == usize::MAX {
            slot[r] = merged.len();
            merged.push((r, Vec::new(), [0; 4]));
        }
        let e = &mut merged[slot[r]];
        e.1.extend(group.mentions.iter().copied());
        for (v, gv) in e.2.iter_mut().zip(group.votes) {
            *v += gv;
        }
    }
    merged
}

/// True when the mention `x` paired with an acronym in parentheses can be its expansion: not
/// a person ("Paul Roy (LR)" gives the person's party), unless the acronym is the person's
/// initials.
fn expands(x: &Clean, akey: &str) -> bool {
    x.kind != ActorType::Per || initials(&x.words) == akey
}

/// Acronyms join their expansion: paired in the text ("Expansion (ACR)" or "ACR
/// (Expansion)"), else the one group whose initials they are, or a known pair.
fn join_acronyms(doc: &Document, ms: &[Clean], groups: &[Group], parent: &mut [usize]) {
    for (ai, a) in groups.iter().enumerate() {
        // Any spelling in capitals ("Vtr" beside "VTR") makes the group an acronym; the
        // pairing in the text ("Vetra de Nordis (Vtr)") only counts for the first spelling.
        let m0 = &ms[a.mentions[0]];
        let first_capitals = is_acronym_text(&doc.text[m0.byte_start..m0.byte_end]);
        if !first_capitals
            && !a
                .mentions
                .iter()
                .any(|&i| is_acronym_text(&doc.text[ms[i].byte_start..ms[i].byte_end]))
        {
            continue;
        }
        let akey: String = a.key.chars().filter(|c| c.is_alphanumeric()).collect();
        let mut target = None;
        // Paired in the text: "Expansion (ACR)" or "ACR (Expansion)".
        for &mi in a.mentions.iter().filter(|_| first_capitals) {
            let m = &ms[mi];
            if m.first_token >= 2
                && doc.token_text(m.first_token - 1) == "("
                && doc
                    .tokens
                    .get(m.end_token)
                    .is_some_and(|t| t.text(doc.text) == ")")
            {
                let prev_end = m.first_token - 1;
                if let Some(e) = ms
                    .iter()
                    .position(|x| x.end_token == prev_end && expands(x, &akey))
                {
                    target = Some(e);
                }
            }
            if doc
                .tokens
                .get(m.end_token)
                .is_some_and(|t| t.text(doc.text) == "(")
            {
                if let Some(e) = ms
                    .iter()
                    .position(|x| x.first_token == m.end_token + 1 && expands(x, &akey))
                {
                    target = Some(e);
                }
            }
        }
        let target_group = target.and_then(|e| groups.iter().position(|g| g.mentions.contains(&e)));
        let target_group = target_group.or_else(|| {
            groups.iter().position(|g| {
                g.words.len() >= 2 && {
                    let ini = initials(&g.words);
                    ini == akey
                        || KNOWN_ACRONYMS
                            .iter()
                            .any(|(acr, exp)| *acr == akey && name_key(exp) == g.key)
                }
            })
        });
        if let Some(t) = target_group.filter(|&t| t != ai) {
            let (ra, rt) = (root(parent, ai), root(parent, t));
            parent[ra] = rt;
        }
    }
}

/// Persons: shorter forms join a full name.
fn join_shortened_persons(ms: &[Clean], groups: &[Group], parent: &mut [usize]) {
    let order: Vec<usize> = {
        let mut o: Vec<usize> = (0..groups.len()).collect();
        o.sort_by_key(|&g| std::cmp::Reverse(groups[g].words.len()));
        o
    };
    for &s in &order {
        let sg = &groups[s];
        let s_is_per = sg.votes[0] > 0;
        let single = sg.words.len() == 1;
        // A short form typed otherwise by a cue or by several mentions ("les laboratoires
        // X" beside "Paul X", the founder) is its own entity.
        let kind = sg.kind();
        if kind != ActorType::Per && sg.votes[type_index(kind)] >= 3 {
            continue;
        }
        if !s_is_per && !single {
            continue;
        }
        // Candidates: longer PER groups this one shortens.
        let cands: Vec<usize> = (0..groups.len())
            .filter(|&l| l != s && groups[l].kind() == ActorType::Per)
            .filter(|&l| person_shortens(&sg.words, &groups[l].words))
            .filter(|&l| s_is_per || groups[l].votes[0] as usize >= 1 && single)
            .collect();
        if cands.is_empty() {
            continue;
        }
        // Drop candidates that themselves shorten another candidate (keep the longest).
        let cands: Vec<usize> = cands
            .iter()
            .copied()
            .filter(|&c| {
                !cands
                    .iter()
                    .any(|&d| d != c && person_shortens(&groups[c].words, &groups[d].words))
            })
            .collect();
        let pick = if cands.len() == 1 {
            cands[0]
        } else {
            // Several people share this surname: join the closest preceding full name.
            let pos = sg.first_pos(ms);
            let best = cands
                .iter()
                .copied()
                .filter(|&c| groups[c].first_pos(ms) <= pos)
                .max_by_key(|&c| groups[c].first_pos(ms));
            match best {
                Some(b) => b,
                None => continue,
            }
        };
        let (ra, rt) = (root(parent, s), root(parent, pick));
        if ra != rt {
            parent[ra] = rt;
        }
    }
}

/// A person's first name(s) used alone, or split off by the tagger, join the one full name of
/// the article that starts with them (never when two full names do).
fn join_first_names(groups: &[Group], parent: &mut [usize]) {
    for s in 0..groups.len() {
        let sg = &groups[s];
        if sg.kind() != ActorType::Per || sg.words.len() > 2 {
            continue;
        }
        let mut cands = (0..groups.len()).filter(|&l| {
            l != s
                && groups[l].kind() == ActorType::Per
                && groups[l].words.len() > sg.words.len()
                && groups[l].words.starts_with(&sg.words)
        });
        let (Some(pick), None) = (cands.next(), cands.next()) else {
            continue;
        };
        let (ra, rt) = (root(parent, s), root(parent, pick));
        if ra != rt {
            parent[ra] = rt;
        }
    }
}

/// True when some mention of `g` follows a definite article ("la Banque", "l'Union", "du
/// Conseil"): a common noun used as the short name of an institution, not a brand name
/// ("Vetra", "Kelvo") that a longer name may extend into another entity ("Kelvo Europe").
fn after_article(doc: &Document, ms: &[Clean], g: &Group) -> bool {
    g.mentions.iter().any(|&m| {
        let t = ms[m].first_token;
        t > 0
            && crate::lang::fr::actors::has_definite_articles(&super::names::fold(
                doc.token_text(t - 1),
            ))
    })
}

/// Organisations and places shortened to their head word ("l'Union" after "Union des
/// forces du travail", "la Banque" after "Banque régionale"), when only one entity of the
/// article starts with that word and the short form is used as a common noun (after an
/// article; not an acronym). A place only shortens a place.
fn join_head_words(doc: &Document, ms: &[Clean], groups: &[Group], parent: &mut [usize]) {
    for s in 0..groups.len() {
        let sg = &groups[s];
        if sg.words.len() != 1
            || sg.kind() == ActorType::Per
            || is_acronym_text(&sg.words[0])
            || !after_article(doc, ms, sg)
        {
            continue;
        }
        let cands: Vec<usize> = (0..groups.len())
            .filter(|&l| {
                l != s
                    && groups[l].words.len() >= 2
                    && groups[l].words[0] == sg.words[0]
                    && groups[l].kind() != ActorType::Per
                    // "la Vetralie" is not short for "la Vetralie solidaire": a place only
                    // shortens a place.
                    && (sg.kind() != ActorType::Loc || groups[l].kind() == ActorType::Loc)
            })
            .collect();
        if let [l] = cands[..] {
            let (ra, rt) = (root(parent, s), root(parent, l));
            if ra != rt {
                parent[ra] = rt;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::canonical_actors;
    use super::super::test_support::{names, raw};
    use crate::record::ActorType::*;
    use crate::text::Document;

    #[test]
    fn a_place_does_not_shorten_an_organisation_named_after_it() {
        let text = "Le chef de la Vetralie solidaire, Paul Roy, a parlé. Un mouvement est né en \
                    Vetralie. Dans toute la Vetralie, il y a des radars. L'Union des pêcheurs \
                    proteste et l'Union menace.";
        let doc = Document::new(text, None);
        let r = raw(
            &doc,
            &[
                ("Vetralie solidaire", Org),
                ("Paul Roy", Per),
                ("Vetralie", Loc),
                ("Vetralie", Loc),
                ("Union des pêcheurs", Org),
                ("Union", Org),
            ],
        );
        let a = canonical_actors(&doc, &r);
        assert_eq!(
            names(&a),
            vec![
                ("Vetralie solidaire".into(), 1),
                ("Paul Roy".into(), 1),
                ("Vetralie".into(), 2),
                ("Union des pêcheurs".into(), 2)
            ]
        );
    }

    #[test]
    fn merges_surnames_and_titles() {
        let text = "Lucien Vasseur a parlé. M. Vasseur a ensuite reçu Olaf Scholz. Vasseur sourit.";
        let doc = Document::new(text, None);
        let r = raw(
            &doc,
            &[
                ("Lucien Vasseur", Per),
                ("M. Vasseur", Per),
                ("Olaf Scholz", Per),
                ("Vasseur", Loc),
            ],
        );
        let a = canonical_actors(&doc, &r);
        assert_eq!(
            names(&a),
            vec![("Lucien Vasseur".into(), 3), ("Olaf Scholz".into(), 1)]
        );
        assert_eq!(a[0].kind, Per);
        assert_eq!(doc.range_text(a[0].mentions[1]), "Vasseur");
    }

    #[test]
    fn shared_surname_goes_to_closest_previous_person() {
        let text =
            "Claire Le Bihan et Jean-Noël Le Bihan sont arrivés. Plus tard, Jean-Noël Le Bihan \
                    a parlé, puis Claire Le Bihan. Le Bihan a conclu.";
        let doc = Document::new(text, None);
        let r = raw(
            &doc,
            &[
                ("Claire Le Bihan", Per),
                ("Jean-Noël Le Bihan", Per),
                ("Jean-Noël Le Bihan", Per),
                ("Claire Le Bihan", Per),
                ("Le Bihan", Per),
            ],
        );
        let a = canonical_actors(&doc, &r);
        assert_eq!(a.len(), 2, "{:?}", names(&a));
        assert_eq!(a[0].name, "Claire Le Bihan");
        assert_eq!(a[1].name, "Jean-Noël Le Bihan");
    }

    #[test]
    fn acronyms_join_expansion() {
        let text = "L'Union des forces du travail (UFT) a voté. L'UFT contre l'Organisation \
                    mondiale du commerce. Puis l'OMC a répondu.";
        let doc = Document::new(text, None);
        let r = raw(
            &doc,
            &[
                ("Union des forces du travail", Org),
                ("UFT", Org),
                ("UFT", Org),
                ("Organisation mondiale du commerce", Org),
                ("OMC", Org),
            ],
        );
        let a = canonical_actors(&doc, &r);
        assert_eq!(
            names(&a),
            vec![
                ("Union des forces du travail".into(), 3),
                ("Organisation mondiale du commerce".into(), 2)
            ]
        );
    }

    #[test]
    fn an_acronym_spelled_in_lowercase_too_joins_its_expansion() {
        // "Vtr" first, then "VTR": still the acronym of the expansion.
        let text = "La Vtr est active. L'Union des villes de Valmoran (Uvv) et la VTR, ou \
                    Vetra des transports ruraux, ont voté. Le rapport de la Vetra de Kelvo \
                    (Nordis) sort.";
        let doc = Document::new(text, None);
        let r = raw(
            &doc,
            &[
                ("Vtr", Org),
                ("Union des villes de Valmoran", Org),
                ("Uvv", Org),
                ("VTR", Org),
                ("Vetra des transports ruraux", Org),
                ("Vetra de Kelvo", Org),
                ("Nordis", Org),
            ],
        );
        let a = canonical_actors(&doc, &r);
        let got = names(&a);
        assert!(
            got.contains(&("Vetra des transports ruraux".into(), 3)),
            "{got:?}"
        );
        // Not paired with what precedes the parenthesis when the first spelling is not in
        // capitals ("Uvv", "Nordis").
        assert!(got.contains(&("Uvv".into(), 1)), "{got:?}");
        assert!(got.contains(&("Nordis".into(), 1)), "{got:?}");
    }

    #[test]
    fn head_word_joins_its_organisation() {
        let text = "La Banque régionale a tranché. La Banque a aussi parlé à Vierzon.";
        let doc = Document::new(text, None);
        let r = raw(
            &doc,
            &[("Banque régionale", Org), ("Banque", Org), ("Vierzon", Loc)],
        );
        let a = canonical_actors(&doc, &r);
        assert_eq!(
            names(&a),
            vec![("Banque régionale".into(), 2), ("Vierzon".into(), 1)]
        );
    }

    #[test]
    fn a_brand_name_does_not_join_its_longer_names() {
        // A name used without an article is a brand, not a head noun: "Kelvo Europe" is its
        // subsidiary, another entity.
        let text = "Kelvo a annoncé un plan. Kelvo Europe supprime des postes.";
        let doc = Document::new(text, None);
        let r = raw(&doc, &[("Kelvo", Org), ("Kelvo Europe", Org)]);
        let a = canonical_actors(&doc, &r);
        assert_eq!(a.len(), 2, "{:?}", names(&a));
    }

    #[test]
    fn a_party_in_parentheses_after_a_person_is_not_the_person() {
        let text = "Le député Paul Roy (UFT) a voté contre.";
        let doc = Document::new(text, None);
        let r = raw(&doc, &[("Paul Roy", Per), ("UFT", Org)]);
        let a = canonical_actors(&doc, &r);
        assert_eq!(names(&a), vec![("Paul Roy".into(), 1), ("UFT".into(), 1)]);
    }

    #[test]
    fn known_acronyms_join_without_pairing() {
        let text = "Les États-Unis ont répondu. Les USA restent fermes.";
        let doc = Document::new(text, None);
        let r = raw(&doc, &[("États-Unis", Loc), ("USA", Loc)]);
        let a = canonical_actors(&doc, &r);
        assert_eq!(names(&a), vec![("États-Unis".into(), 2)]);
    }
}
