"""The comment platform: story pages, the comment API, the editors' queue."""

from yorum.web.app import create_app
from yorum.web.config import Settings

__all__ = ["Settings", "create_app"]
