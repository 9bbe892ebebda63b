"""Security of the HTTP service on the bundled minutes: bad uploads are refused file by file and leave
the store as it was, uploaded names cannot leave the data directory, sizes and query lengths are
capped, nothing is written without the operator's token, CORS admits only configured origins, and no
error response carries a stack trace.

Uploads write, so these tests run on their own data directory (the session `engine` only lends its
embedding cache, so nothing is embedded twice).
"""
from __future__ import annotations

import hashlib
import io
import re
import sqlite3
import zipfile
from pathlib import Path

import pytest
from conftest import GREVE, OS2, SAMPLES, TOKEN, copy_embedding_cache, need
from fastapi.testclient import TestClient

from api.app import create_app
from search.engine import Engine
from config.settings import Settings

FEB = "kdnet-2022-02-11-referat.txt"
FEB_ID = "kd-net-2022-02-11-1000"
SCANNED_PDF = OS2 / "edoc_ballerup_sundheds-og-forebyggelsesudvalget_2012-12-04" / "1537646.PDF"
ORIGIN = "https://intranet.example.dk"
TRACE = re.compile(r"Traceback|File \"[^\"]+\", line \d+|\w+Error\(|/site-packages/|\.py\b")
AUTH = {"Authorization": f"Bearer {TOKEN}"}


# -- helpers -------------------------------------------------------------------------------------------

def no_trace(response):
    """Every response here goes through this: an error body says what went wrong, never how the code
    failed (no traceback, file path or exception repr)."""
    assert not TRACE.search(response.text), response.text[:500]
    return response


def detail(response) -> str:
    body = no_trace(response).json()
    assert isinstance(body.get("detail"), str) and body["detail"], body
    return body["detail"]


def snapshot(engine: Engine) -> tuple:
    """Everything a search can see: sources, meetings, items, section texts and the store generation."""
    db = sqlite3.connect(engine.data_dir / "minutes.sqlite3")
    try:
        return tuple(tuple(map(tuple, db.execute(sql).fetchall())) for sql in (
            "SELECT path, content_hash, meeting_ids FROM sources ORDER BY path",
            "SELECT id, content_hash FROM meetings ORDER BY id",
            "SELECT id, title FROM items ORDER BY id",
            "SELECT item_id, position, text FROM sections ORDER BY item_id, position",
            "SELECT value FROM meta WHERE key='generation'"))
    finally:
        db.close()



def pdf_bytes() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def upload(client: TestClient, name: str, data: bytes, headers: dict | None = AUTH):
    return no_trace(client.post("/documents", files={"file": (name, data, "application/octet-stream")},
                                headers=headers or {}))


# -- fixtures --------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def service(tmp_path_factory, engine):
    """A writable service (token configured) over its own copy of the bundled minutes."""
    root = tmp_path_factory.mktemp("security")
    data = root / "data"
    copy_embedding_cache(engine, data)
    eng = Engine(Settings(data_dir=data, api_token=TOKEN))
    eng.ingest([SAMPLES])
    eng.sync()
    with TestClient(create_app(eng), raise_server_exceptions=False) as test_client:
        yield eng, test_client


def app_with(service, **settings) -> TestClient:
    """Another app over the same data directory, with some settings changed."""
    eng, _ = service
    values = {"data_dir": eng.data_dir, "api_token": TOKEN, **settings}
    return TestClient(create_app(Engine(Settings(**values))), raise_server_exceptions=False)


# -- 3. bad files through the upload -----------------------------------------------------------------

