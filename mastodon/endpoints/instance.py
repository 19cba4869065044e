"""The instance: its description, rules, peers, activity and the other server-wide documents."""

from __future__ import annotations

from .._core import Core
from .._versions import api_version
from ..errors import MastodonNotFoundError
from ..return_types import Instance, InstanceV2

__all__ = ["InstanceMixin"]


class InstanceMixin(Core):
    """Endpoints under ``/api/v1/instance`` and ``/api/v2/instance``."""

    @api_version("1.1.0", "4.0.0")
    def instance(self) -> InstanceV2 | Instance:
        """The newest instance document the server has: v2 from Mastodon 4.0, v1 before (or where v2 is missing)."""
        if self._server_version is not None and self._server_version.compatible < (4, 0, 0):
            return self.instance_v1()
        try:
            return self.instance_v2()
        except MastodonNotFoundError:
            return self.instance_v1()

    @api_version("1.1.0", "3.4.0")
    def instance_v1(self) -> Instance:
        """The server's v1 instance document: name, version, contact, limits (deprecated since 4.0)."""
        return self._get("/api/v1/instance", Instance)

    @api_version("4.0.0", "4.4.0")
    def instance_v2(self) -> InstanceV2:
        """The server's v2 instance document: domain, version, configuration, registrations, contact."""
        return self._get("/api/v2/instance", InstanceV2)
