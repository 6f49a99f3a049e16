//! Why the preview cannot start or stopped.

use std::fmt;
use std::io;
use std::net::IpAddr;
use std::path::PathBuf;

use kadr_diagnostic::{Message, Messages};

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

impl ServeError {
    /// The reason as a message of the catalogue.
    pub fn message(&self) -> Message {
        let detail = |e: &dyn fmt::Display| e.to_string();
        match self {
            ServeError::NotAFolder(root) => {
                Message::new("root-not-a-folder").arg("root", root.display().to_string())
            }
            ServeError::Watch { root, error } => Message::new("serve-watch")
                .arg("root", root.display().to_string())
                .arg("detail", detail(error)),
            ServeError::Thread(e) => Message::new("serve-thread").arg("detail", detail(e)),
            ServeError::Start(e) => Message::new("serve-start").arg("detail", detail(e)),
            ServeError::Bind {
                ip,
                from,
                to,
                error,
            } => Message::new("serve-bind")
                .arg("ip", ip.to_string())
                .arg("from", i64::from(*from))
                .arg("to", i64::from(*to))
                .arg(
                    "detail",
                    error.as_ref().map_or_else(String::new, ToString::to_string),
                ),
            ServeError::Server(e) => Message::new("serve-server").arg("detail", detail(e)),
        }
    }
}

impl fmt::Display for ServeError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&Messages::english(&self.message()))
    }
}

impl std::error::Error for ServeError {}
