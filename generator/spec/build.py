"""Building the IR from a loaded spec.

Works on any OpenAPI 3.0/3.1 document that passed the structural checks: what cannot be
expressed is not dropped silently but replaced by a documented fallback and recorded as a
located note (`Api.notes`), which `generate` prints.
"""

from __future__ import annotations

import copy
from typing import Any, cast

from generator.spec import behaviours, document, names, patterns
from generator.spec import pointer as jp
from generator.spec.build_pipeline import pipeline_extensions
from generator.spec.ir import (
    SCHEMA_REF,
    Api,
    Body,
    BodyField,
    Example,
    Header,
    JsonSchema,
    Judged,
    Link,
    Location,
    OAuthFlow,
    Operation,
    Pagination,
    Parameter,
    Polling,
    RateLimit,
    Response,
    SecurityRequirement,
    SecurityScheme,
    Server,
    ServerVariable,
    TokenExchange,
)
from generator.spec.load import LoadedSpec

# Names the generated modules define or import themselves; a schema must not shadow them.
RESERVED_CLASS_NAMES = frozenset(
    {
        "Annotated",
        "Any",
        "AnyUrl",
        "AwareDatetime",
        "BaseModel",
        "ConfigDict",
        "Enum",
        "Field",
        "IntEnum",
        "Literal",
        "Optional",
        "RootModel",
        "StrEnum",
        "UUID",
        "Union",
        "annotations",
        "date",
        "datetime",
        "time",
        "timedelta",
        "Decimal",
        "OpenIntEnum",
        "OpenStrEnum",
        "TypeAdapter",
        "Self",
    }
)
# The error classes every generated package re-exports from the runtime, beside its models; a schema of
# the same name is renamed like the names above (`RateLimitError` -> `RateLimitErrorModel`).
ERROR_CLASSES = frozenset(
    {
        "APIConnectionError",
        "APIError",
        "APIStatusError",
        "APITimeoutError",
        "AuthenticationError",
        "BadRequestError",
        "ConflictError",
        "InternalServerError",
        "NotFoundError",
        "PermissionDeniedError",
        "PollTimeoutError",
        "RateLimitError",
        "RunFailedError",
        "TokenExchangeError",
        "UnprocessableEntityError",
    }
)
# Keyword arguments every generated method already has.
RESERVED_ARGUMENTS = frozenset(
    {
        "self",
        "body",
        "extra_headers",
        "extra_query",
        "timeout",
        "max_retries",
        # the waiting helpers' own
        "deadline",
        "poll_interval",
        "on_update",
        "raise_on_failure",
    }
)
_MODEL_KEYS = frozenset({"properties", "allOf", "anyOf", "oneOf", "enum", "additionalProperties", "const"})
_PARAM_COMPONENTS = "#/components/parameters/"


def build_api(spec: LoadedSpec, name: str) -> Api:
    return _Builder(spec, name).build()


