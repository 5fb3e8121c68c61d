//! Linearity: parse time per byte stays constant from 1 KiB to 1 MiB for the
//! four input shapes of tests/hostile.rs. With `Throughput::Bytes`, criterion
//! reports bytes per second; a flat line over the sizes is linear time.
//!
//! `cargo bench --bench linear -- --measurement-time 2 --warm-up-time 1`

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use http_auth_headers::Challenges;

const SIZES: [usize; 6] = [1 << 10, 4 << 10, 16 << 10, 64 << 10, 256 << 10, 1 << 20];

/// Repeats `unit(i)` after `head` until the input is `size` bytes, then
/// trims it back to the last whole unit.
fn fill(size: usize, head: &str, sep: &str, unit: impl Fn(usize) -> String) -> String {
    let mut s = String::from(head);
    let mut i = 0;
    loop {
        let piece = format!("{}{}", if i == 0 { "" } else { sep }, unit(i));
        if s.len() + piece.len() > size && i > 0 {
            return s;
        }
        s.push_str(&piece);
        i += 1;
    }
}

/// The four shapes, each about `size` bytes.
fn shapes(size: usize) -> [(&'static str, String); 4] {
    [
        ("params", fill(size, "X ", ", ", |i| format!("k{i}=v"))),
        (
            "escaped",
            format!("X a=\"{}\"", "\\\"".repeat(size.saturating_sub(6) / 2)),
        ),
        (
            "empty_elements",
            fill(size, "", "", |_| ", ".into()) + "Basic",
        ),
        ("bare_schemes", fill(size, "", ", ", |i| format!("S{i}"))),
    ]
}

/// Parses the whole field and reads every unescaped value byte.
fn parse_all(input: &str) -> usize {
    let mut n = 0;
    for c in Challenges::parse(input) {
        let c = c.expect("bench inputs are valid");
        n += 1;
        for p in c.params() {
            n += p.value().bytes().count();
        }
    }
    n
}

fn linear(c: &mut Criterion) {
    let inputs: Vec<_> = SIZES.iter().map(|&size| shapes(size)).collect();
    for shape in 0..4 {
        let mut group = c.benchmark_group(format!("linear/{}", inputs[0][shape].0));
        for (size, row) in SIZES.iter().zip(&inputs) {
            let input = &row[shape].1;
            group.throughput(Throughput::Bytes(input.len() as u64));
            group.bench_with_input(BenchmarkId::from_parameter(size), input, |b, input| {
                b.iter(|| parse_all(black_box(input)))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, linear);
criterion_main!(benches);
