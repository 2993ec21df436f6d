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


# --- Web: the story page, the editors' queue and the API (yorum.web) ---------------------------

RULE_NAMES: dict[str, Message] = {
    "insult": {"tr": "Hakaret", "en": "Insult"},
    "profanity": {"tr": "Küfür", "en": "Swearing"},
    "offensive": {"tr": "Saldırgan ifade", "en": "Offensive remark"},
    "belief_attack": {"tr": "İnançlara saldırı", "en": "Attack on beliefs"},
    "spelling": {"tr": "Yazım", "en": "Spelling"},
    "turkish_chars": {"tr": "Türkçe karakter", "en": "Turkish letters"},
    "all_caps": {"tr": "Büyük harf", "en": "Capital letters"},
}

WEB_ERRORS: dict[str, Message] = {
    "bad_request": {"tr": "İstek anlaşılamadı.", "en": "The request could not be understood."},
    "bad_json": {
        "tr": "İstek gövdesi geçerli bir JSON değil.",
        "en": "The request body is not valid JSON.",
    },
    "invalid": {"tr": "İstek geçersiz: {detail}", "en": "The request is not valid: {detail}"},
    "empty": {"tr": "Yorum boş.", "en": ERR_EMPTY},
    "not_text": {
        "tr": "Yorum geçerli bir metin değil (ikili veri ya da bozuk UTF-8).",
        "en": ERR_NOT_TEXT,
    },
    "too_long": {
        "tr": "Yorum çok uzun: {length} karakter, sınır {limit}.",
        "en": ERR_TOO_LONG,
    },
    "engine_input": {"tr": "Yorum denetlenemedi: {reason}", "en": "{reason}"},
    "body_too_large": {
        "tr": "İstek çok büyük (en çok {limit} bayt).",
        "en": "The request is too large (at most {limit} bytes).",
    },
    "author_empty": {"tr": "Adınızı yazın.", "en": "Write your name."},
    "author_long": {
        "tr": "Ad çok uzun (en çok {limit} karakter).",
        "en": "The name is too long (at most {limit} characters).",
    },
    "author_refused": {
        "tr": "Bu ad yayın kurallarımıza uymuyor.",
        "en": "This name breaks our house rule.",
    },
    "reason_long": {
        "tr": "Gerekçe çok uzun (en çok {limit} karakter).",
        "en": "The reason is too long (at most {limit} characters).",
    },
    "parent_invalid": {
        "tr": "Yanıtlanan yorum bu haberde yayımlanmış bir yorum değil.",
        "en": "parent_id does not name a published comment of this story.",
    },
    "not_found": {"tr": "Sayfa bulunamadı.", "en": "Not found."},
    "story_not_found": {"tr": "Haber bulunamadı.", "en": "Story not found."},
    "comment_not_found": {"tr": "Yorum bulunamadı.", "en": "Comment not found."},
    "parent_not_found": {"tr": "Yanıtlanan yorum bulunamadı.", "en": "Parent comment not found."},
    "editor_not_found": {"tr": "Editör bulunamadı.", "en": "Editor not found."},
    "tab_not_found": {"tr": "Böyle bir sekme yok.", "en": "No such tab."},
    "method_not_allowed": {
        "tr": "Bu adres bu yöntemi kabul etmiyor.",
        "en": "This address does not accept this method.",
    },
    "story_exists": {
        "tr": "Bu dış kimlikle kayıtlı bir haber zaten var.",
        "en": "A story with this external id already exists.",
    },
    "editor_exists": {
        "tr": "{name} adlı editör zaten var.",
        "en": "An editor named {name} already exists.",
    },
    "already_decided": {
        "tr": "Bu yorumun durumu zaten: {status}.",
        "en": "The comment is already {status}.",
    },
    "idempotency_key_reused": {
        "tr": "Bu Idempotency-Key başka bir yorumla kullanılmış.",
        "en": "This Idempotency-Key was used with another comment.",
    },
    "already_reported": {
        "tr": "Bu yorumu zaten bildirdiniz.",
        "en": "You have already reported this comment.",
    },
    "rate_limited": {
        "tr": "Çok fazla istek: {seconds} saniye sonra yeniden deneyin.",
        "en": "Too many requests: try again in {seconds} seconds.",
    },
    "login_required": {
        "tr": "Bu işlem için editör olarak giriş yapın.",
        "en": "Log in as an editor to do this.",
    },
    "login_failed": {"tr": "Ad ya da parola yanlış.", "en": "Wrong name or password."},
    "forbidden": {"tr": "Bu işleme izniniz yok.", "en": "You are not allowed to do this."},
    "bad_api_key": {"tr": "API anahtarı yanlış.", "en": "The API key is wrong."},
    "csrf": {
        "tr": "Formun süresi dolmuş ya da form bu siteden gelmiyor: sayfayı yenileyip yeniden "
        "deneyin.",
        "en": "The form has expired or did not come from this site: reload the page and try again.",
    },
    "db_unavailable": {
        "tr": "Veritabanına şu anda ulaşılamıyor: biraz sonra yeniden deneyin.",
        "en": "The database cannot be reached right now: try again shortly.",
    },
    "internal": {
        "tr": "Bizim tarafımızda bir hata oluştu.",
        "en": "Something went wrong on our side.",
    },
}

