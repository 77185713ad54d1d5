//! Line-oriented commands on every core: a document is cut into pieces of whole lines,
//! the pieces are rendered by rayon's thread pool, and written in order.

use std::io::Write;

use rayon::prelude::*;
use zhtext::core::line_chunks;

/// Pieces handed to threads are at least this long (the last may be shorter); documents under
/// twice this are rendered on the calling thread.
const PIECE_BYTES: usize = 128 << 10;

/// Renders `text` piece by piece with `render(piece, out)` (each piece whole lines) and
/// writes the results in order, holding a few pieces per thread in memory at a time.
/// `render` must give for a text what it gives for its lines one after the other.
pub(crate) fn render_lines(
    text: &str,
    out: &mut impl Write,
    render: impl Fn(&str, &mut Vec<u8>) -> anyhow::Result<()> + Sync,
) -> anyhow::Result<()> {
    let threads = rayon::current_num_threads();
    if threads < 2 || text.len() < 2 * PIECE_BYTES {
        let mut buf = Vec::with_capacity(text.len() + text.len() / 4);
        render(text, &mut buf)?;
        out.write_all(&buf)?;
        return Ok(());
    }
    let pieces: Vec<&str> = line_chunks(text, PIECE_BYTES).map(|s| &text[s.range()]).collect();
    for window in pieces.chunks(threads * 4) {
        let rendered: Vec<anyhow::Result<Vec<u8>>> = window
            .par_iter()
            .map(|piece| {
                let mut buf = Vec::with_capacity(piece.len() + piece.len() / 4);
                render(piece, &mut buf)?;
                Ok(buf)
            })
            .collect();
        for buf in rendered {
            out.write_all(&buf?)?;
        }
    }
    Ok(())
}
