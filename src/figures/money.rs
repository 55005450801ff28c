//! Currencies: symbols, ISO codes, names with their national adjectives ("dollars
//! canadiens", "francs suisses", "livres sterling", "francs CFA"), and the defaults a
//! document's context gives ("$" in a Québec paper is CAD, "francs" in a Swiss one CHF).

use super::view::Toks;

/// A currency name whose country an adjective may tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    /// dollars, $.
    Dollar,
    /// francs.
    Franc,
    /// livres.
    Livre,
    /// dinars.
    Dinar,
    /// couronnes.
    Couronne,
    /// pesos.
    Peso,
    /// roupies.
    Roupie,
    /// shillings.
    Shilling,
    /// rials.
    Rial,
    /// lires.
    Lire,
}

/// What a currency word stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cur {
    /// A definite ISO 4217 code.
    Code(&'static str),
    /// A family resolved by an adjective or the document context.
    Family(Family),
}

/// The currency a folded word names ("euros", "dollars", "yuans", "fcfa").
pub fn currency_word(k: &str) -> Option<Cur> {
    use Family::*;
    Some(match k {
        "euro" | "euros" | "€" => Cur::Code("EUR"),
        "dollar" | "dollars" | "$" => Cur::Family(Dollar),
        "franc" | "francs" => Cur::Family(Franc),
        "livre" | "livres" => Cur::Family(Livre),
        "£" => Cur::Code("GBP"),
        "fcfa" | "f.cfa" => Cur::Code("XOF"),
        "yuan" | "yuans" | "renminbi" | "renminbis" => Cur::Code("CNY"),
        "yen" | "yens" | "¥" => Cur::Code("JPY"),
        "rouble" | "roubles" | "₽" => Cur::Code("RUB"),
        "roupie" | "roupies" | "₹" => Cur::Family(Roupie),
        "dinar" | "dinars" => Cur::Family(Dinar),
        "dirham" | "dirhams" => Cur::Code("MAD"),
        "couronne" | "couronnes" => Cur::Family(Couronne),
        "zloty" | "zlotys" | "zlotys." => Cur::Code("PLN"),
        "forint" | "forints" => Cur::Code("HUF"),
        "real" | "reais" | "reals" | "reaux" => Cur::Code("BRL"),
        "peso" | "pesos" => Cur::Family(Peso),
        "shekel" | "shekels" | "shekalim" | "₪" => Cur::Code("ILS"),
        "naira" | "nairas" | "₦" => Cur::Code("NGN"),
        "cedi" | "cedis" => Cur::Code("GHS"),
        "rand" | "rands" => Cur::Code("ZAR"),
        "baht" | "bahts" => Cur::Code("THB"),
        "won" | "wons" | "₩" => Cur::Code("KRW"),
        "hryvnia" | "hryvnias" | "hryvnas" => Cur::Code("UAH"),
        "lire" | "lires" => Cur::Family(Lire),
        "₺" => Cur::Code("TRY"),
        "leu" | "lei" => Cur::Code("RON"),
        "rial" | "rials" => Cur::Family(Rial),
        "riyal" | "riyals" => Cur::Code("SAR"),
        "ouguiya" | "ouguiyas" => Cur::Code("MRU"),
        "ariary" => Cur::Code("MGA"),
        "birr" | "birrs" => Cur::Code("ETB"),
        "kwacha" | "kwachas" => Cur::Code("ZMW"),
        "shilling" | "shillings" => Cur::Family(Shilling),
        "centime" | "centimes" => Cur::Code("EUR"),
        _ => return None,
    })
}

/// ISO codes written as words ("USD 3 millions", "3 millions CHF"), compared on the raw
/// uppercase text.
pub fn iso_code(raw: &str) -> Option<&'static str> {
    Some(match raw {
        "EUR" => "EUR",
        "USD" => "USD",
        "GBP" => "GBP",
        "CHF" => "CHF",
        "CAD" => "CAD",
        "JPY" => "JPY",
        "CNY" => "CNY",
        "RMB" => "CNY",
        "XOF" => "XOF",
        "XAF" => "XAF",
        "MAD" => "MAD",
        "DZD" => "DZD",
        "TND" => "TND",
        "AUD" => "AUD",
        "INR" => "INR",
        "RUB" => "RUB",
        "BRL" => "BRL",
        "SEK" => "SEK",
        "NOK" => "NOK",
        "DKK" => "DKK",
        "PLN" => "PLN",
        "ZAR" => "ZAR",
        "NGN" => "NGN",
        "KRW" => "KRW",
        "HKD" => "HKD",
        "SGD" => "SGD",
        "MXN" => "MXN",
        "EGP" => "EGP",
        "KES" => "KES",
        "GHS" => "GHS",
        "CFA" => "XOF",
        "FCFA" => "XOF",
        _ => return None,
    })
}

