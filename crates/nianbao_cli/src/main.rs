//! The `nianbao` binary.

fn main() -> std::process::ExitCode {
    nianbao_cli::run(std::env::args_os())
}
