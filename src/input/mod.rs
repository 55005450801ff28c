//! Input readers.
