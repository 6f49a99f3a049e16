//! The serve path at scale: one full build of a generated site, then repeated saves of
//! one vacancy, each followed by the incremental rebuild `kadr serve` runs (the same
//! `pipeline::Session`). Prints the median and range of the rebuilds.
//!
//!     target/release/kadr generate-site --vacancies 10000 --out /dev/shm/g10k
//!     cargo bench --bench serve_path -- /dev/shm/g10k
//!
//! (A site on tmpfs keeps the disk out of the figures, as BENCHMARKS.md asks.)

use std::path::PathBuf;
use std::time::Instant;

use kadr_pipeline::{self as pipeline, Session};

fn main() {
    let Some(root) = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with("--"))
        .map(PathBuf::from)
    else {
        eprintln!("usage: cargo bench --bench serve_path -- SITE_ROOT [--saves N]");
        return;
    };
    let saves: usize = std::env::args()
        .skip_while(|a| a != "--saves")
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(10);
    let today = jiff::civil::date(2026, 11, 27);
    let mut session = Session::default();
    let build = |session: &mut Session| {
        let mut checked = pipeline::check_in(&root, today, session).expect("the site loads");
        let pages = pipeline::render_in(&mut checked, today, session).expect("the site builds");
        pages.len()
    };
    let start = Instant::now();
    let pages = build(&mut session);
    println!(
        "full build: {pages} pages in {:.0} ms",
        start.elapsed().as_secs_f64() * 1000.0
    );

    let vacancy = std::fs::read_dir(root.join("content/vacancies/2026"))
        .expect("a generated site has content/vacancies/2026")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "yaml"))
        .expect("a vacancy file");
    let original = std::fs::read_to_string(&vacancy).expect("readable");
    let mut times = Vec::new();
    for i in 0..saves {
        // A real edit: the Russian title changes, so the page must be re-rendered.
        let edited = original.replacen("  ru: \"", &format!("  ru: \"({i}) "), 1);
        std::fs::write(&vacancy, edited).expect("writable");
        let start = Instant::now();
        build(&mut session);
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    std::fs::write(&vacancy, original).expect("writable");
    times.sort_by(f64::total_cmp);
    println!(
        "one-vacancy rebuild ({saves} saves): median {:.0} ms, min {:.0} ms, max {:.0} ms",
        times[times.len() / 2],
        times[0],
        times[times.len() - 1]
    );
}
