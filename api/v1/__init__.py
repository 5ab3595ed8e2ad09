"""API v1: one module per resource, each with its serializers and its viewset."""
