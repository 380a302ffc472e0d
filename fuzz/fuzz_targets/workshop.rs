//! Fuzz target: any bytes as a workshop plan (parse and validate).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    collector_dojo::fuzzing::workshop(data);
});
