"""Readers' pages: story list, story page, posting by form, fix, replies, reports, safety."""

from __future__ import annotations

import re

from httpx import Response

from tests.web.conftest import MakeClient, TestClient, csrf_token, demo_story_id
from yorum import messages


def _form(client: TestClient, sid: int, text: str, **extra: str) -> Response:
    token = csrf_token(client, f"/stories/{sid}")
    data = {"csrf": token, "author": "Ayşe", "text": text, **extra}
    return client.post(f"/stories/{sid}/comments", data=data, follow_redirects=False)


def test_index_lists_the_demo_story(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200
    assert "uzay üssünde" in r.text
    assert "spaceport" in client.get("/?lang=en").text


def test_story_page_shows_story_house_rule_and_form(client: TestClient) -> None:
    sid = demo_story_id(client)
    page = client.get(f"/stories/{sid}").text
    assert messages.HOUSE_RULE["tr"] in page and messages.HOUSE_RULE["en"] in page
    assert "Komşu iki ülkenin liderleri" in page
    assert 'name="csrf"' in page and "/static/story.js" in page
    en = client.get(f"/stories/{sid}?lang=en").text
    assert "The leaders of two neighbouring countries" in en
    assert 'lang="en"' in en
    assert client.cookies.get("yorum_lang") == "en"
    assert client.get("/stories/9999").status_code == 404
    assert "<html" in client.get("/stories/9999").text


def test_approved_comment_appears(client: TestClient) -> None:
    sid = demo_story_id(client)
    r = _form(client, sid, "Güzel bir haber.")
    assert r.status_code == 303
    assert r.headers["location"].startswith(f"/stories/{sid}?notice=approved#c")
    page = client.get(r.headers["location"]).text
    assert "Güzel bir haber." in page and messages.DECISIONS["approved"]["tr"] in page


def test_rejected_comment_stays_in_the_form_with_reasons_and_fix(client: TestClient) -> None:
    sid = demo_story_id(client)
    text = "Bu gorusme cok onemli bir adim"
    r = _form(client, sid, text)
    assert r.status_code == 200
    page = r.text
    assert f">{text}</textarea>" in page
    assert f'href="/stories/{sid}?lang=en"' in page  # the GET address, not the POST one
    assert messages.RULES["turkish_chars"]["tr"] in page
    assert messages.RULES["turkish_chars"]["en"] in page
    assert "<mark>gorusme</mark>" in page
    assert 'value="fix"' in page and messages.FIX_AVAILABLE["tr"] in page
    fixed = _form(client, sid, text, action="fix")
    assert ">Bu görüşme çok önemli bir adım</textarea>" in fixed.text
    assert client.get(f"/api/v1/stories/{sid}/comments").json()["comments"] == []
    posted = _form(client, sid, "Bu görüşme çok önemli bir adım")
    assert posted.status_code == 303


def test_held_comment_says_it_awaits_review(client: TestClient) -> None:
    sid = demo_story_id(client)
    r = _form(client, sid, "HOLD bunu")
    assert r.status_code == 303 and "notice=review" in r.headers["location"]
    page = client.get(r.headers["location"]).text
    assert messages.DECISIONS["review"]["tr"] in page
    assert "HOLD bunu" not in page


def test_form_errors_are_shown_in_the_form(client: TestClient) -> None:
    sid = demo_story_id(client)
    r = _form(client, sid, "   ")
    assert r.status_code == 422 and messages.WEB_ERRORS["empty"]["tr"] in r.text
    r = _form(client, sid, "metin", author="")
    assert r.status_code == 422 and messages.WEB_ERRORS["author_empty"]["tr"] in r.text


def test_csrf_is_required_on_forms(client: TestClient) -> None:
    sid = demo_story_id(client)
    client.get(f"/stories/{sid}")
    data = {"author": "a", "text": "Merhaba."}
    r = client.post(f"/stories/{sid}/comments", data=data, follow_redirects=False)
    assert r.status_code == 403
    r = client.post(
        f"/stories/{sid}/comments", data={**data, "csrf": "forged.token"}, follow_redirects=False
    )
    assert r.status_code == 403
    token = csrf_token(client, f"/stories/{sid}")
    client.cookies.delete("yorum_csrf")
    client.cookies.set("yorum_csrf", "another-browser-nonce-123456")
    r = client.post(
        f"/stories/{sid}/comments", data={**data, "csrf": token}, follow_redirects=False
    )
    assert r.status_code == 403
    assert client.get(f"/api/v1/stories/{sid}/comments").json()["comments"] == []


def test_script_in_text_and_author_is_escaped(client: TestClient) -> None:
    sid = demo_story_id(client)
    evil = "<script>alert('x')</script>"
    r = _form(client, sid, f"Bakın {evil}", author=f"{evil}<img src=x onerror=alert(1)>")
    assert r.status_code == 303
    page = client.get(f"/stories/{sid}").text
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    rejected = _form(client, sid, f"gorusme {evil}", author=evil)
    assert "<script>alert" not in rejected.text
    assert "&lt;script&gt;" in rejected.text


def test_replies_and_threads_on_the_page(client: TestClient) -> None:
    sid = demo_story_id(client)
    root = _form(client, sid, "Kök yorum.")
    root_id = int(re.search(r"#c(\d+)", root.headers["location"]).group(1))
    page = client.get(f"/stories/{sid}?reply={root_id}").text
    assert f'name="parent_id" value="{root_id}"' in page
    reply = _form(client, sid, "Katılıyorum.", parent_id=str(root_id))
    assert reply.status_code == 303
    page = client.get(f"/stories/{sid}").text
    assert page.index(f'id="c{root_id}"') < page.index("Katılıyorum.")
    assert 'class="comment depth-1"' in page


def test_report_button(client: TestClient) -> None:
    sid = demo_story_id(client)
    r = _form(client, sid, "Bildirilecek.")
    cid = int(re.search(r"#c(\d+)", r.headers["location"]).group(1))
    page = client.get(f"/stories/{sid}").text
    assert f'action="/stories/{sid}/comments/{cid}/report"' in page and "(!)" in page
    token = csrf_token(client, f"/stories/{sid}")
    url = f"/stories/{sid}/comments/{cid}/report"
    r = client.post(url, data={"csrf": token}, follow_redirects=False)
    assert r.status_code == 303 and "notice=reported" in r.headers["location"]
    r = client.post(url, data={"csrf": token}, follow_redirects=False)
    assert "notice=already_reported" in r.headers["location"]
    assert client.post(url, data={}, follow_redirects=False).status_code == 403
    r = client.post(f"/stories/{sid}/comments/9999/report", data={"csrf": token})
    assert r.status_code == 404


def test_form_rate_limit(make_client: MakeClient) -> None:
    from yorum.web.config import Rate

    client = make_client(rates={"comment": Rate(burst=1, every=120.0)})
    sid = demo_story_id(client)
    assert _form(client, sid, "Bir.").status_code == 303
    r = _form(client, sid, "İki.")
    assert r.status_code == 429
    assert "Retry-After" in r.headers


def test_static_files_are_served(client: TestClient) -> None:
    for name in ("style.css", "story.js", "queue.js"):
        r = client.get(f"/static/{name}")
        assert r.status_code == 200 and r.headers["x-content-type-options"] == "nosniff"


def test_binary_junk_in_a_form_is_not_a_500(client: TestClient) -> None:
    sid = demo_story_id(client)
    token = csrf_token(client, f"/stories/{sid}")
    body = f"csrf={token}&author=%FF%FE%00&text=%C3%28%00%FF".encode()
    r = client.post(
        f"/stories/{sid}/comments",
        content=body,
        headers={"content-type": "application/x-www-form-urlencoded"},
        follow_redirects=False,
    )
    assert 400 <= r.status_code < 500
    r = client.post(
        f"/stories/{sid}/comments",
        content=bytes(range(256)),
        headers={"content-type": "multipart/form-data; boundary=x"},
        follow_redirects=False,
    )
    assert 400 <= r.status_code < 500


def test_a_long_reply_chain_renders(client: TestClient) -> None:
    sid = demo_story_id(client)
    parent = None
    for i in range(40):
        r = client.post(
            f"/api/v1/stories/{sid}/comments",
            json={"author": "x", "text": f"yanıt {i}", "parent_id": parent},
        )
        parent = r.json()["id"]
    page = client.get(f"/stories/{sid}")
    assert page.status_code == 200 and "yanıt 39" in page.text
    assert page.text.count('class="comment depth-5"') == 40 - 5
    tree = client.get(f"/api/v1/stories/{sid}/comments").json()["comments"]
    assert len(tree) == 1
