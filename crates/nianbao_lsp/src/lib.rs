//! The nianbao language server, served over stdio by `nianbao lsp`.
//!
//! - `document` — the text of open documents (ropey), edited incrementally.
//! - `from_proto` / `to_proto` — the only code that knows protocol
//!   coordinates and types' shapes: encodings, positions, ranges, diagnostics.
//! - `analysis` — one version of a document, parsed and checked (panics caught).
//! - `features` — hover, inlay sums, outline, folding, code actions: pure.
//! - `server` — state, debounced lint jobs, handlers.
//!
//! Configuration, the folder index of last year's reports and the pipeline
//! from a document to its findings are `nianbao_workspace`'s, shared with
//! the CLI.
//!
//! stdout carries only JSON-RPC; logs go to stderr and `window/logMessage`.

pub mod analysis;
pub mod document;
pub mod features;
pub mod from_proto;
mod server;
pub mod settings;
pub mod to_proto;

pub use server::Backend;

/// Serves the protocol over stdin/stdout until the client exits.
pub fn run_stdio() -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build()?;
    runtime.block_on(serve(tokio::io::stdin(), tokio::io::stdout()));
    Ok(())
}

/// Serves the protocol over any byte streams until the client exits or
/// `input` ends: stdio for `nianbao lsp`, in-memory pipes for the fuzzer.
pub async fn serve<I, O>(input: I, output: O)
where
    I: tokio::io::AsyncRead + Unpin,
    O: tokio::io::AsyncWrite,
{
    let (service, socket) = tower_lsp_server::LspService::new(Backend::new);
    tower_lsp_server::Server::new(input, output, socket).serve(service).await;
}
