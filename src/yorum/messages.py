"""Every user-facing sentence, in Turkish and English, in one place."""

from __future__ import annotations

Message = dict[str, str]

HOUSE_RULE: Message = {
    "tr": (
        "Hakaret, küfür, saldırgan cümle ya da ima, inançlara saldırı içeren, yazım kurallarına "
        "uygun yazılmayan, Türkçe karakter kullanılmayan ve büyük harflerle yazılan yorumlar "
        "onaylanmaz."
    ),
    "en": (
        "Comments that contain insults, swearing, offensive sentences or allusions, attacks on "
        "beliefs, are not written with spelling rules, do not use Turkish characters and are "
        "written in capital letters are not approved."
    ),
}

RULES: dict[str, Message] = {
    "insult": {
        "tr": "Yorumunuz bir kişiye yönelik hakaret içeriyor.",
        "en": "Your comment insults a person.",
    },
    "profanity": {
        "tr": "Yorumunuz küfür içeriyor.",
        "en": "Your comment contains swearing.",
    },
    "offensive": {
        "tr": "Yorumunuz saldırgan bir cümle ya da ima içeriyor (tehdit, ölüm dileği, aşağılama).",
        "en": "Your comment contains an offensive sentence or allusion (threat, death wish, "
        "demeaning remark).",
    },
    "belief_attack": {
        "tr": "Yorumunuz bir inanca ya da inananlarına saldırı içeriyor.",
        "en": "Your comment attacks a belief or its believers.",
    },
    "spelling": {
        "tr": "Yorumunuzda yazım kurallarına uymayan sözcükler var.",
        "en": "Your comment has words that are not spelt correctly.",
    },
    "spelling.rule_error": {
        "tr": "Bu yazım yanlışı sık yapılır; doğrusu önerildi.",
        "en": "This is a common spelling mistake; the correct form is suggested.",
    },
    "turkish_chars": {
        "tr": "Yorumunuzda Türkçe karakterler (ç, ğ, ı, ö, ş, ü) kullanılmamış.",
        "en": "Your comment does not use the Turkish letters (ç, ğ, ı, ö, ş, ü).",
    },
    "all_caps": {
        "tr": "Yorumunuz büyük harflerle yazılmış.",
        "en": "Your comment is written in capital letters.",
    },
}

DECISIONS: dict[str, Message] = {
    "approved": {"tr": "Yorumunuz yayımlandı.", "en": "Your comment has been published."},
    "rejected": {
        "tr": "Yorumunuz yayın kurallarımıza uymadığı için onaylanmadı.",
        "en": "Your comment was not approved because it breaks our house rule.",
    },
    "review": {
        "tr": "Yorumunuz editör onayından sonra yayımlanacak.",
        "en": "Your comment will be published after an editor has reviewed it.",
    },
}

FIX_AVAILABLE: Message = {"tr": "Düzeltmeyi uygula", "en": "Apply the fix"}

# Errors, shown by the CLI and returned by the API.
ERR_EMPTY = "The comment is empty."
ERR_NOT_TEXT = "The comment is not valid text (binary data or invalid UTF-8)."
ERR_TOO_LONG = "The comment is too long: {length} characters, the limit is {limit}."
ERR_BAD_JSON_LINE = "line {line}: not a JSON object with a string field 'text': {reason}"
ERR_POLICY = "Policy error: {reason}"


def rule_message(key: str) -> Message:
    return dict(RULES.get(key) or RULES[key.split(".", 1)[0]])
