//! `nianbao serve`: one page where a clerk drops a report and sees what
//! nianbao finds in it, and an HTTP API for other systems.
//!
//! Reading, checking and rendering are `nianbao_workspace`'s, as for the
//! command and the language server: `POST /api/check` answers with exactly
//! the JSON of `nianbao check --format json`, `POST /api/export` with that
//! of `nianbao export`. The machine is protected by limits: a body limit
//! (413), a time limit per request (408), a limit on requests in flight
//! (503 with `Retry-After`); a DOCX's parts are read within the parser's
//! decompression limit. Nothing a user sends is written to disk or logged
//! beyond its size and outcome. `/healthz` stands outside the limits, so
//! it answers at once however busy the checks are.

use std::collections::BTreeMap;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::Request;
use axum::extract::{DefaultBodyLimit, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use nianbao_parser::Format;
use nianbao_rules::Config;
use nianbao_workspace::related::FolderIndex;
use nianbao_workspace::render::{export, json};
use nianbao_workspace::{Analysed, Source, analyse};
use serde::Deserialize;
use tokio::sync::Semaphore;
use tower::ServiceBuilder;

pub mod audit;
pub mod view;

/// The page, with its script and style inside it: it loads nothing from
/// outside.
const PAGE: &str = include_str!("page.html");

/// The API described (OpenAPI 3.1); a test checks the real answers against it.
pub const OPENAPI: &str = include_str!("openapi.json");

/// What the server allows each request.
#[derive(Clone, Debug)]
pub struct Limits {
    /// The largest body taken (a larger one gets 413).
    pub max_upload: usize,
    /// The longest a request may take, its body's arrival included (408).
    pub timeout: Duration,
    /// Requests checked at once; more get 503 with `Retry-After`.
    pub in_flight: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self { max_upload: 20 * 1024 * 1024, timeout: Duration::from_secs(30), in_flight: 16 }
    }
}

/// What every handler shares.
#[derive(Clone, Debug)]
struct Shared {
    config: Arc<Config>,
}

/// The routes, with their limits.
pub fn app(limits: &Limits, config: Config) -> Router {
    let shared = Shared { config: Arc::new(config) };
    let api = Router::new()
        .route("/api/check", post(check))
        .route("/api/export", post(export_report))
        .route("/api/view", post(view_report))
        .route("/api/audit", post(audit_reports))
        .route("/api/fix", post(fix_report))
        .layer(
            ServiceBuilder::new()
                // Past the checks allowed at once, an answer at once (503), not a queue.
                .layer(axum::middleware::from_fn_with_state(Arc::new(Semaphore::new(limits.in_flight)), admit))
                .layer(tower_http::timeout::TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, limits.timeout))
                // A larger body is refused with 413 as it is read.
                .layer(DefaultBodyLimit::max(limits.max_upload)),
        )
        .with_state(shared);
    let told = serde_json::json!({
        "max_upload": limits.max_upload,
        "timeout_seconds": limits.timeout.as_secs(),
        "in_flight": limits.in_flight,
    });
    Router::new()
        .route("/", get(page))
        .route("/healthz", get(|| async { "ok" }))
        // The page refuses a file over the limit before sending it.
        .route("/api/limits", get(move || async move { axum::Json(told) }))
        .route("/api/rules", get(rules))
        .route("/api/openapi.json", get(|| async { ([(header::CONTENT_TYPE, "application/json")], OPENAPI) }))
        .merge(api)
}

/// Serves `app` on `listener` until `shutdown` completes; requests in flight
/// then finish.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, app).with_graceful_shutdown(shutdown).await
}

/// `nianbao serve`: binds `addr`, prints it, and serves until Ctrl-C or
/// SIGTERM.
pub fn run(addr: SocketAddr, limits: Limits, config: Config) -> std::io::Result<()> {
    // Checks run on blocking threads, no more of them than checks allowed
    // at once: each thread keeps its allocator's memory.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .max_blocking_threads(limits.in_flight.max(1))
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let listener = listen(addr)?;
        let bound = listener.local_addr()?;
        eprintln!("nianbao serve: http://{bound}/ (Ctrl-C to stop)");
        serve(listener, app(&limits, config), stop_signal()).await?;
        eprintln!("nianbao serve: stopped");
        Ok(())
    })
}

/// Connections the kernel holds for the server before it accepts them.
/// `TcpListener::bind` asks for 128: a thousand clients arriving at once
/// overflowed that queue, the kernel dropped their handshakes, they waited
/// a second for a retransmission, and under load some were reset. The
/// kernel caps this at `net.core.somaxconn` (4096 on current Linux).
const BACKLOG: u32 = 2048;

