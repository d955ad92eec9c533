"""Seeded mutants of a spec: what a careless edit, a broken download or a hostile author can make of it.

Each mutant is a small change of a real spec, so most of the document stays valid and the change
reaches deep into check and generate: a value of the wrong type at any level, a deleted key, a
dangling or cyclic `$ref`, a duplicate operationId, hostile text in a name or a description, or,
on the file's bytes, a truncation or flipped bytes.
"""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml

Path_ = list[str | int]

HOSTILE = (
    '"""',
    "'''",
    "\\",
    'end\\"; raise SystemExit("INJECTED") #',
    '"""\nraise SystemExit("INJECTED")\n"""',
    "'\nraise SystemExit('INJECTED')\n'",
    "{{ ctx }}{% raw %}",
    "\x00",
    "a\x00b",
    "\x07\x1b[31m",
    "\u2028\u2029",
    "\ud800",
    "\r\n\r",
    "class",
    "None",
    "__init__",
    "self",
    "1st",
    "",
    " ",
    "-",
    "ünïcödé 😀",
    "x" * 400,
    "%s %(x)s {0}",
    "a/b~c",
    "#/components/schemas/Nope",
    "$response.body#/id",
)
"""Text that has broken code generators: quotes that end a string, code after a newline, template syntax,
characters Python source cannot hold, Python keywords and names, and text that looks like a reference."""

WRONG: tuple[Any, ...] = (7, -1, 1.5, True, "text", [1, "two"], {"a": 1}, [], {}, None)
"""Values of every JSON type, to put where another type belongs."""

_TEXT_KEYS = frozenset({"description", "summary", "title", "operationId", "name", "format", "pattern", "in", "style"})


@dataclass(frozen=True)
class Mutant:
    """One mutant: what was done, the file's bytes and its suffix."""

    kind: str
    content: bytes
    suffix: str = ".yaml"


def _nodes(data: Any) -> list[tuple[Path_, Any]]:
    """(path, value) of every node of the document, the root included."""
    found: list[tuple[Path_, Any]] = []

    def walk(node: Any, path: Path_) -> None:
        found.append((path, node))
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, [*path, key])
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, [*path, i])

    walk(data, [])
    return found


def _set(data: Any, path: Path_, value: Any) -> Any:
    if not path:
        return value
    node = data
    for token in path[:-1]:
        node = node[token]
    node[path[-1]] = value
    return data


def _get(data: Any, path: Path_) -> Any:
    for token in path:
        data = data[token]
    return data


def _operations(data: Any) -> list[dict[str, Any]]:
    paths = data.get("paths") if isinstance(data, dict) else None
    ops = []
    for item in (paths or {}).values() if isinstance(paths, dict) else ():
        for op in (item or {}).values() if isinstance(item, dict) else ():
            if isinstance(op, dict) and "responses" in op:
                ops.append(op)
    return ops


def wrong_type(rng: random.Random, data: Any) -> tuple[str, Any]:
    path, value = rng.choice(_nodes(data)[1:])
    replacement = rng.choice([w for w in WRONG if type(w) is not type(value)])
    return f"wrong type at /{'/'.join(map(str, path))}", _set(data, path, copy.deepcopy(replacement))


def delete_key(rng: random.Random, data: Any) -> tuple[str, Any]:
    mappings = [(p, n) for p, n in _nodes(data) if isinstance(n, dict) and n]
    path, node = rng.choice(mappings)
    key = rng.choice(list(node))
    del node[key]
    return f"deleted /{'/'.join(map(str, [*path, key]))}", data


def dangling_ref(rng: random.Random, data: Any) -> tuple[str, Any]:
    refs = [(p, n) for p, n in _nodes(data) if isinstance(n, dict) and isinstance(n.get("$ref"), str)]
    target = rng.choice(["#/components/schemas/Nope", "#/nowhere", "other.yaml#/x", "#", "#/paths", "http://x/y"])
    if refs:
        path, node = rng.choice(refs)
        node["$ref"] = target
        return f"dangling $ref at /{'/'.join(map(str, path))}", data
    path, _ = rng.choice(_nodes(data)[1:])
    return f"$ref put at /{'/'.join(map(str, path))}", _set(data, path, {"$ref": target})


