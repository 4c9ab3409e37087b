// `profile_loop` with the allocator of the `nianbao` binary (mimalloc), for
// instruction counts of what the binary runs.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

include!("profile_loop.rs");