class _Builder:
    def __init__(self, spec: LoadedSpec, name: str) -> None:
        self.spec = spec
        self.data: dict[str, Any] = spec.data
        self.package = names.python_name(name, fallback="api")
        self.schemas: dict[str, JsonSchema] = {}
        self.notes: list[str] = []
        self.by_pointer: dict[str, str] = {}
        prefix = names.class_name(self.package, fallback="Api")
        self.avoid = RESERVED_CLASS_NAMES | ERROR_CLASSES | {f"{prefix}Client", f"Async{prefix}Client", "RawResponse"}
        component_schemas = (self.data.get("components") or {}).get("schemas") or {}
        for key in component_schemas:
            pointer = jp.join("", "components", "schemas", key)
            self.by_pointer[pointer] = self._new_name(str(key), "Schema")
        for key, schema in component_schemas.items():
            pointer = jp.join("", "components", "schemas", key)
            self.schemas[self.by_pointer[pointer]] = self._rewrite(schema, pointer, 0)

    def note(self, pointer: str, message: str) -> None:
        self.notes.append(str(self.spec.problem(pointer, f"fallback: {message}")))

    def _new_name(self, raw: str, fallback: str) -> str:
        return names.class_name(
            raw, fallback=fallback, taken=set(self.by_pointer.values()) | set(self.schemas), avoid=self.avoid
        )

    # -- schemas ---------------------------------------------------------------------------------

    def _rewrite(self, node: Any, pointer: str, depth: int) -> Any:
        """A copy of `node` whose `$ref`s all point into `self.schemas`."""
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                target = self._ref_target(ref, pointer)
                rest = {k: self._rewrite(v, jp.join(pointer, k), depth + 1) for k, v in node.items() if k != "$ref"}
                if target is None:
                    return rest
                return {"$ref": SCHEMA_REF + target, **rest}
            result: dict[str, Any] = {}
            for k, v in node.items():
                at = jp.join(pointer, k)
                if k == "pattern" and not self._compiles(v, at):
                    continue
                if k == "patternProperties" and isinstance(v, dict):
                    v = {regex: sub for regex, sub in v.items() if self._compiles(regex, jp.join(at, regex))}
                keep = k in ("example", "examples", "default", "enum", "const")
                result[k] = copy.deepcopy(v) if keep else self._rewrite(v, at, depth + 1)
            return result
        if isinstance(node, list):
            return [self._rewrite(v, jp.join(pointer, i), depth + 1) for i, v in enumerate(node)]
        return node

    def _compiles(self, pattern: Any, pointer: str) -> bool:
        """Whether the models' regex engine compiles a pattern; one it refuses is dropped, with a note."""
        error = patterns.models_error(pattern) if isinstance(pattern, str) else None
        if error is not None:
            self.note(pointer, f"pattern {pattern!r} is not enforced: the models cannot compile it ({error})")
        return error is None

    def _ref_target(self, ref: str, where: str) -> str | None:
        """Class name a schema `$ref` resolves to, hoisting targets outside components/schemas."""
        if not ref.startswith("#"):
            self.note(where, f"external $ref {ref!r} is not followed; the value is typed Any")
            return None
        target = ref[1:]
        if target in self.by_pointer:
            return self.by_pointer[target]
        try:
            value = jp.resolve(self.data, target)
        except (KeyError, ValueError):
            self.note(where, f"$ref {ref!r} does not resolve; the value is typed Any")
            return None
        tokens = [t for t in jp.split(target) if t not in ("schema", "content", "properties", "items")]
        name = self._new_name("".join(names.pascal_case(t) for t in tokens[-3:]), "Schema")
        self.by_pointer[target] = name
        self.schemas[name] = self._rewrite(value, target, 0)
        return name

    def _hoist(self, schema: Any, pointer: str, name: str) -> JsonSchema:
        """An operation's inline schema as a named model when it needs a class, else as it is."""
        if not isinstance(schema, dict):
            return {}
        rewritten: JsonSchema = self._rewrite(schema, pointer, 0)
        if "$ref" in rewritten and len(rewritten) == 1:
            return rewritten
        if _MODEL_KEYS & rewritten.keys() or rewritten.get("type") == "object":
            class_name = self._new_name(name, "Model")
            self.schemas[class_name] = rewritten
            self.by_pointer[pointer] = class_name
            return {"$ref": SCHEMA_REF + class_name}
        items = rewritten.get("items")
        if rewritten.get("type") == "array" and isinstance(items, dict) and "$ref" not in items:
            return {**rewritten, "items": self._hoist(schema.get("items"), jp.join(pointer, "items"), name + "Item")}
        return rewritten

    # -- the document ----------------------------------------------------------------------------

    def build(self) -> Api:
        info = self.data.get("info") or {}
        operations = [self._operation(op) for op in document.operations(self.spec)]
        prefix = names.class_name(self.package, fallback="Api")
        return Api(
            name=self.package,
            class_prefix=prefix,
            env_prefix=self.package.upper(),
            title=str(info.get("title") or self.package),
            description=str(info.get("description") or ""),
            version=str(info.get("version") or ""),
            openapi=str(self.data.get("openapi")),
            servers=self._servers(),
            security_schemes=self._security_schemes(),
            operations=tuple(operations),
            schemas=dict(sorted(self.schemas.items())),
            rate_limit=_rate_limit(self.data.get("x-rate-limit")),
            notes=tuple(self.notes),
            behaviours=behaviours.parse(self.data.get("x-mock")),
        )

    def _servers(self) -> tuple[Server, ...]:
        servers = []
        for server in self.data.get("servers") or [{"url": "/"}]:
            if not isinstance(server, dict) or not isinstance(server.get("url"), str):
                continue
            taken: list[str] = []
            variables = []
            for var_name, var in (server.get("variables") or {}).items():
                py = names.python_name(var_name, fallback="variable", taken=taken, avoid=RESERVED_ARGUMENTS)
                taken.append(py)
                variables.append(
                    ServerVariable(
                        name=var_name,
                        python_name=py,
                        default=str(var.get("default", "")),
                        enum=tuple(str(v) for v in var.get("enum") or ()),
                        description=str(var.get("description") or ""),
                        placeholder=var.get("x-placeholder") is True,
                    )
                )
            servers.append(Server(server["url"], str(server.get("description") or ""), tuple(variables)))
        return tuple(servers)

    def _security_schemes(self) -> tuple[SecurityScheme, ...]:
        found = []
        for key, raw in ((self.data.get("components") or {}).get("securitySchemes") or {}).items():
            _, scheme = document.deref(self.spec, "", raw)
            if not isinstance(scheme, dict):
                continue
            exchange = scheme.get("x-token-exchange")
            unserved = _unserved(scheme)
            if unserved:
                self.note(jp.join("", "components", "securitySchemes", key), unserved)
            found.append(
                SecurityScheme(
                    key=key,
                    kind=str(scheme.get("type")),
                    location=scheme.get("in"),
                    param_name=scheme.get("name"),
                    scheme=str(scheme["scheme"]).lower() if scheme.get("scheme") else None,
                    description=str(scheme.get("description") or ""),
                    bearer_format=_text(scheme.get("bearerFormat")),
                    flows=_flows(scheme.get("flows")),
                    open_id_connect_url=_text(scheme.get("openIdConnectUrl")),
                    token_exchange=TokenExchange(
                        operation_id=exchange["operationId"],
                        key_pointer=exchange["keyPointer"],
                        token_pointer=exchange["tokenPointer"],
                        header_prefix=exchange["headerPrefix"],
                        ttl_seconds=float(exchange["ttlSeconds"]),
                        refresh_buffer_seconds=exchange.get("refreshBufferSeconds"),
                    )
                    if isinstance(exchange, dict)
                    else None,
                )
            )
        return tuple(found)

    def _operation(self, op: document.OperationRef) -> Operation:
        node = op.node
        op_id = op.operation_id or f"{op.method} {op.path}"
        if op.operation_id is None:
            self.note(op.pointer, f"no operationId; the method is named from {op.method.upper()} {op.path}")
        base = names.pascal_case(op_id) or "Operation"
        params = self._parameters(op, base)
        taken = [p.python_name for p in params]
        body, request_examples = self._body(op, base, taken)
        security = node.get("security", self.data.get("security")) or []
        return Operation(
            operation_id=op_id,
            python_name=names.python_name(op_id, fallback="call"),
            method=op.method,
            path=op.path,
            summary=str(node.get("summary") or ""),
            description=str(node.get("description") or ""),
            tags=tuple(str(t) for t in node.get("tags") or ()),
            deprecated=bool(node.get("deprecated")),
            parameters=params,
            body=body,
            request_examples=request_examples,
            responses=self._responses(op, base),
            security=tuple(tuple(sorted(alt)) for alt in security if isinstance(alt, dict)),
            requirements=_requirements(security),
            polling=_polling(node.get("x-polling")),
            pagination=_pagination(node.get("x-pagination")),
            idempotent=node.get("x-idempotent") is True,
            links=self._links(op),
            rate_limit=_rate_limit(node.get("x-rate-limit")),
            **pipeline_extensions(node),
        )

    def _parameters(self, op: document.OperationRef, base: str) -> tuple[Parameter, ...]:
        merged: dict[tuple[str, str], tuple[str, dict[str, Any]]] = {}
        path_item_ptr = jp.parent(op.pointer)
        path_item = jp.resolve(self.data, path_item_ptr)
        for owner, params in ((path_item_ptr, path_item.get("parameters")), (op.pointer, op.node.get("parameters"))):
            for i, raw in enumerate(params or []):
                ptr, param = document.deref(self.spec, jp.join(owner, "parameters", i), raw)
                if (
                    isinstance(param, dict)
                    and isinstance(param.get("name"), str)
                    and param.get("in") in ("path", "query", "header", "cookie")
                ):
                    merged[(param["name"], param["in"])] = (ptr, param)
        result: list[Parameter] = []
        taken: list[str] = []
        for (name, location), (ptr, param) in merged.items():
            if location == "header" and name.lower() in ("accept", "content-type", "authorization"):
                continue  # OpenAPI says these are ignored as parameters; the client sets them
            python = names.python_name(name, fallback="param", taken=taken, avoid=RESERVED_ARGUMENTS)
            taken.append(python)
            schema, json_content = param.get("schema"), False
            if schema is None and isinstance(param.get("content"), dict) and param["content"]:
                media, media_obj = next(iter(param["content"].items()))
                schema, json_content = (media_obj or {}).get("schema"), document.is_json(media)
            loc = cast(Location, location)
            style = str(param.get("style") or ("form" if loc in ("query", "cookie") else "simple"))
            result.append(
                Parameter(
                    name=name,
                    python_name=python,
                    location=loc,
                    required=bool(param.get("required")) or loc == "path",
                    schema=self._hoist(schema, jp.join(ptr, "schema"), base + names.pascal_case(name)),
                    style=style,
                    explode=bool(param.get("explode", style == "form")),
                    description=str(param.get("description") or ""),
                    json_content=json_content,
                    allow_reserved=bool(param.get("allowReserved")),
                    deprecated=bool(param.get("deprecated")),
                    example=_parameter_example(self.spec, ptr, param, schema),
                )
            )
        return tuple(
            sorted(result, key=lambda p: (not p.required, ("path", "query", "header", "cookie").index(p.location)))
        )

    def _body(self, op: document.OperationRef, base: str, taken: list[str]) -> tuple[Body | None, tuple[Example, ...]]:
        ptr, body = document.deref(self.spec, jp.join(op.pointer, "requestBody"), op.node.get("requestBody"))
        content = body.get("content") if isinstance(body, dict) else None
        if not isinstance(content, dict) or not content:
            return None, ()
        media = next((m for m in content if document.is_json(m)), next(iter(content)))
        media_ptr = jp.join(ptr, "content", media)
        media_obj = content[media] or {}
        schema = self._hoist(media_obj.get("schema", {}), jp.join(media_ptr, "schema"), base + "Request")
        fields, groups = self._body_fields(schema, taken) if document.is_json(media) else ((), ())
        body_obj = Body(
            media_type=media,
            schema=schema,
            required=bool(body.get("required")),
            description=str(body.get("description") or ""),
            fields=fields,
            exactly_one_of=groups,
        )
        return body_obj, self._examples(media_ptr, media_obj)

    def _body_fields(
        self, schema: JsonSchema, taken: list[str]
    ) -> tuple[tuple[BodyField, ...], tuple[tuple[str, ...], ...]]:
        """Top-level properties of an object body and its exactly-one-of groups."""
        resolved = self._object_view(schema, 0)
        if resolved is None:
            return (), ()
        properties, required, groups = resolved
        fields = []
        names_taken = list(taken)
        for prop, prop_schema in properties.items():
            python = names.python_name(prop, fallback="field", taken=names_taken, avoid=RESERVED_ARGUMENTS)
            names_taken.append(python)
            fields.append(
                BodyField(
                    name=prop,
                    python_name=python,
                    required=prop in required,
                    schema=prop_schema if isinstance(prop_schema, dict) else {},
                    description=self._description(prop_schema),
                )
            )
        return tuple(fields), groups

    def _description(self, schema: Any) -> str:
        """A schema's description, or that of the schema its `$ref` names."""
        if not isinstance(schema, dict):
            return ""
        if schema.get("description"):
            return str(schema["description"])
        ref = schema.get("$ref")
        target = self.schemas.get(ref.removeprefix(SCHEMA_REF)) if isinstance(ref, str) else None
        return str(target.get("description") or "") if isinstance(target, dict) else ""

    def _object_view(
        self, schema: Any, depth: int
    ) -> tuple[dict[str, Any], set[str], tuple[tuple[str, ...], ...]] | None:
        """Properties, required names and exactly-one-of groups of an object schema, through `$ref` and `allOf`."""
        if depth > 16 or not isinstance(schema, dict):
            return None
        ref = schema.get("$ref")
        if isinstance(ref, str):
            return self._object_view(self.schemas.get(ref.removeprefix(SCHEMA_REF)), depth + 1)
        if schema.get("type") not in (None, "object") or "anyOf" in schema:
            return None
        properties: dict[str, Any] = dict(schema.get("properties") or {})
        required = {r for r in schema.get("required") or [] if isinstance(r, str)}
        groups: list[tuple[str, ...]] = []
        one_of = schema.get("oneOf")
        if one_of is not None:
            group = _required_only_group(one_of)
            if group is None:
                return None
            groups.append(group)
        for part in schema.get("allOf") or []:
            view = self._object_view(part, depth + 1)
            if view is None:
                group = _required_only_group(part.get("oneOf")) if isinstance(part, dict) and len(part) == 1 else None
                if group is None:
                    return None
                groups.append(group)
                continue
            properties.update(view[0])
            required |= view[1]
            groups.extend(view[2])
        if not properties:
            return None
        return properties, required, tuple(groups)

    def _responses(self, op: document.OperationRef, base: str) -> tuple[Response, ...]:
        result = []
        statuses = [str(s) for s in (op.node.get("responses") or {})]
        successes = sorted(s for s in statuses if s.startswith("2"))
        for status, raw in (op.node.get("responses") or {}).items():
            status = str(status)
            ptr, resp = document.deref(self.spec, jp.join(op.pointer, "responses", status), raw)
            if not isinstance(resp, dict):
                continue
            content: dict[str, Any] = resp["content"] if isinstance(resp.get("content"), dict) else {}
            media = next((m for m in content if document.is_json(m)), next(iter(content), None))
            schema = None
            examples: tuple[Example, ...] = ()
            if media is not None:
                media_ptr = jp.join(ptr, "content", media)
                media_obj = content[media] or {}
                if "schema" in media_obj:
                    suffix = (
                        "Response" if successes and status == successes[0] else f"Response{names.pascal_case(status)}"
                    )
                    schema = self._hoist(media_obj["schema"], jp.join(media_ptr, "schema"), base + suffix)
                examples = self._examples(media_ptr, media_obj)
            headers = tuple(
                Header(
                    name=h_name,
                    schema=self._rewrite(h.get("schema") or {}, ptr, 0),
                    description=str(h.get("description") or ""),
                )
                for h_name, h_raw in (resp.get("headers") or {}).items()
                for h in [document.deref(self.spec, "", h_raw)[1]]
                if isinstance(h, dict)
            )
            result.append(
                Response(
                    status=status,
                    description=str(resp.get("description") or ""),
                    media_type=media,
                    schema=schema,
                    headers=headers,
                    examples=examples,
                )
            )
        return tuple(sorted(result, key=lambda r: r.status))

    def _examples(self, pointer: str, media_obj: dict[str, Any]) -> tuple[Example, ...]:
        found = []
        if "example" in media_obj:
            found.append(Example("example", copy.deepcopy(media_obj["example"])))
        for name, raw in (media_obj.get("examples") or {}).items():
            _, ex = document.deref(self.spec, jp.join(pointer, "examples", name), raw)
            if isinstance(ex, dict) and "value" in ex:
                found.append(Example(str(name), copy.deepcopy(ex["value"]), str(ex.get("summary") or "")))
        return tuple(found)

    def _links(self, op: document.OperationRef) -> tuple[Link, ...]:
        links = []
        for status, raw in (op.node.get("responses") or {}).items():
            _, resp = document.deref(self.spec, "", raw)
            for name, link_raw in ((resp or {}).get("links") or {}).items() if isinstance(resp, dict) else ():
                _, link = document.deref(self.spec, "", link_raw)
                if isinstance(link, dict) and isinstance(link.get("operationId"), str):
                    params = tuple((str(k).split(".")[-1], str(v)) for k, v in (link.get("parameters") or {}).items())
                    links.append(Link(str(name), link["operationId"], params))
            del status
        return tuple(links)


