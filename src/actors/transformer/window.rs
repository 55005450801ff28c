//! Sentence-aware windows over a long sub-token sequence.
//!
//! A transformer sees at most a few hundred sub-tokens at once. An article is cut into windows
//! that end on sentence boundaries when they can (a window holds as many whole sentences as
//! fit) and overlap the previous window by up to `stride` sub-tokens of whole sentences, so
//! every sentence is read with context on both sides. A sentence longer than a window is cut
//! inside, with `stride` sub-tokens of overlap. Each sub-token is then labelled by the window
//! where it sits furthest from an edge ([`owner`]).

use std::ops::Range;

/// The windows over `n` sub-tokens. `boundaries` are the sub-token indices where sentences
/// start, sorted (index 0 and `n` are implied). Each window holds at most `max` sub-tokens
/// (`max >= 1`); consecutive windows overlap by at most `stride` sub-tokens (clamped to
/// `max / 2`). The windows cover `0..n` in order, and each one reaches further than the last.
pub fn windows(n: usize, boundaries: &[usize], max: usize, stride: usize) -> Vec<Range<usize>> {
    let max = max.max(1);
    let stride = stride.min(max / 2);
    let mut out = Vec::new();
    if n == 0 {
        return out;
    }
    // Sentence boundaries strictly inside 0..n, then n.
    let mut bounds: Vec<usize> = boundaries
        .iter()
        .copied()
        .filter(|&b| b > 0 && b < n)
        .collect();
    bounds.sort_unstable();
    bounds.dedup();
    bounds.push(n);
    let mut start = 0;
    let mut prev_end = 0;
    loop {
        let limit = (start + max).min(n);
        // The last sentence boundary that fits and moves past the previous window.
        let last_fit = bounds.partition_point(|&b| b <= limit);
        let end = match last_fit.checked_sub(1).map(|i| bounds[i]) {
            Some(b) if b > start && b > prev_end => b,
            _ => limit,
        };
        out.push(start..end);
        if end >= n {
            return out;
        }
        let at_boundary = bounds.binary_search(&end).is_ok();
        start = if at_boundary {
            // Overlap by whole sentences, as many as fit in `stride`, but start late enough
            // that the next window can hold the next sentence whole.
            let next_end = bounds[bounds.partition_point(|&b| b <= end)];
            let want = end
                .saturating_sub(stride)
                .max(next_end.saturating_sub(max))
                .max(start + 1)
                .min(end);
            bounds[bounds.partition_point(|&b| b < want)].min(end)
        } else {
            end.saturating_sub(stride).max(start + 1)
        };
        prev_end = end;
    }
}

/// For each sub-token of `0..n`, the index of the window that labels it: the one where it has
/// the most context (the largest distance to the nearer window edge); ties go to the earlier
/// window.
pub fn owner(n: usize, windows: &[Range<usize>]) -> Vec<usize> {
    let mut best: Vec<(usize, usize)> = vec![(usize::MAX, 0); n];
    for (w, r) in windows.iter().enumerate() {
        for i in r.clone() {
            let ctx = (i - r.start).min(r.end - 1 - i);
            let b = &mut best[i];
            if b.0 == usize::MAX || ctx > b.1 {
                *b = (w, ctx);
            }
        }
    }
    best.into_iter().map(|(w, _)| w).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(n: usize, bounds: &[usize], max: usize, stride: usize) -> Vec<Range<usize>> {
        let w = windows(n, bounds, max, stride);
        assert_eq!(
            w.first().map(|r| r.start),
            if n == 0 { None } else { Some(0) }
        );
        assert_eq!(w.last().map(|r| r.end), if n == 0 { None } else { Some(n) });
        for r in &w {
            assert!(r.end > r.start && r.end - r.start <= max.max(1), "{r:?}");
        }
        for p in w.windows(2) {
            assert!(p[1].start > p[0].start && p[1].end > p[0].end, "{p:?}");
            assert!(p[1].start <= p[0].end, "gap between {p:?}");
            assert!(
                p[0].end - p[1].start <= stride.min(max / 2),
                "overlap {p:?}"
            );
        }
        w
    }

    #[test]
    fn short_text_is_one_window() {
        assert_eq!(check(10, &[4, 7], 16, 4), vec![0..10]);
        assert!(check(0, &[], 16, 4).is_empty());
    }

    #[test]
    fn windows_end_on_sentence_boundaries() {
        // Sentences 0..5, 5..9, 9..14, 14..20.
        let w = check(20, &[5, 9, 14], 10, 0);
        assert_eq!(w, vec![0..9, 9..14, 14..20]);
    }

    #[test]
    fn overlap_is_whole_sentences() {
        // The last window starts at 14, not 9: from 9 it could not hold 14..20 whole.
        assert_eq!(check(20, &[5, 9, 14], 10, 5), vec![0..9, 5..14, 14..20]);
    }

    #[test]
    fn long_sentence_is_cut_with_stride() {
        // One sentence of 25 sub-tokens.
        let w = check(25, &[], 10, 3);
        assert_eq!(w, vec![0..10, 7..17, 14..24, 21..25]);
    }

    #[test]
    fn many_shapes_terminate_and_cover() {
        for n in 0..60 {
            for max in 1..12 {
                for stride in 0..6 {
                    let bounds: Vec<usize> = (1..n).filter(|i| (i * 7 + max) % 5 == 0).collect();
                    let w = check(n, &bounds, max, stride);
                    let o = owner(n, &w);
                    for (i, &k) in o.iter().enumerate() {
                        assert!(w[k].contains(&i));
                    }
                }
            }
        }
    }

    #[test]
    fn owner_prefers_most_context() {
        let w = vec![0..10, 6..16];
        let o = owner(16, &w);
        assert_eq!(o[5], 0);
        assert_eq!(o[7], 0); // 2 from window 0's end, 1 into window 1
        assert_eq!(o[8], 1); // 1 from window 0's end, 2 into window 1
        assert_eq!(o[9], 1);
        assert_eq!(o[15], 1);
    }
}
