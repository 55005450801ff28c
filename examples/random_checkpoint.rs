//! Write a randomly initialised token-classification checkpoint (config.json,
//! model.safetensors, tokenizer.json) for trying or benchmarking the transformer backend
//! without a model hub. Its labels are noise; its speed is that of a real model of the size.
//!
//! `cargo run --release --features transformer --example random_checkpoint -- DIR [bert|camembert|distilbert] [tiny|base]`

#[cfg(feature = "transformer")]
fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    use depeche::actors::transformer::fixture::{write_tiny, Size, TinySpec};
    use depeche::actors::transformer::Arch;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args
        .first()
        .ok_or("usage: random_checkpoint DIR [arch] [size]")?;
    let arch = match args.get(1).map(String::as_str).unwrap_or("camembert") {
        "bert" => Arch::Bert,
        "distilbert" => Arch::DistilBert,
        "camembert" | "roberta" | "xlm-roberta" => Arch::Roberta,
        other => return Err(format!("unknown architecture {other}").into()),
    };
    let size = match args.get(2).map(String::as_str).unwrap_or("base") {
        "tiny" => Size::TINY,
        "base" => Size::BASE,
        other => return Err(format!("unknown size {other}").into()),
    };
    let labels = [
        "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC",
    ];
    write_tiny(
        std::path::Path::new(dir),
        &TinySpec {
            arch,
            labels: &labels,
            max_len: 512,
            constant_label: None,
            size,
        },
    )?;
    eprintln!("wrote a random {arch:?} checkpoint of size {size:?} to {dir}");
    Ok(())
}

#[cfg(not(feature = "transformer"))]
fn main() {
    eprintln!("build with --features transformer");
    std::process::exit(1);
}
