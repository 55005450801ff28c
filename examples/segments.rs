//! Print the sentences of a text file, one per line (a debugging aid for the segmenter).
fn main() {
    let path = std::env::args().nth(1).expect("usage: segments FILE");
    let text = std::fs::read_to_string(path).expect("readable UTF-8 file");
    let doc = depeche::text::Document::new(&text, None);
    for (i, s) in doc.sentences.iter().enumerate() {
        println!("{i:3} | {}", s.text(&text).replace('\n', "⏎"));
    }
}