/// The code an adjective gives a currency family ("canadiens" -> CAD).
fn family_adjective(f: Family, k: &str) -> Option<&'static str> {
    use Family::*;
    let stem = k.trim_end_matches('s');
    Some(match (f, stem) {
        (Dollar, "americain" | "us" | "etats-unien") => "USD",
        (Dollar, "canadien") => "CAD",
        (Dollar, "australien") => "AUD",
        (Dollar, "neo-zelandai") => "NZD",
        (Dollar, "hongkongai") => "HKD",
        (Dollar, "singapourien") => "SGD",
        (Dollar, "taiwanai") => "TWD",
        (Dollar, "zimbabween") => "ZWL",
        (Dollar, "liberien") => "LRD",
        (Dollar, "namibien") => "NAD",
        (Dollar, "jamaicain") => "JMD",
        (Franc, "suisse") => "CHF",
        (Franc, "cfa") => "XOF",
        (Franc, "cfp") => "XPF",
        (Franc, "guineen") => "GNF",
        (Franc, "congolai") => "CDF",
        (Franc, "burundai") => "BIF",
        (Franc, "rwandai") => "RWF",
        (Franc, "comorien") => "KMF",
        (Franc, "djiboutien") => "DJF",
        (Franc, "belge") => "BEF",
        (Franc, "francai") => "FRF",
        (Livre, "sterling" | "britannique") => "GBP",
        (Livre, "egyptienne") => "EGP",
        (Livre, "libanaise") => "LBP",
        (Livre, "turque") => "TRY",
        (Livre, "syrienne") => "SYP",
        (Livre, "soudanaise") => "SDG",
        (Dinar, "algerien") => "DZD",
        (Dinar, "tunisien") => "TND",
        (Dinar, "libyen") => "LYD",
        (Dinar, "irakien") => "IQD",
        (Dinar, "koweitien") => "KWD",
        (Dinar, "jordanien") => "JOD",
        (Dinar, "bahreini") => "BHD",
        (Dinar, "serbe") => "RSD",
        (Couronne, "suedoise") => "SEK",
        (Couronne, "norvegienne") => "NOK",
        (Couronne, "danoise") => "DKK",
        (Couronne, "tcheque") => "CZK",
        (Couronne, "islandaise") => "ISK",
        (Peso, "argentin") => "ARS",
        (Peso, "mexicain") => "MXN",
        (Peso, "colombien") => "COP",
        (Peso, "chilien") => "CLP",
        (Peso, "philippin") => "PHP",
        (Peso, "cubain") => "CUP",
        (Peso, "uruguayen") => "UYU",
        (Roupie, "indienne") => "INR",
        (Roupie, "pakistanaise") => "PKR",
        (Roupie, "indonesienne") => "IDR",
        (Roupie, "mauricienne") => "MUR",
        (Roupie, "seychelloise") => "SCR",
        (Roupie, "nepalaise") => "NPR",
        (Shilling, "kenyan") => "KES",
        (Shilling, "ougandai") => "UGX",
        (Shilling, "tanzanien") => "TZS",
        (Shilling, "somalien") => "SOS",
        (Rial, "iranien") => "IRR",
        (Rial, "omanai") => "OMR",
        (Rial, "yemenite") => "YER",
        (Rial, "qatari") => "QAR",
        (Rial, "saoudien") => "SAR",
        (Lire, "turque") => "TRY",
        (Lire, "italienne") => "ITL",
        _ => return None,
    })
}

