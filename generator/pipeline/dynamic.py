"""A client of any spec, made from its IR at run time, for a spec that has no generated package.

It sits on the same runtime as a generated client (`SyncAPIClient`: auth, retries, rate limits,
errors) and serializes parameters with the same functions; only the answers stay plain JSON
instead of models. Each operation is a method named as in a generated client, taking the same
keyword arguments, so `testrelay run SPEC` drives either one the same way.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from typing import Any

import httpx

from generator.runtime import (
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    Call,
    Endpoint,
    HeaderAuth,
    NoAuth,
    RateLimitHint,
    SyncAPIClient,
    TokenExchangeAuth,
    header_value,
    json_query_pairs,
    path_param,
    query_pairs,
)
from generator.runtime import ServerVariable as UrlVariable
from generator.runtime import server_url as runtime_server_url
from generator.spec.ir import Api, Operation, SecurityScheme


def server_url(api: Api, variables: Mapping[str, str]) -> str:
    """The first server's URL by the rules a generated client follows (`generator.runtime._servers`): given
    variables beat `<VENDOR>_BASE_URL`, which beats the defaults; a placeholder default is none."""
    env = f"{api.env_prefix}_BASE_URL"
    if not api.servers:
        if os.environ.get(env):
            return os.environ[env]
        raise ValueError(f"the spec declares no server: set {env}")
    server = api.servers[0]
    declared = tuple(
        UrlVariable(v.name, v.python_name, default=None if v.placeholder else v.default, enum=v.enum)
        for v in server.variables
    )
    given = {v.python_name: variables.get(v.python_name) or None for v in server.variables}
    return runtime_server_url(server.url, declared, given, base_url=None, env=env)


def scheme_auth(api: Api, scheme: SecurityScheme, key: str, url: str) -> httpx.Auth | None:
    """The runtime's auth for one scheme, as the generated clients build it; None for a kind they do not fill."""
    exchange = scheme.token_exchange
    if exchange is not None:
        options: dict[str, Any] = {
            "exchange_url": url.rstrip("/") + api.operation(exchange.operation_id).path,
            "key_pointer": exchange.key_pointer,
            "token_pointer": exchange.token_pointer,
            "header_prefix": exchange.header_prefix,
            "ttl_seconds": exchange.ttl_seconds,
        }
        if exchange.refresh_buffer_seconds is not None:
            options["refresh_buffer_seconds"] = exchange.refresh_buffer_seconds
        return TokenExchangeAuth(key, **options)
    if scheme.kind == "apiKey" and scheme.location == "header" and scheme.param_name:
        return HeaderAuth(scheme.param_name, key)
    if (scheme.kind == "http" and scheme.scheme == "bearer") or scheme.kind in ("oauth2", "openIdConnect"):
        return HeaderAuth("Authorization", key, "Bearer")
    if scheme.kind == "http" and scheme.scheme:
        return HeaderAuth("Authorization", key, scheme.scheme.capitalize())
    return None


class SpecClient(SyncAPIClient):
    def __init__(self, api: Api, **server_variables: str) -> None:
        url = server_url(api, server_variables)
        schemes = {s.key: s for s in api.security_schemes}
        used = [schemes[k] for op in api.operations for alt in op.security for k in alt if k in schemes]
        auth: httpx.Auth = NoAuth()
        if used:
            key = os.environ.get(f"{api.env_prefix}_API_KEY")
            if not key:
                raise ValueError(f"set {api.env_prefix}_API_KEY")
            auth = next((a for a in (scheme_auth(api, s, key, url) for s in used) if a is not None), NoAuth())
        super().__init__(base_url=url, auth=auth, timeout=DEFAULT_TIMEOUT, max_retries=DEFAULT_MAX_RETRIES)
        self._api = api
        for op in api.operations:
            setattr(self, op.python_name, functools.partial(self._operation, op))

    def _operation(
        self, op: Operation, *, body: Any = None, extra_headers: Mapping[str, str] | None = None, **kwargs: Any
    ) -> Any:
        path: dict[str, str] = {}
        query: list[tuple[str, str]] = []
        headers: dict[str, str] = {}
        for param in op.parameters:
            if param.python_name not in kwargs:
                continue
            value = kwargs.pop(param.python_name)
            if value is None:
                continue
            if param.location == "path":
                path[param.name] = path_param(param.name, value, style=param.style, explode=param.explode)
            elif param.location == "query":
                if param.json_content:
                    query += json_query_pairs(param.name, value)
                else:
                    query += query_pairs(
                        param.name, value, style=param.style, explode=param.explode, allow_reserved=param.allow_reserved
                    )
            elif param.location == "header":
                headers[param.name] = header_value(value, explode=param.explode)
        payload: dict[str, Any] | None = dict(body) if isinstance(body, Mapping) else None
        fields = {f.python_name: f.name for f in op.body.fields} if op.body is not None else {}
        for name, value in kwargs.items():
            if name not in fields:
                raise TypeError(f"{op.python_name}() got an unexpected keyword argument {name!r}")
            payload = payload if payload is not None else {}
            payload[fields[name]] = value
        call = Call(path=path, query=query, headers=headers)
        if payload is not None and op.body is not None:
            call.json = payload
        success = op.success
        rate = op.rate_limit or self._api.rate_limit
        endpoint: Endpoint[Any] = Endpoint(
            op.method.upper(),
            op.path,
            Any if success is not None and success.schema is not None else None,
            authenticated=bool(op.security),
            idempotent=op.idempotent,
            rate_limit=RateLimitHint(
                header=rate.retry_after_header or "Retry-After",
                pointer=rate.retry_after_pointer,
                default_wait=rate.default_wait_seconds,
            )
            if rate is not None
            else RateLimitHint(),
        )
        return self._call(endpoint, call, extra_headers=extra_headers)
