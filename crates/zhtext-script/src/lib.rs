//! zhtext-script (work in progress).