/// The code a country named after a currency family gives it ("dollars du Zimbabwe").
fn family_country(f: Family, k: &str) -> Option<&'static str> {
    use Family::*;
    Some(match (f, k) {
        (Dollar, "canada") => "CAD",
        (Dollar, "zimbabwe") => "ZWL",
        (Dollar, "liberia") => "LRD",
        (Dollar, "namibie") => "NAD",
        (Dollar, "jamaique") => "JMD",
        (Dollar, "singapour") => "SGD",
        (Dollar, "taiwan") => "TWD",
        (Roupie, "inde") => "INR",
        (Roupie, "pakistan") => "PKR",
        (Roupie, "indonesie") => "IDR",
        (Roupie, "nepal") => "NPR",
        (Roupie, "maurice") => "MUR",
        (Roupie, "seychelles") => "SCR",
        (Roupie, "sri") => "LKR",
        (Dinar, "tunisie") => "TND",
        (Dinar, "algerie") => "DZD",
        (Dinar, "libye") => "LYD",
        (Dinar, "jordanie") => "JOD",
        (Dinar, "koweit") => "KWD",
        (Peso, "argentine") => "ARS",
        (Peso, "mexique") => "MXN",
        (Peso, "colombie") => "COP",
        (Peso, "chili") => "CLP",
        (Shilling, "kenya") => "KES",
        (Shilling, "ouganda") => "UGX",
        (Shilling, "tanzanie") => "TZS",
        (Livre, "egypte") => "EGP",
        (Livre, "liban") => "LBP",
        (Livre, "soudan") => "SDG",
        (Couronne, "suede") => "SEK",
        (Couronne, "norvege") => "NOK",
        (Couronne, "danemark") => "DKK",
        (Rial, "iran") => "IRR",
        (Rial, "oman") => "OMR",
        (Rial, "yemen") => "YER",
        (Rial, "qatar") => "QAR",
        _ => return None,
    })
}

/// Country cues of a document, for currencies written without their country.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cues {
    /// Canada / Québec.
    pub canada: bool,
    /// Switzerland.
    pub swiss: bool,
    /// West African CFA zone.
    pub west_africa: bool,
    /// Central African CFA zone.
    pub central_africa: bool,
    /// United Kingdom.
    pub uk: bool,
    /// Algeria.
    pub algeria: bool,
    /// Tunisia.
    pub tunisia: bool,
    /// Pakistan (roupies are PKR there).
    pub pakistan: bool,
    /// Indonesia.
    pub indonesia: bool,
    /// Nepal.
    pub nepal: bool,
    /// Sri Lanka.
    pub sri_lanka: bool,
}

impl Cues {
    /// Read the cues off the capitalised words of a document.
    pub fn of(t: &Toks) -> Self {
        let mut c = Cues::default();
        let mut canada = 0;
        let mut swiss = 0;
        for i in 0..t.len() {
            if !t.is_cap(i) {
                continue;
            }
            match t.key(i) {
                "canada" | "quebec" | "montreal" | "ottawa" | "quebecois" | "quebecoise"
                | "quebecois." | "canadien" | "canadienne" => canada += 1,
                "suisse" | "geneve" | "lausanne" | "berne" | "zurich" | "vaud" | "valais"
                | "neuchatel" | "fribourg" | "bale" | "tessin" | "ats" | "confederation" => {
                    swiss += 1
                }
                "senegal" | "mali" | "burkina" | "niger" | "benin" | "togo" | "abidjan"
                | "dakar" | "bamako" | "ouagadougou" | "uemoa" | "bceao" | "ivoirien"
                | "ivoire" => c.west_africa = true,
                "cameroun" | "gabon" | "tchad" | "centrafrique" | "centrafricaine" | "yaounde"
                | "douala" | "libreville" | "brazzaville" | "cemac" | "beac" => {
                    c.central_africa = true
                }
                "royaume-uni" | "londres" | "brexit" | "angleterre" | "britannique" => c.uk = true,
                "algerie" | "alger" | "oran" | "constantine" => c.algeria = true,
                "tunisie" | "tunis" | "sfax" => c.tunisia = true,
                "pakistan" | "pakistanais" | "pakistanaise" | "islamabad" | "karachi"
                | "lahore" => c.pakistan = true,
                "indonesie" | "indonesien" | "indonesienne" | "jakarta" | "bali" => {
                    c.indonesia = true
                }
                "nepal" | "nepalais" | "nepalaise" | "katmandou" => c.nepal = true,
                "sri" | "colombo" | "sri-lankais" | "sri-lankaise" => c.sri_lanka = true,
                _ => {}
            }
        }
        c.canada = canada >= 2;
        c.swiss = swiss >= 1;
        c
    }

