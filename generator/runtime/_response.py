"""What `client.with_raw_response.<method>(...)` returns: the parsed body and the response it came in."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

import httpx

from generator.runtime._errors import request_id

T = TypeVar("T")


@dataclass(frozen=True)
class RawResponse(Generic[T]):
    """A successful call's parsed 2xx body, with the status, headers and request id it came with."""

    parsed: T
    """The body parsed into the operation's model, as the plain method returns it."""
    http_response: httpx.Response

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def request_id(self) -> str | None:
        """The server's id of the request (`x-request-id` and the like), to quote to the vendor."""
        return request_id(self.http_response)

    def parse(self) -> T:
        return self.parsed

    def __repr__(self) -> str:
        return f"RawResponse(status_code={self.status_code}, request_id={self.request_id!r})"
