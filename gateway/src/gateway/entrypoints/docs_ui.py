"""/api/docs/ui: the browsable API reference (Swagger UI over the merged /api/docs).

Swagger UI comes from the pinned ``swagger-ui-bundle`` package and is served by the gateway
itself: no CDN, nothing fetched from a third party. The page is our own HTML; the initialiser
is a static file of ours (``static/docs-ui.js``), so the Content-Security-Policy can forbid
inline scripts. Only the files in ``ASSETS`` are served, looked up by exact name, so no path
from a request ever reaches the file system.

``style-src 'self'``: Swagger UI styles through the CSSOM (allowed); the one thing it loses is
the ``style="text-align"`` of Markdown table cells, a cosmetic detail.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import swagger_ui_bundle
from flask import Blueprint as FlaskBlueprint
from flask import Flask, Response, send_file, url_for
from flask.views import MethodView
from flask_smorest import Blueprint
from markupsafe import escape

from fibreflow_shared.errors import NotFound

ASSET_MAX_AGE = 86_400  # a day: the files change only with the pinned package or a gateway release
# Swagger UI needs data: images (its CSS inlines SVG icons) and same-origin fetches (the document,
# "Try it out"); nothing else, and never inline or evaluated script.
CONTENT_SECURITY_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                           "font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; "
                           "frame-ancestors 'none'")
_JS = "text/javascript"  # Flask adds "; charset=utf-8" to text types
_CSS = "text/css"


@dataclass(frozen=True)
class Asset:
    folder: str  # "bundle": the swagger-ui-bundle package; "own": gateway/entrypoints/static
    mimetype: str


ASSETS: dict[str, Asset] = {
    "swagger-ui-bundle.js": Asset("bundle", _JS),
    "swagger-ui.css": Asset("bundle", _CSS),
    "index.css": Asset("bundle", _CSS),
    "favicon-32x32.png": Asset("bundle", "image/png"),
    "favicon-16x16.png": Asset("bundle", "image/png"),
    "docs-ui.js": Asset("own", _JS),
}

blp = Blueprint("docs", __name__, url_prefix="/api/docs", description="The browsable API reference")
assets_blp = FlaskBlueprint("docs_assets", __name__)


def asset_path(name: str) -> Path | None:
    """The file behind an asset name, or None when the name is not one of ``ASSETS``."""
    return _located(name) if name in ASSETS else None  # checked first: the cache holds known names only


@lru_cache(maxsize=len(ASSETS))
def _located(name: str) -> Path | None:
    folder = Path(swagger_ui_bundle.swagger_ui_path) if ASSETS[name].folder == "bundle" else \
        Path(str(files("gateway.entrypoints") / "static"))
    path = folder / name
    return path if path.is_file() else None


def _asset_url(name: str) -> str:
    return url_for("docs_assets.asset", name=name)


def page_html() -> str:
    """The reference page: Swagger UI's files and our initialiser, every URL on this origin."""
    css = "".join(f'<link rel="stylesheet" href="{escape(_asset_url(n))}">' for n in ("swagger-ui.css", "index.css"))
    icons = "".join(f'<link rel="icon" type="image/png" href="{escape(_asset_url(f"favicon-{s}.png"))}" sizes="{s}">'
                    for s in ("32x32", "16x16"))
    scripts = "".join(f'<script src="{escape(_asset_url(n))}"></script>' for n in ("swagger-ui-bundle.js", "docs-ui.js"))
    spec_url = escape(url_for("platform.Docs"))
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>FibreFlow API reference</title>{css}{icons}</head>"
            f"<body><div id=\"swagger-ui\" data-spec-url=\"{spec_url}\"></div>{scripts}</body></html>\n")


def _harden(response: Response) -> Response:
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


@blp.route("/ui")
class DocsUi(MethodView):
    @blp.doc(security=[], responses={"200": {"description": "Swagger UI over GET /api/docs",
                                             "content": {"text/html": {"schema": {"type": "string"}}}}})
    def get(self) -> Any:
        """The browsable API reference (HTML): Swagger UI showing the merged document of /api/docs."""
        response = Response(page_html(), mimetype="text/html")
        response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Cache-Control"] = "no-cache"
        return _harden(response)


@assets_blp.get("/api/docs/ui/<path:name>", merge_slashes=False)  # no redirect for "//": 404
def asset(name: str) -> Any:
    """One of the page's static files (``ASSETS``); anything else is 404."""
    path = asset_path(name)
    if path is None:
        raise NotFound("No such file")
    response = send_file(path, mimetype=ASSETS[name].mimetype, max_age=ASSET_MAX_AGE, conditional=True, etag=True)
    return _harden(response)


def register_assets(app: Flask) -> None:
    """Serve the page's static files (undocumented in OpenAPI: they are not part of the API)."""
    app.register_blueprint(assets_blp)
