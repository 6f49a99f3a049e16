//! The preview's HTTP side: pages from memory, a server-sent-events channel that tells
//! tabs to reload, and the live-reload script and error overlay injected into HTML
//! responses (only there: feeds, JSON and CSS are served exactly as built).

use crate::ServeError;
use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use futures_util::stream::{self, Stream};
use tokio::net::TcpListener;

use crate::{Shared, Snapshot};

/// The path of the live-reload channel.
pub const LIVE_PATH: &str = "/__kadr/live";

/// The script injected before `</body>`; tests strip exactly this to compare served
/// pages with built ones.
pub const LIVE_SCRIPT: &str = "<script data-kadr-live>(function(){var s=new EventSource(\"/__kadr/live\");s.addEventListener(\"reload\",function(){location.reload()});})();</script>";

/// Binds `port`, or the next free one of the following twenty.
pub async fn bind(ip: IpAddr, port: u16) -> Result<TcpListener, ServeError> {
    let mut last = None;
    for candidate in port..=port.saturating_add(20) {
        match TcpListener::bind(SocketAddr::new(ip, candidate)).await {
            Ok(listener) => return Ok(listener),
            Err(e) => last = Some(e),
        }
    }
    Err(ServeError::Bind {
        ip,
        from: port,
        to: port.saturating_add(20),
        error: last,
    })
}

pub async fn serve(
    listener: TcpListener,
    shared: Arc<Shared>,
    stopped: String,
) -> Result<(), ServeError> {
    let app = Router::new()
        .route(LIVE_PATH, get(live))
        .fallback(get(page))
        .layer(axum::middleware::from_fn(only_addressed_by_ip_or_localhost))
        .with_state(shared);
    axum::serve(listener, app)
        .with_graceful_shutdown(async move {
            let _ = tokio::signal::ctrl_c().await;
            eprintln!("{stopped}");
        })
        .await
        .map_err(ServeError::Server)
}

/// Whether a request's `Host` names this server by an IP address or as `localhost`. A
/// page of another site that gets its own name to resolve to this machine (DNS
/// rebinding) sends its own name, and is refused: it could otherwise read the preview,
/// drafts included, from the officer's browser.
pub fn host_is_allowed(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        // `[::1]:1111`
        Some(rest) => match rest.split_once(']') {
            Some((ip, port)) if port.is_empty() || port.starts_with(':') => {
                return ip.parse::<std::net::Ipv6Addr>().is_ok();
            }
            _ => return false,
        },
        None => host.rsplit_once(':').map_or(host, |(name, _)| name),
    };
    name.eq_ignore_ascii_case("localhost") || name.parse::<std::net::Ipv4Addr>().is_ok()
}

async fn only_addressed_by_ip_or_localhost(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .or_else(|| request.uri().authority().map(|a| a.as_str()));
    match host {
        Some(host) if host_is_allowed(host) => next.run(request).await,
        _ => (
            StatusCode::MISDIRECTED_REQUEST,
            "kadr serve answers only requests addressed to it by IP address or as localhost\n",
        )
            .into_response(),
    }
}

/// `event: reload` after every rebuild.
async fn live(
    State(shared): State<Arc<Shared>>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let rx = shared.reload.subscribe();
    let events = stream::unfold(rx, |mut rx| async move {
        loop {
            match rx.recv().await {
                Ok(generation) => {
                    let event = Event::default()
                        .event("reload")
                        .data(generation.to_string());
                    return Some((Ok(event), rx));
                }
                Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => continue,
                Err(tokio::sync::broadcast::error::RecvError::Closed) => return None,
            }
        }
    });
    Sse::new(events).keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
}

