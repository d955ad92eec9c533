"""Validation stage: path, query, headers, content type and body against the operation, every violation at once.

The checks themselves are in generator/mock/validate.py; this stage runs them, keeps the parsed
parameters and body on the call for the stages after it, and answers violations in the vendor's
own error format with a status the spec declares (generator/mock/errors.py).
"""

from __future__ import annotations

from urllib.parse import parse_qsl

from generator.mock.call import Answer, Call
from generator.mock.errors import invalid
from generator.mock.validate import Validators, Violation, check_request
from generator.spec.ir import Api

MAX_BODY = 1024 * 1024


class Validation:
    def __init__(self, api: Api, validators: Validators) -> None:
        self.api = api
        self.validators = validators

    def __call__(self, call: Call) -> Answer | None:
        op = call.op
        assert op is not None
        if len(call.body) > MAX_BODY:
            return invalid(self.api, op, [Violation("body", (), f"body over {MAX_BODY} bytes")])
        query = parse_qsl(call.query, keep_blank_values=True)
        violations, params, payload = check_request(
            self.validators, op, call.path_values, query, call.headers, call.headers.get("content-type"), call.body
        )
        if violations:
            return invalid(self.api, op, violations)
        call.params, call.payload = params, payload
        return None
