"""The vendor specs, installed as the package `generator.specs` (see setup.py) and read as package data."""
