"""Routing stage: which operation a request is for, from the method and path alone.

404 for a path no operation has (under the server URL's path, such as `/api`), 405 with
`Allow` for a method the path does not declare. Literal segments win over parameters
(`/runs/threads/{id}` before `/runs/{id}/...`). Paths outside the API that a behaviour serves
(a presigned upload URL) are handed to that behaviour before any of this.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.mock.call import Answer, Call
from generator.spec.ir import Api, Operation


@dataclass(frozen=True)
class _Route:
    op: Operation
    pattern: re.Pattern[str]
    groups: dict[str, str]
    """Regex group name -> path parameter name."""


class Router:
    def __init__(self, api: Api) -> None:
        self.base_path = api.base_path
        self._routes = _compile(api)

    def __call__(self, call: Call) -> Answer | None:
        path = call.path
        if not path.startswith(self.base_path + "/") and path != self.base_path:
            return _no_such_path(path)
        relative = path[len(self.base_path) :] or "/"
        matches = [(r, m) for r in self._routes if (m := r.pattern.fullmatch(relative))]
        if not matches:
            return _no_such_path(path)
        chosen = next(((r, m) for r, m in matches if r.op.method.upper() == call.method), None)
        if chosen is None:
            allow = ", ".join(sorted({r.op.method.upper() for r, _ in matches}))
            return Answer(405, headers={"Allow": allow}, checked=False, note="no such method")
        route, match = chosen
        call.op = route.op
        call.relative = relative
        call.path_values = {route.groups[g]: v for g, v in match.groupdict().items()}
        return None


def _no_such_path(path: str) -> Answer:
    return Answer(404, {"message": f"no such path: {path}"}, checked=False, note="no such path")


def _compile(api: Api) -> list[_Route]:
    routes = []
    for op in api.operations:
        groups: dict[str, str] = {}
        pattern = ""
        for literal, name in re.findall(r"([^{]*)(?:\{([^}]*)\})?", op.path):
            pattern += re.escape(literal)
            if name:
                group = f"p{len(groups)}"
                groups[group] = name
                pattern += f"(?P<{group}>[^/]+)"
        routes.append(_Route(op, re.compile(pattern), groups))
    routes.sort(key=lambda r: -len(re.sub(r"\{[^}]*\}", "", r.op.path)))
    return routes
