"""/api/users administration and the team-lead lookup (real PostgreSQL)."""
from __future__ import annotations

import uuid

import pytest
from sqlalchemy import func, select

from gateway.adapters.orm import User
from gw_helpers import bearer, container_of, login

pytestmark = pytest.mark.integration


@pytest.fixture
def admin_headers(token_for, make_user):
    return bearer(token_for(make_user(["admin"])))


def _new_user_body(**extra):
    name = "n" + uuid.uuid4().hex[:8]
    body = {"username": name, "password": "a-strong-password", "display_name": "New Person",
            "email": f"{name}@example.com", "phone": "+27821234567", "roles": ["technician"]}
    body.update(extra)
    return body


def _count(app) -> int:
    with container_of(app).deps.sessions() as s:
        return s.scalar(select(func.count()).select_from(User))


def test_create_get_patch_disable_reset(client, admin_headers):
    body = _new_user_body()
    r = client.post("/api/users", json=body, headers=admin_headers)
    assert r.status_code == 201, r.json
    user = r.json["data"]
    assert user["username"] == body["username"] and user["roles"] == ["technician"] and user["active"]
    assert "password" not in user and "password_hash" not in user
    uid = user["id"]
    assert client.get(f"/api/users/{uid}", headers=admin_headers).json["data"]["email"] == body["email"]

    r = client.patch(f"/api/users/{uid}", json={"display_name": "Renamed", "roles": ["team_lead", "technician"],
                                                "team_ids": [str(uuid.uuid4())]}, headers=admin_headers)
    assert r.status_code == 200 and r.json["data"]["display_name"] == "Renamed"
    assert r.json["data"]["roles"] == ["team_lead", "technician"]

    pair = login(client, body["username"], body["password"]).json["data"]
    r = client.post(f"/api/users/{uid}/disable", headers=admin_headers)
    assert r.status_code == 200 and r.json["data"]["active"] is False
    assert client.post("/api/auth/refresh", json={"refresh_token": pair["refresh_token"]}).status_code == 401
    assert login(client, body["username"], body["password"]).status_code == 401

    client.patch(f"/api/users/{uid}", json={"active": True}, headers=admin_headers)
    r = client.post(f"/api/users/{uid}/reset-password", json={"password": "another-strong-one"}, headers=admin_headers)
    assert r.status_code == 200
    assert login(client, body["username"], body["password"]).status_code == 401
    assert login(client, body["username"], "another-strong-one").status_code == 200


def test_duplicate_username_409_case_insensitive(client, admin_headers):
    body = _new_user_body()
    assert client.post("/api/users", json=body, headers=admin_headers).status_code == 201
    r = client.post("/api/users", json=dict(body, username=body["username"].upper()), headers=admin_headers)
    assert r.status_code == 409 and r.json["error"]["code"] == "DUPLICATE_USERNAME"


@pytest.mark.parametrize("mutate", [
    lambda b: b.update(is_superuser=True),          # unknown field
    lambda b: b.pop("display_name"),                # missing field
    lambda b: b.update(roles=["root"]),             # bad enum
    lambda b: b.update(roles="admin"),              # wrong type
    lambda b: b.update(email="not-an-email"),
    lambda b: b.update(password="short"),           # password policy
    lambda b: b.update(roles=[]),
])
def test_create_bad_input_400_nothing_written(client, admin_headers, mutate):
    body = _new_user_body()
    mutate(body)
    before = _count(client.application)
    r = client.post("/api/users", json=body, headers=admin_headers)
    assert r.status_code == 400, r.json
    assert r.json["error"]["code"] == "VALIDATION_ERROR" and r.json["error"]["details"]
    assert _count(client.application) == before


def test_patch_bad_input(client, admin_headers, make_user):
    user = make_user()
    for body in ({"password_hash": "x"}, {}, {"active": "maybe"}, {"username": "rename"}):
        r = client.patch(f"/api/users/{user.id}", json=body, headers=admin_headers)
        assert r.status_code == 400, (body, r.json)
    assert client.get(f"/api/users/{uuid.uuid4()}", headers=admin_headers).status_code == 404
    r = client.post("/api/users", data="{oops", content_type="application/json", headers=admin_headers)
    assert r.status_code == 400


