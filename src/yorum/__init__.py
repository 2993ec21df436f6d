"""yorum: moderation of reader comments under a newsroom's house rule."""

from yorum.moderation.engine import InputError, moderate
from yorum.moderation.policy import Policy, PolicyError, default_policy, load_policy
from yorum.moderation.verdict import Verdict, Violation

__all__ = [
    "InputError",
    "Policy",
    "PolicyError",
    "Verdict",
    "Violation",
    "default_policy",
    "load_policy",
    "moderate",
]
__version__ = "0.1.0"
