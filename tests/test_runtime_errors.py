"""What a generated client's errors say: what failed and where, typed in the hierarchy, never a secret."""

from __future__ import annotations

import os
import socket
from collections.abc import Callable, Iterator

import httpx
import pytest

from generated.qualigate import QualigateClient
from generator.runtime import (
    APIConnectionError,
    APIError,
    APIResponseError,
    ClientConfigError,
    MissingCredentialsError,
    RateLimitError,
)

PROJECT = "990e8400-e29b-41d4-a716-446655440000"
SECRET = "sk-live-0123456789abcdef"


def _closed_port() -> int:
    """A port of 127.0.0.1 on which nothing listens (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def _raised(base_url: str) -> APIError:
    with (
        QualigateClient(api_key=SECRET, base_url=base_url, max_retries=0) as client,
        pytest.raises(APIError) as caught,
    ):
        client.get_ci_config(project_id=PROJECT)
    return caught.value


def test_a_refused_connection_names_host_and_port() -> None:
    port = _closed_port()
    error = _raised(f"http://127.0.0.1:{port}")
    assert type(error) is APIConnectionError
    assert str(error) == f"connection refused: 127.0.0.1:{port}"


def test_a_name_that_does_not_resolve_is_named() -> None:
    error = _raised("http://api.example.invalid")
    assert type(error) is APIConnectionError
    assert str(error) == "name not resolved: api.example.invalid"


@pytest.mark.parametrize("url", ["not a url", "127.0.0.1:8080", "ftp://files.example.com", "http://", "/api/v1"])
def test_an_unsupported_url_is_refused_when_the_client_is_built(url: str) -> None:
    with pytest.raises(ClientConfigError) as caught:
        QualigateClient(api_key=SECRET, base_url=url)
    assert str(caught.value) == f'unsupported URL "{url}": give an absolute http:// or https:// URL'
    assert isinstance(caught.value, APIError) and isinstance(caught.value, ValueError)


def test_an_unsupported_url_from_the_environment_is_refused_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUALIGATE_BASE_URL", "127.0.0.1:8080")
    with pytest.raises(ClientConfigError, match=r'^unsupported URL "127\.0\.0\.1:8080"'):
        QualigateClient(api_key=SECRET)


def test_a_url_shows_no_query_value_nor_password() -> None:
    url = f"http://user:{SECRET}@127.0.0.1:{_closed_port()}/api?api_key={SECRET}"
    with QualigateClient(api_key=SECRET, base_url=url, max_retries=0) as client:
        assert SECRET not in repr(client)
        with pytest.raises(APIConnectionError) as caught:
            client.get_ci_config(project_id=PROJECT)
    assert SECRET not in str(caught.value)
    with pytest.raises(ClientConfigError) as bad:
        QualigateClient(api_key=SECRET, base_url=f"api.example.com/?token={SECRET}")
    assert (
        str(bad.value)
        == 'unsupported URL "api.example.com/?token=<redacted>": give an absolute http:// or https:// URL'
    )


def test_a_missing_credential_is_an_error_of_the_hierarchy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QUALIGATE_API_KEY", raising=False)
    with pytest.raises(MissingCredentialsError) as caught:
        QualigateClient(base_url="http://127.0.0.1:1")
    assert str(caught.value) == "pass api_key or set QUALIGATE_API_KEY"
    assert isinstance(caught.value, APIError) and isinstance(caught.value, ValueError)


@pytest.fixture
def answering() -> Iterator[Callable[[httpx.Response], QualigateClient]]:
    """A client whose every request gets the given answer (a transport stand-in: this is a unit test)."""
    clients: list[QualigateClient] = []

    def make(answer: httpx.Response) -> QualigateClient:
        transport = httpx.MockTransport(lambda request: answer)
        client = QualigateClient(
            api_key=SECRET, base_url="http://mock.test", max_retries=0, http_client=httpx.Client(transport=transport)
        )
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


BODY_OF_300 = "<html><body>" + "maintenance " * 24 + "</body></html>"


@pytest.mark.parametrize(
    ("answer", "reason"),
    [
        (httpx.Response(200, headers={"content-type": "text/html"}, text=BODY_OF_300), "the body is not JSON"),
        (
            httpx.Response(200, headers={"content-type": "application/json"}, text='{"project_name": '),
            "the body is not JSON",
        ),
        (httpx.Response(200, headers={"content-type": "application/json"}, text=""), "the response has no body"),
        (httpx.Response(200, json={"project_name": 5}), "the body does not match the spec"),
    ],
    ids=["html", "broken-json", "empty", "wrong-model"],
)
def test_a_2xx_that_does_not_parse_says_status_type_and_how_it_began(
    answering: Callable[[httpx.Response], QualigateClient], answer: httpx.Response, reason: str
) -> None:
    client = answering(answer)
    with pytest.raises(APIResponseError) as caught:
        client.get_ci_config(project_id=PROJECT)
    error = caught.value
    assert error.status_code == 200
    assert error.content_type == answer.headers.get("content-type")
    assert error.excerpt == answer.text[:200]
    kind = answer.headers.get("content-type") or "no content type"
    assert str(error).startswith(f"200 ({kind}): {reason}")
    if answer.text:
        assert str(error).endswith(f": {answer.text[:200]!r}")


def test_an_excerpt_keeps_no_token(answering: Callable[[httpx.Response], QualigateClient]) -> None:
    jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"
    client = answering(httpx.Response(200, text=f'{{"access_token": "{SECRET}", "id_token": "{jwt}", "x": 1'))
    with pytest.raises(APIResponseError) as caught:
        client.get_ci_config(project_id=PROJECT)
    assert SECRET not in str(caught.value) and jwt not in str(caught.value)
    assert caught.value.excerpt == '{"access_token": <redacted>, "id_token": <redacted>, "x": 1'


def test_a_rate_limit_error_says_how_long_to_wait(answering: Callable[[httpx.Response], QualigateClient]) -> None:
    client = answering(httpx.Response(429, headers={"retry-after": "200"}, json={"message": "slow down"}))
    with pytest.raises(RateLimitError) as caught:
        client.get_ci_config(project_id=PROJECT)
    assert caught.value.retry_after == 200
    assert str(caught.value) == "429 Too Many Requests: slow down; retry after 200 s"


def test_a_vendor_message_that_echoes_a_credential_is_redacted(
    answering: Callable[[httpx.Response], QualigateClient],
) -> None:
    client = answering(httpx.Response(401, json={"message": f"invalid header Authorization: Bearer {SECRET}"}))
    with pytest.raises(APIError) as caught:
        client.get_ci_config(project_id=PROJECT)
    assert SECRET not in str(caught.value)
    assert os.environ.get("QUALIGATE_API_KEY") != SECRET
