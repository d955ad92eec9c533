"""testrelay: spec-driven clients, mock servers and contract tests for test-automation CI/CD APIs."""

__version__ = "0.1.0"
