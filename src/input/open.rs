//! Opening input files: plain, gzip or zstd, with a shared byte counter for progress, and a
//! line reader that never holds more than a capped number of bytes of one line.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// Compression of an input file, from its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compression {
    /// Plain bytes.
    None,
    /// gzip (`.gz`), multi-member streams included.
    Gzip,
    /// Zstandard (`.zst`, `.zstd`).
    Zstd,
}

impl Compression {
    /// Compression implied by a file name's last extension.
    pub fn from_path(path: &Path) -> Self {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("gz") | Some("gzip") => Compression::Gzip,
            Some("zst") | Some("zstd") => Compression::Zstd,
            _ => Compression::None,
        }
    }
}

/// Counts the raw (compressed) bytes read from the underlying file, for progress and MB/s.
pub struct CountingReader<R> {
    inner: R,
    counter: Arc<AtomicU64>,
}

impl<R: Read> CountingReader<R> {
    /// Wrap `inner`, adding every byte read to `counter`.
    pub fn new(inner: R, counter: Arc<AtomicU64>) -> Self {
        CountingReader { inner, counter }
    }
}

impl<R: Read> Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.counter.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// Open `path` for buffered reading, decompressing by extension.
pub fn open_file(path: &Path, counter: Arc<AtomicU64>) -> io::Result<Box<dyn BufRead + Send>> {
    let file = File::open(path)?;
    let counted = CountingReader::new(file, counter);
    Ok(match Compression::from_path(path) {
        Compression::None => Box::new(BufReader::with_capacity(1 << 16, counted)),
        Compression::Gzip => Box::new(BufReader::with_capacity(
            1 << 16,
            flate2::read::MultiGzDecoder::new(BufReader::new(counted)),
        )),
        Compression::Zstd => Box::new(BufReader::with_capacity(
            1 << 16,
            zstd::stream::read::Decoder::new(counted)?,
        )),
    })
}

/// The outcome of reading one line with [`read_line_capped`].
#[derive(Debug, PartialEq, Eq)]
pub enum Line {
    /// End of input.
    Eof,
    /// A line (without its `\n` / `\r\n`) is in the buffer.
    Complete,
    /// The line was longer than the cap; it was skipped to its end. Carries its full length.
    TooLong(u64),
}

/// Read one line into `buf` (cleared first), keeping at most `cap` bytes: a longer line is
/// consumed to its end without being stored, so memory stays bounded whatever the input.
pub fn read_line_capped<R: BufRead + ?Sized>(
    r: &mut R,
    buf: &mut Vec<u8>,
    cap: usize,
) -> io::Result<Line> {
    buf.clear();
    let mut total: u64 = 0;
    let mut overflow = false;
    loop {
        let available = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            if total == 0 {
                return Ok(Line::Eof);
            }
            break;
        }
        let (chunk, done) = match memchr::memchr(b'\n', available) {
            Some(i) => (&available[..i], Some(i + 1)),
            None => (available, None),
        };
        total += chunk.len() as u64;
        if !overflow {
            if buf.len() + chunk.len() > cap {
                overflow = true;
                buf.clear();
            } else {
                buf.extend_from_slice(chunk);
            }
        }
        let used = done.unwrap_or(available.len());
        r.consume(used);
        if done.is_some() {
            if total == 0 {
                // An empty line: report it as complete and empty.
                return Ok(Line::Complete);
            }
            break;
        }
    }
    if overflow {
        return Ok(Line::TooLong(total));
    }
    if buf.last() == Some(&b'\r') {
        buf.pop();
    }
    Ok(Line::Complete)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_lines_and_caps_long_ones() {
        let data = b"abc\r\n\nxxxxxxxxxx\nlast".to_vec();
        let mut r = io::BufReader::with_capacity(4, &data[..]);
        let mut buf = Vec::new();
        assert_eq!(
            read_line_capped(&mut r, &mut buf, 5).unwrap(),
            Line::Complete
        );
        assert_eq!(buf, b"abc");
        assert_eq!(
            read_line_capped(&mut r, &mut buf, 5).unwrap(),
            Line::Complete
        );
        assert!(buf.is_empty());
        assert_eq!(
            read_line_capped(&mut r, &mut buf, 5).unwrap(),
            Line::TooLong(10)
        );
        assert!(buf.is_empty());
        assert_eq!(
            read_line_capped(&mut r, &mut buf, 5).unwrap(),
            Line::Complete
        );
        assert_eq!(buf, b"last");
        assert_eq!(read_line_capped(&mut r, &mut buf, 5).unwrap(), Line::Eof);
    }

    #[test]
    fn compression_from_extension() {
        assert_eq!(
            Compression::from_path(Path::new("a.jsonl.gz")),
            Compression::Gzip
        );
        assert_eq!(
            Compression::from_path(Path::new("a.jsonl.zst")),
            Compression::Zstd
        );
        assert_eq!(
            Compression::from_path(Path::new("a.jsonl")),
            Compression::None
        );
    }
}
