"""The `testrelay` logger: silent unless the application configures logging.

It records method, path template, status, retry count and waits, never a header value, a body,
a query string or a secret.
"""

from __future__ import annotations

import logging

logger = logging.getLogger("testrelay")
logger.addHandler(logging.NullHandler())
