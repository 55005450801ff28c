//! Language data, apart from the algorithms that read it.
//!
//! Everything a stage knows about French words lives as data files under `src/lang/fr/`, one
//! folder per stage (`text`, `figures`, `actors`, `positions`): word lists (`*.words`, one
//! entry per line; `*.pairs`, two tab-separated columns) compiled into constants by
//! `build.rs`, and data files with their own syntax (`*.txt`: titles with their feminine and
//! plural forms, reporting verbs, stance cues, gazetteers) parsed once when a stage is built.
//! A list several stages share (civilities, months) is written once and `@include`d.

/// French: `crate::lang::fr::<stage>::<FILE NAME>`.
#[allow(missing_docs)]
pub mod fr {
    include!(concat!(env!("OUT_DIR"), "/lang_fr.rs"));
}
