/**
 * Traditional → simplified for the characters the compliance rules read, one character for one (so
 * offsets stay mappable). Generated from OpenCC's TSCharacters table (opencc-js 1.4.2, Apache-2.0):
 * for every Han character in the concept, abuse, personal-data and extortion patterns, each
 * traditional form OpenCC maps to it. A full converter (opencc-js t2cn: ~110 kB, ~52 kB gzipped, in
 * the web bundle too) would change nothing these rules look at. Add a pattern character → add its
 * traditional forms here (traditional.spec.ts checks the pairs are well formed).
 */
const PAIRS =
  '亂乱來来個个們们傢家價价億亿償偿優优內内兩两別别刪删則则動动務务勵励區区卽即問问單单囌苏園园圓圆圖图報报塊块奬奖寧宁寫写' +
  '將将對对導导層层帶带幫帮幾几廠厂廢废廣广彆别彫雕後后從从愛爱慶庆應应懞蒙戶户換换摺折據据於于曬晒會会東东條条棟栋業业樓楼' +
  '樣样機机檢检檯台歡欢殘残減减滾滚滿满濛蒙灣湾為为無无煩烦燙烫爲为犢犊獎奖現现琱雕產产産产癡痴發发眞真矇蒙碼码禮礼種种積积' +
  '窮穷筆笔箇个範范簍篓紅红級级絕绝絡络給给絶绝經经縣县繫系纔才罵骂聯联肅肃脩修腦脑臉脸臺台與与萬万蘇苏處处號号裏里補补裡里' +
  '規规訊讯記记註注評评詞词話话該该說说説说調调請请論论謝谢證证讀读變变讓让豬猪貨货貴贵買买費费賞赏賠赔賣卖賤贱質质賬账贈赠' +
  '贏赢車车輸输轉转迴回這这運运過过達达違违遠远遼辽還还郵邮鄉乡針针釦扣銷销錢钱錯错鍼针鎮镇門门閉闭開开關关陝陕隻只雲云電电' +
  '韆千領领頭头顆颗題题額额類类顧顾颱台馬马驗验體体髮发鵰雕麼么點点齣出龍龙';

const SIMPLIFIED: ReadonlyMap<string, string> = (() => {
  const chars = [...PAIRS];
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < chars.length; i += 2) {
    const [traditional, simplified] = [chars[i] as string, chars[i + 1] as string];
    if (traditional !== simplified) map.set(traditional, simplified);
  }
  return map;
})();

/** The simplified form of one traditional character the rules read, else the character itself. */
export function simplifiedChar(char: string): string {
  return SIMPLIFIED.get(char) ?? char;
}

/** Every traditional → simplified pair in the table (for the test that checks it against OpenCC). */
export function traditionalPairs(): ReadonlyArray<readonly [string, string]> {
  return [...SIMPLIFIED.entries()];
}
