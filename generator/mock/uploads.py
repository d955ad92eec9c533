"""Presigned uploads and the targets made from them, for specs with Doksi-style binary uploads.

`createUpload` answers an `upload_url` on the mock itself, outside the API's base path
(`/_testrelay/uploads/<upload_id>.zip?signature=...`), which takes a `PUT` with no credentials and
`Content-Type: application/zip`, as presigned storage does; its errors are S3-like XML, not part
of the spec. `createTarget` then accepts the upload and stores a target, and `createRun` accepts
matrix entries naming a stored target.

Ids that appear in the spec's own examples (`upl_...`, `bin_...`) are accepted as already
uploaded or created, so example-driven requests (Schemathesis, Prism-style use) keep working;
any other id the mock never issued is refused.
"""

from __future__ import annotations

import copy
import hashlib
import hmac
import secrets
import threading
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

from generator.spec.ir import Api

OPERATIONS = frozenset({"createUpload", "createTarget", "createRun"})
UPLOAD_PATH = "/_testrelay/uploads/"
UPLOAD_ID, TARGET_ID, UPLOAD_URL = "upload_id", "target_id", "upload_url"
CONTENT_TYPE = "application/zip"


def applies(api: Api) -> bool:
    return {op.operation_id for op in api.operations} >= OPERATIONS


class UploadStore:
    def __init__(self, api: Api) -> None:
        self._key = secrets.token_bytes(16)
        self._lock = threading.Lock()
        self._uploads: dict[str, bool] = {}
        """upload id -> whether its content arrived."""
        self._targets: dict[str, dict[str, Any]] = {}
        self._example_uploads = set(_values_named(api, UPLOAD_ID))
        self._example_targets = set(_values_named(api, TARGET_ID))

    def create_upload(self, origin: str) -> tuple[str, str]:
        """A fresh upload id and its URL on the mock at `origin` (`http://host:port`)."""
        upload_id = "upl_" + secrets.token_hex(5)
        with self._lock:
            self._uploads[upload_id] = False
        return upload_id, f"{origin}{UPLOAD_PATH}{upload_id}.zip?signature={self._sign(upload_id)}"

    def receive(self, path: str, signature: str, content_type: str) -> tuple[int, str]:
        """The answer to a PUT on an upload URL: status and an S3-like XML body."""
        name = path.removeprefix(UPLOAD_PATH)
        upload_id = name.removesuffix(".zip")
        with self._lock:
            known = upload_id in self._uploads and name.endswith(".zip")
        if not known:
            return 404, _xml("NoSuchUpload", "The specified upload does not exist.")
        if not hmac.compare_digest(signature, self._sign(upload_id)):
            return 403, _xml("SignatureDoesNotMatch", "The request signature does not match.")
        if content_type.split(";")[0].strip().lower() != CONTENT_TYPE:
            return 400, _xml("InvalidArgument", f"Content-Type must be {CONTENT_TYPE}.")
        with self._lock:
            self._uploads[upload_id] = True
        return 200, ""

    def upload_state(self, upload_id: str) -> str:
        """`uploaded`, `pending` (created, content not yet PUT) or `unknown`."""
        if upload_id in self._example_uploads:
            return "uploaded"
        with self._lock:
            state = self._uploads.get(upload_id)
        return "unknown" if state is None else "uploaded" if state else "pending"

    def create_target(self, body: dict[str, Any]) -> str:
        target_id = "bin_" + secrets.token_hex(6)
        with self._lock:
            self._targets[target_id] = body
        return target_id

    def knows_target(self, target_id: str) -> bool:
        if target_id in self._example_targets:
            return True
        with self._lock:
            return target_id in self._targets

    def _sign(self, upload_id: str) -> str:
        return hmac.new(self._key, upload_id.encode(), hashlib.sha256).hexdigest()[:32]


def unknown_targets(payload: Any, store: UploadStore) -> list[tuple[int, str]]:
    """(matrix index, target id) for every matrix entry naming a target the mock never issued."""
    matrix = payload.get("matrix") if isinstance(payload, dict) else None
    found = []
    for i, entry in enumerate(matrix if isinstance(matrix, list) else []):
        target = entry.get(TARGET_ID) if isinstance(entry, dict) else None
        if isinstance(target, str) and not store.knows_target(target):
            found.append((i, target))
    return found


def matrix_results(results: list[Any], payload: Any) -> list[Any]:
    """One result per matrix entry and test id, shaped like the example's results, with fresh ids."""
    matrix = payload.get("matrix") if isinstance(payload, dict) else None
    templates = [r for r in results if isinstance(r, dict)]
    if not isinstance(matrix, list) or not templates:
        return results
    made: list[Any] = []
    for entry in matrix:
        tests = entry.get("test_ids") if isinstance(entry, dict) else None
        for test_id in tests if isinstance(tests, list) and tests else [None]:
            item = copy.deepcopy(templates[len(made) % len(templates)])
            old_result, old_test = str(item.get("result_id", "")), str(item.get("test_id", ""))
            item["result_id"] = "res_" + secrets.token_hex(3)
            if test_id is not None:
                item["test_id"] = test_id
            if isinstance(item.get("url"), str) and old_result and old_test:
                # Percent-encoded: a test id may hold anything, and the url must stay a URI.
                segment = quote(str(item["test_id"]).encode("utf-8", "surrogatepass"), safe="")
                item["url"] = item["url"].replace(old_result, item["result_id"]).replace(old_test, segment)
            made.append(item)
    return made


def _values_named(api: Api, key: str) -> Iterator[str]:
    for op in api.operations:
        for example in (*op.request_examples, *(e for r in op.responses for e in r.examples)):
            yield from _walk(example.value, key)


def _walk(node: Any, key: str) -> Iterator[str]:
    if isinstance(node, dict):
        for k, v in node.items():
            if k == key and isinstance(v, str):
                yield v
            else:
                yield from _walk(v, key)
    elif isinstance(node, list):
        for item in node:
            yield from _walk(item, key)


def _xml(code: str, message: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>{code}</Code><Message>{message}</Message></Error>'