    /// Default code of a family written without an adjective; `None` when the word alone
    /// is too ambiguous ("livres" may be books, "couronnes" crowns).
    pub fn default_code(&self, f: Family) -> Option<&'static str> {
        use Family::*;
        match f {
            Dollar => Some(if self.canada { "CAD" } else { "USD" }),
            Franc => Some(if self.central_africa && !self.swiss {
                "XAF"
            } else if self.west_africa && !self.swiss {
                "XOF"
            } else {
                "CHF"
            }),
            Livre => self.uk.then_some("GBP"),
            Dinar => Some(if self.tunisia && !self.algeria {
                "TND"
            } else {
                "DZD"
            }),
            // Roupies of the one roupie country a text is about; India by default.
            Roupie => Some(
                match (self.pakistan, self.indonesia, self.nepal, self.sri_lanka) {
                    (true, false, false, false) => "PKR",
                    (false, true, false, false) => "IDR",
                    (false, false, true, false) => "NPR",
                    (false, false, false, true) => "LKR",
                    _ => "INR",
                },
            ),
            Shilling => Some("KES"),
            Rial => Some("IRR"),
            Couronne | Peso | Lire => None,
        }
    }
}

/// A currency found next to a number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CurrencyMatch {
    /// ISO 4217 code.
    pub code: &'static str,
    /// First token of the currency words.
    pub start: usize,
    /// One past the last token of the currency words.
    pub end: usize,
    /// Multiplier of the value ("centimes" -> 0.01).
    pub factor: f64,
}

/// The currency written at token `j` after a number: "€", "euros", "dollars canadiens",
/// "$ US", "francs CFA", "F CFA", "livres sterling", "EUR".
pub fn currency_after(t: &Toks, j: usize, cues: &Cues) -> Option<CurrencyMatch> {
    let k = t.key(j);
    if let Some(code) = iso_code(t.raw(j)) {
        return Some(CurrencyMatch {
            code,
            start: j,
            end: j + 1,
            factor: 1.0,
        });
    }
    // Abbreviations used after a number: "2 400 DA" (dinars algériens), "30 DT", "50 DH".
    if let Some(code) = match t.raw(j) {
        "DA" => Some("DZD"),
        "DT" => Some("TND"),
        "DH" | "Dh" | "MAD" => Some("MAD"),
        _ => None,
    } {
        return Some(CurrencyMatch {
            code,
            start: j,
            end: j + 1,
            factor: 1.0,
        });
    }
    if k == "f" && t.raw(j + 1) == "CFA" {
        return Some(CurrencyMatch {
            code: "XOF",
            start: j,
            end: j + 2,
            factor: 1.0,
        });
    }
    let cur = currency_word(k)?;
    // "Won", "Real", "Lire" capitalised are names; a currency word is lowercase or a symbol.
    if t.is_cap(j) && t.is_word(j) && !t.raw(j).starts_with("Euro") {
        return None;
    }
    let factor = if k.starts_with("centime") { 0.01 } else { 1.0 };
    if k.starts_with("centime") {
        // "50 centimes d'euro".
        let end = if t.key(j + 1) == "d'" && t.key(j + 2).starts_with("euro") {
            j + 3
        } else {
            j + 1
        };
        return Some(CurrencyMatch {
            code: "EUR",
            start: j,
            end,
            factor,
        });
    }
    match cur {
        Cur::Code(code) => Some(CurrencyMatch {
            code,
            start: j,
            end: j + 1,
            factor,
        }),
        Cur::Family(f) => {
            let adj = t.key(j + 1);
            let raw = t.raw(j + 1);
            // "$ US", "$US", "$ CA", "$CAN".
            if f == Family::Dollar {
                match raw {
                    "US" | "USD" | "américains" | "US." => {
                        return Some(CurrencyMatch {
                            code: "USD",
                            start: j,
                            end: j + 2,
                            factor,
                        })
                    }
                    "CA" | "CAN" | "CAD" => {
                        return Some(CurrencyMatch {
                            code: "CAD",
                            start: j,
                            end: j + 2,
                            factor,
                        })
                    }
                    _ => {}
                }
                if adj == "de" && t.key(j + 2) == "hong" {
                    return Some(CurrencyMatch {
                        code: "HKD",
                        start: j,
                        end: j + 4,
                        factor,
                    });
                }
            }
            if let Some(code) = family_adjective(f, adj) {
                return Some(CurrencyMatch {
                    code,
                    start: j,
                    end: j + 2,
                    factor,
                });
            }
            // "dollars du Zimbabwe", "roupies du Pakistan", "dinars de Tunisie".
            if matches!(adj, "du" | "de" | "d'") && t.is_cap(j + 2) {
                if let Some(code) = family_country(f, t.key(j + 2)) {
                    return Some(CurrencyMatch {
                        code,
                        start: j,
                        end: j + 3,
                        factor,
                    });
                }
            }
            let code = cues.default_code(f)?;
            Some(CurrencyMatch {
                code,
                start: j,
                end: j + 1,
                factor,
            })
        }
    }
}

