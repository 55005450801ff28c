//! The trigger table: which folded words may start a date or an amount rule, from the word
//! lists of [`super::lexicon`] and the number words of [`super::numbers`].

use super::view::{TriggerTable, TRIG_AMOUNT, TRIG_DATE};
use fnv::FnvBuildHasher;
use std::collections::HashMap;

/// Words that trigger the figure rules, with their trigger bits.
#[derive(Debug, Clone)]
pub struct Triggers(HashMap<&'static str, u8, FnvBuildHasher>);

impl Default for Triggers {
    fn default() -> Self {
        Self::new()
    }
}

impl Triggers {
    /// Build the trigger table from the lexicons.
    pub fn new() -> Self {
        let mut m: HashMap<&'static str, u8, FnvBuildHasher> = HashMap::default();
        for w in super::lexicon::DATE_TRIGGERS {
            *m.entry(w).or_default() |= TRIG_DATE;
        }
        for w in super::lexicon::AMOUNT_TRIGGERS {
            *m.entry(w).or_default() |= TRIG_AMOUNT;
        }
        Triggers(m)
    }

    /// Trigger bits of a folded word.
    pub fn of(&self, k: &str) -> u8 {
        if let Some(&f) = self.0.get(k) {
            return f;
        }
        let mut f = 0;
        if k.len() > 3 {
            if k.starts_with("mi-") {
                f |= TRIG_DATE;
            }
            if k.contains('-') && super::numbers::is_number_word(k) {
                f |= TRIG_AMOUNT;
            }
            if [
                "doubl", "tripl", "quadrupl", "quintupl", "decupl", "centupl",
            ]
            .iter()
            .any(|s| k.starts_with(s))
            {
                f |= TRIG_AMOUNT;
            }
        }
        f
    }
}

impl TriggerTable for Triggers {
    fn of(&self, key: &str) -> u8 {
        Triggers::of(self, key)
    }
}