def test_list_filters_and_pagination(client, admin_headers, make_user):
    tag = uuid.uuid4().hex[:6]
    for i in range(3):
        make_user(["viewer"], username=f"list{tag}{i}")
    make_user(["viewer"], username=f"list{tag}off", active=False)
    r = client.get(f"/api/users?q=list{tag}&limit=2&page=1", headers=admin_headers)
    assert r.status_code == 200
    data = r.json["data"]
    assert len(data["users"]) == 2 and data["pagination"] == {"page": 1, "limit": 2, "total": 4, "totalPages": 2}
    r = client.get(f"/api/users?q=list{tag}&active=false", headers=admin_headers)
    assert [u["username"] for u in r.json["data"]["users"]] == [f"list{tag}off"]
    r = client.get(f"/api/users?q=list{tag}&role=viewer&active=true", headers=admin_headers)
    assert r.json["data"]["pagination"]["total"] == 3
    assert client.get("/api/users?limit=500", headers=admin_headers).status_code == 400
    assert client.get("/api/users?role=root", headers=admin_headers).status_code == 400


def test_team_lead_lookup(client, make_user, token_for):
    lead = bearer(token_for(make_user(["team_lead"])))
    tech = make_user(["technician"])
    gone = make_user(["technician"], active=False)
    for query in ("roles=technician", "role=technician"):  # role: the old name of roles
        r = client.get(f"/api/users?{query}&limit=200", headers=lead)
        assert r.status_code == 200
        users = r.json["data"]["users"]
        ids = {u["id"] for u in users}
        assert str(tech.id) in ids and str(gone.id) not in ids
        assert all("email" not in u and "phone" not in u for u in users)
    assert client.get("/api/users", headers=lead).status_code == 403
    assert client.post("/api/users", json=_new_user_body(), headers=lead).status_code == 403
    assert client.get(f"/api/users/{tech.id}", headers=lead).status_code == 403


def test_technician_cannot_touch_users(client, make_user, token_for):
    tech = bearer(token_for(make_user(["technician"])))
    assert client.get("/api/users?role=technician", headers=tech).status_code == 403
    # 403 comes before body validation
    assert client.post("/api/users", json={"junk": 1}, headers=tech).status_code == 403


def test_last_admin_cannot_be_disabled(app, client, make_user):
    from gateway.service_layer.users import LastAdmin, update_user
    deps = container_of(app).deps
    with deps.sessions() as s:
        admins = s.scalars(select(User).where(User.roles.any("admin"), User.active.is_(True))).all()
    # Demote every admin but one, then the last one must survive.
    keep = admins[0]
    for other in admins[1:]:
        update_user(deps, other.id, {"active": False})
    with pytest.raises(LastAdmin):
        update_user(deps, keep.id, {"roles": ["viewer"]})
    for other in admins[1:]:
        update_user(deps, other.id, {"active": True})


def test_roles_filter_is_the_field_name_and_role_still_answers(client, admin_headers, make_user):
    tag = uuid.uuid4().hex[:6]
    make_user(["viewer"], username=f"rf{tag}v")
    make_user(["technician"], username=f"rf{tag}t")
    make_user(["manager", "technician"], username=f"rf{tag}m")

    def names(query: str):
        r = client.get(f"/api/users?q=rf{tag}&{query}", headers=admin_headers)
        assert r.status_code == 200, r.json
        return r, [u["username"] for u in r.json["data"]["users"]]

    r, new = names("roles=technician")
    assert new == [f"rf{tag}m", f"rf{tag}t"] and "Deprecation" not in r.headers
    r, old = names("role=technician")  # the old name answers the same, flagged for one release
    assert old == new and r.headers["Deprecation"] == "@1796083200"
    assert r.headers["Deprecated-Parameters"] == "role=roles"
    _r, several = names("roles=viewer,manager")  # any of the listed roles
    assert several == [f"rf{tag}m", f"rf{tag}v"]
    assert client.get("/api/users?roles=root", headers=admin_headers).status_code == 400
    assert client.get("/api/users?role=viewer&roles=viewer", headers=admin_headers).status_code == 400
    assert client.get("/api/users?rol=viewer", headers=admin_headers).status_code == 400  # unknown names refused


def test_list_sort(client, admin_headers, make_user):
    tag = uuid.uuid4().hex[:6]
    for suffix in ("b", "A", "c"):
        make_user(["viewer"], username=f"so{tag}{suffix}")
    lower = [f"so{tag}a", f"so{tag}b", f"so{tag}c"]

    def names(sort: str):
        r = client.get(f"/api/users?q=so{tag}" + (f"&sort={sort}" if sort else ""), headers=admin_headers)
        assert r.status_code == 200, r.json
        return [u["username"].lower() for u in r.json["data"]["users"]]

    assert names("") == lower  # default: username, case-insensitive
    assert names("-username") == lower[::-1]
    assert names("-created_at") == [f"so{tag}c", f"so{tag}a", f"so{tag}b"]
    for bad in ("password_hash", "username,username", "-"):
        assert client.get(f"/api/users?sort={bad}", headers=admin_headers).status_code == 400, bad
