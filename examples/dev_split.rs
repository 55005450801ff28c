//! Write the dev part of a CoNLL corpus as `depeche train` splits it (the same fraction and
//! seed), for `depeche evaluate --conll`: `dev_split CORPUS OUT [FRACTION] [SEED]`.
fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(corpus), Some(out)) = (args.next(), args.next()) else {
        panic!("usage: dev_split CORPUS OUT [FRACTION] [SEED]");
    };
    let fraction: f64 = args.next().map_or(0.15, |s| s.parse().expect("a fraction"));
    let seed: u64 = args.next().map_or(42, |s| s.parse().expect("a seed"));
    let sents = depeche::train::corpus::read_corpus(std::path::Path::new(&corpus)).expect("corpus");
    let (_, dev) = depeche::train::split(sents.len(), fraction, seed);
    let mut text = String::new();
    for i in dev {
        for (t, &g) in sents[i].tokens.iter().zip(&sents[i].tags) {
            text += &format!("{t}\t{}\n", depeche::actors::tags::tag_name(g));
        }
        text.push('\n');
    }
    std::fs::write(out, text).expect("written");
}
