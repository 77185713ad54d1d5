//! zhtext-decode (work in progress).
