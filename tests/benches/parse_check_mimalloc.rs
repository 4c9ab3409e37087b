// `parse_check` with the allocator of the `nianbao` binary (mimalloc).
// Run both: `cargo bench -p tests`.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

include!("parse_check.rs");
