"""Enums that accept values the spec does not list, so a vendor adding a status breaks no one."""

from __future__ import annotations

from enum import IntEnum, StrEnum


class OpenStrEnum(StrEnum):
    """A string enum whose unknown values parse into members that are not among the listed ones."""

    @classmethod
    def _missing_(cls, value: object) -> OpenStrEnum | None:
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member


class OpenIntEnum(IntEnum):
    """An integer enum whose unknown values parse into members that are not among the listed ones."""

    @classmethod
    def _missing_(cls, value: object) -> OpenIntEnum | None:
        if not isinstance(value, int) or isinstance(value, bool):
            return None
        member = int.__new__(cls, value)
        member._name_ = f"VALUE_{value}"
        member._value_ = value
        return member
