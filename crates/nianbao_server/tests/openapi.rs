//! `/api/openapi.json` says what the server answers: each route it lists is
//! a route of the server, and real answers match the schemas it gives them.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use nianbao_server::{Limits, OPENAPI, app};
use serde_json::Value;
use tower::ServiceExt;

const SEED: &str = include_str!("../../../tests/seeds/002_bf81134e00d6a1b6.txt");

async fn send(limits: &Limits, request: Request<Body>) -> (StatusCode, Value) {
    let response = app(limits, nianbao_rules::Config::default()).oneshot(request).await.unwrap();
    let status = response.status();
    let body = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap();
    (status, serde_json::from_slice(&body).unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&body).into())))
}

/// Follows a `$ref` into the document.
fn resolve<'a>(document: &'a Value, schema: &'a Value) -> &'a Value {
    match schema.get("$ref").and_then(Value::as_str) {
        Some(reference) => {
            let pointer = reference.trim_start_matches('#');
            resolve(document, document.pointer(pointer).unwrap_or_else(|| panic!("no {reference}")))
        }
        None => schema,
    }
}

/// The subset of JSON Schema the document uses: type, required, properties,
/// items, enum, const, $ref. Returns what does not match, with where.
fn mismatches(document: &Value, schema: &Value, value: &Value, at: &str, out: &mut Vec<String>) {
    let schema = resolve(document, schema);
    if let Some(kind) = schema.get("type").and_then(Value::as_str) {
        let fits = match kind {
            "object" => value.is_object(),
            "array" => value.is_array(),
            "string" => value.is_string(),
            "integer" => value.is_i64() || value.is_u64(),
            "number" => value.is_number(),
            "boolean" => value.is_boolean(),
            other => panic!("{at}: type {other} not handled"),
        };
        if !fits {
            out.push(format!("{at}: not a {kind}: {value}"));
            return;
        }
    }
    if let Some(allowed) = schema.get("enum").and_then(Value::as_array)
        && !allowed.contains(value)
    {
        out.push(format!("{at}: {value} is none of {allowed:?}"));
    }
    if let Some(constant) = schema.get("const")
        && constant != value
    {
        out.push(format!("{at}: {value} is not {constant}"));
    }
    for key in schema.get("required").and_then(Value::as_array).into_iter().flatten() {
        let key = key.as_str().unwrap();
        if value.get(key).is_none() {
            out.push(format!("{at}: no {key}"));
        }
    }
    if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
        for (key, property) in properties {
            if let Some(inner) = value.get(key) {
                mismatches(document, property, inner, &format!("{at}.{key}"), out);
            }
        }
    }
    if let (Some(items), Some(array)) = (schema.get("items"), value.as_array()) {
        for (index, item) in array.iter().enumerate() {
            mismatches(document, items, item, &format!("{at}[{index}]"), out);
        }
    }
}

/// The schema the document gives `path`'s `method` for `status`.
fn response_schema<'a>(document: &'a Value, path: &str, method: &str, status: StatusCode) -> &'a Value {
    let operation = &document["paths"][path][method];
    let response = resolve(document, &operation["responses"][status.as_str()]);
    assert!(!response.is_null(), "{method} {path} does not list {status}");
    let content = &response["content"];
    content["application/json"]["schema"]
        .as_object()
        .map(|_| &content["application/json"]["schema"])
        .or_else(|| content["text/plain"]["schema"].as_object().map(|_| &content["text/plain"]["schema"]))
        .unwrap_or_else(|| panic!("{method} {path} {status}: no schema"))
}

fn check_answer(document: &Value, path: &str, method: &str, status: StatusCode, body: &Value) {
    let schema = response_schema(document, path, method, status);
    let mut out = Vec::new();
    mismatches(document, schema, body, &format!("{method} {path} {status}"), &mut out);
    assert!(out.is_empty(), "{out:#?}");
}

