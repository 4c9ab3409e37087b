//! The HTTP API against its router (no socket): answers, errors and limits.
//! `crates/nianbao_cli/tests/serve.rs` runs the real `nianbao serve`.

use std::time::Duration;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use nianbao_server::{Answer, Limits, app, checked_json};
use tower::ServiceExt;

const SEED: &str = include_str!("../../../tests/seeds/002_bf81134e00d6a1b6.txt");

async fn send(limits: &Limits, request: Request<Body>) -> (StatusCode, String, Option<String>) {
    let response = app(limits, nianbao_rules::Config::default()).oneshot(request).await.unwrap();
    let status = response.status();
    let retry = response.headers().get("retry-after").map(|value| value.to_str().unwrap().to_string());
    let body = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap();
    (status, String::from_utf8(body.to_vec()).unwrap(), retry)
}

fn post(uri: &str, body: impl Into<Body>) -> Request<Body> {
    Request::post(uri).body(body.into()).unwrap()
}

#[tokio::test]
async fn check_answers_with_the_json_of_check() {
    let (status, body, _) = send(&Limits::default(), post("/api/check?filename=002.txt", SEED)).await;
    assert_eq!(status, StatusCode::OK);
    let expected = checked_json("002.txt", SEED.as_bytes(), &nianbao_rules::Config::default(), Answer::Check).unwrap();
    assert_eq!(body, expected);
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(json["files"][0]["path"], "002.txt");
    assert!(!json["files"][0]["diagnostics"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn export_answers_with_the_reports_numbers() {
    let (status, body, _) = send(&Limits::default(), post("/api/export?filename=002.txt", SEED)).await;
    assert_eq!(status, StatusCode::OK);
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert!(json["tables"]["table3"]["new_received"]["total"].is_number(), "{body}");
}

/// What cannot be read as a report gets 422 and says why, as `check` does
/// before it exits with 2.
#[tokio::test]
async fn what_is_no_report_gets_422_saying_why() {
    let pdf =
        std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/real/pdf/101_huaian-szf-2024.pdf"))
            .unwrap();
    let truncated = pdf[..pdf.len() / 3].to_vec();
    let cases: [(&str, Vec<u8>, &str); 4] = [
        ("empty.txt", Vec::new(), "not an annual report"),
        ("random.pdf", (0..5000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect(), "PDF"),
        ("truncated.pdf", truncated, "PDF"),
        ("zip.docx", b"PK\x03\x04 not really a zip".to_vec(), "DOCX"),
    ];
    for (name, bytes, why) in cases {
        let (status, body, _) = send(&Limits::default(), post(&format!("/api/check?filename={name}"), bytes)).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{name}: {body}");
        let json: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert!(json["error"].as_str().unwrap().contains(why), "{name}: {body}");
    }
}

#[tokio::test]
async fn a_body_over_the_limit_gets_413() {
    let limits = Limits { max_upload: 1024, ..Limits::default() };
    let (status, _, _) = send(&limits, post("/api/check?filename=big.txt", vec![b'a'; 4096])).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
}

/// A 50 MB body with the default limit (20 MB): 413, read no further.
#[tokio::test]
async fn a_fifty_megabyte_body_gets_413() {
    let (status, body, _) =
        send(&Limits::default(), post("/api/check?filename=big.pdf", vec![b'%'; 50 * 1024 * 1024])).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{body}");
}

/// With no room for another check, a check gets 503 and when to try again;
/// the health check still answers.
#[tokio::test]
async fn a_full_server_says_when_to_retry_and_stays_healthy() {
    let limits = Limits { in_flight: 0, ..Limits::default() };
    let (status, body, retry) = send(&limits, post("/api/check?filename=002.txt", SEED)).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
    assert_eq!(retry.as_deref(), Some("1"));
    let (status, body, _) = send(&limits, Request::get("/healthz").body(Body::empty()).unwrap()).await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "ok"));
}

/// A request that takes longer than the time limit gets 408 (a client that
/// sends its body slowly is one).
#[tokio::test]
async fn a_request_over_the_time_limit_gets_408() {
    let limits = Limits { timeout: Duration::from_millis(50), ..Limits::default() };
    let (sender, body) = tokio::sync::mpsc::channel::<Result<Vec<u8>, std::io::Error>>(1);
    let slow = Body::from_stream(tokio_stream(body));
    let request = Request::post("/api/check?filename=slow.txt").body(slow).unwrap();
    let keep = tokio::spawn(async move {
        let _ = sender.send(Ok(b"a".to_vec())).await;
        tokio::time::sleep(Duration::from_secs(5)).await;
        drop(sender);
    });
    let (status, _, _) = send(&limits, request).await;
    assert_eq!(status, StatusCode::REQUEST_TIMEOUT);
    keep.abort();
}

/// A receiver as a stream of body chunks.
fn tokio_stream(
    mut receiver: tokio::sync::mpsc::Receiver<Result<Vec<u8>, std::io::Error>>,
) -> impl futures_core::Stream<Item = Result<Vec<u8>, std::io::Error>> {
    futures_util::stream::poll_fn(move |context| receiver.poll_recv(context))
}

#[tokio::test]
async fn the_page_and_the_rules() {
    let (status, page, _) = send(&Limits::default(), Request::get("/").body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("年度报告") && page.contains("/api/view"));
    // Nothing is loaded from outside the server.
    assert!(!page.contains("http://") && !page.contains("https://") && !page.contains("src=\""));
    let (status, rules, _) = send(&Limits::default(), Request::get("/api/rules").body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    let rules: serde_json::Value = serde_json::from_str(&rules).unwrap();
    assert_eq!(rules.as_array().unwrap().len(), nianbao_rules::RULES.len());
}

/// A DOCX whose `word/document.xml` unpacks to 80 MB of zeros from a few
/// hundred kilobytes is refused, not unpacked.
#[tokio::test]
async fn a_docx_zip_bomb_is_refused() {
    use std::io::Write;
    let mut bomb = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    bomb.start_file("word/document.xml", options).unwrap();
    let zeros = vec![0u8; 1024 * 1024];
    for _ in 0..80 {
        bomb.write_all(&zeros).unwrap();
    }
    let bytes = bomb.finish().unwrap().into_inner();
    assert!(bytes.len() < 1024 * 1024, "{} bytes", bytes.len());
    let (status, body, _) = send(&Limits::default(), post("/api/check?filename=bomb.docx", bytes)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    // In the server's language: Chinese unless asked otherwise.
    assert!(body.contains("超出 nianbao 读取的上限"), "{body}");
}

/// A thousand checks at once: each gets an answer (200, or 503 with
/// `Retry-After` past the limit), and the health check answers meanwhile.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_requests_at_once_each_get_an_answer() {
    let app = app(&Limits::default(), nianbao_rules::Config::default());
    let checks: Vec<_> = (0..1000)
        .map(|_| {
            let app = app.clone();
            tokio::spawn(async move { app.oneshot(post("/api/check?filename=002.txt", SEED)).await.unwrap().status() })
        })
        .collect();
    let asked = std::time::Instant::now();
    let health = app.clone().oneshot(Request::get("/healthz").body(Body::empty()).unwrap()).await.unwrap();
    assert_eq!(health.status(), StatusCode::OK);
    assert!(asked.elapsed() < Duration::from_secs(1), "the health check waited {:?}", asked.elapsed());
    let mut answered = std::collections::BTreeMap::new();
    for check in checks {
        *answered.entry(check.await.unwrap()).or_insert(0) += 1;
    }
    let other: Vec<_> =
        answered.keys().filter(|status| ![StatusCode::OK, StatusCode::SERVICE_UNAVAILABLE].contains(status)).collect();
    assert!(other.is_empty(), "{answered:?}");
    assert!(answered.get(&StatusCode::OK).is_some_and(|&ok| ok >= 16), "{answered:?}");
}

/// A `multipart/form-data` request to `uri` carrying `files` (name, bytes).
fn multipart(uri: &str, files: &[(&str, &[u8])]) -> Request<Body> {
    const BOUNDARY: &str = "nianbao-test-boundary";
    let mut body = Vec::new();
    for (name, bytes) in files {
        body.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    Request::post(uri)
        .header("content-type", format!("multipart/form-data; boundary={BOUNDARY}"))
        .body(Body::from(body))
        .unwrap()
}

fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(path)).unwrap()
}

#[tokio::test]
async fn several_reports_are_audited_as_the_command_audits_them() {
    let (seed, pdf, scanned) = (
        fixture("tests/seeds/003_be94cdfbcf579bbe.txt"),
        fixture("tests/fixtures/pdf/003.pdf"),
        fixture("tests/fixtures/pdf/scanned.pdf"),
    );
    let files: [(&str, &[u8]); 4] =
        [("003.txt", &seed), ("003.pdf", &pdf), ("scanned.pdf", &scanned), ("002.txt", SEED.as_bytes())];
    let (status, body, _) = send(&Limits::default(), multipart("/api/audit?format=json", &files)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let audit: serde_json::Value = serde_json::from_str(&body).unwrap();
    // The PDF is the text file's report again: one report, counted once.
    let summary = &audit["summary"];
    assert_eq!(
        (summary["files"].as_u64(), summary["reports"].as_u64(), summary["copies"].as_u64()),
        (Some(3), Some(2), Some(1))
    );
    let pdf_row = audit["reports"].as_array().unwrap().iter().find(|row| row["path"] == "003.pdf").unwrap();
    assert_eq!(pdf_row["copy_of"], "003.txt");
    // The scanned PDF is listed with why, in Chinese.
    assert_eq!(audit["unreadable"][0]["path"], "scanned.pdf");
    assert!(audit["unreadable"][0]["reason"].as_str().unwrap().contains("扫描件"));
    // The page by default, with the same data inside; CSV on request.
    let (status, page, _) = send(&Limits::default(), multipart("/api/audit", &files)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.starts_with("<!DOCTYPE html>") && page.contains("id=\"audit-data\""), "{}", &page[..200]);
    let (_, csv, _) = send(&Limits::default(), multipart("/api/audit?format=csv", &files)).await;
    assert!(csv.starts_with("\u{feff}文件,机关"));
    assert_eq!(csv.lines().count(), 1 + 3 + 1);
}

#[tokio::test]
async fn an_audit_without_files_says_what_it_needs() {
    let (status, body, _) = send(&Limits::default(), post("/api/audit", SEED)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("multipart/form-data"), "{body}");
    let (status, body, _) = send(&Limits::default(), multipart("/api/audit", &[])).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("没有收到文件"), "{body}");
}

#[tokio::test]
async fn a_fixed_file_comes_back_in_its_own_encoding() {
    let gbk = fixture("tests/fixtures/formats/002-gb18030.txt");
    let response = app(&Limits::default(), nianbao_rules::Config::default())
        .oneshot(post("/api/fix?filename=002.txt", gbk.clone()))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let applied = response.headers()["x-fixes-applied"].to_str().unwrap().to_string();
    assert!(applied.contains("F008="), "{applied}");
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap();
    // GB18030 still, not UTF-8; the same text as the UTF-8 file fixed.
    assert!(std::str::from_utf8(&bytes).is_err());
    let (fixed, _, _) = encoding_rs::GB18030.decode(&bytes);
    let (_, utf8, _) = send(&Limits::default(), post("/api/view?filename=002.txt", SEED)).await;
    let view: serde_json::Value = serde_json::from_str(&utf8).unwrap();
    assert_eq!(fixed, view["fixed"]["text"].as_str().unwrap());
    let (_, gbk_view, _) = send(&Limits::default(), post("/api/view?filename=002.txt", gbk)).await;
    let gbk_view: serde_json::Value = serde_json::from_str(&gbk_view).unwrap();
    assert_eq!(gbk_view["fixed"]["encoding"], "GB18030");
    // A UTF-8 file with a byte-order mark keeps it.
    let bom = [b"\xEF\xBB\xBF".as_slice(), SEED.as_bytes()].concat();
    let (_, bom_view, _) = send(&Limits::default(), post("/api/view?filename=002.txt", bom.clone())).await;
    let bom_view: serde_json::Value = serde_json::from_str(&bom_view).unwrap();
    assert_eq!(bom_view["fixed"]["encoding"], "UTF-8 BOM");
    let response = app(&Limits::default(), nianbao_rules::Config::default())
        .oneshot(post("/api/fix?filename=002.txt", bom))
        .await
        .unwrap();
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    // A Word file is fixed in Word.
    let docx = fixture("tests/fixtures/docx/003-broken.docx");
    let (status, body, _) = send(&Limits::default(), post("/api/fix?filename=003.docx", docx)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("只能修正文本文件"), "{body}");
}

#[tokio::test]
async fn an_audit_past_the_body_limit_gets_413_saying_the_files_in_all() {
    let small = Limits { max_upload: 4_000, ..Limits::default() };
    let files: [(&str, &[u8]); 1] = [("002.txt", SEED.as_bytes())];
    let (status, body, _) = send(&small, multipart("/api/audit", &files)).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{body}");
    assert!(body.contains("所传文件合计超过"), "{body}");
}
