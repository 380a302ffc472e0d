//! Fuzz target: any bytes as a scenario file (parse, validate, play, explore when small).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    collector_dojo::fuzzing::scenario(data);
});
