"""The errors a generated client raises.

    APIError
    ├── APIStatusError            the server answered with a status the call does not succeed on
    │   ├── BadRequestError            400
    │   ├── AuthenticationError        401
    │   ├── PermissionDeniedError      403
    │   ├── NotFoundError              404
    │   ├── ConflictError              409
    │   ├── UnprocessableEntityError   422
    │   ├── RateLimitError             429
    │   └── InternalServerError        5xx
    ├── APIConnectionError        no answer: the connection failed (refused, name not resolved, ...)
    │   └── APITimeoutError       no answer in time
    ├── APIResponseError          a 2xx answer the client cannot read (.status_code, .content_type, .excerpt)
    ├── ClientConfigError         the client cannot be built as asked (also a ValueError)
    │   └── MissingCredentialsError    no credential given nor in the environment
    ├── TokenExchangeError        the API key could not be traded for a token
    ├── PollTimeoutError          a run was still pending at the wait's deadline
    └── RunFailedError            a run ended in a failure state (with raise_on_failure=True)

Each status error carries the status, the response headers, the request id and the vendor's
error body parsed into its spec model (or the raw JSON when it does not fit). Messages name the
status and the vendor's own message, or what failed and where (`connection refused: 127.0.0.1:1`,
`name not resolved: api.example.invalid`), never a credential: URLs are shown without their query
values or passwords, and body excerpts without anything that looks like a key or token.
"""

from __future__ import annotations

from typing import Any

import httpx

from generator.runtime._redact import redact_text

_REQUEST_ID_HEADERS = ("x-request-id", "request-id", "x-amzn-requestid", "x-correlation-id", "cf-ray")
_MAX_MESSAGE = 200
EXCERPT = 200
"""How much of an unreadable body an APIResponseError keeps."""


def request_id(response: httpx.Response) -> str | None:
    """The server's id of the request, from the first header of the usual names that is present."""
    return next((response.headers[h] for h in _REQUEST_ID_HEADERS if h in response.headers), None)


class APIError(Exception):
    """Base class of every error a generated client raises."""

    def __init__(self, message: str, *, request: httpx.Request | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.request = request


class APIConnectionError(APIError):
    def __init__(self, message: str = "Connection error.", *, request: httpx.Request | None = None) -> None:
        super().__init__(message, request=request)


class APITimeoutError(APIConnectionError):
    def __init__(self, message: str = "Request timed out.", *, request: httpx.Request | None = None) -> None:
        super().__init__(message, request=request)


class APIResponseError(APIError):
    """A successful status whose body the client cannot read: empty, not JSON, or not the spec's model."""

    def __init__(self, message: str, *, response: httpx.Response) -> None:
        super().__init__(message, request=response.request)
        self.response = response
        self.status_code = response.status_code
        self.content_type: str | None = response.headers.get("content-type")
        self.excerpt = redact_text(response.content[: EXCERPT * 4].decode("utf-8", errors="replace"))[:EXCERPT]
        """The first 200 characters of the body, with anything that looks like a secret redacted."""


class ClientConfigError(APIError, ValueError):
    """The client cannot be built as asked: a base URL it cannot call, a missing setting."""


class MissingCredentialsError(ClientConfigError):
    """No credential was given (nor is one in the environment variable the client reads), or none of an
    operation's security alternatives can be satisfied with those given."""


class TokenExchangeError(APIError):
    """The exchange of the API key for a token was refused or answered without a token."""

    def __init__(self, message: str, *, status_code: int | None = None, body: Any = None) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.body = body


class PollTimeoutError(APIError):
    """The deadline passed while the run was still pending; `last` is the last state read."""

    def __init__(self, message: str, *, last: Any, status: Any, elapsed: float) -> None:
        super().__init__(message)
        self.last = last
        self.status = status
        self.elapsed = elapsed


class RunFailedError(APIError):
    """The run ended in a failure state; `run` is its final state."""

    def __init__(self, message: str, *, run: Any, status: Any) -> None:
        super().__init__(message)
        self.run = run
        self.status = status


class APIStatusError(APIError):
    def __init__(self, message: str, *, response: httpx.Response, body: Any) -> None:
        super().__init__(message, request=response.request)
        self.response = response
        self.status_code = response.status_code
        self.headers = response.headers
        self.body = body
        self.request_id = request_id(response)


class BadRequestError(APIStatusError):
    pass


class AuthenticationError(APIStatusError):
    pass


class PermissionDeniedError(APIStatusError):
    pass


class NotFoundError(APIStatusError):
    pass


class ConflictError(APIStatusError):
    pass


class UnprocessableEntityError(APIStatusError):
    pass


class RateLimitError(APIStatusError):
    """429. `retry_after` is the wait the server asked for, in seconds, when it said."""

    retry_after: float | None = None


class InternalServerError(APIStatusError):
    pass


_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def error_class(status: int) -> type[APIStatusError]:
    """The error class an unsuccessful status raises."""
    cls = _BY_STATUS.get(status)
    if cls is None:
        cls = InternalServerError if status >= 500 else APIStatusError
    return cls


def status_error(response: httpx.Response, body: Any, raw: Any) -> APIStatusError:
    """The error for an unsuccessful response, with the vendor's message when it has one."""
    cls = error_class(response.status_code)
    detail = vendor_message(raw)
    reason = response.reason_phrase or "error"
    message = f"{response.status_code} {reason}" + (f": {detail}" if detail else "")
    return cls(message, response=response, body=body)


def vendor_message(raw: Any) -> str:
    """The human part of an error body, whatever the vendor calls it, shortened."""
    text = ""
    if isinstance(raw, dict):
        for key in ("message", "detail", "error", "error_description", "title"):
            if isinstance(raw.get(key), str) and raw[key]:
                text = raw[key]
                break
    elif isinstance(raw, list) and raw and isinstance(raw[0], dict) and isinstance(raw[0].get("message"), str):
        text = raw[0]["message"] + (f" (+{len(raw) - 1} more)" if len(raw) > 1 else "")
    text = redact_text(" ".join(text.split()))
    return text if len(text) <= _MAX_MESSAGE else text[: _MAX_MESSAGE - 1] + "…"


def response_error(response: httpx.Response, reason: str) -> APIResponseError:
    """The error for a 2xx answer the client cannot read, saying why, what it was and how it began."""
    error = APIResponseError("", response=response)
    kind = error.content_type or "no content type"
    begins = f": {error.excerpt!r}" if error.excerpt else ""
    error.message = f"{response.status_code} ({kind}): {reason}{begins}"
    error.args = (error.message,)
    return error


def with_retry_after(error: APIStatusError, seconds: float | None) -> APIStatusError:
    """A rate-limit error that says how long the server asked to wait."""
    if isinstance(error, RateLimitError):
        error.retry_after = seconds
        if seconds is not None:
            error.message = f"{error.message}; retry after {seconds:g} s"
            error.args = (error.message,)
    return error