/// A listener on `addr`, with room for [`BACKLOG`] waiting connections.
fn listen(addr: SocketAddr) -> std::io::Result<tokio::net::TcpListener> {
    let socket = if addr.is_ipv4() { tokio::net::TcpSocket::new_v4()? } else { tokio::net::TcpSocket::new_v6()? };
    // A restarted server can bind while the old one's connections linger.
    #[cfg(unix)]
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(BACKLOG)
}

/// Ctrl-C, or SIGTERM on Unix.
async fn stop_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
}

/// How much of a refused request's body is read before the answer: a
/// connection closed with unread data is reset, and the client would lose
/// the 503 with it. A larger body may still be cut off.
const DRAIN_LIMIT: usize = 1024 * 1024;

/// Lets a request in while fewer than the limit are being checked; else
/// answers 503 with `Retry-After`, after reading what the client sends.
async fn admit(State(slots): State<Arc<Semaphore>>, request: Request, next: Next) -> Response {
    let Ok(_slot) = slots.try_acquire_owned() else {
        let drained = axum::body::to_bytes(request.into_body(), DRAIN_LIMIT);
        let _ = tokio::time::timeout(Duration::from_secs(2), drained).await;
        let mut response = problem(
            StatusCode::SERVICE_UNAVAILABLE,
            "服务器正忙，请稍后再试（busy: too many reports are being checked; try again shortly）",
        );
        response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        return response;
    };
    next.run(request).await
}

async fn page() -> Response {
    let mut response = ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], PAGE).into_response();
    // Everything is inside the page; nothing may be loaded from anywhere.
    response.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src data:",
        ),
    );
    response
}

/// The rule catalogue.
async fn rules() -> Response {
    let rules: Vec<serde_json::Value> = nianbao_rules::RULES
        .iter()
        .map(|rule| {
            let meta = &rule.meta;
            serde_json::json!({
                "code": meta.code,
                "name": meta.name,
                "title": meta.title,
                "summary": meta.summary,
                "summary_zh": meta.summary_zh,
                "severity": meta.default_severity.map_or("off", |severity| severity.as_str()),
                "fix": meta.fix.as_str(),
            })
        })
        .collect();
    axum::Json(rules).into_response()
}

#[derive(Debug, Deserialize)]
struct Named {
    filename: Option<String>,
}

/// What a request asks for.
#[derive(Clone, Copy, Debug)]
pub enum Answer {
    /// The JSON of `nianbao check --format json`.
    Check,
    /// The JSON of `nianbao export`.
    Export,
    /// What the page shows (see [`view::View`]).
    View,
}

async fn check(State(shared): State<Shared>, Query(named): Query<Named>, body: Bytes) -> Response {
    answer(shared, named, body, Answer::Check).await
}

async fn export_report(State(shared): State<Shared>, Query(named): Query<Named>, body: Bytes) -> Response {
    answer(shared, named, body, Answer::Export).await
}

async fn view_report(State(shared): State<Shared>, Query(named): Query<Named>, body: Bytes) -> Response {
    answer(shared, named, body, Answer::View).await
}

/// A text report with its safe fixes applied, in its own encoding, as
/// `nianbao fix` would write it; the rules applied, by how many, in the
/// `X-Fixes-Applied` header (`F005=2,S008=1`).
async fn fix_report(State(shared): State<Shared>, Query(named): Query<Named>, body: Bytes) -> Response {
    let name = named.filename.unwrap_or_else(|| "report.txt".to_string());
    let size = body.len();
    let work = tokio::task::spawn_blocking(move || fixed_file(&name, &body, &shared.config));
    let response = match work.await {
        Ok(Ok((bytes, applied))) => {
            let applied: Vec<String> = applied.iter().map(|(code, n)| format!("{code}={n}")).collect();
            let mut response = ([(header::CONTENT_TYPE, "application/octet-stream")], bytes).into_response();
            if let Ok(value) = HeaderValue::from_str(&applied.join(",")) {
                response.headers_mut().insert("x-fixes-applied", value);
            }
            response
        }
        Ok(Err(why)) => problem(StatusCode::UNPROCESSABLE_ENTITY, &why),
        Err(_) => problem(StatusCode::INTERNAL_SERVER_ERROR, "修正失败（the fix failed）"),
    };
    eprintln!("nianbao serve: Fix of {size} bytes: {}", response.status().as_u16());
    response
}

/// The bytes of `name` (holding `bytes`) with its safe fixes applied, in the
/// encoding it came in, and how many fixes of each rule; `Err` says why
/// not (not a report, not a text file, an encoding that cannot be written).
pub fn fixed_file(name: &str, bytes: &[u8], config: &Config) -> Result<(Vec<u8>, BTreeMap<String, usize>), String> {
    let index = Mutex::new(FolderIndex::default());
    let analysed = read_report(name, bytes, config, &index)?;
    if !analysed.origin.is_text_file() {
        return Err(
            "只能修正文本文件（.txt、.md）；Word、PDF 和网页请在原文件中修改（only text files are fixed）".to_string()
        );
    }
    let fixed = nianbao_workspace::fixes::apply_fixes(&analysed, config, None, &index, false)?;
    let encoded = nianbao_workspace::fixes::encode(&fixed.text, &analysed.report.source)
        .map_err(|why| why.pick(config.lang()).to_string())?;
    Ok((encoded, fixed.applied))
}

