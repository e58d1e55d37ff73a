//! Any bytes into `RequestEnvelope::from_slice`: a value or a clean, bounded
//! error, never a panic; a parsed envelope serializes again.

#![no_main]

use alexa_kit::model::RequestEnvelope;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match RequestEnvelope::from_slice(data) {
        Ok(envelope) => {
            serde_json::to_vec(&envelope).expect("a parsed envelope serializes");
        }
        Err(err) => {
            assert_eq!(err.kind(), alexa_kit::ErrorKind::InvalidRequest);
            // Error messages are cut at 8 KB (plus the marker).
            assert!(err.to_string().len() < 8 * 1024 + 64);
        }
    }
});
