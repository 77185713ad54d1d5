//! Choosing the script to segment in.

/// Common characters that only Traditional text uses (their Simplified forms differ).
const TRADITIONAL_ONLY: &str = "這們個來時會後對經發還實現開關與從當總進過動區產機場義體學說為問題長業東車點無種樣應變讓話認識調論議書員門間電視網響頭買賣錢銀價質資費貨財務標準計劃規則條辦處據積極結構統報導領幹隊團衛護醫藥療飛鐵運輸轉連線態險廣氣溫熱濕歲歷紀錄術藝劇傳廠礦農聯級織組約給紅紙細續編練縣鄉鎮華國圖園寫讀語詞誤請謝設訪證評試該詳誌課談講讚貢負責貴貸購趨軍輕載較輛辭邊遠適選遺鄰釋針鋼錯鍵閉閱陽陰陳陸隨隱難雙雜雞離雲靜韓順須預頻額顯風飯館馬驗髮鬥魚鳥麗麥黃齊齒龍萬億兩嚴並亂亞佔價優兒內冊劉劍勞勢勵協單參號吳啟圍圓壓壯壞夠夢奮寧審寶將專屬島嶺幣師帶幫廳張強彈徑復徵慶憲懷戰戲戶擊擔擴攝數斷於晉樂權橫檢歐歸殘殺決沒況測濟減滅漢潔澤濃災煙燈營爭爾牆獎獨獲畫盡監盤碼確礎禮禍稱積穩窮競筆築節範簡糧純終絕綠維緊縮績繼罰習聖聞聲職膽脅腦興舉舊艦蘇衝裝裏補製複見規視覺親觀計訂記許診詩豐豬貓貝販貧賽贊贏趕趙軌軟輔輪達違遞鄧鎮陣階際雖靈韻頁項類顧養餘";

/// Whether `text` looks Traditional: at least one in twenty of its Han characters is one that
/// only Traditional text uses.
pub(crate) fn looks_traditional(text: &str) -> bool {
    let (mut han, mut traditional) = (0usize, 0usize);
    for c in text.chars() {
        if crate::kind::is_han(c) {
            han += 1;
            if is_traditional_only(c) {
                traditional += 1;
            }
        }
    }
    traditional > 0 && traditional * 20 >= han
}

fn is_traditional_only(c: char) -> bool {
    use std::sync::OnceLock;
    static TABLE: OnceLock<Vec<char>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut chars: Vec<char> = TRADITIONAL_ONLY.chars().collect();
        chars.sort_unstable();
        chars.dedup();
        chars
    });
    table.binary_search(&c).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detection() {
        assert!(looks_traditional("區長領導幹部會議講話"));
        assert!(looks_traditional("本港約有450至600名露宿者，其中近四分之一"));
        assert!(!looks_traditional("区长领导干部会议讲话"));
        assert!(!looks_traditional("hello"));
    }
}
