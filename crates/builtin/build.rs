//! Build script: the folders `src/lib.rs` compiles into the binary are named here so that
//! editing a template, a UI string or a calendar rebuilds kadr (`include_dir!` alone does
//! not tell cargo). They are the repository's own `themes/default/`, `locales/` and
//! `calendars/`, their one source.

fn main() {
    for dir in ["themes/default", "locales", "calendars"] {
        println!("cargo:rerun-if-changed=../../{dir}");
    }
}
