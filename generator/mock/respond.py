"""Respond stage: the answer as bytes, after checking it against the spec.

An answer that breaks the operation's declared response schema is the mock's own bug, and it is
answered as a 500 naming the broken rule rather than sent. Most answers repeat one another (an
example with the same ids), so the answers already found valid are remembered, by digest and in a
bounded set, and not checked again.
"""

from __future__ import annotations

import hashlib
import json
import threading

from starlette.responses import Response

from generator.mock.bounded import Bounded
from generator.mock.call import Answer, Call
from generator.mock.validate import Validators

_CHECKED = 1_024


class Respond:
    def __init__(self, validators: Validators) -> None:
        self.validators = validators
        self._lock = threading.Lock()
        self._valid: Bounded[tuple[str, int, bytes], None] = Bounded(_CHECKED)

    def __call__(self, call: Call, answer: Answer) -> Response:
        response = self._render(call, answer)
        note = f"{answer.note}: {response.status_code}" if answer.note else f"answered {response.status_code}"
        call.entry.outcome = note
        return response

    def _render(self, call: Call, answer: Answer) -> Response:
        if answer.text is not None:
            return Response(
                answer.text, status_code=answer.status, headers=answer.headers, media_type=answer.media_type
            )
        if answer.body is None:
            return Response(status_code=answer.status, headers=answer.headers)
        text = json.dumps(answer.body, separators=(",", ":"))
        op = call.op
        if answer.checked and op is not None:
            declared = next((r for r in op.responses if r.status == str(answer.status)), None)
            if declared is not None and declared.schema is not None:
                key = (op.operation_id, answer.status, hashlib.blake2b(text.encode(), digest_size=16).digest())
                with self._lock:
                    known = key in self._valid
                if not known:
                    errors = self.validators.errors(declared.schema, answer.body)
                    if errors:
                        message = f"mock answer for {op.operation_id} breaks its own spec: {errors[0].message[:200]}"
                        answer.note = "self-check failed"
                        return Response(
                            json.dumps({"message": message}), status_code=500, media_type="application/json"
                        )
                    with self._lock:
                        self._valid[key] = None
        return Response(text, status_code=answer.status, headers=answer.headers, media_type="application/json")