def _required_only_group(one_of: Any) -> tuple[str, ...] | None:
    """`oneOf: [{required: [a]}, {required: [b]}]` -> ("a", "b"); anything else -> None."""
    if not isinstance(one_of, list) or not one_of:
        return None
    group = []
    for branch in one_of:
        if not isinstance(branch, dict) or set(branch) != {"required"} or len(branch["required"]) != 1:
            return None
        group.append(str(branch["required"][0]))
    return tuple(group)


def _unserved(scheme: dict[str, Any]) -> str | None:
    """Why the generated client cannot send this scheme's credential, or None when it can."""
    kind = scheme.get("type")
    if kind == "mutualTLS":
        return "mutualTLS is not sent by the client; give it an http_client= holding the client certificate"
    if kind == "apiKey" and (
        not isinstance(scheme.get("name"), str) or scheme.get("in") not in ("header", "query", "cookie")
    ):
        return (
            "an apiKey scheme needs a name and in: header, query or cookie; operations requiring it get no credential"
        )
    if kind == "http" and not isinstance(scheme.get("scheme"), str):
        return "an http scheme needs its scheme word; operations requiring it get no credential"
    if kind not in ("apiKey", "http", "oauth2", "openIdConnect", "mutualTLS"):
        return f"security scheme type {kind!r} is unknown; operations requiring it get no credential"
    return None


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


