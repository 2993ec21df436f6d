"""profanity and insult through evasion, and innocent look-alikes, yorum beside the peers.

- Recall on swear words and insults with Turkish suffixes, disguised by one or two tricks
  (separators, digits, repeated letters, look-alike Cyrillic letters, zero-width characters,
  mixed case) in short sentences: benchmarks/evasion.py's generator (``BAD_WORDS``, ``FRAMES``,
  ``yorum.moderation.evasion.disguise``); the same words undisguised as the reference.
- False flags on innocent words that contain or begin like a swear word (götürmek, sikke, amca,
  Amasya, ananas, sıkıntı, malzeme: DESIGN §3), in sentences written for this benchmark, and on
  the clean UD Turkish dev sentences.

The generator and the lists were written by yorum's developers, so the recall shows what the
rules were built to catch; the peers meet it unprepared (that is the point of evasion).

    .venv/bin/python -m benchmarks.quality_evasion [--quick]
"""

from __future__ import annotations

import random
import time
from collections import Counter
from typing import Any

from benchmarks import common, metrics, peers

INNOCENT = (
    "Bu kutuyu yarın ofise götürmek gerekiyor.",
    "Eşyaları arabaya götürdük, akşam döneceğiz.",
    "Müzede Osmanlı dönemine ait bir sikke sergileniyor.",
    "Amcam emekli olduktan sonra köye yerleşti.",
    "Amcamın oğlu bu yıl üniversiteyi bitirdi.",
    "Amasya'nın elmaları çok meşhurdur.",
    "Hafta sonu Amasya'ya gidip Yeşilırmak kıyısında yürüdük.",
    "Ananas ve muz fiyatları bu ay yine arttı.",
    "Belediyenin yaşadığı bütçe sıkıntısı herkesi etkiliyor.",
    "Öğrenciler derste çok sıkıldıklarını söyledi.",
    "İnşaat malzemesi fiyatları geçen yıla göre iki katına çıktı.",
    "Bu malzemelerle iyi bir yemek yapılabilir.",
    "Boksör ilk rauntta rakibini yere serdi.",
    "Sicimle bağlanmış paketler kapının önünde bekliyordu.",
    "Dalaman havalimanında uçuşlar normale döndü.",
    "Bakanlık yeni malı sezon başında piyasaya sürecek.",
    "Kasabadaki ambar yangında tamamen yandı.",
    "Ahmet Bey'in götürü usulü vergilendirildiği ortaya çıktı.",
    "Hayvan hakları derneği yeni bir kampanya başlattı.",
    "Köpeğim bütün gün bahçede oynadı.",
    "Tarlada çalışan işçiler öğle yemeği için mola verdi.",
    "Sikkeler ve madalyalar müzayedede satışa çıktı.",
    "Amcazadesiyle birlikte yeni bir iş kurdu.",
    "Şirketin malları limanda bekletiliyor.",
)


def disguised(n: int, seed: int = 11) -> tuple[list[str], list[str], list[str]]:
    """``n`` disguised texts, the trick used in each, and the same words plain."""
    from benchmarks.evasion import BAD_WORDS, FRAMES
    from yorum.moderation.evasion import SUFFIXES, disguise

    rng = random.Random(seed)
    texts, tricks, plain = [], [], []
    for _ in range(n):
        word = rng.choice(BAD_WORDS) + rng.choice(SUFFIXES)
        frame = rng.choice(FRAMES)
        hidden, trick = disguise(word, rng, tricks=rng.choice((1, 1, 2)))
        texts.append(frame.format(hidden))
        tricks.append("two tricks" if "+" in trick else trick)
        plain.append(frame.format(word))
    return texts, tricks, plain


def _flags(name: str, texts: list[str], cfg: common.Config) -> list[int]:
    if name == "yorum":
        found = common.pmap(common.verdict_rules, texts, cfg.jobs)
        return [int(common.fires(f, common.ABUSE)) for f in found]
    if name == "tfidf":
        return peers.TfidfPeer.load(peers.tfidf_full_path(cfg.data)).predict(texts)
    return common.pmap(peers.flag_with, [(name, str(cfg.data), t) for t in texts], cfg.jobs)


def run(cfg: common.Config) -> dict[str, Any]:
    texts, tricks, plain = disguised(600 if cfg.quick else 2000)
    clean = common.ud_dev_sentences(cfg.data)
    if cfg.quick:
        clean = [clean[i] for i in common.subsample(len(clean), 1000)]
    notes: list[str] = []
    names = ["yorum"] if (why := common.engine_status()) is None else []
    if why is not None:
        notes.append(f"yorum did not run: {why}")
    for name in peers.ALL_PEERS:
        if (gone := peers.missing(name)) is None:
            names.append(name)
        else:
            notes.append(gone)
    tools = []
    seconds: dict[str, float] = {}
    for name in names:
        t = time.perf_counter()
        hit = _flags(name, texts, cfg)
        hit_plain = _flags(name, plain, cfg)
        innocent = _flags(name, list(INNOCENT), cfg)
        ud = _flags(name, clean, cfg)
        seconds[name] = time.perf_counter() - t
        by_trick = metrics.recall_by(tricks, hit)
        tools.append(
            {
                "tool": name,
                "recall_disguised": sum(hit) / len(hit),
                "recall_plain": sum(hit_plain) / len(hit_plain),
                "innocent_flagged": sum(innocent) / len(innocent),
                "clean_ud_flagged": sum(ud) / len(ud),
                "by_trick": by_trick,
                "innocent_examples_flagged": [
                    s for s, f in zip(INNOCENT, innocent, strict=True) if f
                ][:6],
            }
        )
    return common.rounded(
        {
            "disguised_texts": len(texts),
            "tricks": dict(Counter(tricks)),
            "innocent_sentences": len(INNOCENT),
            "clean_ud_sentences": len(clean),
            "tools": tools,
            "notes": notes,
            "seconds": seconds,
        }
    )


def main() -> None:
    common.section_main("quality_evasion", run, __doc__)


if __name__ == "__main__":
    main()
