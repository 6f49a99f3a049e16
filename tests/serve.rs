//! `kadr serve` end to end: the real binary on a copy of the sample site, spoken to over
//! plain HTTP/1.1 from the test (no client crate needed for GET and an SSE stream).

mod common;

use common::copy_dir;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// The live-reload script the server injects; pages equal the built ones without it.
const LIVE_SCRIPT: &str = "<script data-kadr-live>(function(){var s=new EventSource(\"/__kadr/live\");s.addEventListener(\"reload\",function(){location.reload()});})();</script>";

/// A copy of the repository's sample site in a fresh temporary folder.
fn sample_site(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kadr-serve-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let repo = common::crate_root();
    for folder in ["content", "themes", "locales"] {
        copy_dir(&repo.join(folder), &dir.join(folder));
    }
    dir
}

struct Server {
    child: Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `kadr serve` on a free port, in English or in `lang` (through `KADR_LANG`),
/// with its console lines arriving on the receiver.
fn start_serve(root: &Path, lang: Option<&str>) -> (Child, mpsc::Receiver<String>) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kadr"));
    cmd.args(["serve", "--port", "0", "--today", "2026-11-27", "--root"])
        .arg(root)
        .env_remove("KADR_LANG")
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    if let Some(lang) = lang {
        cmd.env("KADR_LANG", lang);
    }
    let mut child = cmd.spawn().unwrap();
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    (child, rx)
}

/// Starts `kadr serve` on a free port and waits until it says where it serves.
fn serve(root: &Path) -> Server {
    let (mut child, rx) = start_serve(root, None);
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        if let Ok(line) = rx.recv_timeout(Duration::from_millis(100))
            && let Some(rest) = line.strip_prefix("serving http://127.0.0.1:")
        {
            let port = rest.split('/').next().unwrap().parse().unwrap();
            return Server { child, port };
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("kadr serve did not start");
}

/// GET `path`; returns the status and the body.
fn get(port: u16, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let text = String::from_utf8_lossy(&response).into_owned();
    let status = text.split(' ').nth(1).unwrap().parse().unwrap();
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, dechunk(&body))
}

/// Joins a chunked body (axum streams larger bodies in chunks).
fn dechunk(body: &str) -> String {
    let mut out = String::new();
    let mut rest = body;
    loop {
        let Some((size, after)) = rest.split_once("\r\n") else {
            return body.to_string();
        };
        let Ok(n) = usize::from_str_radix(size.trim(), 16) else {
            return body.to_string();
        };
        if n == 0 {
            return out;
        }
        let bytes = after.as_bytes();
        if bytes.len() < n {
            return body.to_string();
        }
        out.push_str(&String::from_utf8_lossy(&bytes[..n]));
        rest = &after[n..];
        rest = rest.strip_prefix("\r\n").unwrap_or(rest);
    }
}

/// Polls `path` until `pred` holds on its body, for at most `within`.
fn wait_for(port: u16, path: &str, within: Duration, pred: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + within;
    loop {
        let (_, body) = get(port, path);
        if pred(&body) {
            return body;
        }
        assert!(
            Instant::now() < deadline,
            "timed out waiting on {path}; last body:\n{}",
            body.chars().take(2000).collect::<String>()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Subscribes to the live-reload channel; lines arrive on the receiver.
fn live_events(port: u16) -> mpsc::Receiver<String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        stream,
        "GET /__kadr/live HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n"
    )
    .unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                return;
            }
        }
    });
    rx
}

fn saw_reload(events: &mpsc::Receiver<String>, within: Duration) -> bool {
    let deadline = Instant::now() + within;
    while Instant::now() < deadline {
        if let Ok(line) = events.recv_timeout(Duration::from_millis(50))
            && line.contains("event: reload")
        {
            return true;
        }
    }
    false
}

const VACANCY: &str = "content/vacancies/2026/2026-dp-almaty-0142.yaml";
const PAGE: &str = "/ru/kadrovaya-politika/2026-dp-almaty-0142/";