_FLOW_KINDS = ("clientCredentials", "authorizationCode", "implicit", "password")


def _flows(raw: Any) -> tuple[OAuthFlow, ...]:
    """An oauth2 scheme's flows; kinds OpenAPI does not define are left out (check reports them)."""
    if not isinstance(raw, dict):
        return ()
    flows = []
    for kind, flow in raw.items():
        if kind not in _FLOW_KINDS or not isinstance(flow, dict):
            continue
        scopes: dict[Any, Any] = flow["scopes"] if isinstance(flow.get("scopes"), dict) else {}
        flows.append(
            OAuthFlow(
                kind=kind,
                token_url=_text(flow.get("tokenUrl")),
                authorization_url=_text(flow.get("authorizationUrl")),
                refresh_url=_text(flow.get("refreshUrl")),
                scopes=tuple((str(name), str(text or "")) for name, text in scopes.items()),
            )
        )
    return tuple(flows)


def _requirements(security: Any) -> tuple[SecurityRequirement, ...]:
    """Security Requirement Objects as given: the schemes of one are used together, with their scopes."""
    found = []
    for alternative in security if isinstance(security, list) else ():
        if isinstance(alternative, dict):
            found.append(
                SecurityRequirement(
                    tuple(
                        (str(key), tuple(str(s) for s in scopes) if isinstance(scopes, list) else ())
                        for key, scopes in alternative.items()
                    )
                )
            )
    return tuple(found)