BAD_FILES = {
    "empty.txt": (lambda: b"", "empty"),
    "binary.txt": (lambda: bytes(range(256)) * 40, "binary"),
    "notes.txt": (lambda: "Indkøbsliste: mælk, brød og kaffe.\n".encode(), "no agenda items"),
    "truncated.pdf": (lambda: pdf_bytes()[:200], "damaged or truncated"),
    "blank.pdf": (pdf_bytes, "no text layer"),
    "agenda.json": (lambda: b'{"hello": "world"}', "not an agenda export"),
    "list.json": (lambda: b'[{"Udvalg": "KD-Net"}]', "not an agenda export"),
    "broken.json": (lambda: b'{"Udvalg": ', "not valid JSON"),
    "report.docx": (lambda: b"PK\x03\x04 not really a zip", "not a readable .docx"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_a_bad_file_is_refused_with_its_reason_and_changes_nothing(service, name):
    eng, client = service
    make, reason = BAD_FILES[name]
    before = snapshot(eng)
    response = upload(client, name, make())
    assert response.status_code == 422
    message = detail(response)
    assert message.startswith(f"{name}: ") and reason in message, message
    assert snapshot(eng) == before
    assert not (eng.data_dir / "uploads" / name).exists(), "a refused upload is not kept"


def test_a_scanned_pdf_is_refused_as_needing_ocr(service):
    eng, client = service
    data = need(SCANNED_PDF).read_bytes()
    before = snapshot(eng)
    response = upload(client, "1537646.PDF", data)
    assert response.status_code == 422
    assert "no text layer" in detail(response) and "OCR" in detail(response)
    assert snapshot(eng) == before


def test_a_word_file_with_damaged_compressed_data_is_422_not_500(service):
    eng, client = service
    data = bytearray(need(OS2 / "acadre_syddjurs_puk_2013-06-20" / "3687982.DOCX").read_bytes())
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data[start + 20:start + 24] = bytes(b ^ 0xFF for b in data[start + 20:start + 24])
    before = snapshot(eng)
    response = upload(client, "referat.docx", bytes(data))
    assert response.status_code == 422 and "damaged" in detail(response)
    assert snapshot(eng) == before


def test_an_unsupported_type_is_415_and_changes_nothing(service):
    eng, client = service
    before = snapshot(eng)
    response = upload(client, "minutes.exe", b"MZ\x90\x00")
    assert response.status_code == 415 and ".txt" in detail(response)
    assert snapshot(eng) == before


def test_an_sbsys_publication_zip_uploads_as_its_meeting(service):
    _, client = service
    response = upload(client, "Publication32.zip", need(OS2 / "sbsys_publications" / "Publication32.zip").read_bytes())
    assert response.status_code == 201, response.text
    assert response.json()["meetings"] == ["kmb-it-udvalget-2013-05-15-1630"] and response.json()["items"] == 5
    assert no_trace(client.get("/items/kmb-it-udvalget-2013-05-15-1630-3")).json()["title"] == (
        "Indførelse af systemet SAPA (Sagsoverblik/Partskontakt)")


def test_a_zip_without_a_publication_is_refused_and_changes_nothing(service):
    eng, client = service
    before = snapshot(eng)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("photos/1.jpg", b"\xff\xd8\xff")
    response = upload(client, "export.zip", buffer.getvalue())
    assert response.status_code == 422 and "zip archive with no XML" in detail(response)
    assert snapshot(eng) == before


def test_cp1252_text_is_read_correctly(service):
    """Old Windows exports: the letters æ, ø, å come through, and the meeting is the same one."""
    _, client = service
    text = (SAMPLES / FEB).read_text(encoding="utf-8")
    response = upload(client, "kdnet-2022-02-11-cp1252.txt", text.encode("cp1252"))
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["status"] == "added" and body["meetings"] == [FEB_ID] and body["items"] == 11
    item = no_trace(client.get(f"/items/{FEB_ID}-5")).json()
    assert item["title"] == "Drøftelse af initiativer for stærkere kommunalt tilsyn med almene boliger"
    assert no_trace(client.get("/search", params={"q": "almene boliger tilsyn", "mode": "keyword"})).json()[
        "hits"][0]["id"] == f"{FEB_ID}-5"


# -- 4. names, sizes, lengths ------------------------------------------------------------------------------

@pytest.mark.parametrize("name, kept", [
    ("../../escaped-1.txt", "escaped-1.txt"),
    ("/tmp/escaped-2.txt", "escaped-2.txt"),
    ("..\\..\\escaped-3.txt", "escaped-3.txt"),
    ("C:\\Windows\\System32\\escaped-4.txt", "escaped-4.txt"),
    ("....//....//escaped-5.txt", "escaped-5.txt"),
    ("..%2F..%2Fescaped-6.txt", "..%2F..%2Fescaped-6.txt"),
    ("uploads/../../../escaped 7 ø.txt", "escaped 7 ø.txt"),
])
def test_uploaded_names_stay_inside_the_data_directory(service, name, kept):
    eng, client = service
    response = upload(client, name, (SAMPLES / FEB).read_bytes())
    assert response.status_code == 201, response.text
    stored_as = response.json()["file"]
    assert "/" not in stored_as and "\\" not in stored_as and not stored_as.startswith(".")
    uploads = (eng.data_dir / "uploads").resolve()
    target = uploads / f"{hashlib.sha256((SAMPLES / FEB).read_bytes()).hexdigest()[:12]}-{stored_as}"
    assert target.is_file() and target.resolve().parent == uploads
    assert target.read_bytes() == (SAMPLES / FEB).read_bytes()
    assert stored_as.endswith(kept[-13:])
    basetemp = eng.data_dir.parent.parent  # this session's temporary folders, all of them
    stray = [p for p in basetemp.rglob("escaped*") if p.resolve().parent != uploads]
    assert stray == [], stray
    assert not any(Path(folder, kept).exists() for folder in ("/", "/tmp", "/etc", "C:"))


def test_two_documents_sent_under_one_name_are_both_kept(service):
    """»referat.json« names many documents: an upload is known by the meetings it holds."""
    eng, client = service
    first, second = sorted(need(GREVE).glob("*.json"))[:2]
    one = upload(client, "referat.json", first.read_bytes())
    two = upload(client, "referat.json", second.read_bytes())
    assert one.status_code == two.status_code == 201, (one.text, two.text)
    assert one.json()["meetings"] != two.json()["meetings"]
    for meeting in (*one.json()["meetings"], *two.json()["meetings"]):
        assert no_trace(client.get(f"/meetings/{meeting}")).status_code == 200, meeting
    assert upload(client, "referat.json", first.read_bytes()).json()["status"] == "unchanged"
    kept = sorted(p.name for p in (eng.data_dir / "uploads").glob("*-referat.json"))
    assert len(kept) == 2  # both originals, each under its digest
    for meeting in (*one.json()["meetings"], *two.json()["meetings"]):
        assert client.delete(f"/meetings/{meeting}", headers=AUTH).status_code == 200


def test_a_file_sent_with_no_type_in_its_name_is_read_by_its_content(service):
    """A browser's »download« (the README: the content picks the reader): read as the CLI reads it."""
    _, client = service
    response = upload(client, "download", (SAMPLES / FEB).read_bytes())
    assert response.status_code == 201, response.text
    assert response.json()["meetings"] == [FEB_ID]


def test_a_long_name_is_cut_before_its_type_and_the_upload_answers_201(service):
    eng, client = service
    response = upload(client, "ø" * 140 + ".txt", (SAMPLES / FEB).read_bytes())
    assert response.status_code == 201, response.text
    name = response.json()["file"]
    assert name.endswith("ø.txt") and len(name.encode()) <= 150
    digest = hashlib.sha256((SAMPLES / FEB).read_bytes()).hexdigest()[:12]
    assert (eng.data_dir / "uploads" / f"{digest}-{name}").is_file()


@pytest.mark.parametrize("name", ["..", "../", "....", "/", "\\", ""])
def test_a_name_that_is_only_a_path_is_refused(service, name):
    eng, client = service
    before = snapshot(eng)
    response = upload(client, name, (SAMPLES / FEB).read_bytes())
    assert 400 <= response.status_code < 500
    assert snapshot(eng) == before


def test_oversized_uploads_are_413_and_change_nothing(service):
    eng, _ = service
    before = snapshot(eng)
    with app_with(service, max_upload_bytes=2000) as small:
        just_over = upload(small, "big.txt", b"a" * 2001)  # read and counted: one byte too many
        far_over = upload(small, "huge.txt", b"a" * 200_000)  # refused on its declared length
        under = upload(small, "small.txt", b"a" * 1990)
    assert just_over.status_code == 413 and "2000 bytes" in detail(just_over)
    assert far_over.status_code == 413 and "2000 bytes" in detail(far_over)
    assert under.status_code == 422  # within the limit: read, then refused for what it is
    assert snapshot(eng) == before



def _post_streamed(app, headers: dict, chunks: int, size: int) -> tuple[int, int]:
    """POST /documents straight to the ASGI app, its body `chunks` messages of `size` bytes each: the
    response status, and how many body messages the app asked for."""
    import anyio

    asked, status = 0, []

    async def receive() -> dict:
        nonlocal asked
        asked += 1
        return {"type": "http.request", "body": b"x" * size, "more_body": asked < chunks}

    async def send(message: dict) -> None:
        if message["type"] == "http.response.start":
            status.append(message["status"])

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
             "scheme": "http", "path": "/documents", "raw_path": b"/documents", "root_path": "", "query_string": b"",
             "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
             "client": ("127.0.0.1", 5000), "server": ("testserver", 80)}
    anyio.run(app, scope, receive, send)
    return status[0], asked


def test_a_write_without_the_token_is_refused_before_its_body_is_read(service):
    """FastAPI read (and spooled to disk) a File() parameter before the token was checked: anyone could
    send the service gigabytes. Now nothing of the body is read without the token."""
    _, client = service
    form = {"Content-Type": "multipart/form-data; boundary=b"}
    for auth, expected in (({}, 401), ({"Authorization": "Bearer wrong"}, 403)):
        status, asked = _post_streamed(client.app, {**form, **auth, "Content-Length": str(10**9)}, 20, 65536)
        assert (status, asked) == (expected, 0)
        status, asked = _post_streamed(client.app, {**form, **auth}, 20, 65536)  # chunked: no length
        assert (status, asked) == (expected, 0)


def test_an_upload_without_a_length_is_read_only_until_it_passes_the_limit(service):
    with app_with(service, max_upload_bytes=2000) as small:
        status, asked = _post_streamed(small.app, {**AUTH, "Content-Type": "multipart/form-data; boundary=b"},
                                       1000, 10_000)
        # read only until past the limit and the form's overhead (64 KiB), not the 10 MB sent
        assert status == 413 and asked == (2000 + 64 * 1024) // 10_000 + 1
        not_a_form = no_trace(small.post("/documents", content=b"Punkt 1", headers=AUTH))
        assert not_a_form.status_code == 422 and "multipart/form-data" in detail(not_a_form)
        no_file = no_trace(small.post("/documents", data={"other": "x"}, files={"x": ("a.txt", b"a")},
                                      headers=AUTH))
        assert no_file.status_code == 422 and "'file'" in detail(no_file)

def test_over_long_queries_and_limits_above_the_maximum_are_422(service):
    with app_with(service, max_query_chars=50, max_limit=20) as client:
        ok = no_trace(client.get("/search", params={"q": "læ" * 25, "limit": 20}))
        too_long = no_trace(client.get("/search", params={"q": "x" * 51}))
        too_many = no_trace(client.get("/search", params={"q": "lægevagt", "limit": 21}))
        suggest = no_trace(client.get("/suggest", params={"q": "x" * 201}))
        suggest_many = no_trace(client.get("/suggest", params={"q": "læge", "limit": 21}))
    assert ok.status_code == 200
    assert too_long.status_code == 422 and "too long" in detail(too_long)
    assert too_many.status_code == 422 and "limit" in detail(too_many)
    assert suggest.status_code == 422 and "q" in detail(suggest)
    assert suggest_many.status_code == 422 and "limit" in detail(suggest_many)


def test_default_limits_are_enforced(service):
    _, client = service
    assert no_trace(client.get("/search", params={"q": "x" * 1001})).status_code == 422
    assert no_trace(client.get("/search", params={"q": "x", "limit": 101})).status_code == 422
    assert no_trace(client.get("/search", params={"q": "x", "offset": 10_001})).status_code == 422
    assert no_trace(client.get("/meetings", params={"limit": 501})).status_code == 422


# -- 5. tokens, CORS, errors ---------------------------------------------------------------------------------

@pytest.mark.parametrize("authorization, status", [
    (None, 401),
    ("", 401),
    ("Bearer", 401),
    ("Bearer ", 401),
    (f"Basic {TOKEN}", 401),
    (TOKEN, 401),
    ("Bearer wrong", 403),
    (f"Bearer {TOKEN[:-1]}", 403),
    (f"Bearer {TOKEN}x", 403),
    (f"Bearer {TOKEN.upper()}", 403),
    (f"Bearer {hashlib.sha256(TOKEN.encode()).hexdigest()}", 403),
])
def test_writes_without_the_right_token_are_refused(service, authorization, status):
    eng, client = service
    headers = {} if authorization is None else {"Authorization": authorization}
    before = snapshot(eng)
    post = upload(client, "referat.txt", (SAMPLES / FEB).read_bytes(), headers=headers)
    delete = no_trace(client.delete(f"/meetings/{FEB_ID}", headers=headers))
    assert (post.status_code, delete.status_code) == (status, status)
    assert detail(post) and detail(delete)
    if status == 401:
        assert post.headers["www-authenticate"] == "Bearer"
    assert snapshot(eng) == before
    assert no_trace(client.get(f"/meetings/{FEB_ID}")).status_code == 200


def test_the_token_is_compared_in_constant_time(service, monkeypatch):
    """The right token passes (a DELETE of an unknown meeting reaches the 404), and the comparison goes
    through hmac.compare_digest on hashes, so timing tells nothing about how much of a guess was right."""
    import api.identity

    calls = []
    real = api.identity.hmac.compare_digest

    def spy(a, b):
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(api.identity.hmac, "compare_digest", spy)
    _, client = service
    assert no_trace(client.delete("/meetings/no-such-meeting", headers=AUTH)).status_code == 404
    assert no_trace(client.delete("/meetings/no-such-meeting",
                                  headers={"Authorization": "Bearer guess"})).status_code == 403
    assert len(calls) == 2 and all(len(a) == len(b) == 64 for a, b in calls)


def test_a_token_given_as_its_hash_works(service):
    digest = hashlib.sha256(TOKEN.encode()).hexdigest().upper()
    with app_with(service, api_token="", api_token_sha256=digest) as client:
        assert no_trace(client.delete("/meetings/no-such-meeting", headers=AUTH)).status_code == 404
        assert no_trace(client.delete("/meetings/no-such-meeting",
                                      headers={"Authorization": f"Bearer {digest}"})).status_code == 403


@pytest.fixture(scope="module")
def read_only(service):
    """The same data served with no write token configured at all."""
    with app_with(service, api_token="", api_token_sha256="") as client:
        yield client


@pytest.mark.parametrize("authorization", [None, f"Bearer {TOKEN}", "Bearer anything", ""])
def test_without_a_configured_token_the_service_is_read_only(service, read_only, authorization):
    eng, _ = service
    before = snapshot(eng)
    headers = {} if authorization is None else {"Authorization": authorization}
    post = upload(read_only, "referat.txt", (SAMPLES / FEB).read_bytes(), headers=headers)
    delete = no_trace(read_only.delete(f"/meetings/{FEB_ID}", headers=headers))
    search = no_trace(read_only.get("/search", params={"q": "lægevagt"}))
    assert post.status_code == delete.status_code == 403
    assert "read-only" in detail(post)
    assert search.status_code == 200
    assert snapshot(eng) == before


def test_cors_admits_only_the_configured_origin(service):
    preflight = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization"}
    with app_with(service, cors_origins=[ORIGIN]) as client:
        allowed = no_trace(client.get("/search", params={"q": "lægevagt"}, headers={"Origin": ORIGIN}))
        other = no_trace(client.get("/search", params={"q": "lægevagt"},
                                    headers={"Origin": "https://evil.example.com"}))
        allowed_pre = client.options("/documents", headers={"Origin": ORIGIN, **preflight})
        other_pre = client.options("/documents", headers={"Origin": "https://evil.example.com", **preflight})
        cross_write = upload(client, "referat.txt", b"x", headers={"Origin": ORIGIN})
    assert allowed.status_code == other.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == ORIGIN
    assert "access-control-allow-origin" not in other.headers
    assert allowed_pre.status_code == 200 and allowed_pre.headers["access-control-allow-origin"] == ORIGIN
    assert "access-control-allow-origin" not in other_pre.headers and other_pre.status_code >= 400
    assert "access-control-allow-credentials" not in allowed.headers
    assert cross_write.status_code == 401  # an allowed origin still needs the token


def test_an_internal_error_is_a_plain_500_without_details(service, monkeypatch):
    eng, client = service

    def broken(request):
        raise RuntimeError("disk /srv/minutes/secret.sqlite3 is on fire")

    monkeypatch.setattr(eng, "search", broken)
    response = no_trace(client.get("/search", params={"q": "lægevagt"}))
    assert response.status_code == 500
    assert "secret" not in response.text and "fire" not in response.text
    assert detail(response) == "internal error; the operator's log has details"


@pytest.mark.parametrize("path, params", [
    ("/search", {"q": "x", "mode": "magic"}), ("/search", {"q": '"', "from": "yesterday"}),
    ("/search", {"limit": "ten"}), ("/items/nope", {}), ("/meetings/nope", {}), ("/no-such-route", {}),
    ("/search", {"q": "titel:", "section": "poetry"}), ("/search", {"year": "99999"}),
])
def test_error_responses_carry_no_stack_trace(service, path, params):
    _, client = service
    response = no_trace(client.get(path, params=params))
    assert 400 <= response.status_code < 500
    assert detail(response)
