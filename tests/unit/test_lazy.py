"""``import mastodon`` leaves ``requests`` for the first client; LazyModule stands in until then."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from mastodon._lazy import LazyModule

REPO = Path(__file__).resolve().parents[2]


def test_importing_the_package_does_not_import_requests() -> None:
    code = (
        "import sys\n"
        "from mastodon import Mastodon, MastodonNetworkError\n"
        "assert 'requests' not in sys.modules, 'imported too early'\n"
        "assert 'zlib' not in sys.modules, 'zlib (for the prebuilt converters) imported too early'\n"
        "api = Mastodon(api_base_url='https://mastodon.example')\n"
        "import requests\n"
        "assert isinstance(api.session, requests.Session)\n"
        "import mastodon._core, mastodon._retry\n"
        "mastodon._retry.never_reached(ValueError())\n"
        "assert mastodon._core.requests is requests and mastodon._retry.requests is requests\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)


def test_lazy_module_takes_the_real_modules_place_on_first_use() -> None:
    namespace: dict[str, Any] = {}
    namespace["json_module"] = LazyModule("json", namespace, "json_module")
    assert "imported on first use" in repr(namespace["json_module"])
    assert namespace["json_module"].dumps([1]) == "[1]"
    import json

    assert namespace["json_module"] is json