#[test]
fn an_edit_is_served_and_reloaded_an_error_is_shown_and_a_fix_clears_it() {
    let root = sample_site("edit");
    let server = serve(&root);
    let (status, body) = get(server.port, PAGE);
    assert_eq!(status, 200);
    assert!(
        body.contains("Начальник управления патрульной полиции"),
        "{body}"
    );

    let events = live_events(server.port);
    std::thread::sleep(Duration::from_millis(200)); // let the subscription settle
    let file = root.join(VACANCY);
    let original = std::fs::read_to_string(&file).unwrap();
    let edited = original.replace(
        "Начальник управления патрульной полиции",
        "Начальник управления патрульной полиции (изменено)",
    );
    assert_ne!(original, edited);
    std::fs::write(&file, &edited).unwrap();
    wait_for(server.port, PAGE, Duration::from_secs(2), |b| {
        b.contains("патрульной полиции (изменено)")
    });
    assert!(
        saw_reload(&events, Duration::from_secs(2)),
        "no reload event after the edit"
    );

    // A syntax error: the last good page stays, with the overlay naming the file.
    std::fs::write(&file, edited.replacen("status: open", "status: [open", 1)).unwrap();
    let body = wait_for(server.port, PAGE, Duration::from_secs(2), |b| {
        b.contains("kadr-overlay")
    });
    assert!(
        body.contains("2026-dp-almaty-0142.yaml"),
        "overlay does not name the file"
    );
    assert!(
        body.contains("патрульной полиции (изменено)"),
        "the last good page is not under the overlay"
    );
    assert!(
        saw_reload(&events, Duration::from_secs(2)),
        "no reload event after the breaking save"
    );

    // Fixed: the overlay is gone.
    std::fs::write(&file, &original).unwrap();
    let body = wait_for(server.port, PAGE, Duration::from_secs(2), |b| {
        !b.contains("kadr-overlay")
    });
    assert!(body.contains("Начальник управления патрульной полиции"));
    drop(server);
    let _ = std::fs::remove_dir_all(root);
}

#[test]
fn serves_exactly_the_bytes_that_build_writes() {
    let root = sample_site("bytes");
    let out = root.join("public");
    let status = Command::new(env!("CARGO_BIN_EXE_kadr"))
        .args(["build", "--today", "2026-11-27", "--root"])
        .arg(&root)
        .arg("--out")
        .arg(&out)
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let server = serve(&root);
    let mut files = Vec::new();
    let mut stack = vec![out.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push(path);
            }
        }
    }
    assert!(files.len() > 20);
    for file in files {
        let rel = file
            .strip_prefix(&out)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if rel == ".kadr-output" {
            // The mark of a kadr output (output::MARKER), not a page of the site.
            continue;
        }
        let built = std::fs::read_to_string(&file).unwrap();
        let (status, served) = get(server.port, &format!("/{rel}"));
        assert_eq!(status, 200, "{rel}");
        assert_eq!(served.replace(LIVE_SCRIPT, ""), built, "{rel} differs");
    }
    drop(server);
    let _ = std::fs::remove_dir_all(root);
}

#[test]
fn refuses_paths_that_leave_the_site() {
    let root = sample_site("traversal");
    let server = serve(&root);
    for path in [
        "/../../etc/passwd",
        "/kk/%2e%2e/%2e%2e/etc/passwd",
        "/kk/..%2f..%2fCargo.toml",
    ] {
        let (status, body) = get(server.port, path);
        assert!(status == 400 || status == 404, "{path}: {status}");
        assert!(!body.contains("root:"), "{path}");
    }
    drop(server);
    let _ = std::fs::remove_dir_all(root);
}

/// A site of `content/` only, as `kadr init` leaves it: the theme is kadr's built-in one.
fn content_only_site(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kadr-serve-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&common::crate_root().join("content"), &dir.join("content"));
    dir
}

