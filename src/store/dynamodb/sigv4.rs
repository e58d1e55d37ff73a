//! AWS Signature Version 4 for one JSON POST, hand-written on `ring` (the
//! crypto provider the `https` client already links for TLS).
//!
//! The whole algorithm DynamoDB needs is a canonical request, a string to
//! sign and four chained HMACs; the `aws-sigv4` crate brings the AWS SDK's
//! runtime types for it (see the README's persistence section for figures).

use std::time::SystemTime;

use ring::digest::{SHA256, digest};
use ring::hmac;

/// Static credentials, as Lambda gives them in its environment.
#[derive(Clone)]
pub(crate) struct Credentials {
    pub access_key_id: String,
    pub secret_access_key: String,
    pub session_token: Option<String>,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("access_key_id", &self.access_key_id)
            .finish_non_exhaustive()
    }
}

/// What to sign: one request.
pub(crate) struct Request<'a> {
    pub method: &'a str,
    pub path: &'a str,
    /// Lowercase names, sorted by name, values trimmed; `host` and
    /// `x-amz-date` included. These are exactly the headers signed.
    pub headers: &'a [(&'a str, &'a str)],
    pub body: &'a [u8],
}

/// The `Authorization` header value for `request`, signed at `amz_date`
/// (`YYYYMMDD'T'HHMMSS'Z'`).
pub(crate) fn authorization(
    credentials: &Credentials,
    region: &str,
    service: &str,
    amz_date: &str,
    request: &Request<'_>,
) -> String {
    let date = &amz_date[..8.min(amz_date.len())];
    let mut canonical = String::with_capacity(512);
    canonical.push_str(request.method);
    canonical.push('\n');
    canonical.push_str(request.path);
    canonical.push_str("\n\n"); // no query string
    let mut signed = String::with_capacity(96);
    for (i, (name, value)) in request.headers.iter().enumerate() {
        canonical.push_str(name);
        canonical.push(':');
        canonical.push_str(value);
        canonical.push('\n');
        if i > 0 {
            signed.push(';');
        }
        signed.push_str(name);
    }
    canonical.push('\n');
    canonical.push_str(&signed);
    canonical.push('\n');
    canonical.push_str(&hex(digest(&SHA256, request.body).as_ref()));

    let scope = format!("{date}/{region}/{service}/aws4_request");
    let to_sign = format!(
        "AWS4-HMAC-SHA256\n{amz_date}\n{scope}\n{}",
        hex(digest(&SHA256, canonical.as_bytes()).as_ref())
    );
    let mut key = format!("AWS4{}", credentials.secret_access_key).into_bytes();
    for part in [date, region, service, "aws4_request"] {
        key = sign(&key, part.as_bytes());
    }
    let signature = hex(&sign(&key, to_sign.as_bytes()));
    format!(
        "AWS4-HMAC-SHA256 Credential={}/{scope}, SignedHeaders={signed}, Signature={signature}",
        credentials.access_key_id
    )
}

fn sign(key: &[u8], data: &[u8]) -> Vec<u8> {
    hmac::sign(&hmac::Key::new(hmac::HMAC_SHA256, key), data)
        .as_ref()
        .to_vec()
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    s
}

/// `time` as `YYYYMMDD'T'HHMMSS'Z'` (UTC).
pub(crate) fn amz_date(time: SystemTime) -> String {
    let t = crate::slots::utc(time);
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        t.year, t.month, t.day, t.hour, t.minute, t.second
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, UNIX_EPOCH};

    /// The `get-vanilla` case of AWS's published SigV4 test suite.
    #[test]
    fn aws_test_suite_get_vanilla() {
        let credentials = Credentials {
            access_key_id: "AKIDEXAMPLE".into(),
            secret_access_key: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY".into(),
            session_token: None,
        };
        let request = Request {
            method: "GET",
            path: "/",
            headers: &[
                ("host", "example.amazonaws.com"),
                ("x-amz-date", "20150830T123600Z"),
            ],
            body: b"",
        };
        assert_eq!(
            authorization(
                &credentials,
                "us-east-1",
                "service",
                "20150830T123600Z",
                &request
            ),
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, \
             SignedHeaders=host;x-amz-date, \
             Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"
        );
    }

    #[test]
    fn dates() {
        assert_eq!(amz_date(UNIX_EPOCH), "19700101T000000Z");
        let t = UNIX_EPOCH + Duration::from_secs(1_440_938_160); // 2015-08-30 12:36:00
        assert_eq!(amz_date(t), "20150830T123600Z");
        let leap = UNIX_EPOCH + Duration::from_secs(951_825_599); // 2000-02-29 11:59:59
        assert_eq!(amz_date(leap), "20000229T115959Z");
    }
}