#[tokio::test]
async fn real_answers_match_the_document() {
    let document: Value = serde_json::from_str(OPENAPI).unwrap();
    let limits = Limits::default();
    // The document the server serves is this one.
    let (status, served) = send(&limits, Request::get("/api/openapi.json").body(Body::empty()).unwrap()).await;
    assert_eq!((status, &served), (StatusCode::OK, &document));
    check_answer(&document, "/api/openapi.json", "get", status, &served);

    let (status, body) = send(&limits, Request::get("/healthz").body(Body::empty()).unwrap()).await;
    check_answer(&document, "/healthz", "get", status, &body);
    let (status, body) = send(&limits, Request::get("/api/rules").body(Body::empty()).unwrap()).await;
    check_answer(&document, "/api/rules", "get", status, &body);
    let (status, body) = send(&limits, Request::get("/api/limits").body(Body::empty()).unwrap()).await;
    check_answer(&document, "/api/limits", "get", status, &body);
    assert_eq!(body["max_upload"], limits.max_upload);
    assert_eq!(body["timeout_seconds"], limits.timeout.as_secs());
    for path in ["/api/check", "/api/export", "/api/view"] {
        let report = Request::post(format!("{path}?filename=002.txt")).body(Body::from(SEED)).unwrap();
        let (status, body) = send(&limits, report).await;
        assert_eq!(status, StatusCode::OK);
        check_answer(&document, path, "post", status, &body);
        let empty = Request::post(format!("{path}?filename=empty.txt")).body(Body::empty()).unwrap();
        let (status, body) = send(&limits, empty).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        check_answer(&document, path, "post", status, &body);
        let full = Limits { in_flight: 0, ..Limits::default() };
        let busy = Request::post(format!("{path}?filename=002.txt")).body(Body::from(SEED)).unwrap();
        let (status, body) = send(&full, busy).await;
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
        check_answer(&document, path, "post", status, &body);
    }
}

#[tokio::test]
async fn an_audits_answers_match_the_document() {
    let document: Value = serde_json::from_str(OPENAPI).unwrap();
    let limits = Limits::default();
    let body = format!(
        "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"002.txt\"\r\n\r\n{SEED}\r\n--b--\r\n"
    );
    let request = Request::post("/api/audit?format=json")
        .header("content-type", "multipart/form-data; boundary=b")
        .body(Body::from(body))
        .unwrap();
    let (status, answer) = send(&limits, request).await;
    assert_eq!(status, StatusCode::OK);
    check_answer(&document, "/api/audit", "post", status, &answer);
    let (status, answer) = send(&limits, Request::post("/api/audit").body(Body::from(SEED)).unwrap()).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    check_answer(&document, "/api/audit", "post", status, &answer);
}

/// Every route the document lists answers (no 404), and the server has no
/// route the document does not list.
#[tokio::test]
async fn the_document_lists_the_routes() {
    let document: Value = serde_json::from_str(OPENAPI).unwrap();
    let listed: Vec<&String> = document["paths"].as_object().unwrap().keys().collect();
    for path in &listed {
        let method = document["paths"][path.as_str()].as_object().unwrap().keys().next().unwrap().to_uppercase();
        let request = Request::builder().method(method.as_str()).uri(path.as_str()).body(Body::from(SEED)).unwrap();
        let (status, _) = send(&Limits::default(), request).await;
        assert_ne!(status, StatusCode::NOT_FOUND, "{method} {path}");
    }
    let mut expected = vec![
        "/api/check",
        "/api/export",
        "/api/view",
        "/api/audit",
        "/api/fix",
        "/api/openapi.json",
        "/api/rules",
        "/api/limits",
        "/healthz",
    ];
    expected.sort_unstable();
    let mut listed: Vec<&str> = listed.iter().map(|path| path.as_str()).collect();
    listed.sort_unstable();
    assert_eq!(listed, expected);
}
