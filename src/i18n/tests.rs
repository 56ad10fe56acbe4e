use super::*;
use std::collections::BTreeSet;

/// Texts that may be written without Korean or Chinese characters: placeholders, product
/// and format names, "ID".
/// Also the date patterns (chrono's `%` codes) and rows that only arrange placeholders.
const LATIN_ALLOWED: &[Text] = &[
    Text::Nothing,
    Text::Verbatim,
    Text::SurfaceApi,
    Text::FormatCsv,
    Text::Id,
    Text::TargetCaseId,
    Text::DayPattern,
    Text::ChartTip,
    Text::Quoted,
    Text::ListPair,
    Text::IncidentOption,
    Text::ListJoin,
    Text::SlaHeading,
    Text::BuiltinTemplateName,
];

fn placeholders(text: &str) -> BTreeSet<&str> {
    text.split('{').skip(1).filter_map(|rest| rest.split_once('}').map(|(name, _)| name)).collect()
}

#[test]
fn every_language_uses_the_same_placeholders() {
    for &text in Text::ALL {
        let english = placeholders(tr(Lang::En, text));
        for lang in [Lang::Ko, Lang::ZhTw] {
            assert_eq!(placeholders(tr(lang, text)), english, "{text:?} in {lang:?}");
        }
    }
}

#[test]
fn no_text_is_empty_or_left_in_english() {
    let hangul = |c: char| ('\u{AC00}'..='\u{D7A3}').contains(&c);
    let han = |c: char| ('\u{4E00}'..='\u{9FFF}').contains(&c);
    for &text in Text::ALL {
        if text == Text::Nothing {
            continue;
        }
        for lang in Lang::ALL {
            assert!(!tr(lang, text).trim().is_empty(), "{text:?} is empty in {lang:?}");
        }
        // Rows of punctuation and placeholders only (the list separator, "{state}: {title}")
        // are translated by their punctuation.
        let words = placeholders(tr(Lang::En, text))
            .into_iter()
            .fold(tr(Lang::En, text).to_string(), |rest, name| rest.replace(&format!("{{{name}}}"), ""));
        if LATIN_ALLOWED.contains(&text) || !words.chars().any(char::is_alphabetic) {
            continue;
        }
        assert!(tr(Lang::Ko, text).chars().any(hangul), "{text:?} has no Korean: {:?}", tr(Lang::Ko, text));
        assert!(tr(Lang::ZhTw, text).chars().any(han), "{text:?} has no Chinese: {:?}", tr(Lang::ZhTw, text));
    }
}

#[test]
fn chinese_is_traditional() {
    // Common characters that only Simplified Chinese writes this way.
    let simplified =
        "们这个时间为发导删设项开关无数据过选复应请单实现处务类态级认码输录错误览击户储档汇网页动";
    for &text in Text::ALL {
        let zh = tr(Lang::ZhTw, text);
        assert!(!zh.chars().any(|c| simplified.contains(c)), "{text:?} has Simplified characters: {zh}");
    }
}

#[test]
fn fill_replaces_named_placeholders_and_keeps_unknown_ones() {
    assert_eq!(fill("{n} of {total}", &[("n", "3"), ("total", "12")]), "3 of 12");
    assert_eq!(fill("{n} {missing} }{", &[("n", "1")]), "1 {missing} }{");
    assert_eq!(fill("no placeholders", &[]), "no placeholders");
    assert_eq!(fill("{a}{a}", &[("a", "한")]), "한한");
}

#[test]
fn around_splits_at_a_placeholder() {
    assert_eq!(around("On {groups}, promote", "groups"), ("On ", ", promote"));
    assert_eq!(around("no such", "groups"), ("no such", ""));
}

#[test]
fn messages_read_in_each_language_and_display_in_english() {
    let message = Message::new(Text::RowLine).arg("n", 7);
    assert_eq!(message.to_string(), "line 7");
    assert_eq!(message.in_lang(Lang::Ko), "7번째 줄");
    assert_eq!(message.in_lang(Lang::ZhTw), "第 7 行");
    let nested = Message::new(Text::CannotImport).arg_message("reason", Text::ImportEmpty.into());
    assert_eq!(nested.in_lang(Lang::ZhTw), "無法匯入此檔案：檔案是空的。");
}

#[test]
fn first_visit_follows_the_browser_languages() {
    let pick = |tags: &[&str]| Lang::from_preferred(tags.iter().copied());
    assert_eq!(pick(&["ko-KR", "en-US"]), Lang::Ko);
    assert_eq!(pick(&["ko"]), Lang::Ko);
    assert_eq!(pick(&["zh-TW"]), Lang::ZhTw);
    assert_eq!(pick(&["zh-Hant-TW"]), Lang::ZhTw);
    assert_eq!(pick(&["zh-Hant"]), Lang::ZhTw);
    assert_eq!(pick(&["zh-HK"]), Lang::ZhTw);
    assert_eq!(pick(&["zh_TW"]), Lang::ZhTw);
    assert_eq!(pick(&["zh-CN", "ko"]), Lang::Ko, "Simplified Chinese is passed over");
    assert_eq!(pick(&["zh", "zh-Hans"]), Lang::En);
    assert_eq!(pick(&["en-GB", "ko"]), Lang::En, "the first language the desk speaks wins");
    assert_eq!(pick(&["fr-FR", "de"]), Lang::En);
    assert_eq!(pick(&[]), Lang::En);
}

#[test]
fn languages_are_stored_by_their_codes() {
    for lang in Lang::ALL {
        let json = serde_json::to_string(&lang).unwrap();
        assert_eq!(json, format!("\"{}\"", lang.code()));
        assert_eq!(serde_json::from_str::<Lang>(&json).unwrap(), lang);
        assert_eq!(Lang::from_code(lang.code()), Some(lang));
    }
    assert_eq!(Lang::ZhTw.name(), "繁體中文");
    assert_eq!(Lang::Ko.name(), "한국어");
}