def cyclic_ref(rng: random.Random, data: Any) -> tuple[str, Any]:
    schemas = ((data.get("components") or {}).get("schemas") or {}) if isinstance(data, dict) else {}
    names = list(schemas)
    if len(names) < 2:
        return delete_key(rng, data)
    a, b = rng.sample(names, 2)
    choice = rng.randrange(4)
    if choice == 0:
        schemas[a] = {"$ref": f"#/components/schemas/{a}"}
    elif choice == 1:
        schemas[a] = {"$ref": f"#/components/schemas/{b}"}
        schemas[b] = {"$ref": f"#/components/schemas/{a}"}
    elif choice == 2:
        schemas[a] = {"allOf": [{"$ref": f"#/components/schemas/{a}"}]}
    else:
        schemas[a] = {"type": "object", "properties": {"self": {"$ref": f"#/components/schemas/{a}"}}}
    return f"cyclic $ref between {a} and {b} ({choice})", data


def duplicate_operation_id(rng: random.Random, data: Any) -> tuple[str, Any]:
    ops = _operations(data)
    if len(ops) < 2:
        return delete_key(rng, data)
    first, second = rng.sample(ops, 2)
    second["operationId"] = first.get("operationId", "same")
    return f"duplicate operationId {first.get('operationId')!r}", data


def hostile_text(rng: random.Random, data: Any) -> tuple[str, Any]:
    text = rng.choice(HOSTILE)
    named = [
        (p, n) for p, n in _nodes(data) if p and isinstance(p[-1], str) and p[-1] in _TEXT_KEYS and isinstance(n, str)
    ]
    keyed = [(p, n) for p, n in _nodes(data) if isinstance(n, dict) and n and p and p[-1] in ("properties", "schemas")]
    enums = [(p, n) for p, n in _nodes(data) if p and p[-1] == "enum" and isinstance(n, list) and n]
    choice = rng.randrange(3)
    if choice == 0 and keyed:  # a property or schema name
        path, node = rng.choice(keyed)
        old = rng.choice(list(node))
        node[text] = node.pop(old)
        return f"key {old!r} at /{'/'.join(map(str, path))} renamed {text!r}", data
    if choice == 1 and enums:
        path, values = rng.choice(enums)
        values[rng.randrange(len(values))] = text
        return f"enum value at /{'/'.join(map(str, path))} set to {text!r}", data
    path, _ = rng.choice(named)
    return f"/{'/'.join(map(str, path))} set to {text!r}", _set(data, path, text)


def truncate(rng: random.Random, raw: bytes) -> tuple[str, bytes]:
    at = rng.randrange(len(raw))
    return f"truncated at byte {at}", raw[:at]


def flip_bytes(rng: random.Random, raw: bytes) -> tuple[str, bytes]:
    flipped = bytearray(raw)
    spots = sorted(rng.randrange(len(flipped)) for _ in range(rng.randint(1, 8)))
    for spot in spots:
        flipped[spot] = rng.randrange(256)
    return f"bytes flipped at {spots}", bytes(flipped)


TREE_MUTATIONS: tuple[Callable[[random.Random, Any], tuple[str, Any]], ...] = (
    wrong_type,
    wrong_type,
    wrong_type,
    delete_key,
    delete_key,
    dangling_ref,
    cyclic_ref,
    duplicate_operation_id,
    hostile_text,
    hostile_text,
    hostile_text,
)
TEXT_MUTATIONS: tuple[Callable[[random.Random, bytes], tuple[str, bytes]], ...] = (truncate, flip_bytes)


def _dump(data: Any, rng: random.Random) -> tuple[str, str]:
    """YAML text (escapes for what YAML cannot hold raw), or now and then JSON with every escape it has."""
    if rng.random() < 0.2:
        return json.dumps(data, ensure_ascii=True, indent=1), ".json"
    try:
        return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100), ".yaml"
    except yaml.YAMLError:
        return json.dumps(data, ensure_ascii=True, indent=1), ".json"


def mutant(rng: random.Random, source: str) -> Mutant:
    """One mutant of a spec's text: one or two changes of its data, or of its bytes."""
    if rng.random() < 0.15:
        mutate_bytes = rng.choice(TEXT_MUTATIONS)
        kind, raw = mutate_bytes(rng, source.encode("utf-8"))
        return Mutant(kind, raw)
    data = yaml.safe_load(source)
    kinds = []
    for _ in range(rng.choice((1, 1, 1, 2))):
        mutate = rng.choice(TREE_MUTATIONS)
        kind, data = mutate(rng, data)
        kinds.append(kind)
    text, suffix = _dump(data, rng)
    return Mutant("; ".join(kinds), text.encode("utf-8", errors="surrogatepass"), suffix)
