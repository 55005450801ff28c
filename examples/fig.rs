//! Print the amounts and dates the figure stage finds in each argument (debug helper).
fn main() {
    let fx = depeche::figures::FigureExtractor::new();
    let date = std::env::var("DATE")
        .ok()
        .and_then(|d| depeche::ArticleDate::parse(&d));
    for a in std::env::args().skip(1) {
        let doc = depeche::text::Document::new(&a, date);
        let (am, da) = fx.extract(&doc);
        println!("{a}");
        if std::env::var_os("TOKS").is_some() {
            let v: Vec<String> = doc
                .tokens
                .iter()
                .map(|t| format!("{}/{:?}", t.text(&a), t.kind))
                .collect();
            println!("  {}", v.join(" | "));
        }
        for x in am {
            println!(
                "  A {:?} {} {:?} {:?} q={:?}",
                x.kind,
                x.value,
                x.unit,
                doc.range_text(x.span),
                x.qualifier
            );
        }
        for d in da {
            println!(
                "  D {:?} {:?} {:?}",
                d.value,
                doc.range_text(d.span),
                d.kind
            );
        }
    }
}
