"""Mock servers built from the specs."""
