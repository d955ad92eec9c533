"""The package list, which pyproject.toml cannot express: every package found here, plus the vendor specs.

The specs stay in specs/ in the repository and ship as the package `generator.specs`, so they are found through
importlib.resources the same way from a wheel and from an editable checkout. Everything else is in pyproject.toml.
"""

from setuptools import find_namespace_packages, setup

setup(
    packages=[
        *find_namespace_packages(
            include=["generator", "generator.*", "generated", "generated.*"], exclude=["*.__pycache__"]
        ),
        "generator.specs",
    ],
    package_dir={"generator.specs": "specs"},
)
