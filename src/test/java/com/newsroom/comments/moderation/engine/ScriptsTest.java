package com.newsroom.comments.moderation.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** TERMS in scripts written without spaces (dictionary word breaks), Arabic-script and Hebrew folding. */
class ScriptsTest {

    private static final CompiledRules RULES = CompiledRules.compile(List.of(R.terms(1, RuleAction.HOLD,
            // Chinese
            "狗屎", "白痴", "混蛋", "他妈的", "操",
            // Japanese
            "バカ", "クソ", "アホ", "死ね",
            // Thai
            "ควย", "เหี้ย", "สัส",
            // Arabic: kalb (dog), himar (donkey), ahmaq (fool), sharmouta, ghabi (stupid)
            "كلب", "حمار", "أحمق", "شرموطة", "غبي",
            // Hebrew: ahbal (idiot)
            "אהבל")));

    private static Reason single(String text, String expected) {
        List<Reason> rs = RULES.evaluate(R.text(text)).reasons();
        assertEquals(1, rs.size(), () -> text + " -> " + rs);
        Reason r = rs.get(0);
        int at = text.indexOf(expected);
        assertEquals(expected, r.match(), text);
        assertEquals(at, r.start());
        assertEquals(at + expected.length(), r.end());
        return r;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "这是狗屎。|狗屎", "这篇文章简直是狗屎一样。|狗屎", "你这个白痴，别胡说了。|白痴", "他真是个混蛋。|混蛋",
        "你他妈的懂什么？|他妈的", "操，又是假新闻。|操",
        "お前はバカだ。|バカ", "この記事はクソだ。|クソ", "アホか、お前は。|アホ", "本当にバカな編集者だ。|バカ",
        "มึงมันควย|ควย", "ไอ้เหี้ยนี่เขียนข่าวมั่ว|เหี้ย", "สัสเอ๊ย นักข่าวโง่|สัส",
    })
    void termsInsideSentencesWithoutSpaces(String text, String expected) {
        single(text, expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "这个软件的操作很简单。", "体操比赛明天下午开始。", "孩子们在操场上踢足球。", "父母总是为孩子操心。",
        "这篇文章写得很好，谢谢。", "他妈妈的手机坏了。",
        "夏はバカンスに行きます。", "アホウドリは大きな海鳥です。", "この記事はとても分かりやすいです。",
        "เขาเป็นคนโหดเหี้ยมมาก", "ไปพบสัสดีอำเภอเพื่อเกณฑ์ทหาร", "ควายกินหญ้าอยู่ในทุ่งนา",
        "شكرا على هذا المقال المفيد عن نهر الفرات", "الكلبة الصغيرة نائمة في الحديقة", "שלום, מה שלומך היום?",
    })
    void wordsThatOnlyContainATermDoNotMatch(String text) {
        assertEquals(List.of(), RULES.evaluate(R.text(text)).reasons(), text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // tatweel (kashida) stretching
        "أنت كـــلب|كـــلب", "يا حمـــار|حمـــار",
        // harakat
        "أنتَ كَلْبٌ حقاً|كَلْبٌ", "يا حِمَارُ|حِمَارُ",
        // alef forms: hamza below, madda, wasla, bare alef for the term's hamza above
        "إحمق|إحمق", "آحمق|آحمق", "ٱحمق|ٱحمق", "انت احمق جدا|احمق",
        // teh marbuta written as heh, alef maksura and Farsi yeh for yeh, keheh for kaf
        "يا شرموطه|شرموطه", "أنت غبى|غبى", "تو غبی هستی|غبی", "این کلب است|کلب",
        // several at once in one word: hamza below, harakat and tatweel; the match spans the word as written
        "يا إِحْمـــَق!|إِحْمـــَق", "أنت غَبـــى|غَبـــى",
    })
    void arabicScriptFolding(String text, String expected) {
        single(text, expected);
    }

    /** Terms are folded as texts are: a moderator's term with harakat, tatweel or a variant letter matches plain text. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "انت احمق|احمق", "يا شرموطه|شرموطه", "أنت غبي|غبي", "أنت كلب|كلب", "אתה אהבל|אהבל",
    })
    void termsWrittenWithMarksOrVariantsMatchPlainText(String text, String expected) {
        CompiledRules written = CompiledRules.compile(List.of(R.terms(2, RuleAction.HOLD,
                "أَحْمَق", "شرموطـة", "غبی", "کلب", "אַהְבַּל")));
        List<Reason> rs = written.evaluate(R.text(text)).reasons();
        assertEquals(1, rs.size(), () -> text + " -> " + rs);
        assertEquals(expected, rs.get(0).match());
        assertEquals(text.indexOf(expected), rs.get(0).start());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"אתה אַהְבַּל|אַהְבַּל", "אתה אהבל!|אהבל"})
    void hebrewNiqqudIsRemoved(String text, String expected) {
        single(text, expected);
    }
}
