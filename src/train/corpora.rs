//! What training may use: the licence profiles and the corpora each profile admits, as data.

use crate::actors::UnknownName;

/// Which training data a model may use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Profile {
    /// Commercial-use data only: Europeana Newspapers (CC0), HIPE NewsEye (CC BY 4.0),
    /// news-fr (CC BY-SA 4.0).
    Open,
    /// Adds the non-commercial corpora: WikiNEuRal (CC BY-NC-SA 4.0), HIPE hipe2020 and
    /// Le Temps (CC BY-NC-SA 4.0).
    #[default]
    Full,
}

impl Profile {
    /// Every profile, in the order the command line lists them.
    pub const ALL: [Profile; 2] = [Profile::Open, Profile::Full];

    /// Short model name.
    pub fn name(&self) -> &'static str {
        match self {
            Profile::Open => "fr-open",
            Profile::Full => "fr-full",
        }
    }

    /// The profile's name on the command line: `open` or `full`.
    pub fn key(&self) -> &'static str {
        match self {
            Profile::Open => "open",
            Profile::Full => "full",
        }
    }
}

impl std::str::FromStr for Profile {
    type Err = UnknownName;

    /// Parse `open` or `full`, or the model names `fr-open` and `fr-full` (ASCII
    /// case-insensitive).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        Profile::ALL
            .into_iter()
            .find(|p| p.key().eq_ignore_ascii_case(s) || p.name().eq_ignore_ascii_case(s))
            .ok_or_else(|| UnknownName {
                what: "profile",
                name: s.to_string(),
                expected: Profile::ALL.map(|p| p.key()).join(", "),
            })
    }
}

/// One training corpus: a path under the data directory, its licence, and whether the open
/// profile may use it.
pub(super) struct CorpusSpec {
    /// The corpus path under the data directory.
    pub(super) path: &'static str,
    /// Its licence, as the model card states it.
    pub(super) licence: &'static str,
    /// Whether its licence allows commercial use (the `open` profile).
    pub(super) open: bool,
    /// A span-annotated JSON Lines corpus (news-fr) with its own dev file: trained on all of
    /// `path`, scored on `dev`. Otherwise a token corpus split by sentence.
    pub(super) spans_dev: Option<&'static str>,
}

pub(super) const CORPORA: &[CorpusSpec] = &[
    CorpusSpec {
        path: "ner/europeana-newspapers-fr/enp_FR.bnf.bio",
        licence: "CC0-1.0",
        open: true,
        spans_dev: None,
    },
    CorpusSpec {
        path: "ner/news-fr/train.jsonl",
        licence: "CC-BY-SA-4.0",
        open: true,
        spans_dev: Some("ner/news-fr/dev.jsonl"),
    },
    CorpusSpec {
        path: "ner/hipe2022-fr/HIPE-2022-v2.1-newseye-dev-fr.tsv",
        licence: "CC-BY-4.0",
        open: true,
        spans_dev: None,
    },
    CorpusSpec {
        path: "ner/hipe2022-fr/HIPE-2022-v2.1-newseye-dev2-fr.tsv",
        licence: "CC-BY-4.0",
        open: true,
        spans_dev: None,
    },
    CorpusSpec {
        path: "ner/wikineural-fr/val.conllu",
        licence: "CC-BY-NC-SA-4.0",
        open: false,
        spans_dev: None,
    },
    CorpusSpec {
        path: "ner/hipe2022-fr/HIPE-2022-v2.1-hipe2020-dev-fr.tsv",
        licence: "CC-BY-NC-SA-4.0",
        open: false,
        spans_dev: None,
    },
    CorpusSpec {
        path: "ner/hipe2022-fr/HIPE-2022-v2.1-letemps-dev-fr.tsv",
        licence: "CC-BY-NC-SA-4.0",
        open: false,
        spans_dev: None,
    },
];
