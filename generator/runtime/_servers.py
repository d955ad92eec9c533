"""The base URL a client sends its requests (and credentials) to, from the spec's server and the caller's choices.

The rules, in order, so that a key only ever goes to a host somebody chose:

1. `base_url=` is the whole URL; giving a server variable as well is an error (one of them would be ignored).
2. A server variable given as an argument fills the spec's URL template, even when `<VENDOR>_BASE_URL` is set:
   an explicit argument beats the environment.
3. Else `<VENDOR>_BASE_URL`, when set.
4. Else the template with the spec's defaults. A variable the spec marks `x-placeholder: true` has no usable
   default (`your_domain_name` is nobody's host), so without a value the constructor raises before any request.

Every value is checked against its place in the URL: in the host, only DNS labels (letters, digits, hyphens,
dots), so `a/b?c` or `evil.com#` cannot move the request to another host; in the port, digits; in the path,
one segment without `/ ? # @ :`, `%` or spaces; in the scheme, a scheme. A variable that starts a template
without a scheme (`{server}/v1`) is the caller's whole host by design, so it only may not hold spaces. A
variable with an `enum` takes only those values.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import httpx

from generator.runtime._errors import ClientConfigError  # a ValueError too

_LABEL = r"(?!-)[A-Za-z0-9-]{1,63}(?<!-)"
_HOST = re.compile(rf"{_LABEL}(?:\.{_LABEL})*")
_PORT = re.compile(r"[0-9]{1,5}")
_SEGMENT = re.compile(r"[A-Za-z0-9._~!$&'()*+,;=-]+")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*")
_URL = re.compile(r"[^\s\x00-\x1f\x7f]+")
_RULES = {"url": _URL, "scheme": _SCHEME, "host": _HOST, "port": _PORT, "path": _SEGMENT}
_WHAT = {
    "url": "a URL without spaces",
    "scheme": "a URL scheme",
    "host": "DNS labels (letters, digits, hyphens, dots)",
    "port": "a port number",
    "path": "one path segment (no / ? # @ : % or spaces)",
}


@dataclass(frozen=True)
class ServerVariable:
    """One `{name}` of the spec's server URL: the constructor argument that fills it and what it may hold."""

    name: str
    argument: str
    default: str | None
    """None when the spec's default is a placeholder (`x-placeholder: true`): the value must be given."""
    enum: tuple[str, ...] = ()


def server_url(
    template: str,
    variables: Sequence[ServerVariable],
    given: Mapping[str, str | None],
    *,
    base_url: str | httpx.URL | None,
    env: str,
) -> str:
    """The base URL by the rules above; raises ValueError, naming what to pass, when there is none to use.

    `given` maps each variable's argument name to the caller's value (None when not passed).
    """
    explicit = {v.argument: given[v.argument] for v in variables if given.get(v.argument) is not None}
    if base_url is not None:
        if explicit:
            raise ClientConfigError(f"pass base_url or {_names(explicit)}, not both: base_url is the whole URL")
        return str(base_url)
    if not explicit and os.environ.get(env):
        return os.environ[env]
    url = template
    missing = []
    for variable in variables:
        value = explicit.get(variable.argument, variable.default)
        if value is None:
            missing.append(variable.argument)
            continue
        check_value(template, variable, value)
        url = url.replace("{" + variable.name + "}", value)
    if missing:
        raise ClientConfigError(
            f"pass {_names(missing)} (the server {template!r} has no default for it), base_url, or set {env}"
        )
    if not url.startswith(("http://", "https://")):
        raise ClientConfigError(f"pass base_url or set {env}: the spec's server {template!r} is not absolute")
    return url


def check_value(template: str, variable: ServerVariable, value: str) -> None:
    """Raises ValueError unless `value` can only fill the variable's own place in the URL template."""
    if variable.enum and value not in variable.enum:
        allowed = ", ".join(repr(v) for v in variable.enum)
        raise ClientConfigError(f"{variable.argument}={_shown(value)} is not one of the server's values: {allowed}")
    place = placement(template, variable.name)
    if (
        not isinstance(value, str)
        or _RULES[place].fullmatch(value) is None
        or (place == "path" and value in (".", ".."))
    ):
        shown = _shown(value)
        raise ClientConfigError(
            f"{variable.argument}={shown} cannot be used: it fills the URL's {place}, which takes {_WHAT[place]}"
        )


def placement(template: str, name: str) -> str:
    """Where `{name}` sits in the template: `url` (it starts a template without a scheme: the whole host is the
    value's), `scheme`, `host`, `port`, or `path` (anything after the authority)."""
    at = template.find("{" + name + "}")
    scheme_end = template.find("://")
    if at < 0:
        return "path"
    if scheme_end < 0:
        return "url" if at == 0 else "path"
    if at < scheme_end:
        return "scheme"
    authority_start = scheme_end + 3
    authority_end = template.find("/", authority_start)
    if authority_end < 0:
        authority_end = len(template)
    if at < authority_start or at >= authority_end:
        return "path"
    host_start = template.rfind("@", authority_start, at) + 1 or authority_start
    return "port" if ":" in template[host_start:at] else "host"


def _names(arguments: Sequence[str] | Mapping[str, object]) -> str:
    return " and ".join(f"{name}=" for name in arguments)


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
