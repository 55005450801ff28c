//! Print the tagger's raw mentions of one article, then the canonical actors (a debugging aid
//! for the actor stage): `mentions FILE.jsonl ID` or `mentions FILE.txt`.
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: mentions FILE [ID]");
    let id = args.next();
    let raw = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let text = match id {
        Some(id) => raw
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .find(|v| v["id"].as_str() == Some(id.as_str()))
            .and_then(|v| v["text"].as_str().map(str::to_string))
            .expect("an article with that id"),
        None => raw,
    };
    let doc = depeche::text::Document::new(&text, None);
    let ex = depeche::actors::ActorExtractor::load(None).expect("built-in model");
    for m in ex.mentions(&doc).expect("tagged") {
        let a = doc.tokens[m.first].start as usize;
        let b = doc.tokens[m.end - 1].end as usize;
        println!("raw  {:?} {}", m.kind, &text[a..b]);
    }
    for a in ex.extract(&doc).expect("tagged") {
        println!(
            "actor {:?} {} ({} mentions)",
            a.kind,
            a.name,
            a.mentions.len()
        );
    }
}
