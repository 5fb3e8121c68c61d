//! Digest respond and verify benchmarks (filled in below).

fn main() {}
