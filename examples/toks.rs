//! Print the tokens of each argument (debug helper for the figures stage).
fn main() {
    for a in std::env::args().skip(1) {
        let doc = depeche::text::Document::new(&a, None);
        let v: Vec<String> = doc
            .tokens
            .iter()
            .map(|t| format!("{}/{:?}", t.text(&a), t.kind))
            .collect();
        println!("{}", v.join(" | "));
    }
}
