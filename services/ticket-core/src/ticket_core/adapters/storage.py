"""Attachment storage: local filesystem by default, any S3-compatible store by config."""
from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import IO, Iterator, NoReturn, Protocol

from ticket_core.domain.errors import StorageUnavailable

log = logging.getLogger(__name__)
# StorageUnavailable (domain/errors.py) answers 503 SERVICE_UNAVAILABLE, not a 500.
__all__ = ["LocalStorage", "S3Storage", "Storage", "StorageUnavailable"]


class Storage(Protocol):
    name: str

    def put(self, key: str, data: IO[bytes], content_type: str) -> None: ...

    def open(self, key: str) -> Iterator[bytes]: ...

    def delete(self, key: str) -> None: ...


class LocalStorage:
    """Files under one directory; keys are ``<ticket id>/<attachment id>`` (never user input)."""

    name = "local"

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root).resolve()

    def _path(self, key: str) -> Path:
        path = (self.root / key).resolve()
        if self.root not in path.parents:
            raise ValueError("attachment key escapes the storage root")
        return path

    def put(self, key: str, data: IO[bytes], content_type: str) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".part")
        with open(tmp, "wb") as out:
            while chunk := data.read(1024 * 1024):
                out.write(chunk)
        os.replace(tmp, path)

    def open(self, key: str) -> Iterator[bytes]:
        with open(self._path(key), "rb") as src:
            while chunk := src.read(256 * 1024):
                yield chunk

    def delete(self, key: str) -> None:
        try:
            self._path(key).unlink()
        except FileNotFoundError:
            pass


class S3Storage:
    """An S3 bucket (AWS, MinIO, Ceph...); credentials from the usual AWS_* variables.

    A store that cannot be reached, times out or answers 5xx raises StorageUnavailable (503, try
    again). A 4xx from S3 (no such bucket or key, access denied) is a configuration or consistency
    fault, not an outage: it propagates and is answered 500 with its request id and logged."""

    name = "s3"

    def __init__(self, bucket: str, *, endpoint_url: str | None = None, prefix: str = "", client=None) -> None:
        import boto3
        from boto3.exceptions import Boto3Error
        from botocore.config import Config
        from botocore.exceptions import BotoCoreError, ClientError

        self.bucket = bucket
        self.prefix = prefix
        # Bounded waits: boto3's defaults (60 s connect, 60 s read, legacy retries) could hold an
        # upload request for minutes against a store that hangs instead of refusing.
        config = Config(connect_timeout=5, read_timeout=30, retries={"max_attempts": 3, "mode": "standard"})
        self.client = client or boto3.client("s3", endpoint_url=endpoint_url or None, config=config)
        self._errors = (BotoCoreError, ClientError, Boto3Error)
        self._client_error = ClientError

    def _fail(self, action: str, key: str, exc: Exception) -> NoReturn:
        if isinstance(exc, self._client_error) and \
                int(exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode") or 500) < 500:
            raise exc  # the store answered and refused: not an outage
        log.warning("attachment storage failed", extra={"action": action, "bucket": self.bucket,
                                                        "key": self.prefix + key, "error": repr(exc)})
        raise StorageUnavailable("Attachment storage is unavailable; try again later") from exc

    def put(self, key: str, data: IO[bytes], content_type: str) -> None:
        try:
            self.client.upload_fileobj(data, self.bucket, self.prefix + key, ExtraArgs={"ContentType": content_type})
        except self._errors as exc:
            self._fail("put", key, exc)

    def open(self, key: str) -> Iterator[bytes]:
        # Not a generator: the GET happens now, so an outage fails the request before the response
        # starts streaming (a clean 503) instead of breaking it half-way.
        try:
            body = self.client.get_object(Bucket=self.bucket, Key=self.prefix + key)["Body"]
        except self._errors as exc:
            self._fail("open", key, exc)
        return body.iter_chunks(256 * 1024)

    def delete(self, key: str) -> None:
        try:
            self.client.delete_object(Bucket=self.bucket, Key=self.prefix + key)
        except self._errors as exc:
            self._fail("delete", key, exc)
