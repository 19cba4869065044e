"""One mixin per API area; each endpoint is a decorator, a signature, a docstring and one core call."""
