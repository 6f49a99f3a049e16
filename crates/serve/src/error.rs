//! Why the preview cannot start or stopped.

use std::fmt;
use std::io;
use std::net::IpAddr;
use std::path::PathBuf;

#[derive(Debug)]
pub enum ServeError {
    /// The site's root is missing or not a folder.
    NotAFolder(PathBuf),
    /// The site's folders cannot be watched.
    Watch { root: PathBuf, error: notify::Error },
    /// The rebuild thread cannot be started.
    Thread(io::Error),
    /// The server's runtime cannot be started, or its address read.
    Start(io::Error),
    /// None of the ports `from..=to` can be listened on.
    Bind {
        ip: IpAddr,
        from: u16,
        to: u16,
        error: Option<io::Error>,
    },
    /// The server stopped with an error.
    Server(io::Error),
}

impl fmt::Display for ServeError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            ServeError::NotAFolder(root) => write!(f, "{} is not a directory", root.display()),
            ServeError::Watch { root, error } => {
                write!(f, "cannot watch {}: {error}", root.display())
            }
            ServeError::Thread(e) => write!(f, "cannot start the rebuild thread: {e}"),
            ServeError::Start(e) => write!(f, "cannot start the server: {e}"),
            ServeError::Bind {
                ip,
                from,
                to,
                error,
            } => write!(
                f,
                "cannot listen on {ip} ports {from}–{to}: {}",
                error.as_ref().map_or_else(String::new, ToString::to_string)
            ),
            ServeError::Server(e) => write!(f, "server error: {e}"),
        }
    }
}

impl std::error::Error for ServeError {}
