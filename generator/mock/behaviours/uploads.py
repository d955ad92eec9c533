"""Presigned upload: an upload slot on the mock itself, a PUT without credentials, then something made of it.

Bound by `x-mock: uploads`. The create operation answers an id and a URL on the mock, outside the
API's base path (`/_testrelay/uploads/<id>[.ext]?signature=...`, the extension the example URL
has), which takes a `PUT` with no credentials and the declared content type, as presigned storage
does; its errors are S3-like XML, outside the spec. The consumer operation then takes an upload
whose content arrived (404 before that, as the storage would answer), makes something of it under
a fresh id, and every `references` pointer must name something made.

Ids that appear in the spec's own examples count as uploaded or made, so example-driven requests
(Schemathesis, Prism-style use) keep working; any other id the mock never issued is refused.
"""

from __future__ import annotations

import copy
import hashlib
import hmac
import posixpath
import secrets
from typing import Any
from urllib.parse import urlsplit

from generator.mock.behaviours import Handler, Kit, each
from generator.mock.bounded import Bounded
from generator.mock.call import Answer, Call
from generator.mock.errors import declared, error_answer, not_found, status_of
from generator.mock.validate import Violation
from generator.spec import pointer as jp
from generator.spec.behaviours import Upload
from generator.spec.ir import Api, Operation

UPLOAD_PATH = "/_testrelay/uploads/"


class UploadBehaviour:
    def __init__(self, kit: Kit, decl: Upload, index: int) -> None:
        self.kit = kit
        self.decl = decl
        api = kit.api
        self.create_op = api.operation(decl.create)
        self.consumer_op = api.operation(decl.consumer)
        self.path = f"{UPLOAD_PATH}{index}/" if index else UPLOAD_PATH
        self._key = secrets.token_bytes(16)
        self._uploads: Bounded[str, bool] = Bounded(kit.capacity)
        """upload id -> whether its content arrived."""
        self._made: Bounded[str, dict[str, Any]] = Bounded(kit.capacity)
        example_url = _first(api, self.create_op, decl.url_pointer, answers=True)
        self._extension = posixpath.splitext(urlsplit(str(example_url or "")).path)[1]
        self._example_id = str(_first(api, self.create_op, decl.id_pointer, answers=True) or "")
        self._example_made = str(_first(api, self.consumer_op, decl.made_pointer, answers=True) or "")
        self._example_uploads = set(_values(api, self.create_op, decl.id_pointer, answers=True))
        self._example_uploads |= set(_values(api, self.consumer_op, decl.upload_pointer, answers=False))
        self._example_targets = set(_values(api, self.consumer_op, decl.made_pointer, answers=True))
        for op_id, pointer in decl.references:
            self._example_targets |= set(_values(api, api.operation(op_id), pointer, answers=False))

    def handlers(self) -> dict[str, Handler]:
        found: dict[str, Handler] = {self.decl.create: self.create, self.decl.consumer: self.consume}
        for op_id, _ in self.decl.references:
            found[op_id] = self.check_references
        return found

    def reset(self) -> None:
        with self.kit.lock:
            self._uploads.clear()
            self._made.clear()

    def create(self, call: Call) -> Answer | None:
        negotiated = call.negotiated
        if negotiated is None or not isinstance(negotiated.body, dict):
            return None
        upload_id = _fresh_like(self._example_id)
        with self.kit.lock:
            self._uploads[upload_id] = False
        body = negotiated.body
        jp.put(body, self.decl.id_pointer, upload_id)
        url = f"{call.origin}{self.path}{upload_id}{self._extension}?signature={self._sign(upload_id)}"
        jp.put(body, self.decl.url_pointer, url)
        return Answer(negotiated.status, body, note="upload slot created")

    def receive(self, call: Call) -> Answer:
        """A PUT on an upload URL; S3-like answers, outside the spec."""
        if call.method != "PUT":
            return Answer(405, headers={"Allow": "PUT"}, checked=False, note="upload")
        name = call.path.removeprefix(self.path)
        upload_id = name.removesuffix(self._extension) if self._extension else name
        signature = next((v for k, v in _query(call.query) if k == "signature"), "")
        with self.kit.lock:
            known = upload_id in self._uploads and name.endswith(self._extension)
        if not known:
            return _xml(404, "NoSuchUpload", "The specified upload does not exist.")
        if not hmac.compare_digest(signature, self._sign(upload_id)):
            return _xml(403, "SignatureDoesNotMatch", "The request signature does not match.")
        content_type = call.headers.get("content-type", "").split(";")[0].strip().lower()
        if content_type != self.decl.content_type.lower():
            return _xml(400, "InvalidArgument", f"Content-Type must be {self.decl.content_type}.")
        with self.kit.lock:
            self._uploads[upload_id] = True
        return Answer(200, checked=False, note="uploaded")

    def consume(self, call: Call) -> Answer | None:
        op = self.consumer_op
        negotiated = call.negotiated
        if negotiated is None or not isinstance(call.payload, dict):
            return None
        upload_id = str(jp.get(call.payload, self.decl.upload_pointer) or "")
        state = self._state(upload_id)
        if state == "unknown":
            return not_found(op, "no such upload")
        if state == "pending":  # 404 as the storage would answer: no object under that key yet
            response = declared(op, "404", "400")
            violation = Violation("body", tuple(jp.split(self.decl.upload_pointer)), "nothing was uploaded there yet")
            return error_answer(self.kit.api, response, status_of(response, "404"), [violation], "not uploaded")
        body = _closest(op, call.payload)
        if not isinstance(body, dict):
            body = negotiated.body
        if not isinstance(body, dict):
            return None
        made_key = jp.split(self.decl.made_pointer)[-1]
        for key, value in call.payload.items():
            if key in body and key != made_key:
                body[key] = copy.deepcopy(value)
        made = _fresh_like(self._example_made)
        jp.put(body, self.decl.made_pointer, made)
        with self.kit.lock:
            self._made[made] = dict(call.payload)
        return Answer(negotiated.status, body, note="made")

    def check_references(self, call: Call) -> Answer | None:
        op = call.op
        assert op is not None
        violations = []
        for op_id, pointer in self.decl.references:
            if op_id != op.operation_id:
                continue
            for concrete, value in each(call.payload, pointer):
                if isinstance(value, str) and not self._knows(value):
                    path = tuple(int(t) if t.isdigit() else t for t in jp.split(concrete))
                    violations.append(Violation("body", path, f"no such {path[-1]}: {value}"))
        if not violations:
            return None
        return error_answer(self.kit.api, declared(op, "400"), 400, violations, "unknown reference")

    def _state(self, upload_id: str) -> str:
        """`uploaded`, `pending` (created, content not yet PUT) or `unknown`."""
        if upload_id in self._example_uploads:
            return "uploaded"
        with self.kit.lock:
            state = self._uploads.get(upload_id)
        return "unknown" if state is None else "uploaded" if state else "pending"

    def _knows(self, made: str) -> bool:
        if made in self._example_targets:
            return True
        with self.kit.lock:
            return made in self._made

    def _sign(self, upload_id: str) -> str:
        return hmac.new(self._key, upload_id.encode(), hashlib.sha256).hexdigest()[:32]