UI: dict[str, Message] = {
    "site_name": {"tr": "Yorum", "en": "Yorum"},
    "nav_stories": {"tr": "Haberler", "en": "Stories"},
    "switch_lang": {"tr": "English", "en": "Türkçe"},
    "footer": {
        "tr": "Yorumlar yayımlanmadan önce yayın kurallarımıza göre denetlenir.",
        "en": "Comments are checked against our house rule before they are published.",
    },
    "back_home": {"tr": "Ana sayfaya dön", "en": "Back to the front page"},
    "stories_title": {"tr": "Haberler", "en": "Stories"},
    "no_stories": {"tr": "Henüz haber yok.", "en": "No stories yet."},
    "comment_count": {"tr": "{n} yorum", "en": "{n} comments"},
    "story_kicker": {"tr": "Haber", "en": "News"},
    "original_link": {"tr": "Haberin aslı", "en": "Original story"},
    "house_rule_title": {"tr": "Yayın kuralımız", "en": "Our house rule"},
    "comments_title": {"tr": "Yorumlar", "en": "Comments"},
    "no_comments": {"tr": "İlk yorumu siz yazın.", "en": "Be the first to comment."},
    "write_title": {"tr": "Yorum yazın", "en": "Write a comment"},
    "reply_title": {"tr": "#{id} numaralı yoruma yanıt", "en": "Reply to comment #{id}"},
    "cancel_reply": {"tr": "Yanıtı iptal et", "en": "Cancel reply"},
    "your_name": {"tr": "Adınız", "en": "Your name"},
    "your_comment": {"tr": "Yorumunuz", "en": "Your comment"},
    "send": {"tr": "Gönder", "en": "Send"},
    "premoderation_hint": {
        "tr": "Yorumunuz gönderildiği anda denetlenir.",
        "en": "Your comment is checked the moment you send it.",
    },
    "reply": {"tr": "Yanıtla", "en": "Reply"},
    "report_title": {
        "tr": "Bu yorumu editörlere bildir",
        "en": "Report this comment to the editors",
    },
    "notice_approved": DECISIONS["approved"],
    "notice_review": DECISIONS["review"],
    "notice_reported": {
        "tr": "Teşekkürler: bildiriminiz editörlere iletildi.",
        "en": "Thank you: the editors will look at this comment.",
    },
    "notice_already_reported": WEB_ERRORS["already_reported"],
    "rejected_title": DECISIONS["rejected"],
    "suggestion_label": {"tr": "Önerilen düzeltme:", "en": "Suggested fix:"},
    "apply_fix": FIX_AVAILABLE,
    "fix_applied": {
        "tr": "Düzeltme uygulandı: metni gözden geçirip gönderin.",
        "en": "The fix has been applied: check the text and send it.",
    },
    "precheck_ok": {"tr": "Kurallara uygun görünüyor.", "en": "Looks fine."},
    "precheck_review": {
        "tr": "Bu yorum editör onayına gidecek.",
        "en": "This comment would go to an editor for review.",
    },
    "precheck_rejected": {
        "tr": "Bu hâliyle onaylanmayacak:",
        "en": "As it stands it would not be approved:",
    },
    "login_title": {"tr": "Editör girişi", "en": "Editor login"},
    "login_hint": {
        "tr": "Editör hesabı “yorum editor add AD” komutuyla açılır.",
        "en": "Editor accounts are created with “yorum editor add NAME”.",
    },
    "editor_name": {"tr": "Ad", "en": "Name"},
    "password": {"tr": "Parola", "en": "Password"},
    "login_button": {"tr": "Giriş yap", "en": "Log in"},
    "logout": {"tr": "Çıkış ({name})", "en": "Log out ({name})"},
    "nav_queue": {"tr": "Kuyruk", "en": "Queue"},
    "nav_audit": {"tr": "İşlem kaydı", "en": "Audit log"},
    "nav_stats": {"tr": "İstatistik", "en": "Statistics"},
    "queue_title": {"tr": "Moderasyon kuyruğu", "en": "Moderation queue"},
    "tab_review": {"tr": "İncelenecek", "en": "Review"},
    "tab_reported": {"tr": "Bildirilen", "en": "Reported"},
    "tab_rejected": {"tr": "Reddedilen", "en": "Rejected"},
    "tab_approved": {"tr": "Onaylanan", "en": "Approved"},
    "queue_empty": {"tr": "Bu sekmede yorum yok.", "en": "No comments in this tab."},
    "done_approved": {"tr": "{n} yorum onaylandı.", "en": "{n} comment(s) approved."},
    "done_rejected": {"tr": "{n} yorum reddedildi.", "en": "{n} comment(s) rejected."},
    "done_nothing": {"tr": "Değişiklik yapılmadı.", "en": "Nothing was changed."},
    "select_all": {"tr": "Tümünü seç", "en": "Select all"},
    "select_one": {"tr": "#{id} yorumunu seç", "en": "Select comment #{id}"},
    "reason_placeholder": {"tr": "Gerekçe (isteğe bağlı)", "en": "Reason (optional)"},
    "approve": {"tr": "Onayla", "en": "Approve"},
    "reject": {"tr": "Reddet", "en": "Reject"},
    "approve_selected": {"tr": "Seçilenleri onayla", "en": "Approve selected"},
    "reject_selected": {"tr": "Seçilenleri reddet", "en": "Reject selected"},
    "status_approved": {"tr": "onaylandı", "en": "approved"},
    "status_rejected": {"tr": "reddedildi", "en": "rejected"},
    "status_review": {"tr": "inceleniyor", "en": "in review"},
    "severity_block": {"tr": "engeller", "en": "blocks"},
    "severity_review": {"tr": "incelemeye", "en": "review"},
    "severity_advice": {"tr": "öneri", "en": "advice"},
    "no_violations": {"tr": "Motor bir ihlal bulmadı.", "en": "The engine found no violation."},
    "engine_error": {
        "tr": "Denetim motoru bu yorumda hata verdi: kararı siz verin.",
        "en": "The moderation engine failed on this comment: decide by hand.",
    },
    "reports_count": {"tr": "{n} bildirim", "en": "{n} report(s)"},
    "no_reason": {"tr": "(gerekçesiz)", "en": "(no reason given)"},
    "col_clause": {"tr": "Madde", "en": "Clause"},
    "col_severity": {"tr": "Etki", "en": "Effect"},
    "col_score": {"tr": "Puan", "en": "Score"},
    "col_words": {"tr": "Sözcükler", "en": "Words"},
    "shortcuts_title": {"tr": "Klavye kısayolları", "en": "Keyboard shortcuts"},
    "key_move": {"tr": "sonraki / önceki yorum", "en": "next / previous comment"},
    "key_approve": {"tr": "onayla", "en": "approve"},
    "key_reject": {"tr": "reddet", "en": "reject"},
    "key_reason": {
        "tr": "gerekçe yaz (Enter reddeder, Esc çıkar)",
        "en": "write a reason (Enter rejects, Esc leaves)",
    },
    "key_select": {"tr": "toplu işlem için seç", "en": "select for a bulk action"},
    "key_help": {"tr": "bu yardımı aç / kapat", "en": "show / hide this help"},
    "newer": {"tr": "Yeniler", "en": "Newer"},
    "older": {"tr": "Eskiler", "en": "Older"},
    "audit_title": {"tr": "İşlem kaydı", "en": "Audit log"},
    "audit_empty": {"tr": "Henüz işlem yok.", "en": "No actions yet."},
    "col_when": {"tr": "Zaman", "en": "When"},
    "col_who": {"tr": "Kim", "en": "Who"},
    "col_what": {"tr": "İşlem", "en": "What"},
    "col_comment": {"tr": "Yorum", "en": "Comment"},
    "col_reason": {"tr": "Gerekçe", "en": "Reason"},
    "action_approved": {"tr": "onayladı", "en": "approved"},
    "action_rejected": {"tr": "reddetti", "en": "rejected"},
    "action_login": {"tr": "giriş yaptı", "en": "logged in"},
    "action_logout": {"tr": "çıkış yaptı", "en": "logged out"},
    "action_story_created": {"tr": "haber ekledi", "en": "added a story"},
    "from_status": {"tr": "(önceki: {status})", "en": "(was {status})"},
    "stats_title": {"tr": "Madde başına günlük ihlaller", "en": "Violations per clause per day"},
    "stats_hint": {
        "tr": "Son {days} günde gönderilen yorumlarda motorun bulduğu ihlaller (UTC).",
        "en": "Violations the engine found in comments posted in the last {days} days (UTC).",
    },
    "stats_empty": {"tr": "Bu dönemde ihlal yok.", "en": "No violations in this period."},
    "col_day": {"tr": "Gün", "en": "Day"},
    "total": {"tr": "Toplam", "en": "Total"},
}


