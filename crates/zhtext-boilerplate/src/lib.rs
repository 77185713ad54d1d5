//! zhtext-boilerplate (work in progress).
