"""From the IR to Python source: models, clients, package files."""
