"""A fake OpenAI-compatible chat-completions server on 127.0.0.1, answering from a script, for the LLM tests."""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Step:
    """One scripted answer: HTTP status, body (a dict is sent as JSON), a delay before answering, extra headers."""

    body: Any = None
    status: int = 200
    delay: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)


def completion(claims: list[dict] | None = None, *, content: str | None = None, usage=(120, 30)) -> dict:
    """Return a chat-completions body whose message is the claims as JSON, or the given raw content."""
    message = content if content is not None else json.dumps({"claims": claims or []})
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "model": "fake-model",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": message}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": usage[0], "completion_tokens": usage[1], "total_tokens": sum(usage)},
    }


class FakeLLM:
    """The server's state: the script, the default answer, what it was sent, and how many requests overlapped."""

    def __init__(self) -> None:
        self.script: list[Step] = []
        self.default = Step(completion([]))
        self.responder: Callable[[dict], Step] | None = None  # answers from the request when the script is empty
        self.received: list[dict] = []
        self.lock = threading.Lock()
        self.in_flight = 0
        self.max_in_flight = 0
        self.url = ""

    def answer(self, *steps: Step) -> None:
        """Queue answers, served in order; after them the default answer is served."""
        with self.lock:
            self.script.extend(steps)

    def next_step(self, request: dict) -> Step:
        with self.lock:
            if self.script:
                return self.script.pop(0)
        return self.responder(request) if self.responder else self.default


def _handler(fake: FakeLLM) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body go out in two writes: no 40 ms delayed-ACK stall

        def log_message(self, format, *args) -> None:  # keep the test output quiet
            pass

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            raw = self.rfile.read(length)
            request = {"path": self.path, "headers": dict(self.headers), "json": json.loads(raw or b"null")}
            with fake.lock:
                fake.in_flight += 1
                fake.max_in_flight = max(fake.max_in_flight, fake.in_flight)
                fake.received.append(request)
            try:
                step = fake.next_step(request["json"])
                if step.delay:
                    time.sleep(step.delay)
                body = step.body if isinstance(step.body, str | bytes) else json.dumps(step.body)
                data = body.encode() if isinstance(body, str) else body
                self.send_response(step.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for name, value in step.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up (timeout tests)
                    self.wfile.write(data)
            finally:
                with fake.lock:
                    fake.in_flight -= 1

    return Handler


@contextmanager
def serve_fake_llm() -> Iterator[FakeLLM]:
    """Run a FakeLLM on a free port of 127.0.0.1 in a thread; its url is the /v1 base URL."""
    fake = FakeLLM()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fake))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    fake.url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