def web_error(key: str, **fmt: object) -> Message:
    """An error of the web layer in both languages; unknown keys read as a bad request."""
    msg = WEB_ERRORS.get(key) or WEB_ERRORS["bad_request"]
    return {lang: text.format(**fmt) if fmt else text for lang, text in msg.items()}


def ui(key: str, lang: str, **fmt: object) -> str:
    """One interface string in ``lang`` (``tr`` or ``en``); the key itself when unknown."""
    msg = UI.get(key)
    if msg is None:
        return key
    text = msg.get(lang) or msg["tr"]
    return text.format(**fmt) if fmt else text


def rule_name(rule: str, lang: str) -> str:
    return RULE_NAMES.get(rule, {}).get(lang, rule)


# Console lines of `yorum serve`, `yorum editor add`, `yorum purge`.
CLI_SERVE_READY = "yorum is running: {url}"
CLI_SERVE_STORY = "  demo story:       {url}"
CLI_SERVE_QUEUE = "  editors' queue:   {url}"
CLI_SERVE_DB = "  database:         {where}"
CLI_SERVE_DEMO_EDITOR = (
    "  demo login:       name {name}, password {password}  (shown once; made because no editor "
    "existed)"
)
CLI_SERVE_NO_EDITOR = "  no editor yet:    create one with `yorum editor add NAME`"
CLI_DB_DOWN = "Cannot open the database {where}: {reason}"
CLI_CONFIG = "Configuration error: {reason}"
CLI_EDITOR_CREATED = "Editor {name} created. Log in at /moderation."
CLI_EDITOR_EXISTS = "An editor named {name} already exists."
CLI_EDITOR_BAD_NAME = "The name must be 1-64 characters: letters, digits, '.', '-' or '_'."
CLI_EDITOR_BAD_PASSWORD = "The password must be at least {n} characters long."
CLI_PURGED = "Erased {n} IP address(es) stored more than {days} days ago."
