"""Typed clients generated from `specs/`, one package per vendor."""
