"""Media storage, the same shape and configuration as ticket-core's attachment storage: a local
directory by default, any S3-compatible store by config (``WA_BRIDGE_ATTACHMENTS_BACKEND``).

WAHA deletes downloaded media after ``WHATSAPP_FILES_LIFETIME`` (180 s), so inbound media is
copied here as soon as it arrives; keys are ``<chat id>/<message id>`` (never user input)."""
from __future__ import annotations

import io
import logging
import os
from pathlib import Path
from typing import Iterator, NoReturn, Protocol

from fibreflow_shared.errors import Unavailable

log = logging.getLogger(__name__)


class StorageUnavailable(Unavailable):
    """The media store could not be reached: try again later (503)."""


class Storage(Protocol):
    name: str

    def put(self, key: str, data: bytes, content_type: str) -> None: ...

    def open(self, key: str) -> Iterator[bytes]: ...

    def read(self, key: str) -> bytes: ...


class LocalStorage:
    """Files under one directory."""

    name = "local"

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root).resolve()

    def _path(self, key: str) -> Path:
        path = (self.root / key).resolve()
        if self.root not in path.parents:
            raise ValueError("media key escapes the storage root")
        return path

    def put(self, key: str, data: bytes, content_type: str) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".part")
        tmp.write_bytes(data)
        os.replace(tmp, path)  # readers never see half a file

    def open(self, key: str) -> Iterator[bytes]:
        with open(self._path(key), "rb") as src:
            while chunk := src.read(256 * 1024):
                yield chunk

    def read(self, key: str) -> bytes:
        return self._path(key).read_bytes()


class S3Storage:
    """An S3 bucket (AWS, MinIO, Ceph...); credentials from the usual AWS_* variables."""

    name = "s3"

    def __init__(self, bucket: str, *, endpoint_url: str | None = None, prefix: str = "", client=None) -> None:
        import boto3
        from botocore.config import Config
        from botocore.exceptions import BotoCoreError, ClientError

        self.bucket, self.prefix = bucket, prefix
        config = Config(connect_timeout=5, read_timeout=30, retries={"max_attempts": 3, "mode": "standard"})
        self.client = client or boto3.client("s3", endpoint_url=endpoint_url or None, config=config)
        self._errors = (BotoCoreError, ClientError)

    def _fail(self, action: str, key: str, exc: Exception) -> NoReturn:
        log.warning("media storage failed", extra={"action": action, "key": self.prefix + key, "error": repr(exc)})
        raise StorageUnavailable("Media storage is unavailable; try again later") from exc

    def put(self, key: str, data: bytes, content_type: str) -> None:
        try:
            self.client.upload_fileobj(io.BytesIO(data), self.bucket, self.prefix + key,
                                       ExtraArgs={"ContentType": content_type})
        except self._errors as exc:
            self._fail("put", key, exc)

    def open(self, key: str) -> Iterator[bytes]:
        try:
            body = self.client.get_object(Bucket=self.bucket, Key=self.prefix + key)["Body"]
        except self._errors as exc:
            self._fail("open", key, exc)
        return body.iter_chunks(256 * 1024)

    def read(self, key: str) -> bytes:
        return b"".join(self.open(key))
