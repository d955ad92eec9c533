"""The enum bases of generated models, under the names datamodel-code-generator imports.

The model generator is told to import `StrEnum` and `IntEnum` from here (its `import_overrides`
option), so every generated enum accepts values the spec does not list.
"""

from generator.runtime._enums import OpenIntEnum as IntEnum
from generator.runtime._enums import OpenStrEnum as StrEnum

__all__ = ["IntEnum", "StrEnum"]
