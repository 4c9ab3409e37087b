//! The `nianbao` binary.

/// The binary (CLI and language server) allocates with mimalloc: parsing
/// allocates for labels, headers, rows and paragraphs, and glibc's malloc and
/// free were a fifth of the time of `nianbao check`. The library crates leave the choice to
/// whoever embeds them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    nianbao_cli::run(std::env::args_os())
}
