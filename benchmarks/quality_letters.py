"""turkish_chars and all_caps on clean UD Turkish dev sentences, yorum beside the peers.

turkish_chars: every sentence is folded to ASCII (ç→c, ğ→g, ı→i, ö→o, ş→s, ü→u; â î û too).
Detection is the share of folded sentences (those that had a letter to lose) on which the rule
stops approval; false flags are the share of the original sentences on which it does.
Restoration is scored word by word with benchmarks/deasciify.py's ``score`` ("changed" words are
those that needed a letter back): the engine's fix as offered to the writer (the folded text
unchanged where the rule did not fire), yorum's restorer alone, and zemberek-python's
TurkishDeasciifier (detection for zemberek: it changes the text).

all_caps: false flags on the original sentences, detection on the same sentences upper-cased
with Turkish casing (``tr_upper``), over all sentences and over those long enough for the
policy (``min_letters`` letters and ``min_words`` words). The peer is the check a developer
writes first: ``str.isupper()``.

    .venv/bin/python -m benchmarks.quality_letters [--quick]
"""

from __future__ import annotations

import time
import warnings
from collections import Counter
from collections.abc import Callable
from typing import Any

from benchmarks import common

CIRCUMFLEX = str.maketrans("âîûÂÎÛ", "aiuAIU")


def _engine(text: str) -> tuple[dict[str, str], str | None]:
    """The verdict's ``{rule: severity}`` and the turkish_chars fix, for one text."""
    import yorum

    verdict = yorum.moderate(text)
    rank = {"advice": 0, "review": 1, "block": 2}
    rules: dict[str, str] = {}
    fix = None
    for v in verdict.violations:
        if v.rule not in rules or rank[v.severity] > rank[rules[v.rule]]:
            rules[v.rule] = v.severity
        if v.rule == "turkish_chars":
            fix = v.suggestion
    return rules, fix


def _zemberek() -> tuple[Callable[[str], str] | None, str | None]:
    try:
        from benchmarks.deasciify import zemberek

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            restore = zemberek()
        restore("deneme")
    except Exception as exc:  # a peer that cannot run is reported, not raised
        return None, f"zemberek-python TurkishDeasciifier unavailable: {type(exc).__name__}: {exc}"
    return restore, None


def _word_scores(restore: Callable[[str], str], gold: list[str]) -> dict[str, Any]:
    from benchmarks.deasciify import score

    errors: Counter[str] = Counter()
    c = score(restore, gold, errors)
    return {
        "words": c["words"],
        "word_accuracy": c["words_ok"] / max(c["words"], 1),
        "changed_words": c["changed"],
        "changed_word_accuracy": c["changed_ok"] / max(c["changed"], 1),
        "frequent_errors": [f"{e} ×{n}" for e, n in errors.most_common(8)],
    }


def _eligible(text: str, min_letters: int, min_words: int) -> bool:
    return sum(ch.isalpha() for ch in text) >= min_letters and len(text.split()) >= min_words


