//! zhtext-segment (work in progress).
