"""Error mapping in the request core: every status class, non-JSON bodies, network failures."""

from __future__ import annotations

import pytest
import requests

from mastodon import (
    Mastodon,
    MastodonAPIError,
    MastodonBadGatewayError,
    MastodonError,
    MastodonGatewayTimeoutError,
    MastodonInternalServerError,
    MastodonIOError,
    MastodonNetworkError,
    MastodonNotFoundError,
    MastodonReadTimeout,
    MastodonServerError,
    MastodonServiceUnavailableError,
    MastodonUnauthorizedError,
)
from mastodon import errors as errors_module

URL = "https://mastodon.example/api/v1/statuses/1"


@pytest.mark.parametrize(
    ("status", "error_class"),
    [
        (400, MastodonAPIError),
        (401, MastodonUnauthorizedError),
        (403, MastodonAPIError),
        (404, MastodonNotFoundError),
        (410, MastodonAPIError),
        (422, MastodonAPIError),
        (500, MastodonInternalServerError),
        (501, MastodonServerError),
        (502, MastodonBadGatewayError),
        (503, MastodonServiceUnavailableError),
        (504, MastodonGatewayTimeoutError),
        (507, MastodonServerError),
    ],
)
def test_each_status_maps_to_its_error_class(api: Mastodon, http, status: int, error_class: type) -> None:
    http.get(URL, status_code=status, reason="Reason", json={"error": "Something went wrong"})
    with pytest.raises(error_class) as caught:
        api.status(1)
    error = caught.value
    assert type(error) is error_class
    assert error.args == ("The server answered with an error", status, "Reason", "Something went wrong")
    assert error.status_code == status and error.reason == "Reason" and error.error == "Something went wrong"
    assert error.response is not None and error.response.status_code == status


def test_error_tree_matches_mastodon_py() -> None:
    assert issubclass(errors_module.MastodonIllegalArgumentError, ValueError)
    assert issubclass(MastodonIOError, OSError)
    assert issubclass(MastodonReadTimeout, MastodonNetworkError)
    assert issubclass(MastodonNotFoundError, MastodonAPIError)
    assert issubclass(MastodonServerError, MastodonAPIError)
    assert issubclass(errors_module.MastodonDeprecationWarning, errors_module.MastodonWarning)
    for name in errors_module.__all__:
        thing = getattr(errors_module, name)
        if isinstance(thing, type) and issubclass(thing, Exception) and not issubclass(thing, Warning):
            assert issubclass(thing, MastodonError)


def test_422_keeps_description_and_details(api: Mastodon, http) -> None:
    body = {
        "error": "Validation failed: Text can't be blank",
        "details": {"text": [{"error": "ERR_BLANK", "description": "can't be blank"}]},
    }
    http.get(URL, status_code=422, reason="Unprocessable Entity", json=body)
    with pytest.raises(MastodonAPIError) as caught:
        api.status(1)
    assert caught.value.details == body["details"]
    assert "text can't be blank" in str(caught.value)


def test_oauth_error_description_is_kept(api: Mastodon, http) -> None:
    http.get(URL, status_code=400, json={"error": "invalid_grant", "error_description": "The code has expired"})
    with pytest.raises(MastodonAPIError) as caught:
        api.status(1)
    assert caught.value.error == "invalid_grant"
    assert caught.value.error_description == "The code has expired"
    assert "The code has expired" in str(caught.value)


def test_html_error_page_says_what_came_back(api: Mastodon, http) -> None:
    http.get(
        URL,
        status_code=502,
        text="<html><body>Bad gateway from nginx</body></html>",
        headers={"Content-Type": "text/html"},
    )
    with pytest.raises(MastodonBadGatewayError) as caught:
        api.status(1)
    assert "text/html" in str(caught.value) and "Bad gateway from nginx" in str(caught.value)


def test_404_without_body_says_endpoint_not_found(api: Mastodon, http) -> None:
    http.get(URL, status_code=404, text="")
    with pytest.raises(MastodonNotFoundError) as caught:
        api.status(1)
    assert caught.value.error == "404 without a message: this server has no such endpoint or object"


def test_truncated_json_on_success_is_an_api_error_not_a_decode_error(api: Mastodon, http) -> None:
    http.get(URL, text='{"id": "1", "content": "trunc')
    with pytest.raises(MastodonAPIError) as caught:
        api.status(1)
    assert "is not JSON" in str(caught.value)
    assert "trunc" in str(caught.value)
    assert isinstance(caught.value.__cause__, ValueError)


def test_wrong_shape_is_an_api_error(api: Mastodon, http) -> None:
    http.get("https://mastodon.example/api/v1/timelines/home", json={"error": "not a list"})
    with pytest.raises(MastodonAPIError, match="expected"):
        api.timeline_home()


def test_empty_success_body_for_an_entity_is_an_error_not_an_empty_entity(api: Mastodon, http) -> None:
    http.get(URL, text="")
    with pytest.raises(MastodonAPIError, match="empty body where Status was expected"):
        api.status(1)


def test_connection_refused_is_a_network_error_with_cause(api: Mastodon, http) -> None:
    http.get(URL, exc=requests.exceptions.ConnectionError("Connection refused"))
    with pytest.raises(MastodonNetworkError) as caught:
        api.status(1)
    assert isinstance(caught.value.__cause__, requests.exceptions.ConnectionError)
    assert "Connection refused" in str(caught.value)


def test_read_timeout_is_a_read_timeout(api: Mastodon, http) -> None:
    http.get(URL, exc=requests.exceptions.ReadTimeout("read timed out"))
    with pytest.raises(MastodonReadTimeout) as caught:
        api.status(1)
    assert isinstance(caught.value.__cause__, requests.exceptions.ReadTimeout)


def test_connect_timeout_is_a_network_error(api: Mastodon, http) -> None:
    http.get(URL, exc=requests.exceptions.ConnectTimeout("connect timed out"))
    with pytest.raises(MastodonNetworkError) as caught:
        api.status(1)
    assert not isinstance(caught.value, MastodonReadTimeout)


def test_deprecation_header_warns(api: Mastodon, http, example) -> None:
    from mastodon.errors import MastodonDeprecationWarning

    http.get(URL, json=example("methods/statuses.md", "get"), headers={"Deprecation": "@1688169600"})
    with pytest.warns(MastodonDeprecationWarning, match="/api/v1/statuses/1"):
        api.status(1)


def test_token_never_appears_in_error_texts(api: Mastodon, http) -> None:
    token = api.access_token
    assert token
    http.get(URL, status_code=500, text=f"<pre>Authorization: Bearer {token}</pre>")
    with pytest.raises(MastodonServerError) as caught:
        api.status(1)
    assert token not in str(caught.value) and token not in repr(caught.value.args)
    http.get(URL, exc=requests.exceptions.ConnectionError(f"failed with {token}"))
    with pytest.raises(MastodonNetworkError) as caught_network:
        api.status(1)
    assert token not in str(caught_network.value)
    assert token not in repr(api)
