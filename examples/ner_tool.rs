//! Throwaway driver for `train` / `evaluate` until the CLI wires them.
use clap::{Parser, Subcommand};

#[derive(Parser)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    Train(depeche::train::TrainArgs),
    Evaluate(depeche::train::EvaluateArgs),
}

fn main() -> anyhow::Result<()> {
    match Cli::parse().cmd {
        Cmd::Train(a) => depeche::train::run_train(&a),
        Cmd::Evaluate(a) => depeche::train::run_evaluate(&a),
    }
}
