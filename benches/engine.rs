//! Benchmarks: load and validate every scenario; explore every draw of the largest scenario
//! (every path), reported in paths per second.

use collector_dojo::explore::explore;
use collector_dojo::scenario::{Playbook, discover};
use collector_dojo::text::Lang;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

fn scenario_files() -> Vec<PathBuf> {
    discover(&[PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scenarios")])
        .expect("scenarios folder")
}

fn load_and_validate(c: &mut Criterion) {
    let files = scenario_files();
    let sources: Vec<(PathBuf, String)> = files
        .iter()
        .map(|f| (f.clone(), std::fs::read_to_string(f).expect("readable")))
        .collect();
    c.bench_function("load_and_validate_all_scenarios", |b| {
        b.iter(|| {
            for (path, src) in &sources {
                black_box(Playbook::parse(src, path).expect("valid"));
            }
        })
    });
}

fn explore_largest(c: &mut Criterion) {
    let books: Vec<Arc<Playbook>> = scenario_files()
        .iter()
        .map(|f| Arc::new(Playbook::load(f).expect("valid")))
        .collect();
    // Paths over every draw: what `explore` walks.
    let paths = |b: &Arc<Playbook>| -> u64 {
        b.all_draws()
            .map(|d| collector_dojo::explore::count_paths(&Arc::new(d), u64::MAX).unwrap_or(0))
            .sum()
    };
    let largest = books
        .iter()
        .max_by_key(|b| paths(b))
        .expect("at least one scenario");
    let mut group = c.benchmark_group("explore");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20))
        .throughput(Throughput::Elements(paths(largest)));
    group.bench_function(format!("explore_every_draw_of_{}", largest.id()), |b| {
        b.iter(|| black_box(explore(largest, 1, Lang::En, None).expect("explores")))
    });
    group.finish();
}

criterion_group!(benches, load_and_validate, explore_largest);
criterion_main!(benches);
