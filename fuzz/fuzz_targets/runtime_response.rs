//! Any bytes as what the Runtime API answers on the keep-alive connection:
//! the reader returns responses or an error, with bounded memory (bodies at
//! most 32 MiB, heads at most 64 KB), never a panic. The first byte picks the
//! read buffer's size, so that lines and chunks split at every boundary.

#![no_main]

use libfuzzer_sys::fuzz_target;

thread_local! {
    static RUNTIME: tokio::runtime::Runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("runtime");
}

fuzz_target!(|data: &[u8]| {
    let Some((&first, bytes)) = data.split_first() else {
        return;
    };
    let buffer = usize::from(first % 64) + 1;
    RUNTIME.with(|rt| {
        rt.block_on(alexa_kit::lambda::fuzzing::read_responses(bytes, buffer));
    });
});
