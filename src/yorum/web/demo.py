"""The demo story (created on first start) and, for the demo only, a first editor."""

from __future__ import annotations

import secrets

from yorum.storage import Conflict, Database, editors, repo
from yorum.web.auth import hash_password

DEMO_EXTERNAL_ID = "demo-spaceport-summit"
DEMO_EDITOR = "demo"

TITLE_TR = "İki lider, roket fırlatması öncesinde uzay üssünde buluştu"
TITLE_EN = "Two leaders meet at a spaceport hours before a launch"
BODY_TR = (
    "Komşu iki ülkenin liderleri salı günü kıyıdaki bir uzay üssünde, bir kargo roketinin "
    "fırlatılmasından saatler önce zirve düzenledi. Yaklaşık üç saat süren görüşmede ortak bir "
    "hava durumu uydusu, fırlatma takvimlerinin paylaşılması ve uzay çöpünün birlikte "
    "izlenmesine ilişkin yeni bir anlaşma ele alındı.\n\n"
    "Fırlatma kulesinin önünde gazetecilere konuşan iki lider de görüşmeyi “ilk adım” olarak "
    "nitelendirdi ve teknik ekiplerin altı ay içinde yeniden bir araya geleceğini söyledi.\n\n"
    "Roket akşam saatlerinde planlandığı gibi fırlatıldı ve yörüngedeki bir araştırma "
    "istasyonuna malzeme taşıdı."
)
BODY_EN = (
    "The leaders of two neighbouring countries held a summit on Tuesday at a coastal spaceport, "
    "hours before a cargo rocket was due to lift off. The talks, which lasted about three hours, "
    "covered a joint weather satellite, shared launch schedules and a new agreement to track "
    "space debris together.\n\n"
    "Speaking to reporters in front of the launch tower, both leaders called the meeting “a "
    "first step” and said their technical teams would meet again within six months.\n\n"
    "The rocket lifted off on time in the evening, carrying supplies to a research station in "
    "orbit."
)


def seed_demo_story(db: Database) -> int:
    """Create the demo story unless it exists (several servers may start at once); its id."""
    try:
        with db.transaction() as s:
            story = repo.story_by_external_id(s, DEMO_EXTERNAL_ID)
            if story is None:
                story = repo.create_story(
                    s,
                    external_id=DEMO_EXTERNAL_ID,
                    title=TITLE_TR,
                    title_en=TITLE_EN,
                    body_tr=BODY_TR,
                    body_en=BODY_EN,
                )
            return story.id
    except Conflict:  # another server made it meanwhile
        with db.transaction() as s:
            story = repo.story_by_external_id(s, DEMO_EXTERNAL_ID)
            assert story is not None
            return story.id


def seed_demo_editor(db: Database) -> str | None:
    """When no editor exists: create ``demo`` with a random password and return the password."""
    password = secrets.token_urlsafe(12)
    try:
        with db.transaction() as s:
            if editors.count_editors(s) > 0:
                return None
            editors.add_editor(s, DEMO_EDITOR, hash_password(password))
    except Conflict:  # another server made it meanwhile, and printed its password
        return None
    return password
