"""Attachments in S3: ``S3Storage`` and the HTTP API against moto's standalone S3 server over real HTTP.

moto runs in this process on a free port of its own (one per xdist worker), and each run uses a bucket
of its own, so parallel runs and workers never share objects. Credentials are dummies.
"""
from __future__ import annotations

import io
import os
import struct
import uuid
import zlib
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Callable, Iterator

import boto3
import pytest
from botocore.exceptions import ClientError
from moto.server import ThreadedMotoServer

from fibreflow_shared.testing.infra import free_port
from fibreflow_shared.testing.tokens import TestSigner
from ticket_core.adapters.storage import S3Storage
from ticket_core.bootstrap import Container, bootstrap
from ticket_core.config import load
from ticket_core.entrypoints.http import create_app

pytestmark = pytest.mark.integration
FAULT = {"title": "No signal at customer premises", "description": "No internet since 06:00", "type": "fault"}
AWS_ENV = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": "us-east-1",
           # never read a developer's real AWS profile or credentials
           "AWS_CONFIG_FILE": os.devnull, "AWS_SHARED_CREDENTIALS_FILE": os.devnull}


def png_1x1() -> bytes:
    """A real 1×1 RGB PNG (signature, IHDR, IDAT, IEND with their CRCs)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x80\x00")) + chunk(b"IEND", b""))


PNG = png_1x1()


@pytest.fixture(scope="module")
def s3(run_id: str) -> Iterator[SimpleNamespace]:
    """moto's S3 server on 127.0.0.1:<free port>, with a bucket of this run's own."""
    with pytest.MonkeyPatch.context() as mp:
        for name in ("AWS_PROFILE", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3"):
            mp.delenv(name, raising=False)
        for name, value in AWS_ENV.items():
            mp.setenv(name, value)
        server = ThreadedMotoServer(ip_address="127.0.0.1", port=free_port(), verbose=False)
        server.start()
        try:
            host, port = server.get_host_and_port()
            endpoint = f"http://{host}:{port}"
            client = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1")
            bucket = f"ff-t-{run_id}-{uuid.uuid4().hex[:8]}"
            client.create_bucket(Bucket=bucket)
            yield SimpleNamespace(endpoint=endpoint, bucket=bucket, client=client)
        finally:
            server.stop()  # also closes the listening socket


def keys(s3: SimpleNamespace, prefix: str) -> list[str]:
    listed = s3.client.list_objects_v2(Bucket=s3.bucket, Prefix=prefix)
    return [o["Key"] for o in listed.get("Contents", [])]


# -- the adapter -------------------------------------------------------------------------------
def test_s3_storage_multipart_put_chunked_open_and_delete(s3, tmp_path: Path) -> None:
    storage = S3Storage(s3.bucket, endpoint_url=s3.endpoint, prefix="att/")
    content = b"%PDF-1.7\n" + os.urandom(9 * 1024 * 1024)  # over boto3's 8 MB multipart threshold
    path = tmp_path / "big.pdf"
    path.write_bytes(content)
    key = f"{uuid.uuid4()}/{uuid.uuid4()}"
    with open(path, "rb") as src:  # streamed from a file object, as the handler passes its buffer
        storage.put(key, src, "application/pdf")

    head = s3.client.head_object(Bucket=s3.bucket, Key="att/" + key)
    assert head["ContentType"] == "application/pdf" and head["ContentLength"] == len(content)
    assert head["ETag"].strip('"').endswith("-2")  # a multipart ETag: 8 MB part + the rest
    assert keys(s3, "att/") == ["att/" + key] and keys(s3, key) == []  # stored under the prefix only

    chunks = list(storage.open(key))
    assert len(chunks) > 1 and all(len(c) <= 256 * 1024 for c in chunks)
    assert b"".join(chunks) == content

    storage.delete(key)
    assert keys(s3, "att/") == []
    with pytest.raises(ClientError):
        s3.client.head_object(Bucket=s3.bucket, Key="att/" + key)
    storage.delete(key)  # deleting what is gone is not an error (as with LocalStorage)


# -- through the HTTP API ----------------------------------------------------------------------
@pytest.fixture()
def s3_app(s3, tc_db_url: str, broker_url: str, contracts_dir: Path, signer: TestSigner, clean: None,
           monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Callable[..., SimpleNamespace]]:
    """Factory: a ticket-core app built as conftest does, but configured (by env) for S3 at ``endpoint``."""
    built: list[Container] = []

    def make(endpoint: str = s3.endpoint) -> SimpleNamespace:
        local_dir = tmp_path / f"local-attachments-{len(built)}"
        for name, value in {"TICKET_CORE_ATTACHMENTS_BACKEND": "s3", "TICKET_CORE_S3_BUCKET": s3.bucket,
                            "TICKET_CORE_S3_ENDPOINT_URL": endpoint, "TICKET_CORE_S3_PREFIX": "tc/",
                            "TICKET_CORE_ATTACHMENTS_DIR": str(local_dir)}.items():
            monkeypatch.setenv(name, value)
        settings = load(database_url=tc_db_url, broker_url=broker_url, validate_event_schemas=True,
                        contracts_dir=str(contracts_dir / "events"))
        container = bootstrap(settings)
        built.append(container)
        assert isinstance(container.deps.storage, S3Storage)
        app = create_app(settings, verifier=signer.verifier(), container=container)
        return SimpleNamespace(client=app.test_client(), local_dir=local_dir)

    yield make
    for container in built:
        container.engine.dispose()


def upload(client: Any, uid: str, headers: dict, name: str, content: bytes) -> Any:
    return client.post(f"/api/tickets/{uid}/attachments", data={"file": (io.BytesIO(content), name)},
                       headers=headers, content_type="multipart/form-data")


def new_ticket(client: Any, headers: dict) -> str:
    return client.post("/api/tickets", json=FAULT, headers=headers).get_json()["data"]["ticket_uid"]


def test_api_upload_and_download_go_through_the_bucket(s3, s3_app, as_role, sql) -> None:
    app, admin = s3_app(), as_role("admin")
    uid = new_ticket(app.client, admin)
    resp = upload(app.client, uid, admin, "router.png", PNG)
    assert resp.status_code == 201, resp.get_json()
    att = resp.get_json()["data"]
    assert att["file_type"] == "image/png" and att["file_size"] == len(PNG)

    got = app.client.get(att["file_url"], headers=admin)
    assert got.status_code == 200 and got.data == PNG and got.mimetype == "image/png"
    assert "router.png" in got.headers["Content-Disposition"]

    key = f"tc/{att['ticket_id']}/{att['id']}"
    assert keys(s3, "tc/") == [key]
    obj = s3.client.get_object(Bucket=s3.bucket, Key=key)
    assert obj["ContentType"] == "image/png" and obj["Body"].read() == PNG
    assert sql("SELECT storage, file_url FROM ticket_attachments") == [("s3", f"{att['ticket_id']}/{att['id']}")]
    assert not app.local_dir.exists() or not any(app.local_dir.rglob("*"))  # nothing on the local disk

    s3.client.delete_object(Bucket=s3.bucket, Key=key)  # the bucket is shared by this module's tests


def assert_unavailable(resp: Any) -> None:
    body = resp.get_json()
    assert resp.status_code == 503, body
    assert body["success"] is False and body["error"]["code"] == "SERVICE_UNAVAILABLE"
    assert body["error"]["request_id"] and "Traceback" not in resp.get_data(as_text=True)


def test_s3_outage_on_upload_is_a_clean_503_without_a_row(s3, s3_app, as_role, sql, outbox) -> None:
    app, admin = s3_app(endpoint=f"http://127.0.0.1:{free_port()}"), as_role("admin")  # nothing listens there
    uid = new_ticket(app.client, admin)  # the database is fine: only the store is down
    assert_unavailable(upload(app.client, uid, admin, "router.png", PNG))
    assert sql("SELECT count(*) FROM ticket_attachments")[0][0] == 0
    assert sql("SELECT count(*) FROM ticket_history WHERE field_changed = 'attachment'")[0][0] == 0
    assert [e["type"] for e in outbox()] == ["ticket.created"]
    assert keys(s3, "tc/") == [] and not app.local_dir.exists()


def test_s3_outage_on_download_is_a_clean_503(s3, s3_app, as_role) -> None:
    admin = as_role("admin")
    up = s3_app()
    uid = new_ticket(up.client, admin)
    att = upload(up.client, uid, admin, "router.png", PNG).get_json()["data"]
    down = s3_app(endpoint=f"http://127.0.0.1:{free_port()}")  # same database, the store unreachable
    assert_unavailable(down.client.get(att["file_url"], headers=admin))
    s3.client.delete_object(Bucket=s3.bucket, Key=f"tc/{att['ticket_id']}/{att['id']}")


def test_a_refusal_from_the_store_is_not_reported_as_an_outage(s3) -> None:
    """A missing key (or bucket, or access denied) is a fault to fix, not "try again later"."""
    storage = S3Storage(s3.bucket, endpoint_url=s3.endpoint, prefix="att/")
    with pytest.raises(ClientError) as refused:
        storage.open("no/such-key")
    assert refused.value.response["Error"]["Code"] == "NoSuchKey"
