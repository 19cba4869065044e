"""Record how Mastodon.py's entities behave, for the generator and for the tests that pin our entities to it.

Run with the interpreter of a scratch virtual environment that has Mastodon.py 2.3.3 installed
(``pip install mastodon-py==2.3.3``), from the repository root::

    /path/to/venv/bin/python tools/record_mastodonpy_entities.py [--docs ../shared/mastodon-api-docs]

It writes two files, both committed:

- ``tools/mastodonpy_entity_fields.json``: every entity class's declared fields in Mastodon.py's order
  (the fields it fills with None when the server leaves them out), its renamed fields, and which
  fields it converts to datetimes or to its id type.
  ``tools/gen_return_types.py`` reads it to emit each class's ``_fields``.
- ``tests/unit/data/mastodonpy_entities.json``: cases of input JSON with what Mastodon.py made of them:
  its ``to_json`` document, its keys, ``len``, item / attribute / ``get`` reads, ``in``, id behaviour,
  and a page fetched from a local server (so its page infos are Mastodon.py's own).

Nothing here imports our package (both are named ``mastodon``).
"""

from __future__ import annotations

import argparse
import copy
import datetime
import inspect
import json
import re
import threading
import typing
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
FIELDS_OUT = REPO / "tools" / "mastodonpy_entity_fields.json"
CASES_OUT = REPO / "tests" / "unit" / "data" / "mastodonpy_entities.json"

# Field names whose reads are recorded for every case (declared ones left out, and one no class has).
PROBED = ("moved", "suspended", "limited", "edited_at", "history", "last_status_at", "pinned", "no_such_field")


def conversion_of(hint: Any) -> str | None:
    """What Mastodon.py makes of a string in a field with this hint: ``"datetime"``, ``"id"`` or nothing.

    It tries the members of a union in order and keeps the first that fits, so ``IdType`` (a union
    starting with ``str``) leaves an id a plain string, while ``MaybeSnowflakeIdType`` converts it.
    """
    from mastodon.types_base import MaybeSnowflakeIdType

    if typing.get_origin(hint) is typing.Union:
        hint = typing.get_args(hint)[0]
    if hint is datetime.datetime:
        return "datetime"
    if hint is MaybeSnowflakeIdType:
        return "id"
    return None


def docs_example(docs: Path, name: str) -> Any:
    text = (docs / "entities" / f"{name}.md").read_text(encoding="utf-8")
    section = text[text.index("## Example") :]
    found = re.search(r"```json\n(.*?)```", section, re.S)
    assert found is not None
    return json.loads(found.group(1))


def describe(value: Any) -> Any:
    """A value as JSON can hold it, with its Python type kept in words."""
    if isinstance(value, datetime.datetime):
        return {"datetime": value.isoformat(), "aware": value.tzinfo is not None}
    if value is None or isinstance(value, (bool, int, float, str)):
        return {"value": value, "type": type(value).__name__}
    return {"type": type(value).__name__}


def facts(entity: Any) -> dict[str, Any]:
    """What Mastodon.py answers for the reads and views the tests compare."""
    from mastodon.types_base import MaybeSnowflakeIdType

    result: dict[str, Any] = {
        "keys": list(entity.keys()),
        "len": len(entity),
        "iter": list(entity),
        "bool": bool(entity),
        "dumps": json.loads(json.dumps(entity, default=str)),
        "reads": {},
    }
    for name in PROBED:
        read: dict[str, Any] = {"in": name in entity, "get": describe(entity.get(name)), "get_default": None}
        read["get_default"] = describe(entity.get(name, "default"))
        try:
            read["item"] = describe(entity[name])
        except KeyError:
            read["item"] = "KeyError"
        try:
            read["attribute"] = describe(getattr(entity, name))
        except AttributeError:
            read["attribute"] = "AttributeError"
        result["reads"][name] = read
    try:
        entity.no_such_field = 1
        result["set_unknown_attribute"] = "set"
    except AttributeError:
        result["set_unknown_attribute"] = "AttributeError"
    entity_id = entity.get("id")
    if isinstance(entity_id, MaybeSnowflakeIdType):
        number = int(str(entity_id))
        result["id"] = {
            "repr": repr(entity_id),
            "equals_int": entity_id == number,
            "equals_str": entity_id == str(number),
            "hash_is_str_hash": hash(entity_id) == hash(str(number)),
            "int_in_set": number in {entity_id},
            "str_in_set": str(number) in {entity_id},
            "less_than_next_int": entity_id < number + 1,
        }
    return result