def _polling(raw: Any) -> Polling | None:
    if not isinstance(raw, dict):
        return None
    return Polling(
        status_pointer=raw["statusPointer"],
        pending=tuple(raw.get("pending") or ()),
        success=tuple(raw.get("success") or ()),
        failure=tuple(raw.get("failure") or ()),
        judged=tuple(Judged(j["value"], j["failuresPointer"]) for j in raw.get("judged") or ()),
        interval_seconds=float(raw["intervalSeconds"]),
        timeout_seconds=float(raw["timeoutSeconds"]),
        pending_when_absent=raw.get("pendingWhenAbsent") is True,
        waiter_name=raw.get("waiterName"),
    )


def _pagination(raw: Any) -> Pagination | None:
    if not isinstance(raw, dict):
        return None
    style, items, name = raw.get("style"), raw["itemsPointer"], raw.get("iteratorName")
    if style == "page":
        return Pagination("page", raw["pageParameter"], items, raw["nextPagePointer"], iterator_name=name)
    if style == "keyset":
        return Pagination(
            "keyset", raw["cursorParameter"], items, raw["cursorPointer"], raw["hasMorePointer"], iterator_name=name
        )
    if style == "offset":
        return Pagination(
            "offset",
            raw["offsetParameter"],
            items,
            None,
            limit_parameter=raw.get("limitParameter"),
            total_pointer=raw.get("totalPointer"),
            iterator_name=name,
        )
    if style == "cursor":
        return Pagination(
            "cursor", raw["cursorParameter"], items, raw["cursorPointer"], raw.get("hasMorePointer"), iterator_name=name
        )
    if style == "next-url":
        return Pagination("next-url", None, items, raw["nextUrlPointer"], iterator_name=name)
    return Pagination("link-header", None, items, None, iterator_name=name)


def _rate_limit(raw: Any) -> RateLimit | None:
    if not isinstance(raw, dict):
        return None
    return RateLimit(raw.get("retryAfterHeader"), raw.get("retryAfterPointer"), raw.get("defaultWaitSeconds"))


def _parameter_example(spec: Any, pointer: str, param: dict[str, Any], schema: Any) -> Any:
    """A value the spec itself gives for a parameter, looked up where OpenAPI allows one."""
    if "example" in param:
        return copy.deepcopy(param["example"])
    examples = param.get("examples")
    if isinstance(examples, dict):
        for name, raw in examples.items():
            _, example = document.deref(spec, jp.join(pointer, "examples", name), raw)
            if isinstance(example, dict) and "value" in example:
                return copy.deepcopy(example["value"])
    if isinstance(schema, dict):
        if "example" in schema:
            return copy.deepcopy(schema["example"])
        if isinstance(schema.get("examples"), list) and schema["examples"]:
            return copy.deepcopy(schema["examples"][0])
    return None