/// Maps a request path to a page path: `/kk/x/` → `kk/x/index.html`. `None` for paths
/// that try to leave the site (`..`, `.`, backslashes, encoded or not).
pub fn page_path(uri_path: &str) -> Option<String> {
    let decoded = percent_decode(uri_path)?;
    let trimmed = decoded.trim_start_matches('/');
    let mut parts = Vec::new();
    for part in trimmed.split('/') {
        if part == ".." || part == "." || part.contains('\\') || part.contains('\0') {
            return None;
        }
        if !part.is_empty() {
            parts.push(part);
        }
    }
    let mut path = parts.join("/");
    if trimmed.is_empty() || trimmed.ends_with('/') {
        if !path.is_empty() {
            path.push('/');
        }
        path.push_str("index.html");
    }
    Some(path)
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The address of the folder of page path `path` (`kk/x` → `/kk/x/`), percent-encoded
/// where a header needs it: always one absolute path on this server.
fn folder_location(path: &str) -> String {
    let mut out = String::from("/");
    for part in path.split('/').filter(|p| !p.is_empty()) {
        for b in part.bytes() {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                out.push(b as char);
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
        out.push('/');
    }
    out
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit_once('.').map(|(_, ext)| ext) {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("xml") => "application/xml; charset=utf-8",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        Some("woff2") => "font/woff2",
        Some("txt") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// The language a page is in, from its first path segment.
fn page_lang(path: &str) -> &'static str {
    if path.starts_with("ru/") { "ru" } else { "kk" }
}

async fn page(State(shared): State<Arc<Shared>>, uri: Uri) -> Response {
    let snapshot = shared.current();
    let Some(path) = page_path(uri.path()) else {
        return (StatusCode::BAD_REQUEST, "bad path").into_response();
    };
    if let Some(bytes) = snapshot.pages.get(&path) {
        return respond(&snapshot, &path, bytes, StatusCode::OK);
    }
    // `/kk/x` → `/kk/x/` when that folder has a page. The address is made from the
    // page's path, never from the request's (`//host/x` would name another server).
    if !uri.path().ends_with('/') && snapshot.pages.contains_key(&format!("{path}/index.html")) {
        let mut response = StatusCode::PERMANENT_REDIRECT.into_response();
        if let Ok(location) = HeaderValue::from_str(&folder_location(&path)) {
            response.headers_mut().insert(header::LOCATION, location);
        }
        return response;
    }
    let not_found = format!("{}/404.html", page_lang(&path));
    match snapshot.pages.get(&not_found) {
        Some(bytes) => respond(&snapshot, &not_found, bytes, StatusCode::NOT_FOUND),
        None if snapshot.overlay.is_some() => {
            // No good build yet: the overlay alone tells what is wrong.
            let html = format!(
                "<!DOCTYPE html><html lang=\"{0}\"><head><meta charset=\"utf-8\"><title>kadr</title></head><body></body></html>",
                page_lang(&path)
            );
            respond(
                &snapshot,
                "index.html",
                html.as_bytes(),
                StatusCode::SERVICE_UNAVAILABLE,
            )
        }
        None => (StatusCode::NOT_FOUND, "not found").into_response(),
    }
}

fn respond(snapshot: &Snapshot, path: &str, bytes: &[u8], status: StatusCode) -> Response {
    let kind = content_type(path);
    let body = if kind.starts_with("text/html") {
        Body::from(inject(
            bytes,
            snapshot
                .overlay
                .as_ref()
                .and_then(|o| o.get(page_lang(path)))
                .map(String::as_str),
        ))
    } else {
        Body::from(bytes.to_vec())
    };
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    // A preview must never show a stale page.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// Inserts the overlay (if any) and the live-reload script before `</body>`.
pub fn inject(html: &[u8], overlay: Option<&str>) -> Vec<u8> {
    let text = String::from_utf8_lossy(html);
    let mut addition = String::new();
    if let Some(overlay) = overlay {
        addition.push_str(overlay);
    }
    addition.push_str(LIVE_SCRIPT);
    let out = match text.rfind("</body>") {
        Some(i) => format!("{}{}{}", &text[..i], addition, &text[i..]),
        None => format!("{text}{addition}"),
    };
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_map_to_their_index() {
        assert_eq!(page_path("/").as_deref(), Some("index.html"));
        assert_eq!(
            page_path("/kk/kadr-sayasaty/").as_deref(),
            Some("kk/kadr-sayasaty/index.html")
        );
        assert_eq!(
            page_path("/kk/kadr-sayasaty/atom.xml").as_deref(),
            Some("kk/kadr-sayasaty/atom.xml")
        );
    }

    #[test]
    fn traversal_is_refused_encoded_or_not() {
        for bad in [
            "/../etc/passwd",
            "/kk/%2e%2e/%2e%2e/etc/passwd",
            "/kk/..%2fsecret",
            "/a/./b",
            "/a%5c..%5cb",
            "/%zz",
        ] {
            assert_eq!(page_path(bad), None, "{bad}");
        }
    }

    #[test]
    fn only_ip_addresses_and_localhost_are_served() {
        for ok in [
            "127.0.0.1:1111",
            "localhost:1111",
            "LOCALHOST",
            "[::1]:1111",
            "192.168.1.5:8080",
            "[::1]",
        ] {
            assert!(host_is_allowed(ok), "{ok}");
        }
        for bad in [
            "evil.example:1111",
            "127.0.0.1.evil.example",
            "localhost.evil",
            "[::1",
            "[zz]:1",
            "",
        ] {
            assert!(!host_is_allowed(bad), "{bad}");
        }
    }

    #[test]
    fn a_redirect_never_names_another_server() {
        assert_eq!(folder_location("kk/x"), "/kk/x/");
        assert_eq!(folder_location("/kk//x"), "/kk/x/");
        assert_eq!(folder_location("kk/ә"), "/kk/%D3%99/");
    }

    #[test]
    fn script_goes_before_the_closing_body_tag() {
        let out = String::from_utf8(inject(
            b"<html><body><p>x</p></body></html>",
            Some("<div>o</div>"),
        ))
        .unwrap();
        assert!(
            out.ends_with(&format!("<div>o</div>{LIVE_SCRIPT}</body></html>")),
            "{out}"
        );
    }
}
