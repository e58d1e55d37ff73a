//! Bounded renderings of text that may come from outside, for error messages
//! and log fields.
//!
//! A request can carry megabytes in one string, and serde's messages quote
//! the bad value whole: printed as they are, they make an `/error` body over
//! Lambda's 6 MB limit (so the error itself is lost) and log lines of the same
//! size. [`Bounded`] writes at most a given number of bytes of any `Display`
//! value, cut on a character boundary, followed by a visible marker that says
//! how long the whole text was.

use std::fmt::{self, Display, Write};

/// The longest error message ([`Error`](crate::Error)'s `Display`, the
/// `errorMessage` posted to Lambda) before it is cut.
pub(crate) const MAX_MESSAGE: usize = 8 * 1024;

/// The longest value of a log field taken from a request (request type,
/// intent, locale, ids) before it is cut.
pub(crate) const MAX_FIELD: usize = 256;

/// `value`'s `Display`, at most `limit` bytes of it, then a marker.
pub(crate) struct Bounded<T> {
    value: T,
    limit: usize,
}

/// An error message, bounded to [`MAX_MESSAGE`].
pub(crate) fn message<T: Display>(value: T) -> Bounded<T> {
    Bounded {
        value,
        limit: MAX_MESSAGE,
    }
}

/// A log field, bounded to [`MAX_FIELD`].
pub(crate) fn field<T: Display>(value: T) -> Bounded<T> {
    Bounded {
        value,
        limit: MAX_FIELD,
    }
}

impl<T: Display> Display for Bounded<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = Cut {
            out: f,
            left: self.limit,
            total: 0,
            cut: false,
        };
        write!(out, "{}", self.value)?;
        if out.cut {
            write!(out.out, " …[cut: {} bytes in all]", out.total)?;
        }
        Ok(())
    }
}

impl<T: Display> fmt::Debug for Bounded<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// Passes the first `left` bytes through and counts the rest.
struct Cut<'a, 'b> {
    out: &'a mut fmt::Formatter<'b>,
    left: usize,
    total: usize,
    cut: bool,
}

impl Write for Cut<'_, '_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.total = self.total.saturating_add(s.len());
        if self.cut {
            return Ok(());
        }
        if s.len() <= self.left {
            self.left -= s.len();
            return self.out.write_str(s);
        }
        let mut end = self.left;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        self.cut = true;
        self.out.write_str(&s[..end])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_untouched() {
        assert_eq!(field("IntentRequest").to_string(), "IntentRequest");
        assert_eq!(message(format_args!("a{}b", 1)).to_string(), "a1b");
    }

    #[test]
    fn long_text_is_cut_on_a_char_boundary_with_a_marker() {
        let long = "é".repeat(1000); // 2000 bytes
        let cut = field(&long).to_string();
        assert!(cut.starts_with(&"é".repeat(128)), "{cut}");
        assert!(cut.ends_with(" …[cut: 2000 bytes in all]"), "{cut}");
        assert!(cut.len() < MAX_FIELD + 40);
        // Pieces written one after the other are counted together.
        let pieces = message(format_args!("{}{}", "x".repeat(MAX_MESSAGE), "yz")).to_string();
        assert_eq!(
            pieces.len(),
            MAX_MESSAGE + " …[cut: 8194 bytes in all]".len()
        );
    }
}
