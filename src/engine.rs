//! Batch engine.
