"""Reading and checking OpenAPI documents."""
