"""Typed clients generated from OpenAPI specs by testrelay, one package per spec."""
