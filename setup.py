"""The optional C speed-up of the entity converter; everything else is configured in setup.cfg.

Without a compiler the build goes on without it (``optional=True``) and mastodon.types_base converts in
Python: the same results, more slowly.
"""

from setuptools import Extension, setup

setup(ext_modules=[Extension("mastodon._speedups", ["mastodon/_speedups.c"], optional=True)])