/// Several reports sent at once (multipart), audited on a blocking thread
/// and written as `nianbao audit` writes them.
async fn audit_reports(
    State(shared): State<Shared>,
    Query(wanted): Query<audit::Wanted>,
    multipart: Result<axum::extract::Multipart, axum::extract::multipart::MultipartRejection>,
) -> Response {
    let Ok(multipart) = multipart else {
        return problem(
            StatusCode::BAD_REQUEST,
            "请以 multipart/form-data 发送报告文件（send the reports as multipart/form-data file parts）",
        );
    };
    let sent = match audit::files(multipart).await {
        Ok(sent) => sent,
        Err((status, why)) => return problem(status, &why),
    };
    let (count, size) = (sent.len(), sent.iter().map(|file| file.bytes.len()).sum::<usize>());
    let config = shared.config.clone();
    let work = tokio::task::spawn_blocking(move || audit::audit(&sent, &config));
    let response = match work.await {
        Ok(audit) => audit::written(&audit, &wanted),
        Err(_) => problem(StatusCode::INTERNAL_SERVER_ERROR, "审查失败（the audit failed）"),
    };
    // How many files and bytes, and the outcome; nothing of what was sent.
    eprintln!("nianbao serve: Audit of {count} files, {size} bytes: {}", response.status().as_u16());
    response
}

/// Checks the body on a blocking thread and answers with the command's JSON.
async fn answer(shared: Shared, named: Named, body: Bytes, what: Answer) -> Response {
    let name = named.filename.unwrap_or_else(|| "report.txt".to_string());
    let size = body.len();
    let work = tokio::task::spawn_blocking(move || checked_json(&name, &body, &shared.config, what));
    let (status, response) = match work.await {
        Ok(Ok(json)) => (StatusCode::OK, ([(header::CONTENT_TYPE, "application/json")], json).into_response()),
        Ok(Err(why)) => (StatusCode::UNPROCESSABLE_ENTITY, problem(StatusCode::UNPROCESSABLE_ENTITY, &why)),
        Err(_) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            problem(StatusCode::INTERNAL_SERVER_ERROR, "检查失败（the check failed）"),
        ),
    };
    // The size and the outcome, nothing of what was sent.
    eprintln!("nianbao serve: {what:?} of {size} bytes: {}", status.as_u16());
    response
}

/// The JSON `nianbao check --format json` (or `export`, or the page's
/// view) gives for one file named `name` holding `bytes`; `Err` says why it
/// cannot be read as a report, as the command says before exiting with 2.
pub fn checked_json(name: &str, bytes: &[u8], config: &Config, what: Answer) -> Result<String, String> {
    if let Answer::View = what {
        let view = view::view(name, bytes, config)?;
        return Ok(serde_json::to_string(&view).expect("serialising plain data cannot fail"));
    }
    let index = Mutex::new(FolderIndex::default());
    let analysed = read_report(name, bytes, config, &index)?;
    let mut checked = analysed.into_checked(name.to_string());
    let report = checked.report.take().expect("a checked file keeps its report");
    Ok(if let Answer::Export = what {
        export::render(&checked, &report)
    } else {
        checked.shed_unshown();
        json::render(std::slice::from_ref(&checked))
    })
}

/// `bytes`, sent as the file `name` (its extension picks the reader), read
/// and checked; `Err` says why it is no report: it cannot be read, or reads
/// as something else. Sent files are compared with nothing on disk.
pub(crate) fn read_report(
    name: &str,
    bytes: &[u8],
    config: &Config,
    index: &Mutex<FolderIndex>,
) -> Result<Analysed, String> {
    let extension = name.rsplit_once('.').map(|(_, extension)| extension);
    let source = Source::Bytes { bytes, format: Format::detect(extension, bytes), file: None };
    let analysed = analyse(source, config, index, None)?;
    if !analysed.is_report {
        return Err(NOT_A_REPORT.to_string());
    }
    Ok(analysed)
}

/// Why a file that reads is still refused.
pub(crate) const NOT_A_REPORT: &str = "不是政府信息公开工作年度报告：未找到标题、法定部分标题或统计表栏目（not an annual report: no title, statutory section heading or table label found）";

/// An error as JSON: `{"error": "…"}`.
fn problem(status: StatusCode, why: &str) -> Response {
    (status, axum::Json(serde_json::json!({ "error": why }))).into_response()
}
