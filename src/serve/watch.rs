//! Watching the site's folders. Directories are watched, not files, because editors
//! that save by writing a temporary file and renaming it would break a watch on the
//! file itself. Access events (Linux reports plain reads) and editor swap, backup and
//! temporary files are ignored, or every build would trigger the next.

use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use notify::{EventKind, PollWatcher, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{
    DebounceEventResult, Debouncer, FileIdMap, NoCache, new_debouncer_opt,
};

use crate::load::is_ignored_name;

/// Quiet time after the last event before a rebuild starts: short enough to feel
/// instant, long enough to take an editor's write-and-rename as one save.
const DEBOUNCE: Duration = Duration::from_millis(30);
const TICK: Duration = Duration::from_millis(10);
const POLL_INTERVAL: Duration = Duration::from_millis(250);

/// Keeps the watcher alive; dropping it stops watching.
pub enum Watcher {
    Native(#[allow(dead_code)] Debouncer<RecommendedWatcher, FileIdMap>),
    Poll(#[allow(dead_code)] Debouncer<PollWatcher, NoCache>),
}

/// Whether a debounced event should cause a rebuild.
fn relevant(event: &notify::Event) -> bool {
    if matches!(event.kind, EventKind::Access(_)) {
        return false;
    }
    event.paths.iter().any(|p| {
        p.file_name()
            .map(|n| !is_ignored_name(&n.to_string_lossy()))
            .unwrap_or(false)
            && !p.components().any(|c| c.as_os_str() == ".git")
    })
}

/// Starts watching `root`'s content, themes and locales; `rebuild` runs on a thread of
/// its own after each burst of changes (several saves in a row cause one rebuild).
pub fn start(
    root: &Path,
    poll: bool,
    mut rebuild: impl FnMut() + Send + 'static,
) -> Result<Watcher, String> {
    let (tx, rx) = mpsc::channel::<()>();
    let handler = move |result: DebounceEventResult| {
        if let Ok(events) = result
            && events.iter().any(|e| relevant(&e.event))
        {
            let _ = tx.send(());
        }
    };
    std::thread::Builder::new()
        .name("kadr-rebuild".into())
        .spawn(move || {
            while rx.recv().is_ok() {
                // Fold the saves that arrived during the last build into one rebuild.
                while rx.try_recv().is_ok() {}
                rebuild();
            }
        })
        .map_err(|e| format!("cannot start the rebuild thread: {e}"))?;

    let folders: Vec<_> = ["content", "themes", "locales"]
        .iter()
        .map(|f| root.join(f))
        .filter(|p| p.is_dir())
        .collect();
    let fail = |e: notify::Error| format!("cannot watch {}: {e}", root.display());
    if poll {
        let config = notify::Config::default().with_poll_interval(POLL_INTERVAL);
        let mut debouncer = new_debouncer_opt::<_, PollWatcher, NoCache>(
            DEBOUNCE,
            Some(TICK),
            handler,
            NoCache,
            config,
        )
        .map_err(fail)?;
        for folder in &folders {
            debouncer
                .watch(folder, RecursiveMode::Recursive)
                .map_err(fail)?;
        }
        Ok(Watcher::Poll(debouncer))
    } else {
        let mut debouncer = new_debouncer_opt::<_, RecommendedWatcher, FileIdMap>(
            DEBOUNCE,
            Some(TICK),
            handler,
            FileIdMap::new(),
            notify::Config::default(),
        )
        .map_err(fail)?;
        for folder in &folders {
            debouncer
                .watch(folder, RecursiveMode::Recursive)
                .map_err(fail)?;
        }
        Ok(Watcher::Native(debouncer))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{AccessKind, ModifyKind};
    use std::path::PathBuf;

    fn event(kind: EventKind, path: &str) -> notify::Event {
        notify::Event::new(kind).add_path(PathBuf::from(path))
    }

    #[test]
    fn reads_do_not_rebuild() {
        assert!(!relevant(&event(
            EventKind::Access(AccessKind::Any),
            "/s/content/a.yaml"
        )));
    }

    #[test]
    fn editor_swap_and_backup_files_do_not_rebuild() {
        for path in [
            "/s/content/.a.yaml.swp",
            "/s/content/a.yaml~",
            "/s/content/#a.yaml#",
            "/s/content/.git/index",
        ] {
            assert!(
                !relevant(&event(EventKind::Modify(ModifyKind::Any), path)),
                "{path}"
            );
        }
    }

    #[test]
    fn a_saved_record_rebuilds() {
        assert!(relevant(&event(
            EventKind::Modify(ModifyKind::Any),
            "/s/content/vacancies/2026/a.yaml"
        )));
    }
}
