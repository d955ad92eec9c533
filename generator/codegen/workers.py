"""datamodel-code-generator in forked worker processes, so its import and its run overlap the rest.

Generating a spec's models is most of the time `testrelay generate` takes, and importing the
model generator is half a second of it. A worker is forked before the specs are read and imports
the generator at once, while this process reads and checks the spec; then it generates the models
while this process builds the client and the contract suite. With several specs, two workers (the
machines we run on have two cores or more) generate two specs' models at a time.

Fork is used, never spawn: a spawned worker would import everything again. Where fork is not the
platform's way (Windows, macOS), models are generated in this process as before.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.pool
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Protocol

from generator.spec.ir import Api

_MAX_WORKERS = 2


class Pending(Protocol):
    def get(self) -> tuple[str, frozenset[str]]: ...


def _preload() -> None:
    """Runs in each worker as it starts: the model generator's import, before any spec arrives."""
    import datamodel_code_generator.parser.openapi  # noqa: F401


def _generate(api: Api) -> tuple[str, frozenset[str]]:
    from generator.codegen.models import generate_models

    return generate_models(api)


class ModelWorkers:
    """A small pool of forked workers that generate models; `submit` returns what `get` waits for."""

    def __init__(self, pool: multiprocessing.pool.Pool) -> None:
        self._pool = pool

    def submit(self, api: Api) -> Pending:
        result: Any = self._pool.apply_async(_generate, (api,))
        return result  # type: ignore[no-any-return]

    @classmethod
    @contextmanager
    def start(cls, specs: int) -> Iterator[ModelWorkers | None]:
        """Workers for `specs` specs, or None where forking is not available or not worth it."""
        if specs < 1 or sys.platform in ("win32", "darwin") or "fork" not in multiprocessing.get_all_start_methods():
            yield None
            return
        count = max(1, min(specs, _MAX_WORKERS, os.cpu_count() or 1))
        pool = multiprocessing.get_context("fork").Pool(count, initializer=_preload)
        try:
            yield cls(pool)
        finally:
            pool.terminate()
            pool.join()
