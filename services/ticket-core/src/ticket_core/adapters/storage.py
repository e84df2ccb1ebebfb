"""Attachment storage: local filesystem by default, any S3-compatible store by config."""
from __future__ import annotations

import os
from pathlib import Path
from typing import IO, Iterator, Protocol


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
    """An S3 bucket (AWS, MinIO, Ceph...); credentials from the usual AWS_* variables."""

    name = "s3"

    def __init__(self, bucket: str, *, endpoint_url: str | None = None, prefix: str = "", client=None) -> None:
        import boto3

        self.bucket = bucket
        self.prefix = prefix
        self.client = client or boto3.client("s3", endpoint_url=endpoint_url or None)

    def put(self, key: str, data: IO[bytes], content_type: str) -> None:
        self.client.upload_fileobj(data, self.bucket, self.prefix + key, ExtraArgs={"ContentType": content_type})

    def open(self, key: str) -> Iterator[bytes]:
        body = self.client.get_object(Bucket=self.bucket, Key=self.prefix + key)["Body"]
        yield from body.iter_chunks(256 * 1024)

    def delete(self, key: str) -> None:
        self.client.delete_object(Bucket=self.bucket, Key=self.prefix + key)