def entity_cases(docs: Path) -> list[dict[str, Any]]:
    from mastodon.return_types import ENTITY_NAME_MAP
    from mastodon.types_base import Entity, try_cast_recurse

    status = docs_example(docs, "Status")
    account = dict(status["account"])
    account["last_status_at"] = "2019-11-24"
    inputs = [
        ("status", "Status", status),
        ("account_date_only", "Account", account),
        ("tag_without_history", "Tag", {"name": "python", "url": "https://mastodon.example/tags/python"}),
        ("preferences", "Preferences", {"posting:default:visibility": "public", "reading:expand:media": "default"}),
        ("unknown_fields", "Account", {"id": "23", "username": "a", "zz_new": {"x": 1}, "zz_flag": True}),
    ]
    cases = []
    for name, class_name, data in inputs:
        entity = try_cast_recurse(ENTITY_NAME_MAP[class_name], copy.deepcopy(data))
        cases.append(
            {
                "name": name,
                "class": class_name,
                "input": data,
                "to_json": entity.to_json(pretty=False),
                "facts": facts(try_cast_recurse(ENTITY_NAME_MAP[class_name], copy.deepcopy(data))),
                "read_back_equals": Entity.from_json(entity.to_json()) == entity,
            }
        )
    return cases


def page_case(docs: Path) -> dict[str, Any]:
    """A timeline page as Mastodon.py fetches it from a local server with a ``Link`` header."""
    from mastodon import Mastodon

    first = docs_example(docs, "Status")
    second = copy.deepcopy(first)
    second["id"] = "103270115826038970"
    body = json.dumps([first, second]).encode()
    holder: dict[str, str] = {}

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            return

        def do_GET(self) -> None:
            base = holder["base"]
            self.send_response(200)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header(
                "Link",
                f'<{base}/api/v1/timelines/home?limit=2&max_id=103270115826038970>; rel="next", '
                f'<{base}/api/v1/timelines/home?limit=2&min_id=103270115826048975>; rel="prev"',
            )
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    holder["base"] = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        api = Mastodon(
            api_base_url=holder["base"], access_token="t", version_check_mode="none", mastodon_version="4.4.0"
        )
        page = api.timeline_home(limit=2)
    finally:
        server.shutdown()
        server.server_close()
    document = page.to_json(pretty=False)
    return {
        "name": "home_page",
        "class": "PaginatableList",
        "input": json.loads(body),
        "base_url": holder["base"],
        "to_json": document.replace(holder["base"], "http://127.0.0.1:PORT"),
        "item_class": type(page[0]).__name__,
        "page_class": type(page).__name__,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, default=REPO.parent / "shared" / "mastodon-api-docs")
    args = parser.parse_args()
    import importlib.metadata

    import mastodon.return_types as return_types
    from mastodon.types_base import AttribAccessDict

    version = importlib.metadata.version("Mastodon.py")
    classes: dict[str, Any] = {}
    for name, value in sorted(vars(return_types).items()):
        if (
            isinstance(value, type)
            and issubclass(value, AttribAccessDict)
            and value.__module__ == return_types.__name__
        ):
            hints = typing.get_type_hints(value)
            fields = list(inspect.get_annotations(value))
            classes[name] = {
                "fields": fields,
                "renamed": dict(getattr(value, "_rename_map", {}) or {}),
                "converted": {field: kind for field in fields if (kind := conversion_of(hints.get(field)))},
            }
    FIELDS_OUT.write_text(
        json.dumps({"mastodonpy": version, "classes": classes}, indent=1, sort_keys=False) + "\n", encoding="utf-8"
    )
    cases = [*entity_cases(args.docs), page_case(args.docs)]
    CASES_OUT.parent.mkdir(parents=True, exist_ok=True)
    CASES_OUT.write_text(json.dumps({"mastodonpy": version, "cases": cases}, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {FIELDS_OUT.relative_to(REPO)} ({len(classes)} classes) and {CASES_OUT.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
