"""»Authorization: Bearer« with no token after it is a token given and not a valid one: 401 with the reason, as
any invalid token (README, Closed items and sign-on); it was served as the public. A request without an
Authorization header is still the public's (bundled minutes)."""
from __future__ import annotations

import pytest

ROUTES = ["/search?q=lægevagt", "/feed.atom?q=lægevagt", "/items/kd-net-2023-06-02-1000-50", "/health"]


@pytest.mark.parametrize("header", ["Bearer", "bearer", "Bearer   "])
@pytest.mark.parametrize("path", ROUTES)
def test_the_word_bearer_without_a_token_is_401_and_no_header_is_the_public(client, path, header):
    assert client.get(path).status_code == 200
    refused = client.get(path, headers={"Authorization": header})
    assert refused.status_code == 401, refused.text[:300]
    assert refused.json()["detail"] == "invalid access token: the Authorization header says Bearer and gives no token"
    assert refused.headers["www-authenticate"] == 'Bearer error="invalid_token"'
