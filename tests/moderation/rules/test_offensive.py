import pytest

from tests.moderation.rules.helpers import flagged_words, run_rule


@pytest.mark.parametrize(
    "text",
    [
        "inşallah ölürsün",
        "keşke trenin altında kalsaydı",
        "Keşke uçağı düşse de hepsi ölse.",
        "Bu adamı asmak lazım, yaşamayı hak etmiyor.",
        "bunların hepsi linç edilmeli",
        "Umarım hepinizin evi başınıza yıkılır.",
        "Onun gibilerin yeri ya hapis ya da mezar.",
        "Seni tanıyorum, yakında kapını çalacağım.",
        "Bunlar insan değil, haşere gibi çoğalıyorlar.",
        "Kimin kızı olduğu belli zaten.",
        "These people are vermin and they breed like rats.",
        "I hope the whole council dies in a fire.",
        "Kör olasıca herif, Allah'tan bulsun.",
        "Bu hakem maçtan sonra bir kazada ölse kimse üzülmez.",
        "Deprem keşke o şehri de yerle bir etseydi.",
        "Bu yorumu yazanın adresini buluruz.",
        "Kadın hakemden ne beklersin? Yerini bilsin, mutfağa dönsün.",
        "HOPE THE WHOLE CITY COUNCIL DROWNS IN THE NEXT FLOOD.",
        "Migrants are vermin.",
        "Bu katili halka teslim edin, gereğini biz yaparız.",
        "Bu milletvekilinin kansere yakalanması için dua ediyorum.",
        "Round them all up and put them on the next boat back.",
        "Mültecilerin hepsini kamyonlara doldurup sınırdan atın, tek biri bile kalmasın!",
        "Nice house you have, reporter. Would be a shame if something happened to it.",
        "O bölgenin insanından başka ne beklenir, suç zaten kanlarında var.",
        "If the police won't deal with him, the neighbourhood will. We know where he lives.",
        "anası belli değil bunların",
        "seni bulacağım ve öldüreceğim",
        "Allah belanı versin",
        "I hope you die",
        "they should be shot",
        "kill yourself",
        "Umarım ailesi de aynı acıyı yaşar.",
        "Allah sana da aynı acıyı yaşatsın.",
        "Muslims are a virus in Europe.",
        "Imams brainwash kids, burn their mosques down.",
        "Dirty migrants, go home.",
        "Women can't drive, lol.",
        "Pis Suriyeliler gitsin.",
        "Eski devirde olsa bu profesörü meydanda sallandırırlardı.",
        "Bu gazeteciler için bir çukur yeter.",
        "Bunların kafasını ezmek lazım.",
        "Someone should burn that church down.",
        "People who lie to pensioners have been known to meet with unfortunate accidents.",
        "Biraz dayak yemeden adam olmazlar.",
        "Böyle adamların restoranı bir gece yansa kimse üzülmez.",
        "O sunucunun kimlerle yattığını herkes biliyor.",
        "Seçmenler koyun sürüsü gibi oy veriyor.",
        "Milletvekili olacaksa önce anasının kim olduğunu öğrensin.",
        "Cemevinde yangın çıkmış, bence hepsi içindeyken çıksaydı.",
        "Bu adamlar bir trafik kazasında gitse kimse ağlamaz.",
        "Keşke o uçak hiç inmeseydi.",
        "O makama müdürün odasında geçirdiği geceler sayesinde geldi.",
    ],
)
def test_threats_and_death_wishes_are_caught(text: str) -> None:
    assert run_rule("offensive", text)


@pytest.mark.parametrize(
    "text",
    [
        "Bakan istifa etmeli, bu politika ülkeyi batırıyor.",
        "Cumhurbaşkanının kararı yanlış, ekonomi kötüye gidiyor.",
        "The prime minister should resign over this failure.",
        "Ne olursa olsun, haber güzel.",
        "Allah rahmet eylesin, mekanı cennet olsun.",
        "Tabloyu duvara asmak lazım.",
        "Keşke fiyatlar düşse de herkes rahatlasa.",
        "Deprem bölgesindeki hasarlı binayı yıkmak lazım.",
        "Şehidimiz tabutla memleketine gönderildi.",
        "Onlar insan değil mi?",
        "Kapınızı çalacağız, sorunlarınızı dinleyeceğiz.",
        "Bu haber virüs gibi yayıldı.",
        "Bunu nasıl daha mümkün hale getiririz diye düşündük.",
        "Yarışmayı kazanan Ayşe Hanım gerçekten ödülü hak ediyor.",
        "Alışveriş insanın kanında var.",
        "Sandıkta hesap soracağız, oyumuzu ona göre vereceğiz.",
        "Allah kimseye aynı acıyı yaşatmasın.",
        "Umarım kimse aynı acıyı yaşamaz.",
        "Vandals tried to burn the mosque last night.",
        "The dirty money of the migrants' smugglers.",
        "Çocuk ayaklarını iskeleden suya sallandırıyordu.",
        "Sarımsağı ezmek lazım.",
        "Yolda bir çukur var, belediye ne zaman kapatacak?",
        "He died in an unfortunate accident on the motorway.",
        "Koyun sürüsü yolu kapattı, trafik yarım saat durdu.",
        "Köpeğim kimlerle yatıyor bilmiyorum, hep yatağımda.",
    ],
)
def test_criticism_and_everyday_phrases_are_allowed(text: str) -> None:
    assert flagged_words("offensive", text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Aynısı senin başına gelse ne yapardın?",
        "Otoparkta onlara yer yok, başka yere park etsinler.",
        "İnşallah hepsi yargı önünde hesap verecek.",
        "Pest control says rats are vermin that spread disease.",
        "Kadın dediğin güçlüdür.",  # the "X dediğin …" frame of stereotypes, here in praise
    ],
)
def test_look_alikes_the_news_model_holds_for_review_are_never_rejected(text: str) -> None:
    """They share the wording of threats and expulsion calls: the news-comment model asks an
    editor (a known limit); the lists and patterns leave them alone and nothing rejects them."""
    from yorum import moderate

    found = run_rule("offensive", text)
    assert all(f.severity == "review" and f.detail["source"] == "news-model" for f in found)
    assert moderate(text).decision != "rejected"
