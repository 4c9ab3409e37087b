//! Reports in traditional script (繁體). Some portals publish a 繁體 version
//! of the page (「政府信息公開工作年度報告」「主動公開政府信息情況」): the same
//! report, every label and heading in other characters. Such a text is read
//! through a copy in simplified script. Each character maps to one character
//! of the same UTF-8 length (both three bytes), so every byte offset of the
//! copy is the same offset of the original, and spans need no mapping.
//!
//! The table covers the characters of the template (headings, table labels,
//! the statistics sentence) and the words reports' prose states counts with;
//! a character it does not know stays as written.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Traditional characters, each above its simplified form in [`SIMPLIFIED`].
const TRADITIONAL: &str = "\
開報資訊況請處總計結轉數據訴議復維糾審機關實門戶網務業構組織會為\
與於這來時間個們後對當發現問題點應該標準規範進步廣東區縣鄉鎮街辦\
廳縣級類別頁碼項號條例國務院辦公廳統計確認無產製舊辦理並將讓說\
從經濟稅費價額萬億證書藝術醫療衛環護礦農漢歷傳媒體聞聯繫絡專欄\
動態應變調節設備運營銷售購買賣產權讀寫閱覽檔案錄錯誤難點熱點優\
勢質量數量報送審查處罰強製執行許可決定範圍內容簡稱種類監督檢測\
評價體系級別單位負責責任務實現達標準則際關係綜合導領歸納總結舉\
報投訴複議諮詢電話郵箱傳真遞交辭職補正逾期繳納費收費財政預決算\
貳參陸億萬餘幾張條規則辦法細則說明書籤屬於過程性內部事務信訪舉\
報投訴類重複出版物確認重新出具獲取訊號網頁網站網路頁面點擊瀏覽\
維護穩定險絕斷續繼續紀錄記錄記載這邊還沒沒有準備礎積極擴展產業\
態勢聽證聽取觀點觀察視頻視訊圖解讀轉載轉發佈發佈佈告週年週期\
將繼續強化隊伍幹部職責職權職能問責嚴格規範標準層級獨立協調協議\
議題議案議程參與參加參考參照條款條件條理圍繞韓國義務願意願望\
華黨堅爲覈隱祕違臺託籌覺暢見廢訟較夠緊識學習員訓徵掃葉貫徹鍵劃啓針長討滿羣衆疇饋擬終創揮靈兩訂勞壓績勵撐編寬頭採蓋鏈髮階徑雙隨溝彙趨綠選擇賬約輿誰縮滯場紮順築邁風謹養雖響慮語慣踐聲崗樣佔覆啟眾裡裏綫線";

/// The simplified form of each character of [`TRADITIONAL`], in order.
const SIMPLIFIED: &str = "\
开报资讯况请处总计结转数据诉议复维纠审机关实门户网务业构组织会为\
与于这来时间个们后对当发现问题点应该标准规范进步广东区县乡镇街办\
厅县级类别页码项号条例国务院办公厅统计确认无产制旧办理并将让说\
从经济税费价额万亿证书艺术医疗卫环护矿农汉历传媒体闻联系络专栏\
动态应变调节设备运营销售购买卖产权读写阅览档案录错误难点热点优\
势质量数量报送审查处罚强制执行许可决定范围内容简称种类监督检测\
评价体系级别单位负责责任务实现达标准则际关系综合导领归纳总结举\
报投诉复议咨询电话邮箱传真递交辞职补正逾期缴纳费收费财政预决算\
贰参陆亿万余几张条规则办法细则说明书签属于过程性内部事务信访举\
报投诉类重复出版物确认重新出具获取讯号网页网站网路页面点击浏览\
维护稳定险绝断续继续纪录记录记载这边还没没有准备础积极扩展产业\
态势听证听取观点观察视频视讯图解读转载转发布发布布告周年周期\
将继续强化队伍干部职责职权职能问责严格规范标准层级独立协调协议\
议题议案议程参与参加参考参照条款条件条理围绕韩国义务愿意愿望\
华党坚为核隐秘违台托筹觉畅见废讼较够紧识学习员训征扫叶贯彻键划启针长讨满群众畴馈拟终创挥灵两订劳压绩励撑编宽头采盖链发阶径双随沟汇趋绿选择账约舆谁缩滞场扎顺筑迈风谨养虽响虑语惯践声岗样占复启众里里线线";

fn table() -> &'static HashMap<char, char> {
    static TABLE: OnceLock<HashMap<char, char>> = OnceLock::new();
    TABLE.get_or_init(|| {
        TRADITIONAL
            .chars()
            .zip(SIMPLIFIED.chars())
            .filter(|(traditional, simplified)| traditional != simplified)
            .filter(|(traditional, simplified)| traditional.len_utf8() == simplified.len_utf8())
            .collect()
    })
}

/// Characters that only traditional script writes, and that every report
/// has in its title or its first heading.
const TELLTALES: [&str; 4] = ["公開", "報告", "資訊", "情況"];

/// Whether `text` is written in traditional script: its first kilobytes
/// hold the template's words in traditional characters.
pub(crate) fn is_traditional(text: &str) -> bool {
    let mut end = text.len().min(4096);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    // One search decides for nearly every report: simplified text has no 「開」.
    memchr::memmem::find(head.as_bytes(), "開".as_bytes()).is_some()
        && TELLTALES.iter().filter(|word| head.contains(*word)).count() >= 2
}

/// `text` in simplified script, byte for byte the same length (and so with
/// the same offsets); borrowed when there is nothing to change.
pub(crate) fn simplify(text: &str) -> Cow<'_, str> {
    let table = table();
    if !text.chars().any(|ch| table.contains_key(&ch)) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(|ch| table.get(&ch).copied().unwrap_or(ch)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_pairs_characters_of_equal_length() {
        assert_eq!(TRADITIONAL.chars().count(), SIMPLIFIED.chars().count());
        for (traditional, simplified) in TRADITIONAL.chars().zip(SIMPLIFIED.chars()) {
            assert_eq!(traditional.len_utf8(), simplified.len_utf8(), "{traditional} {simplified}");
        }
    }

    #[test]
    fn template_words_read_in_simplified_script() {
        let text = "某某縣人民政府2024年政府信息公開工作年度報告\n一、總體情況\n二、主動公開政府信息情況\n\
                    三、收到和處理政府信息公開申請情況\n四、政府信息公開行政復議、行政訴訟情況\n\
                    五、存在的主要問題及改進情況\n六、其他需要報告的事項\n結果維持 結果糾正 尚未審結 總計\n";
        assert!(is_traditional(text));
        let simplified = simplify(text);
        assert_eq!(simplified.len(), text.len());
        for word in [
            "政府信息公开工作年度报告",
            "一、总体情况",
            "二、主动公开政府信息情况",
            "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况",
            "五、存在的主要问题及改进情况",
            "六、其他需要报告的事项",
            "结果维持 结果纠正 尚未审结 总计",
        ] {
            assert!(simplified.contains(word), "{word} in {simplified}");
        }
        assert!(!is_traditional("政府信息公开工作年度报告\n一、总体情况\n"));
    }
}