def turkish_chars(
    gold: list[str], folded: list[str], cfg: common.Config
) -> tuple[dict[str, Any], list[tuple[dict[str, str], str | None]]]:
    from yorum.lang.tr import deasciify

    need = [i for i, (g, f) in enumerate(zip(gold, folded, strict=True)) if g != f]
    out: dict[str, Any] = {"sentences": len(gold), "folded_sentences_with_lost_letters": len(need)}
    t = time.perf_counter()
    originals = common.pmap(_engine, gold, cfg.jobs)
    folded_verdicts = common.pmap(_engine, [folded[i] for i in need], cfg.jobs)
    seconds = {"yorum": time.perf_counter() - t}
    fixes = {folded[i]: fix for i, (_, fix) in zip(need, folded_verdicts, strict=True)}

    def offered(text: str) -> str:
        fix = fixes.get(text)
        return fix if fix is not None and len(fix) == len(text) else text

    tools: list[dict[str, Any]] = [
        {
            "tool": "yorum (engine)",
            "detection": sum(common.fires(r, ("turkish_chars",)) for r, _ in folded_verdicts)
            / len(need),
            "false_flags": sum(common.fires(r, ("turkish_chars",)) for r, _ in originals)
            / len(gold),
            **_word_scores(offered, [gold[i] for i in need]),
        }
    ]
    t = time.perf_counter()
    restorer = _word_scores(deasciify.restore, [gold[i] for i in need])
    seconds["yorum restorer"] = time.perf_counter() - t
    tools.append({"tool": "yorum restorer alone", **restorer})
    z, why = _zemberek()
    notes = [why] if why else []
    if z is not None:
        t = time.perf_counter()
        changed_folded = sum(z(folded[i]) != folded[i] for i in need)
        changed_gold = sum(z(g) != g for g in gold)
        tools.append(
            {
                "tool": "zemberek TurkishDeasciifier",
                "detection": changed_folded / len(need),
                "false_flags": changed_gold / len(gold),
                **_word_scores(z, [gold[i] for i in need]),
            }
        )
        seconds["zemberek"] = time.perf_counter() - t
    out.update({"tools": tools, "notes": notes, "seconds": seconds})
    return out, originals


def all_caps(
    gold: list[str], originals: list[tuple[dict[str, str], str | None]], cfg: common.Config
) -> dict[str, Any]:
    from yorum.lang.tr.text import tr_upper
    from yorum.moderation.policy import default_policy

    settings = default_policy().rule("all_caps")
    min_letters = int(settings.get("min_letters", 12))
    min_words = int(settings.get("min_words", 3))
    upper = [tr_upper(s) for s in gold]
    eligible = [_eligible(s, min_letters, min_words) for s in gold]
    shouted = [common.fires(r, ("all_caps",)) for r, _ in common.pmap(_engine, upper, cfg.jobs)]
    flagged = [common.fires(r, ("all_caps",)) for r, _ in originals]
    n_eligible = sum(eligible)
    peer_shouted = [s.isupper() for s in upper]
    peer_flagged = [s.isupper() for s in gold]
    return {
        "sentences": len(gold),
        "long_enough_for_policy": n_eligible,
        "policy": {"min_letters": min_letters, "min_words": min_words},
        "tools": [
            {
                "tool": "yorum all_caps",
                "detection": sum(shouted) / len(gold),
                "detection_long_enough": sum(s for s, e in zip(shouted, eligible, strict=True) if e)
                / max(n_eligible, 1),
                "false_flags": sum(flagged) / len(gold),
            },
            {
                "tool": "str.isupper()",
                "detection": sum(peer_shouted) / len(gold),
                "detection_long_enough": sum(
                    s for s, e in zip(peer_shouted, eligible, strict=True) if e
                )
                / max(n_eligible, 1),
                "false_flags": sum(peer_flagged) / len(gold),
            },
        ],
        "examples_flagged_clean": [s for s, f in zip(gold, flagged, strict=True) if f][:8],
        "examples_missed_long_enough": [
            u for u, s, e in zip(upper, shouted, eligible, strict=True) if e and not s
        ][:8],
    }


def run(cfg: common.Config) -> dict[str, Any]:
    from yorum.lang.tr.text import ascii_fold

    gold = [s.translate(CIRCUMFLEX) for s in common.ud_dev_sentences(cfg.data)]
    if cfg.quick:
        gold = [gold[i] for i in common.subsample(len(gold), 1000)]
    why = common.engine_status()
    if why is not None:
        return {"error": f"yorum did not run: {why}"}
    folded = [ascii_fold(s) for s in gold]
    chars, originals = turkish_chars(gold, folded, cfg)
    return common.rounded(
        {
            "data": "UD Turkish dev sentences (BOUN, IMST, Penn, Kenet); â î û folded in the gold",
            "turkish_chars": chars,
            "all_caps": all_caps(gold, originals, cfg),
        }
    )


def main() -> None:
    common.section_main("quality_letters", run, __doc__)


if __name__ == "__main__":
    main()