def _query(text: str) -> list[tuple[str, str]]:
    from urllib.parse import parse_qsl

    return parse_qsl(text, keep_blank_values=True)


def _fresh_like(example: str) -> str:
    """A fresh id shaped like the example's: its prefix up to the last `_`, then random hex."""
    prefix = example.rsplit("_", 1)[0] + "_" if "_" in example else ""
    return prefix + secrets.token_hex(5)


def _closest(op: Operation, payload: dict[str, Any]) -> Any:
    """The success example sharing the most fields with the request (the one that echoes them), if any."""
    answer = op.success
    candidates = [e.value for e in (answer.examples if answer is not None else ()) if isinstance(e.value, dict)]
    if not candidates:
        return None
    return copy.deepcopy(max(candidates, key=lambda value: len(value.keys() & payload.keys())))


def _values(api: Api, op: Operation, pointer: str, *, answers: bool) -> list[str]:
    del api
    examples = [e for r in op.responses if r.is_success for e in r.examples] if answers else list(op.request_examples)
    return [str(v) for e in examples for _, v in each(e.value, pointer) if isinstance(v, str)]


def _first(api: Api, op: Operation, pointer: str, *, answers: bool) -> Any:
    found = _values(api, op, pointer, answers=answers)
    return found[0] if found else None


def _xml(status: int, code: str, message: str) -> Answer:
    text = f'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>{code}</Code><Message>{message}</Message></Error>'
    return Answer(status, text=text, media_type="application/xml", checked=False, note="upload")