/// The currency written before the number at token `i`: "$3 millions", "USD 3 millions",
/// "US$ 5", "€ 20", "£ 10", "CHF 12". Returns the currency and its first token.
pub fn currency_before(t: &Toks, i: usize, cues: &Cues) -> Option<(&'static str, usize)> {
    if i == 0 {
        return None;
    }
    let p = i - 1;
    let raw = t.raw(p);
    if let Some(code) = iso_code(raw) {
        if !t.same_sent(p, i) {
            return None;
        }
        return Some((code, p));
    }
    match raw {
        "$" => {
            let q = t.raw(p.wrapping_sub(1));
            let glued = p > 0 && t.end(p - 1) == t.start(p);
            match q {
                "US" if glued => Some(("USD", p - 1)),
                "C" | "CA" | "CAN" if glued => Some(("CAD", p - 1)),
                "A" | "AU" if glued => Some(("AUD", p - 1)),
                "HK" if glued => Some(("HKD", p - 1)),
                "S" if glued => Some(("SGD", p - 1)),
                _ => Some((cues.default_code(Family::Dollar)?, p)),
            }
        }
        "€" => Some(("EUR", p)),
        "£" => Some(("GBP", p)),
        "¥" => Some(("JPY", p)),
        "₹" => Some(("INR", p)),
        "₽" => Some(("RUB", p)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Document;

    fn after(s: &str, j: usize) -> Option<&'static str> {
        let doc = Document::new(s, None);
        let t = Toks::new(&doc, &crate::figures::triggers::Triggers::new());
        currency_after(&t, j, &Cues::default()).map(|c| c.code)
    }

    #[test]
    fn currencies_after_a_number() {
        let cases: &[(&str, usize, Option<&str>)] = &[
            ("3 euros", 1, Some("EUR")),
            ("3 €", 1, Some("EUR")),
            ("3 dollars", 1, Some("USD")),
            ("3 dollars canadiens", 1, Some("CAD")),
            ("3 dollars américains", 1, Some("USD")),
            ("3 dollars australiens", 1, Some("AUD")),
            ("3 $ US", 1, Some("USD")),
            ("3 francs suisses", 1, Some("CHF")),
            ("3 francs CFA", 1, Some("XOF")),
            ("3 F CFA", 1, Some("XOF")),
            ("3 FCFA", 1, Some("XOF")),
            ("3 livres sterling", 1, Some("GBP")),
            ("3 livres", 1, None),
            ("3 yuans", 1, Some("CNY")),
            ("3 yens", 1, Some("JPY")),
            ("3 roubles", 1, Some("RUB")),
            ("3 dinars algériens", 1, Some("DZD")),
            ("3 couronnes suédoises", 1, Some("SEK")),
            ("3 couronnes", 1, None),
            ("3 CHF", 1, Some("CHF")),
            ("3 £", 1, Some("GBP")),
            ("3 pommes", 1, None),
        ];
        for (s, j, want) in cases {
            assert_eq!(after(s, *j), *want, "{s}");
        }
    }

    #[test]
    fn context_defaults() {
        let c = Cues {
            canada: true,
            ..Cues::default()
        };
        assert_eq!(c.default_code(Family::Dollar), Some("CAD"));
        assert_eq!(Cues::default().default_code(Family::Franc), Some("CHF"));
        let w = Cues {
            west_africa: true,
            ..Cues::default()
        };
        assert_eq!(w.default_code(Family::Franc), Some("XOF"));
        let uk = Cues {
            uk: true,
            ..Cues::default()
        };
        assert_eq!(uk.default_code(Family::Livre), Some("GBP"));
    }
}
