"""The base URL rules: a key only goes to a host somebody chose, and a value only fills its own place."""

from __future__ import annotations

import httpx
import pytest

from generated import testmo
from generated.kapptivate import KapptivateClient
from generator.runtime import ServerVariable, server_url
from generator.runtime._servers import placement

TENANT = "https://{instance}.testmo.net/api/v1"
PLACEHOLDER = (ServerVariable("instance", "instance", default=None),)
ENV = "VENDOR_BASE_URL"


def url(template: str = TENANT, variables: tuple[ServerVariable, ...] = PLACEHOLDER, **given: str | None) -> str:
    base_url = given.pop("base_url", None)
    return server_url(template, variables, given, base_url=base_url, env=ENV)


@pytest.fixture(autouse=True)
def no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV, raising=False)


def test_a_placeholder_variable_must_be_given() -> None:
    with pytest.raises(ValueError, match=r"pass instance= .*, base_url, or set VENDOR_BASE_URL"):
        url(instance=None)


def test_a_given_value_fills_the_template() -> None:
    assert url(instance="acme") == "https://acme.testmo.net/api/v1"
    assert url(instance="acme-eu.prod") == "https://acme-eu.prod.testmo.net/api/v1"


def test_the_environment_stands_in_for_a_missing_value(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV, "http://127.0.0.1:9/api/v1")
    assert url(instance=None) == "http://127.0.0.1:9/api/v1"


def test_an_explicit_value_beats_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV, "http://127.0.0.1:9/api/v1")
    assert url(instance="acme") == "https://acme.testmo.net/api/v1"


def test_base_url_is_the_whole_url_and_excludes_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV, "http://127.0.0.1:9/env")
    assert url(base_url="http://127.0.0.1:8/api") == "http://127.0.0.1:8/api"
    given = httpx.URL("http://127.0.0.1:8/x")
    assert server_url(TENANT, PLACEHOLDER, {"instance": None}, base_url=given, env=ENV) == "http://127.0.0.1:8/x"
    with pytest.raises(ValueError, match="pass base_url or instance=, not both"):
        url(base_url="http://127.0.0.1:8/api", instance="acme")


@pytest.mark.parametrize(
    "hostile",
    [
        "a/b?c",
        "evil.com#",
        "evil.com/",
        "user@evil.com",
        "evil.com:443",
        "a b",
        " acme",
        "acme\n",
        "",
        "-acme",
        "acme-",
        "a..b",
        ".acme",
        "acme.",
        "ac_me",
        "a%2Fb",
        "ä",
        "a" * 64,
    ],
)
def test_a_host_value_is_only_dns_labels(hostile: str) -> None:
    with pytest.raises(ValueError, match="fills the URL's host, which takes DNS labels"):
        url(instance=hostile)


def test_the_error_does_not_echo_a_long_value_whole() -> None:
    with pytest.raises(ValueError) as info:
        url(instance="x/" * 200)
    assert len(str(info.value)) < 200


def test_a_path_value_is_one_segment() -> None:
    template = "https://api.example.com/{version}/runs"
    variables = (ServerVariable("version", "version", default="v1"),)
    assert url(template, variables) == "https://api.example.com/v1/runs"
    assert url(template, variables, version="v2") == "https://api.example.com/v2/runs"
    for hostile in ("v1/../admin", "..", "v1?x=1", "v1#", "a b", "a%2Fb", "a:b", "a@b"):
        with pytest.raises(ValueError, match="fills the URL's path, which takes one path segment"):
            url(template, variables, version=hostile)


def test_a_port_value_is_digits() -> None:
    template = "https://{host}:{port}/api"
    variables = (ServerVariable("host", "host", default="localhost"), ServerVariable("port", "port", default="8443"))
    assert url(template, variables) == "https://localhost:8443/api"
    with pytest.raises(ValueError, match="fills the URL's port, which takes a port number"):
        url(template, variables, port="80@evil.com")


def test_an_enum_limits_the_values() -> None:
    variables = (ServerVariable("region", "region", default="eu", enum=("eu", "us")),)
    template = "https://{region}.api.example.com"
    assert url(template, variables, region="us") == "https://us.api.example.com"
    with pytest.raises(ValueError, match="'ap' is not one of the server's values: 'eu', 'us'"):
        url(template, variables, region="ap")


def test_a_relative_server_needs_a_base_url() -> None:
    with pytest.raises(
        ValueError, match="pass base_url or set VENDOR_BASE_URL: the spec's server '/api' is not absolute"
    ):
        url("/api", ())


def test_placement_reads_the_template() -> None:
    assert placement("https://{a}.x.com/{b}", "a") == "host"
    assert placement("https://{a}.x.com/{b}", "b") == "path"
    assert placement("https://user@{a}:{p}/x", "a") == "host"
    assert placement("https://user@{a}:{p}/x", "p") == "port"
    assert placement("/{b}", "b") == "path"
    assert placement("{server}/v1", "server") == "url"
    assert placement("{scheme}://x.com", "scheme") == "scheme"


def test_a_variable_that_starts_the_url_holds_the_host() -> None:
    variables = (ServerVariable("server", "server", default="https://api.example.com"),)
    assert url("{server}/v1", variables) == "https://api.example.com/v1"
    assert url("{server}/v1", variables, server="http://127.0.0.1:8") == "http://127.0.0.1:8/v1"
    with pytest.raises(ValueError, match="fills the URL's url, which takes a URL without spaces"):
        url("{server}/v1", variables, server="https://a b")


def test_generated_clients_raise_before_any_request(monkeypatch: pytest.MonkeyPatch) -> None:
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200)

    transport = httpx.MockTransport(handler)
    monkeypatch.delenv("TESTMO_BASE_URL", raising=False)
    monkeypatch.delenv("KAPPTIVATE_BASE_URL", raising=False)
    with pytest.raises(ValueError, match="pass instance="):
        testmo.TestmoClient(api_key="k", http_client=httpx.Client(transport=transport))
    with pytest.raises(ValueError, match="pass instance="):
        testmo.AsyncTestmoClient(api_key="k")
    with pytest.raises(ValueError, match="pass domain="):
        KapptivateClient(api_key="k")
    with pytest.raises(ValueError, match="fills the URL's host"):
        testmo.TestmoClient(api_key="k", instance="a/b?c")
    assert sent == []


def test_generated_clients_prefer_the_argument_to_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KAPPTIVATE_BASE_URL", "http://127.0.0.1:9")
    assert str(KapptivateClient(api_key="k", domain="acme").base_url) == "https://acme.kapptivate.com"
    assert str(KapptivateClient(api_key="k").base_url) == "http://127.0.0.1:9"
    assert str(testmo.TestmoClient(api_key="k", instance="acme").base_url) == "https://acme.testmo.net/api/v1"
