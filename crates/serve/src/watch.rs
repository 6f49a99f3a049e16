//! Watching the site's folders (see [`WATCHED`]). Directories are watched, not files, because editors
//! that save by writing a temporary file and renaming it would break a watch on the
//! file itself. Access events (Linux reports plain reads) and editor swap, backup and
//! temporary files are ignored, or every build would trigger the next.

use crate::ServeError;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

use notify::{EventKind, PollWatcher, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{
    DebounceEventResult, Debouncer, FileIdMap, NoCache, new_debouncer_opt,
};

use kadr_model::is_ignored_name;

/// Quiet time after the last event before a rebuild starts: short enough to feel
/// instant, long enough to take an editor's write-and-rename as one save.
const DEBOUNCE: Duration = Duration::from_millis(30);
const TICK: Duration = Duration::from_millis(10);
const POLL_INTERVAL: Duration = Duration::from_millis(250);

/// Keeps the watcher alive; dropping it stops watching.
pub struct Watcher {
    _watching: Arc<Mutex<Box<dyn Watches>>>,
}

/// The folders of a site that `serve` watches, each with everything below it: the
/// records, and the site's overrides of the built-in theme and UI strings. Any of them
/// may be missing at first and appear later (`mkdir themes`), or be deleted and made
/// again (`rm -rf content && cp -r … content`).
pub const WATCHED: [&str; 3] = ["content", "themes", "locales"];

/// What the two kinds of debouncer have in common.
trait Watches: Send {
    fn watch(&mut self, path: &Path, mode: RecursiveMode) -> notify::Result<()>;
    fn unwatch(&mut self, path: &Path) -> notify::Result<()>;
}

impl Watches for Debouncer<RecommendedWatcher, FileIdMap> {
    fn watch(&mut self, path: &Path, mode: RecursiveMode) -> notify::Result<()> {
        Debouncer::watch(self, path, mode)
    }
    fn unwatch(&mut self, path: &Path) -> notify::Result<()> {
        Debouncer::unwatch(self, path)
    }
}

impl Watches for Debouncer<PollWatcher, NoCache> {
    fn watch(&mut self, path: &Path, mode: RecursiveMode) -> notify::Result<()> {
        Debouncer::watch(self, path, mode)
    }
    fn unwatch(&mut self, path: &Path) -> notify::Result<()> {
        Debouncer::unwatch(self, path)
    }
}

/// Whether a debounced event should cause a rebuild. Below the site root itself (which
/// is watched only for its folders coming and going) only the watched folders count:
/// the cache kadr writes and a `public/` beside them are not the site.
fn relevant(root: &Path, event: &notify::Event) -> bool {
    if matches!(event.kind, EventKind::Access(_)) {
        return false;
    }
    event.paths.iter().any(|p| {
        let in_site = match p.strip_prefix(root) {
            Ok(rel) => rel
                .components()
                .next()
                .is_some_and(|c| WATCHED.iter().any(|w| c.as_os_str() == *w)),
            Err(_) => true,
        };
        in_site
            && p.file_name()
                .map(|n| !is_ignored_name(&n.to_string_lossy()))
                .unwrap_or(false)
            && !p.components().any(|c| c.as_os_str() == ".git")
    })
}

/// The watched folders and the identity (inode) each had when its watch was set: a
/// folder deleted and made again is a new folder, whose watch must be set anew.
struct Folders {
    watched: Vec<(PathBuf, Option<u64>)>,
}

impl Folders {
    fn identity(path: &Path) -> Option<u64> {
        let meta = std::fs::metadata(path).ok()?;
        if !meta.is_dir() {
            return None;
        }
        #[cfg(unix)]
        return Some(std::os::unix::fs::MetadataExt::ino(&meta));
        #[cfg(not(unix))]
        return Some(0);
    }

    /// Sets a watch on each folder that exists now and is not watched as it is, and
    /// anew on those in `came_or_went` (an inode number may be reused at once by a
    /// folder made again under the same name, so identity alone cannot tell).
    fn rewatch(&mut self, watching: &mut dyn Watches, came_or_went: &[PathBuf]) {
        for (path, watched) in &mut self.watched {
            let now = Folders::identity(path);
            if now == *watched && !came_or_went.contains(path) {
                continue;
            }
            if watched.is_some() {
                // The old folder is gone; its watch may already be (inotify drops it).
                let _ = watching.unwatch(path);
            }
            *watched = match now {
                Some(id) if watching.watch(path, RecursiveMode::Recursive).is_ok() => Some(id),
                _ => None,
            };
        }
    }
}

/// Starts watching `root`'s content, themes and locales; `rebuild` runs on a thread of
/// its own after each burst of changes (several saves in a row cause one rebuild).
pub fn start(
    root: &Path,
    poll: bool,
    mut rebuild: impl FnMut() + Send + 'static,
) -> Result<Watcher, ServeError> {
    let (tx, rx) = mpsc::channel::<()>();
    let handler_root = root.to_path_buf();
    // The watched folders that were made or removed since the last rebuild (the root's
    // own watch reports them).
    let came_or_went: Arc<Mutex<Vec<PathBuf>>> = Arc::default();
    let noted = Arc::clone(&came_or_went);
    let handler = move |result: DebounceEventResult| {
        let Ok(events) = result else { return };
        let folders = events
            .iter()
            .filter(|e| !matches!(e.event.kind, EventKind::Access(_)))
            .flat_map(|e| &e.event.paths)
            .filter(|p| {
                p.parent() == Some(handler_root.as_path())
                    && p.file_name()
                        .is_some_and(|n| WATCHED.iter().any(|w| n == *w))
            });
        if let Ok(mut noted) = noted.lock() {
            noted.extend(folders.cloned());
        }
        if events.iter().any(|e| relevant(&handler_root, &e.event)) {
            let _ = tx.send(());
        }
    };
    let fail = |error: notify::Error| ServeError::Watch {
        root: root.to_path_buf(),
        error,
    };
    let mut watching: Box<dyn Watches> = if poll {
        let config = notify::Config::default().with_poll_interval(POLL_INTERVAL);
        Box::new(
            new_debouncer_opt::<_, PollWatcher, NoCache>(
                DEBOUNCE,
                Some(TICK),
                handler,
                NoCache,
                config,
            )
            .map_err(fail)?,
        )
    } else {
        Box::new(
            new_debouncer_opt::<_, RecommendedWatcher, FileIdMap>(
                DEBOUNCE,
                Some(TICK),
                handler,
                FileIdMap::new(),
                notify::Config::default(),
            )
            .map_err(fail)?,
        )
    };
    // The root itself, not recursively: it tells when a watched folder appears.
    watching
        .watch(root, RecursiveMode::NonRecursive)
        .map_err(fail)?;
    let mut folders = Folders {
        watched: WATCHED.iter().map(|f| (root.join(f), None)).collect(),
    };
    folders.rewatch(watching.as_mut(), &[]);
    let watching = Arc::new(Mutex::new(watching));
    let for_rebuilds = Arc::clone(&watching);
    std::thread::Builder::new()
        .name("kadr-rebuild".into())
        .spawn(move || {
            while rx.recv().is_ok() {
                // Fold the saves that arrived during the last build into one rebuild.
                while rx.try_recv().is_ok() {}
                // Watch a folder that came (back) before reading it: nothing saved
                // into it from here on goes unnoticed.
                let stale = came_or_went
                    .lock()
                    .map(|mut c| std::mem::take(&mut *c))
                    .unwrap_or_default();
                if let Ok(mut watching) = for_rebuilds.lock() {
                    folders.rewatch(watching.as_mut(), &stale);
                }
                rebuild();
            }
        })
        .map_err(ServeError::Thread)?;
    Ok(Watcher {
        _watching: watching,
    })
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
        assert!(!relevant(
            Path::new("/s"),
            &event(EventKind::Access(AccessKind::Any), "/s/content/a.yaml")
        ));
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
                !relevant(
                    Path::new("/s"),
                    &event(EventKind::Modify(ModifyKind::Any), path)
                ),
                "{path}"
            );
        }
    }

    #[test]
    fn only_the_watched_folders_of_the_root_count() {
        for (path, counts) in [
            ("/s/themes", true),
            ("/s/locales/kk/site.ftl", true),
            ("/s/.kadr-cache/records", false),
            ("/s/public/index.html", false),
            ("/s/README.md", false),
        ] {
            let e = event(EventKind::Create(notify::event::CreateKind::Any), path);
            assert_eq!(relevant(Path::new("/s"), &e), counts, "{path}");
        }
    }

    #[test]
    fn a_saved_record_rebuilds() {
        assert!(relevant(
            Path::new("/s"),
            &event(
                EventKind::Modify(ModifyKind::Any),
                "/s/content/vacancies/2026/a.yaml"
            )
        ));
    }
}
