import random

from yorum.moderation.evasion import TRICKS, disguise
from yorum.moderation.policy import default_policy
from yorum.moderation.prepare import Prepared
from yorum.moderation.rules import profanity


def test_each_trick_changes_the_word() -> None:
    rng = random.Random(1)
    for name, trick in TRICKS.items():
        assert trick("siktir", rng) != "siktir", name


def test_disguised_swearing_is_still_caught() -> None:
    rng = random.Random(5)
    words = ("siktir", "orospu", "yavşak", "pezevenk", "kahpe", "amcık")
    caught = total = 0
    for _ in range(300):
        disguised, _ = disguise(rng.choice(words), rng, tricks=rng.choice((1, 2)))
        total += 1
        caught += bool(profanity.check(Prepared(f"bu {disguised} herkes"), default_policy()))
    assert caught / total >= 0.95
