//! The [`Transform`] trait: text-to-text stages that borrow when nothing changes.

use std::borrow::Cow;
use std::sync::Arc;

use crate::{OffsetMap, Span};

/// A text-to-text stage: cleanup, script conversion, boilerplate stripping.
///
/// Implementations return `input` borrowed when nothing changes, so a pipeline of stages
/// copies text only where some stage rewrites it. Stages take `&self` and are `Send + Sync`,
/// so one value serves many threads. The trait is object safe: `Box<dyn Transform>` is a
/// `Transform` too.
///
/// # Example
///
/// ```
/// use std::borrow::Cow;
/// use zhtext_core::{OffsetMap, Span, Transform};
///
/// /// Drops every "*" (a redaction mark).
/// struct NoStars;
/// impl Transform for NoStars {
///     fn apply<'a>(&self, input: &'a str) -> Cow<'a, str> {
///         if input.contains('*') { Cow::Owned(input.replace('*', "")) } else { Cow::Borrowed(input) }
///     }
/// }
///
/// let mut map = OffsetMap::new();
/// let out = NoStars.apply_mapped("**区长", &mut map);
/// assert_eq!(out, "区长");
/// // The default `apply_mapped` records one edit for the changed middle.
/// assert_eq!(map.to_input(Span::new(0, 3)), Span::new(2, 5));
/// ```
pub trait Transform: Send + Sync {
    /// Returns the transformed text, borrowing `input` when nothing changes.
    fn apply<'a>(&self, input: &'a str) -> Cow<'a, str>;

    /// Appends the transformed text to `out`. Override it to skip the intermediate allocation.
    fn apply_into(&self, input: &str, out: &mut String) {
        out.push_str(&self.apply(input));
    }

    /// Like [`Transform::apply`], and replaces `map` with the map of this call (output back
    /// to `input`).
    ///
    /// The default records a single edit covering what lies between the longest common
    /// prefix and suffix of input and output: always correct, rarely precise. Stages that
    /// change lengths in several places override it.
    fn apply_mapped<'a>(&self, input: &'a str, map: &mut OffsetMap) -> Cow<'a, str> {
        let out = self.apply(input);
        map.clear();
        if let Cow::Owned(text) = &out
            && let Some((input_span, output_span)) = changed_middle(input, text)
        {
            map.push(input_span, output_span);
        }
        out
    }

    /// Runs `self`, then `next` on its output.
    fn then<B: Transform>(self, next: B) -> Chain<Self, B>
    where
        Self: Sized,
    {
        Chain { first: self, second: next }
    }
}

/// The spans of `a` and `b` between their longest common prefix and suffix (on char
/// boundaries), or `None` when they are equal.
fn changed_middle(a: &str, b: &str) -> Option<(Span, Span)> {
    if a == b {
        return None;
    }
    let prefix = a
        .char_indices()
        .zip(b.chars())
        .find(|&((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((i, _), _)| i);
    let max_suffix = (a.len() - prefix).min(b.len() - prefix);
    let suffix = a[prefix..]
        .chars()
        .rev()
        .zip(b[prefix..].chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .scan(0, |sum, len| {
            *sum += len;
            Some(*sum)
        })
        .take_while(|&sum| sum <= max_suffix)
        .last()
        .unwrap_or(0);
    Some((Span::new(prefix, a.len() - suffix), Span::new(prefix, b.len() - suffix)))
}

/// Two stages run one after the other, made by [`Transform::then`].
#[derive(Clone, Copy, Debug, Default)]
pub struct Chain<A, B> {
    first: A,
    second: B,
}

impl<A: Transform, B: Transform> Transform for Chain<A, B> {
    fn apply<'a>(&self, input: &'a str) -> Cow<'a, str> {
        match self.first.apply(input) {
            Cow::Borrowed(mid) => self.second.apply(mid),
            Cow::Owned(mid) => match self.second.apply(&mid) {
                Cow::Borrowed(_) => Cow::Owned(mid),
                Cow::Owned(out) => Cow::Owned(out),
            },
        }
    }

    fn apply_mapped<'a>(&self, input: &'a str, map: &mut OffsetMap) -> Cow<'a, str> {
        let mut first = OffsetMap::new();
        let mut second = OffsetMap::new();
        let out = match self.first.apply_mapped(input, &mut first) {
            Cow::Borrowed(mid) => self.second.apply_mapped(mid, &mut second),
            Cow::Owned(mid) => match self.second.apply_mapped(&mid, &mut second) {
                Cow::Borrowed(_) => Cow::Owned(mid),
                Cow::Owned(out) => Cow::Owned(out),
            },
        };
        *map = first.compose(&second);
        out
    }
}

macro_rules! forward_transform {
    ($($ty:ty),*) => {$(
        impl<T: Transform + ?Sized> Transform for $ty {
            #[inline]
            fn apply<'a>(&self, input: &'a str) -> Cow<'a, str> {
                (**self).apply(input)
            }
            #[inline]
            fn apply_into(&self, input: &str, out: &mut String) {
                (**self).apply_into(input, out)
            }
            #[inline]
            fn apply_mapped<'a>(&self, input: &'a str, map: &mut OffsetMap) -> Cow<'a, str> {
                (**self).apply_mapped(input, map)
            }
        }
    )*};
}

forward_transform!(&T, Box<T>, Arc<T>);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn middle_of_changes() {
        assert_eq!(changed_middle("abc", "abc"), None);
        assert_eq!(changed_middle("aXc", "aYYc"), Some((Span::new(1, 2), Span::new(1, 3))));
        assert_eq!(changed_middle("aa", "aaa"), Some((Span::new(2, 2), Span::new(2, 3))));
        assert_eq!(changed_middle("區長", "区长"), Some((Span::new(0, 6), Span::new(0, 6))));
        assert_eq!(changed_middle("x區", "x"), Some((Span::new(1, 4), Span::new(1, 1))));
    }
}
