#!/usr/bin/env python3
"""TEMPORARY fallback until tests/lambda_package.rs (the project's Runtime API emulator) exists.

Runs a packaged `bootstrap` against a minimal Lambda Runtime API on 127.0.0.1, hands it one Alexa
LaunchRequest and checks that it posts back a JSON Alexa response.

Usage: runtime_api_standin.py [--runner CMD] [--timeout SECONDS] BOOTSTRAP

--runner prefixes the command, e.g. `qemu-aarch64` for an arm64 bootstrap on an x86_64 host.
"""

import argparse
import json
import shlex
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

REQUEST_ID = "8f4a5e1c-0000-4000-8000-00000000c0de"
EVENT = {
    "version": "1.0",
    "session": {
        "new": True,
        "sessionId": "amzn1.echo-api.session.standin",
        "application": {"applicationId": "amzn1.ask.skill.00000000-0000-0000-0000-000000000000"},
        "user": {"userId": "amzn1.ask.account.standin"},
    },
    "context": {
        "System": {
            "application": {"applicationId": "amzn1.ask.skill.00000000-0000-0000-0000-000000000000"},
            "user": {"userId": "amzn1.ask.account.standin"},
            "device": {"deviceId": "amzn1.ask.device.standin", "supportedInterfaces": {}},
            "apiEndpoint": "https://api.amazonalexa.com",
        }
    },
    "request": {
        "type": "LaunchRequest",
        "requestId": "amzn1.echo-api.request.standin",
        "timestamp": "2024-01-01T00:00:00Z",
        "locale": "en-US",
    },
}


class State:
    def __init__(self) -> None:
        self.served = False
        self.result: tuple[str, bytes] | None = None
        self.done = threading.Event()


def make_handler(state: State):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, fmt, *args):  # keep CI output short
            pass

        def reply(self, code: int, body: bytes, headers: dict[str, str] | None = None) -> None:
            self.send_response(code)
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            if self.path != "/2018-06-01/runtime/invocation/next":
                self.reply(404, b'{"errorMessage":"unknown path"}')
                return
            if state.served:
                # One event only: park the second /next until the check has its answer and stops.
                state.done.wait(60)
                self.reply(410, b"{}")
                return
            state.served = True
            deadline = int(time.time() * 1000) + 7000
            self.reply(200, json.dumps(EVENT).encode(), {
                "Lambda-Runtime-Aws-Request-Id": REQUEST_ID,
                "Lambda-Runtime-Deadline-Ms": str(deadline),
                "Lambda-Runtime-Invoked-Function-Arn":
                    "arn:aws:lambda:us-east-1:123456789012:function:hello-world",
                "Lambda-Runtime-Trace-Id": "Root=1-00000000-000000000000000000000000;Sampled=0",
            })

        def do_POST(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length)
            prefix = "/2018-06-01/runtime/"
            kind = self.path[len(prefix):] if self.path.startswith(prefix) else self.path
            self.reply(202, b'{"status":"OK"}')
            state.result = (kind, body)
            state.done.set()

    return Handler


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runner", default="")
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("bootstrap")
    args = ap.parse_args()

    state = State()
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(state))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    api = f"127.0.0.1:{server.server_address[1]}"

    cmd = shlex.split(args.runner) + [args.bootstrap]
    env = {
        "AWS_LAMBDA_RUNTIME_API": api,
        "AWS_LAMBDA_FUNCTION_NAME": "hello-world",
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "128",
        "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
        "AWS_REGION": "us-east-1",
        "_HANDLER": "bootstrap",
        "PATH": "/usr/bin:/bin",
    }
    started = time.monotonic()
    try:
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    except OSError as e:
        print(f"FAIL  {' '.join(cmd)}: cannot start: {e}")
        server.shutdown()
        return 1
    got = state.done.wait(args.timeout)
    elapsed = time.monotonic() - started
    proc.kill()
    output = proc.communicate()[0].decode("utf-8", "replace")
    server.shutdown()

    label = " ".join(cmd)
    if not got or state.result is None:
        print(f"FAIL  {label}: no answer within {args.timeout:.0f} s (exit {proc.returncode})\n{output}")
        return 1
    kind, body = state.result
    if kind != f"invocation/{REQUEST_ID}/response":
        print(f"FAIL  {label}: posted to {kind}: {body[:500]!r}\n{output}")
        return 1
    try:
        answer = json.loads(body)
    except ValueError as e:
        print(f"FAIL  {label}: response is not JSON ({e}): {body[:500]!r}")
        return 1
    if answer.get("version") != "1.0" or not isinstance(answer.get("response"), dict):
        print(f"FAIL  {label}: not an Alexa response envelope: {body[:500]!r}")
        return 1
    print(f"ok    {label}: answered the LaunchRequest in {elapsed * 1000:.0f} ms "
          f"(process start included)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
