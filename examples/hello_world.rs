// PLACEHOLDER for the deploy work (issue 7): the integrator replaces this file with the real hello-world skill.
//! Minimal std-only Lambda Runtime API client: fetches invocations and answers each with a fixed Alexa
//! response, so that the packaging pipeline (`make package`, `scripts/ci-package-check.sh`) has a binary to
//! build, inspect and run before the real example lands.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::ExitCode;

const RESPONSE: &str = r#"{"version":"1.0","response":{"outputSpeech":{"type":"PlainText","text":"Hello World!"},"shouldEndSession":true}}"#;

fn main() -> ExitCode {
    let Ok(api) = std::env::var("AWS_LAMBDA_RUNTIME_API") else {
        eprintln!(
            "AWS_LAMBDA_RUNTIME_API is not set: this placeholder only runs as a Lambda bootstrap"
        );
        return ExitCode::FAILURE;
    };
    let host = api
        .trim_start_matches("http://")
        .split('/')
        .next()
        .unwrap_or_default()
        .to_owned();
    // `MAX_INVOCATIONS` lets a test stop the loop; Lambda never sets it.
    let max: Option<u64> = std::env::var("MAX_INVOCATIONS")
        .ok()
        .and_then(|v| v.parse().ok());
    let mut served = 0u64;
    while max.is_none_or(|m| served < m) {
        if let Err(e) = serve_one(&host) {
            eprintln!("runtime api error: {e}");
            return ExitCode::FAILURE;
        }
        served += 1;
    }
    ExitCode::SUCCESS
}

fn serve_one(host: &str) -> std::io::Result<()> {
    let (headers, _event) = request(host, "GET", "/2018-06-01/runtime/invocation/next", "")?;
    let id = headers
        .iter()
        .find_map(|(k, v)| {
            k.eq_ignore_ascii_case("lambda-runtime-aws-request-id")
                .then(|| v.clone())
        })
        .ok_or_else(|| std::io::Error::other("missing Lambda-Runtime-Aws-Request-Id"))?;
    request(
        host,
        "POST",
        &format!("/2018-06-01/runtime/invocation/{id}/response"),
        RESPONSE,
    )?;
    Ok(())
}

/// Response headers and body of one Runtime API call.
type Reply = (Vec<(String, String)>, Vec<u8>);

fn request(host: &str, method: &str, path: &str, body: &str) -> std::io::Result<Reply> {
    let mut stream = TcpStream::connect(host)?;
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {host}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )?;
    let mut reader = BufReader::new(stream);
    let mut status = String::new();
    reader.read_line(&mut status)?;
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = line.split_once(':') {
            headers.push((k.trim().to_owned(), v.trim().to_owned()));
        }
    }
    let mut body = Vec::new();
    reader.read_to_end(&mut body)?;
    let code = status.split_whitespace().nth(1).unwrap_or_default();
    if !code.starts_with('2') {
        return Err(std::io::Error::other(format!(
            "{method} {path}: {}",
            status.trim()
        )));
    }
    Ok((headers, body))
}