#[test]
fn an_override_made_while_serving_is_picked_up_and_so_is_its_removal() {
    let root = content_only_site("override");
    let server = serve(&root);
    let list = "/ru/kadrovaya-politika/";
    wait_for(server.port, list, Duration::from_secs(10), |b| {
        b.contains("Архив объявлений")
    });
    // themes/ and locales/ do not exist yet: the root's watch sees them appear.
    let ftl = root.join("locales/ru/site.ftl");
    std::fs::create_dir_all(ftl.parent().unwrap()).unwrap();
    std::fs::write(&ftl, "archive-title = Архив вакансий министерства\n").unwrap();
    wait_for(server.port, list, Duration::from_secs(10), |b| {
        b.contains("Архив вакансий министерства")
    });
    let template = root.join("themes/default/templates/404.html");
    std::fs::create_dir_all(template.parent().unwrap()).unwrap();
    let built_in =
        std::fs::read_to_string(common::crate_root().join("themes/default/templates/404.html"))
            .unwrap();
    std::fs::write(
        &template,
        built_in.replace("<h1>", "<h1 data-site=\"own\">"),
    )
    .unwrap();
    wait_for(
        server.port,
        "/ru/kadrovaya-politika/no-such-page/",
        Duration::from_secs(10),
        |b| b.contains("data-site=\"own\""),
    );
    std::fs::remove_dir_all(root.join("locales")).unwrap();
    wait_for(server.port, list, Duration::from_secs(10), |b| {
        b.contains("Архив объявлений") && !b.contains("Архив вакансий министерства")
    });
    drop(server);
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn content_deleted_and_made_again_is_watched_again() {
    let root = content_only_site("recreated");
    let server = serve(&root);
    let page = "/ru/kadrovaya-politika/2026-dp-almaty-0142/";
    wait_for(server.port, page, Duration::from_secs(10), |b| {
        b.contains("<h1>")
    });
    // As `rm -rf content && cp -r … content` does it: a new folder of the same name.
    std::fs::remove_dir_all(root.join("content")).unwrap();
    copy_dir(&common::crate_root().join("content"), &root.join("content"));
    let file = root.join("content/vacancies/2026/2026-dp-almaty-0142.yaml");
    // Let the rebuild after the copy settle, then edit inside the new folder.
    std::thread::sleep(Duration::from_millis(500));
    let text = std::fs::read_to_string(&file).unwrap();
    let (ru_position, _) = text
        .split_once("ru: \"")
        .and_then(|(_, rest)| rest.split_once('"'))
        .unwrap();
    let edited = text.replacen(
        ru_position,
        "Начальник управления (после восстановления)",
        1,
    );
    std::fs::write(&file, edited).unwrap();
    wait_for(server.port, page, Duration::from_secs(10), |b| {
        b.contains("после восстановления")
    });
    drop(server);
    let _ = std::fs::remove_dir_all(&root);
}

/// Sends `request` as it is; returns the whole response.
fn raw(port: u16, request: &str) -> String {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    String::from_utf8_lossy(&response).into_owned()
}

#[test]
fn a_request_by_another_sites_name_is_refused_and_redirects_stay_on_this_server() {
    let root = content_only_site("hosts");
    let server = serve(&root);
    let port = server.port;
    // DNS rebinding: a page of evil.example whose name now resolves to 127.0.0.1.
    let refused = raw(
        port,
        "GET /ru/kadrovaya-politika/ HTTP/1.1\r\nHost: evil.example:1111\r\nConnection: close\r\n\r\n",
    );
    assert!(refused.starts_with("HTTP/1.1 421"), "{refused}");
    assert!(!refused.contains("Кадровая политика"));
    for host in ["127.0.0.1", "localhost", "[::1]"] {
        let ok = raw(
            port,
            &format!(
                "GET /ru/kadrovaya-politika/ HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\n\r\n"
            ),
        );
        assert!(ok.starts_with("HTTP/1.1 200"), "{host}: {ok}");
    }
    // `//kk/x` must not become `Location: //kk/x/`, an address on the server `kk`.
    let redirect = raw(
        port,
        "GET //kk/kadr-sayasaty HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
    );
    let location = redirect
        .lines()
        .find_map(|l| {
            l.strip_prefix("location: ")
                .or_else(|| l.strip_prefix("Location: "))
        })
        .unwrap_or_else(|| panic!("{redirect}"));
    assert_eq!(location.trim(), "/kk/kadr-sayasaty/");
    drop(server);
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn serve_of_a_root_that_does_not_exist_exits_with_2() {
    let output = Command::new(env!("CARGO_BIN_EXE_kadr"))
        .args(["serve", "--port", "0", "--root", "/nonexistent/kadr-site"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("not a directory"));
}

#[test]
fn serve_speaks_the_language_of_kadr_lang_and_of_lang() {
    let output = Command::new(env!("CARGO_BIN_EXE_kadr"))
        .args([
            "serve",
            "--port",
            "0",
            "--lang",
            "ru",
            "--root",
            "/nonexistent/kadr-site",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        stderr.trim(),
        "ошибка: /nonexistent/kadr-site не является папкой"
    );

    let site = sample_site("kk-console");
    let (mut child, rx) = start_serve(&site, Some("kk"));
    let mut seen = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline && !seen.iter().any(|l: &String| l.contains("Ctrl-C")) {
        if let Ok(line) = rx.recv_timeout(Duration::from_millis(100)) {
            seen.push(line);
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    let text = seen.join("\n");
    assert!(text.contains("мс ішінде құрастырылды"), "{text}");
    assert!(
        text.contains("алдын ала қарау: http://127.0.0.1:"),
        "{text}"
    );
    assert!(
        text.contains("content/, themes/ және locales/ бақыланады — тоқтату үшін Ctrl-C басыңыз"),
        "{text}"
    );
    assert!(
        !text.contains("serving") && !text.contains("watching"),
        "{text}"
    );
}
