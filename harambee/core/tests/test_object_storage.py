"""Uploaded files in an S3-compatible object store (``HARAMBEE_S3_BUCKET``), through
django-storages, against moto's S3 (in process: no network). The file lands in the
bucket, private; a reader the gate lets in is sent to a signed, short-lived address
of that one object; anyone else gets the same 404 as for a missing file, and no
address."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import boto3
import pytest
from moto import mock_aws

from harambee.core.services import attachment_add
from harambee.core.tests.test_files import jpeg_with_gps, note, upload  # noqa: F401

pytestmark = pytest.mark.django_db

BUCKET = "harambee-media"


@pytest.fixture
def s3(settings, monkeypatch):
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "eu-west-1",
    }.items():
        monkeypatch.setenv(name, value)
    with mock_aws():
        client = boto3.client("s3", region_name="eu-west-1")
        client.create_bucket(
            Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"}
        )
        settings.S3_URL_SECONDS = 300
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {
                "BACKEND": "storages.backends.s3.S3Storage",
                "OPTIONS": {
                    "bucket_name": BUCKET,
                    "region_name": "eu-west-1",
                    "default_acl": "private",
                    "signature_version": "s3v4",
                    "querystring_auth": True,
                    "querystring_expire": 300,
                    "file_overwrite": False,
                },
            },
        }
        yield client


def test_an_upload_lands_in_the_bucket_and_is_handed_out_signed_after_the_gate(
    s3,
    cast,
    client_for,
    note,  # noqa: F811
):
    data = jpeg_with_gps()
    attachment = attachment_add(
        actor=cast.space_member, content=note, upload=upload("walk.jpg", data), caption="Walk"
    )
    keys = {o["Key"] for o in s3.list_objects_v2(Bucket=BUCKET)["Contents"]}
    assert attachment.file.name in keys and attachment.thumbnail.name in keys
    stored = s3.get_object(Bucket=BUCKET, Key=attachment.file.name)["Body"].read()
    assert stored[:3] == b"\xff\xd8\xff"  # the re-encoded JPEG, not a local copy
    # Private in the bucket: no grant to everyone.
    grants = s3.get_object_acl(Bucket=BUCKET, Key=attachment.file.name)["Grants"]
    assert not [g for g in grants if g["Grantee"].get("URI", "").endswith("AllUsers")]

    for url in (attachment.get_absolute_url(), attachment.thumbnail_url):
        for user in (cast.anon, cast.outsider, cast.member, cast.steward):
            response = client_for(user).get(url)
            assert response.status_code == 404
            assert "Location" not in response
        response = client_for(cast.guest).get(url)
        assert response.status_code == 302
        assert response["Cache-Control"] == "private, no-store"
        target = urlsplit(response["Location"])
        query = parse_qs(target.query)
        assert target.path.endswith(
            attachment.file.name
            if url == attachment.get_absolute_url()
            else attachment.thumbnail.name
        )
        assert query["X-Amz-Expires"] == ["300"]
        assert query["X-Amz-Signature"] and query["X-Amz-Credential"]
        assert "attachment" in query["response-content-disposition"][0]


def test_without_a_bucket_files_stream_from_the_web_process(cast, client_for, note):  # noqa: F811
    attachment = attachment_add(
        actor=cast.space_member, content=note, upload=upload("walk.jpg", jpeg_with_gps())
    )
    response = client_for(cast.guest).get(attachment.get_absolute_url())
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:3] == b"\xff\xd8\xff"
