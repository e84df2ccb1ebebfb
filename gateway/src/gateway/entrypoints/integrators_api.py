"""/api/api-keys (machine clients' keys) and /api/audit (the audit trail): admins only."""
from __future__ import annotations

import json
import uuid
from typing import Any, Iterator

from flask.views import MethodView
from flask_smorest import Blueprint

from fibreflow_shared.auth import current_principal, require_auth
from fibreflow_shared.csv_export import CSV_RESPONSE_DOC, csv_response
from fibreflow_shared.envelope import ok, ok_list
from fibreflow_shared.roles import ADMINS
from fibreflow_shared.timeutil import iso
from gateway import views
from gateway.entrypoints import integrator_schemas as s
from gateway.entrypoints.security import container
from gateway.service_layer import api_keys as key_service

keys_blp = Blueprint("api_keys", __name__, url_prefix="/api/api-keys",
                     description="API keys for machine clients (send as `Authorization: Bearer ffk_…` "
                                 "or `X-API-Key`)")
audit_blp = Blueprint("audit", __name__, url_prefix="/api/audit", description="The audit trail (append-only)")
_key = s.ApiKeySchema()
_issued = s.IssuedApiKeySchema()
_record = s.AuditRecordSchema()
AUDIT_COLUMNS = ("id", "occurred_at", "service", "action", "actor_id", "actor_name", "target_type", "target_id",
                 "before", "after", "request_id")


def _issued_answer(issued: key_service.IssuedKey) -> Any:
    data = _issued.dump(issued.key)
    data["key"] = issued.secret
    return ok(data, 201, headers={"Cache-Control": "no-store"})


@keys_blp.route("")
class ApiKeys(MethodView):
    @require_auth(ADMINS)
    @keys_blp.arguments(s.ApiKeyListArgs, location="query")
    @keys_blp.alt_response(200, schema=s.ApiKeyPageEnvelope, success=True)
    def get(self, query: dict[str, Any]) -> Any:
        """List API keys, newest first (prefix, scopes, expiry, last use; never the secret)."""
        rows, total = views.api_key_page(container().deps, page=query["page"], limit=query["limit"],
                                         include_revoked=query["include_revoked"])
        return ok_list("api_keys", _key.dump(rows, many=True), page=query["page"], limit=query["limit"], total=total)

    @require_auth(ADMINS)
    @keys_blp.arguments(s.ApiKeyCreateSchema)
    @keys_blp.alt_response(201, schema=s.IssuedApiKeyEnvelope, success=True)
    def post(self, body: dict[str, Any]) -> Any:
        """Create a key for a service account; the answer shows the secret this one time."""
        issued = key_service.create_key(container().deps, created_by=current_principal().user_id, **body)
        return _issued_answer(issued)


@keys_blp.route("/<uuid:key_id>")
class ApiKeyById(MethodView):
    @require_auth(ADMINS)
    @keys_blp.alt_response(200, schema=s.ApiKeyEnvelope, success=True)
    def get(self, key_id: uuid.UUID) -> Any:
        """One API key."""
        return ok(_key.dump(views.get_api_key(container().deps, key_id)))


@keys_blp.route("/<uuid:key_id>/revoke")
class RevokeApiKey(MethodView):
    @require_auth(ADMINS)
    @keys_blp.alt_response(200, schema=s.ApiKeyEnvelope, success=True)
    def post(self, key_id: uuid.UUID) -> Any:
        """Revoke a key: refused by every gateway replica within USER_STATUS_CACHE_SECONDS."""
        return ok(_key.dump(key_service.revoke_key(container().deps, key_id)))


@keys_blp.route("/<uuid:key_id>/rotate")
class RotateApiKey(MethodView):
    @require_auth(ADMINS)
    @keys_blp.arguments(s.ApiKeyRotateSchema)
    @keys_blp.alt_response(201, schema=s.IssuedApiKeyEnvelope, success=True)
    def post(self, body: dict[str, Any], key_id: uuid.UUID) -> Any:
        """A successor key (secret shown once); the old one keeps working for `overlap_seconds`."""
        issued = key_service.rotate_key(container().deps, key_id, created_by=current_principal().user_id, **body)
        return _issued_answer(issued)


@audit_blp.route("")
class AuditRecords(MethodView):
    @require_auth(ADMINS)
    @audit_blp.arguments(s.AuditListArgs, location="query")
    @audit_blp.alt_response(200, schema=s.AuditPageEnvelope, success=True)
    def get(self, query: dict[str, Any]) -> Any:
        """Audit records, newest first, filtered by action, service, actor, target, request or time."""
        page, limit = query.pop("page"), query.pop("limit")
        rows, total = views.audit_page(container().deps, query, page=page, limit=limit)
        return ok_list("records", _record.dump(rows, many=True), page=page, limit=limit, total=total)


@audit_blp.route("/export")
class AuditExport(MethodView):
    @require_auth(ADMINS)
    @audit_blp.arguments(s.AuditListArgs, location="query")
    @audit_blp.doc(**CSV_RESPONSE_DOC)
    def get(self, query: dict[str, Any]) -> Any:
        """The matching audit records as CSV (same filters as the list; before/after as JSON text)."""
        query.pop("page"), query.pop("limit")
        return csv_response("audit.csv", AUDIT_COLUMNS, _csv_rows(views.audit_rows(container().deps, query)))


def _csv_rows(rows: Any) -> Iterator[dict[str, Any]]:
    for row in rows:
        yield {"id": str(row.id), "occurred_at": iso(row.occurred_at), "service": row.service, "action": row.action,
               "actor_id": row.actor_id, "actor_name": row.actor_name, "target_type": row.target_type,
               "target_id": row.target_id, "before": _json(row.before), "after": _json(row.after),
               "request_id": row.request_id}


def _json(value: Any) -> str:
    return "" if value is None else json.dumps(value, sort_keys=True, separators=(",", ":"))
