//! A scripted xAPI endpoint on 127.0.0.1 for tests: answers the statuses it is given, in
//! order, and keeps the requests it got.

use serde_json::Value;
use std::io::{BufRead, BufReader, Read as _, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// One request the test server got.
#[derive(Debug, Clone)]
pub(crate) struct Got {
    pub(crate) method: String,
    pub(crate) path: String,
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) body: Vec<u8>,
}

impl Got {
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub(crate) fn statements(&self) -> Vec<Value> {
        serde_json::from_slice::<Vec<Value>>(&self.body).expect("a JSON array")
    }
}

/// A one-connection-per-request HTTP/1.1 server on 127.0.0.1: answers the scripted
/// statuses in order (a 200 with the posted ids, others with the given body), records the
/// requests, and stops listening after the last.
pub(crate) fn serve(script: Vec<(u16, &'static str)>) -> (String, Arc<Mutex<Vec<Got>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}/xapi", listener.local_addr().expect("addr"));
    let got = Arc::new(Mutex::new(Vec::new()));
    let log = Arc::clone(&got);
    std::thread::spawn(move || {
        for (status, body) in script {
            let Ok((stream, _)) = listener.accept() else {
                return;
            };
            let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
            let mut reader = BufReader::new(stream);
            let mut line = String::new();
            let _ = reader.read_line(&mut line);
            let mut parts = line.split_whitespace();
            let method = parts.next().unwrap_or_default().to_string();
            let path = parts.next().unwrap_or_default().to_string();
            let mut headers = Vec::new();
            loop {
                let mut h = String::new();
                if reader.read_line(&mut h).unwrap_or(0) == 0 || h.trim().is_empty() {
                    break;
                }
                if let Some((k, v)) = h.split_once(':') {
                    headers.push((k.trim().to_string(), v.trim().to_string()));
                }
            }
            let length = headers
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
                .and_then(|(_, v)| v.parse().ok())
                .unwrap_or(0);
            let mut stream = reader.get_ref().try_clone().expect("clone");
            if headers.iter().any(|(k, v)| {
                k.eq_ignore_ascii_case("expect") && v.eq_ignore_ascii_case("100-continue")
            }) {
                let _ = stream.write_all(b"HTTP/1.1 100 Continue\r\n\r\n");
            }
            let mut request_body = vec![0; length];
            let _ = reader.read_exact(&mut request_body);
            let answer = if status == 200 {
                let ids: Vec<Value> = serde_json::from_slice::<Vec<Value>>(&request_body)
                    .unwrap_or_default()
                    .iter()
                    .map(|s| s["id"].clone())
                    .collect();
                Value::Array(ids).to_string()
            } else {
                body.to_string()
            };
            let _ = write!(
                stream,
                "HTTP/1.1 {status} Scripted\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{answer}",
                answer.len()
            );
            let _ = stream.flush();
            log.lock().expect("log").push(Got {
                method,
                path,
                headers,
                body: request_body,
            });
        }
    });
    (url, got)
}
