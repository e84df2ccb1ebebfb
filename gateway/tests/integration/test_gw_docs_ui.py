"""GET /api/docs/ui: Swagger UI from the pinned package, same-origin only, strict CSP, safe paths."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

pytestmark = pytest.mark.integration


class _Refs(HTMLParser):
    """Every URL the page makes the browser load, and whether it has inline script."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.inline_script = False
        self._in_script = False
        self.data_attrs: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("src", "href", "action", "data"):
            if values.get(name):
                self.urls.append(values[name] or "")
        self.data_attrs.update({k: v or "" for k, v in attrs if k.startswith("data-")})
        assert not any(k.startswith("on") for k in values), f"inline handler on <{tag}>"
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.inline_script = True


def _page(client):
    r = client.get("/api/docs/ui")
    assert r.status_code == 200
    return r


def test_page_loads_without_a_token_and_is_locked_down(client):
    r = _page(client)
    assert r.mimetype == "text/html"
    csp = r.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert r.headers["X-Content-Type-Options"] == "nosniff" and r.headers["X-Frame-Options"] == "DENY"


def test_page_references_only_same_origin_urls(client):
    refs = _Refs()
    refs.feed(_page(client).get_data(as_text=True))
    assert refs.urls and not refs.inline_script
    for url in refs.urls + [refs.data_attrs["data-spec-url"]]:
        assert url.startswith("/") and not url.startswith("//"), url
    assert refs.data_attrs["data-spec-url"] == "/api/docs"
    assert "/api/docs/ui/swagger-ui-bundle.js" in refs.urls and "/api/docs/ui/docs-ui.js" in refs.urls


def test_assets_answer_with_types_and_cache_headers(client):
    refs = _Refs()
    refs.feed(_page(client).get_data(as_text=True))
    expected = {".js": "text/javascript", ".css": "text/css", ".png": "image/png"}
    for url in refs.urls:
        r = client.get(url)
        assert r.status_code == 200, url
        assert r.mimetype == expected[url[url.rindex("."):]], url
        assert r.headers["Content-Type"].count("charset") <= 1, url
        assert "max-age=86400" in r.headers["Cache-Control"] and r.headers["X-Content-Type-Options"] == "nosniff"
        etag = r.headers["ETag"]
        assert client.get(url, headers={"If-None-Match": etag}).status_code == 304
    bundle = client.get("/api/docs/ui/swagger-ui-bundle.js").get_data()
    assert b"SwaggerUIBundle" in bundle and len(bundle) > 500_000


def test_initialiser_fetches_nothing_from_elsewhere(client):
    js = client.get("/api/docs/ui/docs-ui.js").get_data(as_text=True)
    assert "SwaggerUIBundle(" in js and "data-spec-url" in js and "validatorUrl: null" in js
    assert not re.search(r"https?:|//[a-z]", js.replace("// ", ""))


@pytest.mark.parametrize("path", [
    "/api/docs/ui/../../etc/passwd",
    "/api/docs/ui/%2e%2e/%2e%2e/etc/passwd",
    "/api/docs/ui/..%2f..%2f..%2fetc%2fpasswd",
    "/api/docs/ui/%252e%252e%252fetc%252fpasswd",
    "/api/docs/ui/....//....//etc/passwd",
    "/api/docs/ui//etc/passwd",
    "/api/docs/ui/%2Fetc%2Fpasswd",
    "/api/docs/ui/swagger-ui.css/../../../../etc/passwd",
    "/api/docs/ui/index.html",                 # in the package, but not one of ours to serve
    "/api/docs/ui/oauth2-redirect.html",
    "/api/docs/ui/swagger-ui-bundle.js.map",
    "/api/docs/ui/__init__.py",
    "/api/docs/ui/static/docs-ui.js",
])
def test_only_the_listed_files_are_served(client, path):
    r = client.get(path)
    assert r.status_code == 404, path
    assert r.json["error"]["code"] == "NOT_FOUND" and b"root:" not in r.get_data()


def test_documented_like_api_docs(client):
    spec = client.get("/openapi.json").json
    operation = spec["paths"]["/api/docs/ui"]["get"]
    assert operation["security"] == [] and "text/html" in operation["responses"]["200"]["content"]
    assert not any(p.startswith("/api/docs/ui/") for p in spec["paths"])  # the files are not API
