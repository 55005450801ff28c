//! The default sink: one JSON line per article, serialised in parallel by the engine.

use super::{Needs, Processed, Sink, SinkError};
use std::io::Write;

/// Writes each article's JSON line followed by a newline.
pub struct JsonlSink<W: Write + Send> {
    out: W,
}

impl<W: Write + Send> JsonlSink<W> {
    /// A sink writing to `out` (wrap files in a `BufWriter`).
    pub fn new(out: W) -> Self {
        JsonlSink { out }
    }
}

impl<W: Write + Send> Sink for JsonlSink<W> {
    fn needs(&self) -> Needs {
        Needs {
            json: true,
            typed: false,
        }
    }

    fn write_chunk(&mut self, chunk: &[Processed]) -> Result<(), SinkError> {
        for p in chunk {
            self.out.write_all(&p.line)?;
            self.out.write_all(b"\n")?;
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<(), SinkError> {
        self.out.flush()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_one_line_per_article_in_order() {
        let mut buf = Vec::new();
        let mut sink = JsonlSink::new(&mut buf);
        let chunk: Vec<Processed> = ["{\"id\":\"a\"}", "{\"id\":\"b\"}"]
            .iter()
            .map(|l| Processed {
                line: l.as_bytes().to_vec(),
                ok: true,
                output: None,
            })
            .collect();
        sink.write_chunk(&chunk).unwrap();
        sink.finish().unwrap();
        assert_eq!(buf, b"{\"id\":\"a\"}\n{\"id\":\"b\"}\n");
    }
}
