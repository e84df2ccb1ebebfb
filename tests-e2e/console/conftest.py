"""Browser fixtures for the console's end-to-end tests: Debian's Chromium driven by Playwright
(``executable_path``: Playwright never downloads a browser), users of each role, reference data.

The stack is the root conftest's (every Procfile line, console included, through the gateway).
"""
from __future__ import annotations

import os
import secrets
import shutil
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
AXE = Path(__file__).parent / "vendor" / "axe-core-4.11.1.min.js"
PROJECT_ID = "5b0a3c1e-9d1f-4a52-8f43-3f2a7e6c1b01"
PROJECTS = [{"id": PROJECT_ID, "name": "Lawley Phase 2", "code": "LAW2", "zone": "Zone A"}]
DROPS = [{"drop_number": "DR7700123", "pole_number": "P-4521", "zone": "Zone A", "address": "12 Main Street, Lawley",
          "pon": "PON-7", "project_id": PROJECT_ID}]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: apt-get install -y chromium (make install does it as root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        # --no-sandbox: CI runs as root, where Chromium's sandbox cannot start.
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-dev-shm-usage"])
        yield browser
        browser.close()


class ApiClient:
    """A bearer-token client of the gateway (the root conftest's Api, for users made here)."""

    def __init__(self, base_url: str, token: str) -> None:
        import requests

        self.base_url = base_url
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {token}"

    def __getattr__(self, method: str) -> Callable[..., Any]:
        def call(path: str, **kwargs: Any) -> Any:
            kwargs.setdefault("timeout", 15)
            return self.session.request(method.upper(), f"{self.base_url}{path}", **kwargs)

        return call


def api_as(base_url: str, username: str, password: str) -> ApiClient:
    import requests

    resp = requests.post(f"{base_url}/api/auth/login", json={"username": username, "password": password}, timeout=15)
    assert resp.status_code == 200, resp.text
    return ApiClient(base_url, resp.json()["data"]["access_token"])


class User:
    def __init__(self, username: str, password: str, user_id: str, role: str) -> None:
        self.username, self.password, self.id, self.role = username, password, user_id, role


@pytest.fixture(scope="session")
def make_console_user(admin: Any) -> Callable[[str], User]:
    """A user of one role (created through the gateway's API)."""

    def make(role: str) -> User:
        username = f"{role.replace('_', '')}{secrets.token_hex(3)}"
        password = secrets.token_urlsafe(16)
        resp = admin.post("/api/users", json={"username": username, "password": password, "roles": [role],
                                              "display_name": f"{role.title()} {username[-4:]}",
                                              "email": f"{username}@example.com"})
        assert resp.status_code == 201, resp.text
        return User(username, password, resp.json()["data"]["id"], role)

    return make


@pytest.fixture(scope="session")
def admin_password() -> str:
    """The stack's admin password (the root conftest's, found by file: conftest modules are not
    importable by name under --import-mode=importlib)."""
    import sys

    if os.environ.get("CONSOLE_E2E_ADMIN_PASSWORD"):
        return os.environ["CONSOLE_E2E_ADMIN_PASSWORD"]
    root = Path(__file__).resolve().parents[1] / "conftest.py"
    for module in list(sys.modules.values()):
        where = getattr(module, "__file__", None)
        if where and Path(where).resolve() == root:
            return module.ADMIN_PASSWORD  # type: ignore[attr-defined]
    raise RuntimeError("the root tests-e2e/conftest.py is not loaded")


@pytest.fixture(scope="session")
def as_api(base_url: str) -> Callable[[str, str], "ApiClient"]:
    """``as_api(username, password)`` → a bearer-token client of the gateway."""
    return lambda username, password: api_as(base_url, username, password)


@pytest.fixture(scope="session")
def drops(admin: Any) -> list[dict[str, Any]]:
    for kind, rows in (("projects", PROJECTS), ("drops", DROPS)):
        resp = admin.post(f"/api/tickets/reference/{kind}/import", json=rows)
        assert resp.status_code == 200, resp.text
    return DROPS


@pytest.fixture()
def sign_in(browser: Any, base_url: str) -> Iterator[Callable[..., Any]]:
    """``sign_in(user_or_(name, password), viewport=None)`` → a page signed in to the console."""
    contexts: list[Any] = []

    def open_as(username: str, password: str, *, viewport: dict[str, int] | None = None,
                bypass_csp: bool = False) -> Any:
        options: dict[str, Any] = {"bypass_csp": bypass_csp}
        if viewport:
            options.update(viewport=viewport, is_mobile=True, has_touch=True, device_scale_factor=2)
        context = browser.new_context(**options)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15000)
        page.goto(f"{base_url}/")
        page.fill("#username", username)
        page.fill("#password", password)
        page.click("button[type=submit]")
        page.wait_for_load_state()
        assert "/login" not in page.url, page.inner_text("main")
        return page

    yield open_as
    for context in contexts:
        context.close()


def axe_violations(page: Any, impacts: tuple[str, ...] = ("serious", "critical")) -> list[dict[str, Any]]:
    """axe-core's WCAG 2.1 A/AA violations of the page at ``impacts`` (the context must bypass CSP
    to inject the script)."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                       nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
    }""")
    return [v for v in result if v["impact"] in impacts]


# Development aid: point the suite at a stack that is already running (bench/console/devstack.py)
# instead of starting one: CONSOLE_E2E_BASE_URL=http://127.0.0.1:PORT CONSOLE_E2E_ADMIN_PASSWORD=...
if os.environ.get("CONSOLE_E2E_BASE_URL"):
    @pytest.fixture(scope="session")
    def base_url() -> str:  # noqa: F811 - overrides the root conftest's for this folder
        return os.environ["CONSOLE_E2E_BASE_URL"]

    @pytest.fixture(scope="session")
    def admin(base_url: str) -> Any:  # noqa: F811
        return api_as(base_url, "admin", os.environ["CONSOLE_E2E_ADMIN_PASSWORD"])
