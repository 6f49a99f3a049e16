//! `kadr serve`: the local preview. It builds the site with the same pipeline as
//! `kadr build` (nothing is written to disk), serves it over HTTP from memory, watches
//! `content/`, `themes/` and `locales/`, rebuilds on every save and tells every open tab
//! to reload (server-sent events). When the content has errors, each page shows them in
//! an overlay, in the page's language, over the last good site.

mod error;
mod http;
mod overlay;
mod watch;

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::Instant;

use jiff::civil::Date;
use tokio::sync::broadcast;

use kadr_diagnostic::messages::MessageLang;
use kadr_diagnostic::{Message, Messages};
use kadr_pipeline as pipeline;

pub use error::ServeError;

/// What `kadr serve` was asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    pub root: PathBuf,
    pub bind: IpAddr,
    pub port: u16,
    pub today: Option<Date>,
    pub open: bool,
    pub poll: bool,
    /// Neither read nor write the cache on disk (`.kadr-cache/`).
    pub no_cache: bool,
    /// The language of the console lines (`--lang`, `KADR_LANG`).
    pub lang: MessageLang,
}

/// The site as currently served: the pages of the last good build and, when the latest
/// build failed, the overlay that lists its problems.
#[derive(Default)]
pub struct Snapshot {
    pub generation: u64,
    pub pages: HashMap<String, Arc<[u8]>>,
    /// Overlay HTML per language code, present while the content has errors.
    pub overlay: Option<HashMap<&'static str, String>>,
    /// Path of the default language's list, for the root and log lines.
    pub entry_points: Vec<String>,
}

pub struct Shared {
    pub snapshot: RwLock<Arc<Snapshot>>,
    pub reload: broadcast::Sender<u64>,
}

impl Shared {
    pub fn current(&self) -> Arc<Snapshot> {
        match self.snapshot.read() {
            Ok(s) => Arc::clone(&s),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }

    fn replace(&self, snapshot: Snapshot) {
        let generation = snapshot.generation;
        match self.snapshot.write() {
            Ok(mut s) => *s = Arc::new(snapshot),
            Err(poisoned) => *poisoned.into_inner() = Arc::new(snapshot),
        }
        // No receiver (no open tab) is not an error.
        let _ = self.reload.send(generation);
    }
}

/// Builds the site at `root` and turns the outcome into the next snapshot; the pages of
/// `previous` stay when the build fails.
pub fn rebuild(
    root: &Path,
    today: Date,
    previous: &Snapshot,
    session: &mut pipeline::Session,
) -> Snapshot {
    let generation = previous.generation + 1;
    let mut checked = match pipeline::check_in(root, today, session) {
        Ok(c) => c,
        Err(e) => {
            return Snapshot {
                generation,
                pages: previous.pages.clone(),
                overlay: Some(overlay::for_load_error(&e.to_string())),
                entry_points: previous.entry_points.clone(),
            };
        }
    };
    let pages = pipeline::render_in(&mut checked, today, session);
    match pages {
        Some(pages) => {
            let entry_points = entry_points(&checked);
            let pages = pages.into_iter().map(|p| (p.path, p.bytes)).collect();
            // Warnings alone do not block the preview and need no overlay.
            Snapshot {
                generation,
                pages,
                overlay: None,
                entry_points,
            }
        }
        None => Snapshot {
            generation,
            pages: previous.pages.clone(),
            overlay: Some(overlay::for_diagnostics(&checked)),
            entry_points: if previous.entry_points.is_empty() {
                entry_points(&checked)
            } else {
                previous.entry_points.clone()
            },
        },
    }
}

fn entry_points(checked: &pipeline::Checked) -> Vec<String> {
    match &checked.loaded.data.site {
        Some(site) => site
            .languages
            .iter()
            .map(|l| format!("{}/{}/", l.code(), site.section.get(*l).slug.value))
            .collect(),
        None => Vec::new(),
    }
}

/// Runs the preview until Ctrl-C.
pub fn run(options: Options) -> Result<(), ServeError> {
    if !options.root.is_dir() {
        return Err(ServeError::NotAFolder(options.root.clone()));
    }
    let lang = options.lang;
    let messages = Messages::new(lang);
    let say = |m: Message| eprintln!("{}", messages.text(&m));
    let today = options.today;
    let day = move || today.unwrap_or_else(pipeline::today_in_almaty);
    let started = Instant::now();
    let mut session = if options.no_cache {
        pipeline::Session::default()
    } else {
        pipeline::Session::from_disk_cache(&options.root)
    };
    let first = rebuild(&options.root, day(), &Snapshot::default(), &mut session);
    // Later rebuilds reuse what is in memory; the next start reuses what is on disk.
    if !options.no_cache
        && let Err(e) = session.save_disk_cache(&options.root)
    {
        say(Message::new("serve-cache-not-written").arg("detail", e.to_string()));
    }
    let first_ok = first.overlay.is_none();
    let entry_points = first.entry_points.clone();
    let (reload, _) = broadcast::channel(16);
    let shared = Arc::new(Shared {
        snapshot: RwLock::new(Arc::new(first)),
        reload,
    });
    let ms = started.elapsed().as_millis() as i64;
    say(Message::new(if first_ok {
        "serve-built"
    } else {
        "serve-built-with-errors"
    })
    .arg("ms", ms));

    let _watcher = watch::start(&options.root, options.poll, {
        let shared = Arc::clone(&shared);
        let root = options.root.clone();
        // The rebuild thread alone uses the session from here on.
        let mut session = session;
        let messages = Messages::new(lang);
        move || {
            let t = Instant::now();
            let previous = shared.current();
            let next = rebuild(&root, day(), &previous, &mut session);
            let ok = next.overlay.is_none();
            shared.replace(next);
            let ms = t.elapsed().as_millis() as i64;
            let line = if ok {
                let r = session.last_render();
                Message::new("serve-rebuilt")
                    .arg("ms", ms)
                    .arg("reused", r.reused as i64)
                    .arg("pages", r.pages as i64)
            } else {
                Message::new("serve-rebuilt-with-errors").arg("ms", ms)
            };
            eprintln!("{}", messages.text(&line));
        }
    })?;

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(ServeError::Start)?;
    runtime.block_on(async {
        let listener = http::bind(options.bind, options.port).await?;
        let addr: SocketAddr = listener.local_addr().map_err(ServeError::Start)?;
        if options.port != 0 && addr.port() != options.port {
            say(Message::new("serve-port-taken")
                .arg("port", i64::from(options.port))
                .arg("instead", i64::from(addr.port())));
        }
        let host = match addr.ip() {
            IpAddr::V6(ip) => format!("[{ip}]"),
            IpAddr::V4(ip) => ip.to_string(),
        };
        for path in &entry_points {
            let url = format!("http://{host}:{}/{path}", addr.port());
            say(Message::new("serve-serving").arg("url", url));
        }
        say(Message::new("serve-watching"));
        if options.open
            && let Some(first) = entry_points.first()
        {
            let _ = opener::open_browser(format!("http://{host}:{}/{first}", addr.port()));
        }
        let stopped = messages.text(&Message::new("serve-stopped"));
        http::serve(listener, shared, stopped).await
    })
}
