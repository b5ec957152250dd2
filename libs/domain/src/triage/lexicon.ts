import type { RootCause } from '../shared/vocabulary';
import type { SubCause, SubCauseOf } from './sub-causes';

/** Bump when an entry changes: a triage result records the version that produced it. */
export const LEXICON_VERSION = '2026.11.3';

export interface LexiconEntry {
  readonly pattern: string | RegExp;
  readonly rootCause: RootCause;
  /** Null for generic complaints ("质量差", "垃圾") that point at a cause but not at what exactly went wrong. */
  readonly subCause: SubCause | null;
  readonly weight: number;
  /**
   * False for topic words whose mere mention is the complaint: "没有赠品", "不给发票" and "不支持保价" must
   * still count. Phrases that carry their own negation ("不甜", "开不了机") are whole entries instead.
   */
  readonly negatable: boolean;
  /**
   * Complaint tone with no cause in it ("很失望", "太差了", "不推荐"). Most neutral/negative reviews are about the
   * product itself, so tone alone points at product_quality, but weakly and capped: any phrase that names a
   * cause outweighs it, and a review that is nothing but rating words ("差评", "垃圾垃圾") stays other/unclear.
   */
  readonly tone?: boolean;
}

/** How much one phrase says about its cause. */
const STRONG = 2;
const SPECIFIC = 1.5;
const WEAK = 1;
/** Generic complaints: the product is bad, but any specific cause mentioned alongside should win. */
const GENERIC = 0.5;
/** Phrases that name the cause itself ("与描述不符", "货不对板"): they outweigh a product complaint beside them. */
const DEFINING = 2.5;

/** Degree words between a subject and its complaint: 质量(太)差, 物流(真的很)慢. */
const DEG = String.raw`(?:太|很|超|超级|特别|非常|真|真的|好|有点|有些|有点儿|比较|十分|极|极其|巨|贼|也|都|实在|相当|蛮|挺|还|又|一点(?:儿)?(?:都|也)|是|就|更加|更|已经|越来越|确实|如此|这么|那么|那幺|简直|完全)*`;
/** A number written in digits or Chinese. */
const NUM = String.raw`[\d一二三四五六七八九十百千两几半]+`;
/**
 * A character of the same clause, so that a subject and its complaint are read together (物流…慢) but not
 * across sentences. No negators: "快递一点也不慢" must not match 快递…慢.
 */
const NEAR = String.raw`[^，。！？,.!?；;\n不没无未]`;

function re(strings: TemplateStringsArray, ...parts: string[]): RegExp {
  return new RegExp(String.raw(strings, ...parts));
}

function phrases<C extends RootCause>(
  rootCause: C,
  subCause: SubCauseOf<C> | null,
  weight: number,
  patterns: readonly (string | RegExp)[],
): LexiconEntry[] {
  return patterns.map((pattern) => ({ pattern, rootCause, subCause, weight, negatable: true }));
}

/** Complaint tone: see {@link LexiconEntry.tone}. */
const TONE = 0.5;

function tone(patterns: readonly (string | RegExp)[]): LexiconEntry[] {
  return patterns.map((pattern) => ({
    pattern,
    rootCause: 'product_quality',
    subCause: null,
    weight: TONE,
    negatable: true,
    tone: true,
  }));
}

function topics<C extends RootCause>(
  rootCause: C,
  subCause: SubCauseOf<C> | null,
  weight: number,
  patterns: readonly (string | RegExp)[],
): LexiconEntry[] {
  return patterns.map((pattern) => ({ pattern, rootCause, subCause, weight, negatable: false }));
}

const PRODUCT_QUALITY: readonly LexiconEntry[] = [
  ...phrases('product_quality', 'broken', SPECIFIC, [
    /坏(?:了|掉|的|过|啦)|(?:就|又|已|全|都|易|会|容易)坏/,
    /开不了机|开不开机|不开机|无法开机|不能开机|开不起来|开机没反应|开机不了/,
    /死机|自动关机|自动重启|老是重启|重启|黑屏|白屏|花屏|死屏|蓝屏|定屏|卡死/,
    /不能用|用不了|无法使用|不能使用|没法用|没办法用|不工作|失灵|故障|没有?反应|不亮|不能充电|充不进|充不上|不通电/,
    /不(?:出|加)热水?|不出水|不能打电话|打不了电话|接不了电话|不能通话/,
    /裂了|开裂|断了|碎屏|脱落|掉落|掉页|散页|缺页|书页/,
    re`(?:穿|用|洗|戴)${NEAR}{0,6}(?:就|都)(?:破|烂|坏|开线|开胶|掉色|起球|变形|裂|穿不了|不能穿|没法穿|不能用)|只能(?:穿|用)${NUM}次`,
  ]),
  ...phrases('product_quality', 'broken', STRONG, [
    re`(?:用|穿|戴|洗|玩)(?:了)?(?:不到)?${NUM}(?:次|天|周|个?星期|个?月|下|年)(?:多)?(?:后|之后|以后|左右)?${NEAR}{0,8}(?:坏|破|烂|碎|裂|开线|开胶|掉色|褪色|起球|起毛|变形|松|断|失灵|黑屏|死机)`,
  ]),
  ...phrases('product_quality', 'broken', SPECIFIC, [/装不(?:了|上|进)|插不(?:了|进|上)|用不上/]),
  ...phrases('product_quality', 'performance', SPECIFIC, [
    re`透风|漏风|不挡风|(?<!物流|快递|发货|送货|配送|到货)速度${DEG}不(?:是很|是太|太|够|怎么)?快`,
  ]),
  ...phrases('product_quality', 'defect', SPECIFIC, [
    /杂音|异响|噪音|吱吱|滋滋|哧哧|嗡嗡|沙沙|电流声|回音|失真/,
    /瑕疵|气泡|漏光|坏点|亮点|划痕|划伤|刮花|磨花|掉漆|掉色|褪色|串色|染色|起球|起毛|掉毛|张毛|缩水|开线|脱线|开胶|脱胶/,
    /毛病(?!吧)|通病|有问题|出问题|出了问题|质量问题|问题(?:太多|很多|不少|严重)|(?:太多|很多|好多|不少)的?问题|是个问题/,
    re`松动|太松|有点松|松了|不牢固|不结实|不严实|不稳定|漏水|吻合度差|(?:外壳|后盖|后壳|盖子)${NEAR}{0,4}(?:松|易坏|开|畸形)`,
    /打了?(?:蜡|腊)|涂了?(?:蜡|腊)|有(?:蜡|腊)/,
  ]),
  ...phrases('product_quality', 'missing_part', SPECIFIC, [
    /缺(?:少|了)?(?:配件|零件|部件|东西|一个|一只)|少(?:了|个|一个|一只|配件|零件)|配件不全|不齐全/,
    re`连${NEAR}{1,8}都没(?:有)?|(?:耳机|充电器|充电头|数据线|说明书|遥控器|配件)(?:也|都)?没(?:有)?(?!问题)`,
  ]),
  ...phrases('product_quality', 'smell', SPECIFIC, [
    re`臭|异味|难闻|不好闻|刺鼻|怪味|霉味|塑料味|胶味|油墨味|甲醛|气味|味${DEG}(?:大|重|冲|浓)|味道${DEG}(?:大|重|冲|浓|刺鼻|难闻|怪)|有味道?`,
  ]),
  ...phrases('product_quality', 'workmanship', SPECIFIC, [
    re`做工${DEG}(?:差|粗糙|不好|一般|不行|不太理想|不理想|粗|烂|马虎|不精细)|粗糙|毛刺|线头|针脚|粗制滥造|接缝|缝隙|畸形`,
    re`(?:布料|面料|料子|用料|材质|材料|塑料|质地)${DEG}(?:差|不好|一般|廉价|垃圾|硬|薄|不行|低劣)|廉价|劣质|地摊货`,
    re`(?:太|很|好|超|偏|抛)薄|薄(?:的|得)?透明|薄薄|透明|手感${DEG}(?:差|不好|一般|硬)|不好按|按键${NEAR}{0,6}(?:硬|磨损|难按|不灵|不好)`,
    re`不是一个档次|档次${DEG}(?:低|差)|容易(?:磨损|刮花|磨花|坏|断|掉|裂|脏|变形)|易(?:磨损|刮花|磨花|坏|断|裂)|印刷${DEG}(?:差|不好|模糊|不清|粗糙)|字${DEG}(?:小|模糊)|纸(?:张|质)?${DEG}(?:差|薄|不好|粗糙|发黄)`,
  ]),
  ...phrases('product_quality', 'suspected_fake', STRONG, [
    /假货|假的|是假|仿冒|冒牌|山寨|盗版|高仿|不是正品|非正品|不像正品|正品吗|行货吗|是不是正品|翻新|返修机|二手货?|真假难[分辨]|次品|水货|假冒|以次充好|调包|不是真的|挂[^，。]{0,6}牌子/,
  ]),
  ...phrases('product_quality', 'spoiled', SPECIFIC, [
    /(?:烂|腐烂)(?:了|的|掉|成|心|果)|烂苹果|(?:都|全|有)(?:是)?烂|坏心|发霉|霉(?:了|变|点|斑)|起了?霉|长霉|长毛|变质|过期|不新鲜|不够新鲜|焉了|蔫|干瘪|干巴|皮(?:都)?干|放了很久|不知道放了|陈货|库存货|发黑|有虫|虫子|日期(?:太)?(?:久|早|旧)/,
  ]),
  ...phrases('product_quality', 'taste', SPECIFIC, [
    re`不甜|不够甜|没甜味|(?<![心寒辛])酸(?![奶痛疼菜])|难吃|不好吃|难喝|不好喝|口感${DEG}(?:差|一般|不好|不行|不怎么样|硬|粗)|味道${DEG}(?:一般|不怎么样|不好|差|全无|淡|寡淡|怪|不行)|没(?:有)?味道?|发硬|太硬|不脆|不够脆|涩|很苦|太苦|发苦|苦味|苦涩|吃着糠|没熟|不熟|生的`,
  ]),
  ...phrases('product_quality', 'performance', SPECIFIC, [
    /(?<![a-z内存储银行保修购物信用积分会员贺饭磁])卡(?:顿|机|死|住|的要死|得要死|了|一下|卡)|(?:很|太|超|巨|特别|非常|有点|有些|比较|好|贼|会|就|老是|总是|经常|起|跑起)卡(?![片号槽通套扣])/,
    re`(?:反应|运行|运转|开机|关机|充电|系统|网速|读取|读卡|响应|启动|加载|软件|手机|电脑|机器|机子|速度|上网|传输)${NEAR}{0,4}(?:慢|缓慢|迟钝|迟缓|吃力)|慢死|反映${DEG}慢`,
    re`电池${NEAR}{0,6}(?:不耐用|不行|差|短|不经用|不抗用|太歪|不够用|鼓包|只能用|坏)|待机${NEAR}{0,6}(?:短|不长|差|没有)|费电|耗电|掉电|续航${DEG}(?:差|短|不行|一般)|没电`,
    re`内存${DEG}(?:小|不足|不够|太小|少|可怜)|(?:存储|容量)${DEG}(?:小|不足)`,
    re`信号${DEG}(?:不好|差|弱|不稳定|不行|不太好)|信号只有|接收不良|(?:无线|wifi|网络|网卡|蓝牙)${NEAR}{0,4}(?:不好|差|不靠谱|不稳|断|连不上|限制|不良)|掉线|断网`,
    re`屏幕${NEAR}{0,6}(?:不清晰|不清楚|差|反光|看不清|模糊|暗|偏|闪|太小|小了|不好|黑边|没有背光|不亮)|黑边|分辨率${DEG}低|色彩${NEAR}{0,6}(?:差|暗|不艳|不好)|对比度|亮度${NEAR}{0,8}(?:不能|低|暗|不够|不可|没办法)|背光`,
    re`(?:声音|音量|铃声|外放|喇叭|听筒|话筒|音效)${DEG}(?:小|不好|差|一般|失真|杂|难听|弱)|音质${DEG}(?:差|不好|一般)|听不清|收音不清|不好听`,
    re`(?:拍照|拍摄|照片|摄像头|像素|相机|拍出)${NEAR}{0,8}(?:差|不好|不清|模糊|一般|低|暗|雪花|不正常|难看)`,
    re`发热|发烫|烫手|很热|太热|比较热|有点热|过热|散热${DEG}(?:差|不好|不行)|风扇${NEAR}{0,6}(?:响|吵|声音|不停|噪)`,
    re`(?:系统|软件|驱动|XP|vista|win7|windows|linux|bios)${NEAR}{0,8}(?:难装|难搞|麻烦|不好|装不上|不能装|不兼容|吃力|问题|不行)|装${NEAR}{0,4}(?:系统|XP)${NEAR}{0,8}(?:麻烦|困难|痛苦|难|费)|兼容性${DEG}(?:差|不好)|预装${NEAR}{0,4}太多|无预装|没有驱动`,
    re`功能${DEG}(?:少|弱|不全|单一|薄弱|太少|不强大|不够强大|麻烦|不方便)|没有(?:任何)?(?:其它|其他)?功能|(?:没有|不带|缺少)(?:无线)?(?:网卡|光驱|蓝牙|摄像头|红外|闪光灯|键盘灯|指纹)|不支持|不人性化|不够人性化|不方便|难用|不好用|不顺手|不灵敏|不准确|识别不准|缺点|不足之处|扩展${NEAR}{0,6}(?:有限|不够|差)`,
    re`效果${DEG}(?:不好|差|一般|不明显|不大|不行|不怎么样)|没(?:有)?(?:什么)?效果|(?<![还尚])没(?:什么)?用(?![上过几多了完到])|没(?:有)?(?:任何)?改善|洗不干净|越洗越|油油的|油腻|泡沫${DEG}(?:少|不多)|(?<![依])稀(?![有奇罕少])|像水一样|去屑${DEG}(?:不好|差|一般|没|不明显)|不控油|毛躁|打结|滑滑的|粘手|很粘`,
    re`无法(?:下载|安装|运行|连接|识别|读取|重装|上网)|性能${NEAR}{0,6}(?:差|一般|不行)|吃力|慢半拍`,
  ]),
  ...phrases('product_quality', 'performance', SPECIFIC, [
    re`闪退|自动退出|系统崩溃|(?:触屏|触摸|触控|屏幕|按键)${NEAR}{0,4}(?:不灵|失灵|不准|漂移)|断触|加热${DEG}(?:慢|不够)|水温${NEAR}{0,4}(?:不够|不稳|低)|忽冷忽热|水不热|点不着|打不着火|熄火`,
    re`(?:键盘|硬盘|光驱|电源)${NEAR}{0,6}(?:差|松|软|响|不灵|坏|慢|小|问题)|通话${NEAR}{0,6}(?:差|不清|断|杂音|回音)|听不见|输入法${NEAR}{0,6}(?:差|不好|不方便|麻烦|难用)|(?:短信|电话本|通讯录|名片夹|菜单)${NEAR}{0,8}(?:慢|少|小|不能|不方便|麻烦|弱|差|复杂)|游戏${NEAR}{0,4}(?:少|不好玩|没劲|太难)`,
    re`没(?:有)?水分|水分${DEG}(?:少|不足|不够)|(?:头发|洗完|洗后)${NEAR}{0,6}(?:干|涩|毛躁|打结|硬|油)|伤(?:头发|发质|手|皮肤)|不滋润|不(?:够)?保暖|不暖和|不透气|闷热|捂汗|静电`,
  ]),
  ...phrases('product_quality', 'defect', SPECIFIC, [
    re`(?:封面|书皮|书角|书页)${NEAR}{0,4}(?:破|脏|折|皱|损)|折痕|污渍|脏兮兮|很脏|装订${DEG}(?:差|不好|松|粗糙)|脱页|起皱|皱巴巴|拉链${NEAR}{0,4}(?:坏|不好|卡|掉|差)|(?:扣子|纽扣)${NEAR}{0,3}(?:掉|松|坏)|(?:黑|麻)点|斑点|伤疤|虫眼|有伤`,
  ]),
  ...phrases('product_quality', 'spoiled', SPECIFIC, [/发软|变软|软塌塌|熟过头|过熟|太熟/]),
  ...phrases('product_quality', 'defect', SPECIFIC, [
    re`接触不良|时好时坏|时灵时不灵|雪花|(?:模糊|不清晰|不清楚)(?!${NEAR}{0,4}(?:说明|描述|介绍))|生锈|锈迹|变色|发黄|褪色`,
  ]),
  ...phrases('product_quality', 'workmanship', WEAK, [
    re`太(?:重|沉|笨重|硬|软|灵敏|敏感|吵|厚|粗|滑)|生硬|笨重|粗笨|不牢|易碎|(?:很|太|特别|非常)?容易(?:脏|沾|留)`,
  ]),
  ...phrases('product_quality', 'taste', SPECIFIC, [
    re`(?:味道|口味|香味|气味)${DEG}不(?:对|纯|正)|不(?:纯正|正宗)|变味|串味|比(?:想象|预期|期望|以前|上次)(?:中|的)?${DEG}(?:差|难吃|酸|淡)`,
  ]),
  ...phrases('product_quality', null, 0.75, [
    re`比(?:想象|预期|期望|以前|上次)(?:中|的)?${DEG}(?:差|次|低|烂)|(?:没|不)(?:有)?(?:以前|上次|之前)${NEAR}{0,6}(?:好|香|甜|好用|好吃)|质量${DEG}(?:下降|变差|大不如前)|一次不如一次|大不如前`,
  ]),
  ...phrases('product_quality', 'smell', SPECIFIC, [
    re`不(?:太|怎么)?香|没(?:有)?香味|香味${DEG}(?:淡|太浓|刺鼻|怪)|辣眼睛`,
  ]),
  ...phrases('product_quality', 'content', SPECIFIC, [
    re`太(?:深|浅|简单|幼稚|啰嗦|罗嗦)|啰嗦|罗嗦|幼稚|拖沓|冗长|牵强|胡说|胡扯|瞎扯|偏激|片面|作者${NEAR}{0,8}(?:不行|差|水平|胡|瞎|烂)|没(?:有)?看完|看不完|情节${NEAR}{0,6}(?:差|一般|无聊|老套|简单|拖沓)|老套|俗套|无趣|没劲|凑字数|注水|东拼西凑|抄袭|不值得(?:一)?(?:看|读)`,
  ]),
  ...phrases('product_quality', 'content', WEAK, [/看不懂|不实用|不适合/]),
  ...phrases('product_quality', 'content', SPECIFIC, [
    re`没(?:什么|啥|多大|太大|多少)(?:意思|好处|感觉|吸引力?|区别|新意|新鲜感|收获|价值|内容|用处|帮助|意义|看头|特别|特色|亮点)|学不到|(?:不必|不用|不值得|没必要)(?:看|读|买)|(?:重复|反复)(?:地|的)?(?:说|讲|写)|大家都知道|老生常谈|套话|空话|废话`,
  ]),
  ...phrases('product_quality', 'side_effect', WEAK, [/刺激|扎人|扎肉|刺挠/]),
  ...phrases('product_quality', 'side_effect', STRONG, [
    /痒|头屑|头皮屑|掉发|脱发|掉头发|过敏|起痘|长痘|红肿|起疹|疹子|刺痛|割(?:皮肤|手|脚|肉)|拉肚子|腹泻|吃坏|不舒服|难受|磨脚|勒得/,
  ]),
  ...phrases('product_quality', 'content', SPECIFIC, [
    re`内容${DEG}(?:空洞|一般|不好|差|浅|平淡|乏味|枯燥|无聊|没意思|干涩|不深入|太少|重复|简单|肤浅|陈旧|过时|没什么)|空洞|乏味|枯燥|无聊|没意思|肤浅|平淡|干涩|口水话|炒作|鸡肋|浅显|泛泛|不深入|漫无边际|停留在${NEAR}{0,4}表面`,
    re`没(?:有)?(?:什么)?(?:实质|新意|深度|内涵|营养|价值)|翻译${DEG}(?:差|不好|烂|生硬|蹩脚|糟糕|一般)|不好看|看不下去|读不下去|没(?:有)?耐心看|浪费(?:我的)?(?:时间|生命)|没(?:有)?(?:什么|太大的?)?(?:帮助|用处|收获)|错别字|错误${DEG}(?:多|百出)|没有?音标|(?:写|画|讲|编)(?:得|的)${DEG}(?:差|不好|一般|烂|难看|乱|跟)|破书|差(?:很|太)?远|比(?:较)?不上|不如|(?:就)?没(?:再)?(?:看|读)(?:下去|了)`,
  ]),
  ...phrases('product_quality', 'undersized', WEAK, [
    re`(?:个头|个儿|个子|果子|果实|果|苹果|橙子?|桔子|橘子|梨|芒果|猕猴桃|柠檬|柚子|葡萄|樱桃|桃子?|枣|瓜|火龙果|个)${DEG}(?:偏|又|还)?(?:小|不大)(?!时|问题|瑕疵|毛病)|小个|最小的|大小不(?:一|均匀|均)|大小差距|歪瓜裂枣|达不到尺寸|比鸡蛋|比想象中?的?小`,
  ]),
  ...phrases('product_quality', null, 0.75, [
    re`质量${DEG}(?:差|不好|不行|一般|次|低劣|不咋|不怎么样|堪忧|不过关|烂|垃圾)|品质${DEG}(?:差|不好|一般|低|不行)|质量${NEAR}{0,3}(?:差|不好)|东西${DEG}(?:不好|不行|差|一般|烂|不怎么样)`,
  ]),
  ...tone([
    /垃圾|渣渣|(?<![茅粪])坑(?![位洼道])|差劲|不怎么样|不咋(?:地|的|样)|(?:很|太|非常)一般|不觉得有多好|没(?:有)?(?:多|那么)好|扔了|扔掉|次货|破(?:玩意|东西|手机|电脑|平板|货)|什么玩意|样子货|便宜没好货|不靠谱|没有?想象(?:中)?的?(?:那么)?好|后悔|上当|一般般|很烂|太烂|不行/,
    re`失望|不满意?|郁闷|无语|气愤|生气|糟糕|糟心|闹心|心塞|窝火|恼火|不爽|不开心|不愉快|不高兴|倒霉|无奈|可惜|遗憾|烦(?:人|死)?|晕|吐血`,
    re`(?:太|很|好|真|超|特|极|巨|非常|特别|比较|相当|有点|最)${DEG}(?:差|次|烂|糟)|差{2,}|不理想|不尽如人意|不如人意|不好(?!意思)|不太好|不合理|不足|不够好|不怎么好|一般(?:般)?|凑合|将就|勉强|别扭|鸡肋|不值得`,
    re`不(?:推荐|建议)|(?:不要|别|千万别|慎|谨慎)(?:再)?(?:买|购买|入手|拍)|不会再(?:买|来|光顾)|再也不(?:买|来|会)|失败的?(?:购物|网购|一次)|(?:购物|网购)${DEG}失败|第一次${NEAR}{0,8}差评|(?:不|没)(?:敢|想)(?:再)?(?:用|穿|吃|买)`,
    re`问题|毛病|缺陷|不正常|损坏|模糊|难看|丑|麻烦|不方便|不好用|不舒服|不习惯|怎么回事|什么鬼|什么东西|搞什么|坑人|坑爹`,
  ]),
];

/** What the listing showed or promised. */
const LISTING = String.raw`(?:描述|图片|图上|图中|照片|介绍|宣传|说明|详情|页面|网页|广告|标题|商品页|宝贝页|官网|样品|主图|视频里|直播)`;

const NOT_AS_DESCRIBED: readonly LexiconEntry[] = [
  ...phrases('not_as_described', 'wrong_item', STRONG, [
    re`发错|错发|发成|给我发(?!货|票)|发的不是|发来的?不是|发过来的?(?:是|不是)|(?:寄|送)(?:过)?来的(?:是|却是|竟然是)|收到的(?:却|竟然|居然)?是|不是我(?:要|买|订|选|拍|下单)的|型号不对|版本不对|不是同一(?:款|个|批)|少发|漏发|只收到|只发了?`,
  ]),
  ...phrases('not_as_described', 'wrong_item', SPECIFIC, [
    re`(?<![重主需想只])(?:要|订|买|拍|选)的(?:是|明明是)|明明(?:订|买|拍|选)的`,
  ]),
  ...phrases('not_as_described', 'colour_or_style', SPECIFIC, [re`颜色${DEG}(?:偏|深|浅|暗|发)`]),
  ...phrases('not_as_described', 'colour_or_style', STRONG, [
    re`色差|颜色${DEG}(?:不对|不一样|不符|不同|发错|差别|差太多)|颜色${NEAR}{0,4}(?:和|与|跟)(?:图|照)|款式${DEG}(?:不对|不一样|不符)|不是我选的颜色`,
  ]),
  ...phrases('not_as_described', 'spec_mismatch', SPECIFIC, [
    re`规格不符|容量${DEG}(?:不对|不符|小)|尺寸不符|(?:重量|斤数|分量)${DEG}(?:不足|不够|不对)|缺斤少两|短斤少两|配置不(?:对|符)|参数不(?:符|对)|以为是|原来(?:只)?是|实际(?:上)?(?:只有|是)|说是${NEAR}{0,12}(?:实际|结果|其实|只有)|标(?:的|着|称)${NEAR}{0,12}(?:实际|结果|其实|只有)|只有${NUM}(?:个|斤|克|ml|毫升)|称了(?:一下)?|不足${NUM}\s*(?:斤|克|两)|少了?${NUM}\s*(?:斤|两|克)|斤两不足|分量不足|没有(?:图片|图上|照片)${NEAR}{0,4}(?:好|大|漂亮|鲜艳)`,
  ]),
  ...phrases('not_as_described', 'misleading_listing', DEFINING, [
    re`货不对[板版]|(?:与|和|跟)${NEAR}{0,4}描述${NEAR}{0,2}(?:不符|不一样|不一致|不同)|描述不符|严重不符|图文不符|名不符实|名不副实|(?:与|和|跟)(?:图片|图上|照片|宣传图)${NEAR}{0,3}(?:不符|不一样)|实物${NEAR}{0,4}(?:与|和|跟)${NEAR}{0,4}(?:不符|不一样)`,
  ]),
  ...phrases('not_as_described', 'smaller_than_shown', SPECIFIC, [re`实物${DEG}(?:小|薄|短|丑|难看|差)`]),
  ...phrases('not_as_described', 'smaller_than_shown', STRONG, [
    re`比(?:图片|图上|照片|宣传|描述|广告)(?:中|上)?的?(?:小|差|薄|短)`,
  ]),
  ...phrases('not_as_described', 'misleading_listing', STRONG, [
    re`(?:与|和|跟)(?:图片|图上|照片|宣传图|描述|广告|介绍|页面)${NEAR}{0,6}(?:不符|不一样|不同|相差|差距|差别|差太多|两回事|不像|不一致)|(?:图片|照片|广告)${NEAR}{0,6}(?:相差|差距|差太多|骗人|误导|不符)|描述不符|与描述|名不符实|实物${NEAR}{0,8}(?:不符|不一样|差距|相差)|不符|挂羊头卖?狗肉|虚假宣传|夸大(?:宣传)?|照骗|卖家秀`,
  ]),
  ...phrases('not_as_described', 'misleading_listing', SPECIFIC, [
    re`(?:图片|图上|照片|页面|网页|网上|介绍|说明|描述|宣传|详情)${NEAR}{0,6}(?:写|说|显示|标|是|有)${NEAR}{0,12}(?:结果|实际|其实|却|根本)|号称|标称|明明写|根本不是|不是${NEAR}{0,3}(?:原装|新款|最新|原版)|(?:旧|老)款|宣传${NEAR}{0,6}(?:不符|不一样|夸张|骗|虚假)`,
  ]),
  ...phrases('not_as_described', 'misleading_listing', WEAK, [/误导|承诺|标配|不一致|两回事/]),
  ...phrases('not_as_described', 'misleading_listing', STRONG, [
    re`(?:和|跟|与)${NEAR}{0,4}${LISTING}${NEAR}{0,6}(?:不一样|不同|不符|不一致|两样|差别|差距|区别|出入|相差|不像)|没有?${NEAR}{0,3}${LISTING}(?:中|里|上)?(?:说|写|讲|承诺)?的${NEAR}{0,8}|${LISTING}(?:上|里|中)?(?:说|写|讲|标|显示)(?:的|着)?${NEAR}{0,10}(?:根本|其实|实际|结果|却|但是?)(?:是|没有|不是)`,
  ]),
  ...phrases('not_as_described', 'misleading_listing', WEAK, [
    re`(?:和|跟|与)${NEAR}{0,10}(?:完全|根本|很|太|大|都|截然)?(?:不一样|不同|不符|不一致|两样)|不是${NEAR}{1,10}的吗|(?:怎么|竟然|居然|却)(?:变成|成了|是)`,
  ]),
  ...phrases('not_as_described', 'wrong_item', STRONG, [
    re`(?:颜色|型号|款式|规格|版本|货|东西|商品)${NEAR}{0,6}(?:搞错|弄错|错了|不对)|(?:搞|弄|寄|拿)错(?:了)?(?:货|东西|颜色|型号|款)?`,
  ]),
  ...phrases('not_as_described', 'spec_mismatch', SPECIFIC, [
    re`(?:重量|斤数|分量|斤两|数量|个数)${NEAR}{0,3}(?:差|少|缺|不足|不够|不对)|(?:根本|绝对|肯定|远远)?(?:没有|不到|不足|不够)${NUM}\s*(?:mm|毫米|cm|厘米|公分|克|g|斤|两|ml|毫升|寸|英寸)|${NUM}\s*(?:mm|毫米|cm|厘米|公分)${NEAR}{0,3}(?:绝对|肯定|根本|都|也)?(?:没有|不到|不够)|掺(?:杂|着|了|假)|混(?:着|装|杂)(?:卖|发)?|以小充大|以旧充新`,
  ]),
  ...phrases('not_as_described', 'misleading_listing', GENERIC, [/骗人|被骗|欺骗|忽悠|骗(?:钱|子)/]),
  ...phrases('not_as_described', 'misleading_listing', STRONG, [
    re`(?:和|跟|与)${NEAR}{0,4}${LISTING}${NEAR}{0,6}(?:天差地别|天壤之别|相去甚远|大相径庭|差很多|差得远|差远了|判若两)|(?:实物|收到的|到手的|拿到的)${NEAR}{0,8}(?:天差地别|天壤之别|相去甚远|大相径庭|判若两)`,
  ]),
  ...phrases('not_as_described', 'spec_mismatch', SPECIFIC, [
    re`(?:说是|说的是|写的是|写着|标着|标的是|标明|印着|贴着|号称|宣称|宣传(?:的|说)|介绍(?:的|说|里)|${LISTING}(?:上|里|中)(?:说|写|标)?(?:的|着)?)[^。！？!?\n]{1,16}?(?:其实|实际|结果|实则|却|根本|居然|竟然)`,
  ]),
  ...phrases('not_as_described', 'misleading_listing', SPECIFIC, [
    re`(?:说|写|标|宣传|介绍|显示|承诺)(?:的|着|了)?(?:有|带|支持|包含|含)[^。！？!?\n]{1,16}?(?:根本|完全|都|却|但|可)?(?:没有|没|不支持|不能|不带)`,
  ]),
  ...phrases('not_as_described', 'misleading_listing', SPECIFIC, [
    re`没有?(?:写的|说的|宣传的|(?:传说|广告|图片|描述|介绍|视频)中?的)${NEAR}{0,3}(?:那么|那样|那幺|这么|一样)?${NEAR}{0,2}(?:好|大|多|长|厚|亮|快|甜|漂亮|鲜艳|好看|清楚)?|完全不是|(?:其实|实际|实则)(?:上)?(?:只有|才|不到)${NUM}`,
    re`(?:不是|并非|不是什么)(?:纯)?(?:棉|真皮|羊毛|羊绒|蚕丝|实木|纯铜|全新|新款|新的|国行|原版|原厂)`,
  ]),
  ...phrases('not_as_described', 'wrong_item', STRONG, [
    re`给我(?:送|寄|邮|换)(?:了|来)?(?:个|一个|一件|一条|一双|一台|的是)|(?:邮|寄|送)(?:过)?来的?(?:却|竟然|居然)?是|(?:要|订|买|拍|选)的${NEAR}{1,8}[，,]?(?:给我|结果|却)?(?:发|寄|邮|送)(?:过)?来的?(?:是|却是)`,
  ]),
];

/** Something worn, in the same clause before (or after) a bare size word: "鞋子…太小", "太长了，裤腿…". */
const WORN = String.raw`(?:穿|衣|裤|鞋|裙|袖|腰|领|肩|胸|臀|腿|脚|码|帽|袜|靴|衫|外套|背心|内衣|文胸|毛衣|羽绒服|上身|身材|个子)`;
const WORN_BEFORE = String.raw`(?<=${WORN}${NEAR}{0,8})`;
const WORN_AFTER = String.raw`(?=${NEAR}{0,8}${WORN})`;

const SIZE_FIT: readonly LexiconEntry[] = [
  ...phrases('size_fit', 'too_small', SPECIFIC, [
    re`偏小|小(?:了)?(?:一|两|半)?(?:号|码)|(?:(?<![号编密条代])码|尺码|码数|衣服|裤子|裤腰|鞋子?|袖子|袖口|裤腿|裤长|腰围|领口|肩膀?|胸围|衣长|裙子)${DEG}(?:偏)?(?:小|紧|瘦|短|窄)(?:了|点|一些)?|穿不(?:了|上|进|下)|穿着${DEG}(?:紧|小|勒)|太紧|偏紧|挤脚|夹脚`,
    re`${WORN_BEFORE}(?:太小|小了|偏瘦|太瘦|太短|偏短|短了)|(?:太小|小了|太瘦|太短|短了)${WORN_AFTER}`,
  ]),
  ...phrases('size_fit', 'too_large', SPECIFIC, [
    re`偏大|大(?:了)?(?:一|两|半)?(?:号|码)|(?:(?<![号编密条代])码|尺码|码数|衣服|裤子|裤腰|鞋子?|袖子|袖口|裤腿|裤长|腰围|领口|肩膀?|胸围|衣长|裙子)${DEG}(?:偏)?(?:大|肥|宽|长)(?:了|点|一些)?|(?<![减])肥(?![皂料胖肉美])`,
    re`${WORN_BEFORE}(?:太大|大了|超级大|太宽|太肥|太长|偏长|长了)|(?:太大|大了|太宽|太肥|太长|长了)${WORN_AFTER}`,
  ]),
  ...phrases('size_fit', 'too_small', SPECIFIC, [
    re`(?:好|很|有点|特别|超|太|偏|比较|有些|稍)紧(?![张急凑迫])|(?<![\d.])\d{2,3}(?:码|号)?的${NEAR}{0,6}(?:小|紧|瘦|短|窄)`,
  ]),
  ...phrases('size_fit', 'poor_fit', SPECIFIC, [re`买(?:大|小)了|(?:大|小|长|短|紧|肥)了好多`]),
  ...phrases('size_fit', 'too_large', SPECIFIC, [re`(?<![\d.])\d{2,3}(?:码|号)?的${NEAR}{0,6}(?:大|肥|宽|长)`]),
  ...phrases('size_fit', 'poor_fit', SPECIFIC, [
    re`不合身|不合适|不修身|还修身|说是?修身|不贴身|版型${DEG}(?:差|不好|奇怪|难看|怪)|不显瘦|显胖|尺码${DEG}(?:不准|不对|不标准|瞎|乱|偏)|码(?:数)?${DEG}(?:不准|不对|不标准|乱)|不(?:标准|正)的?码|报码|裁边|改短|不合脚`,
  ]),
  ...topics('size_fit', null, GENERIC, [
    /(?<![a-z])(?:[smlx]{1,3}|xxl|xxxl)号|\d{2,3}(?:码|号)的|[一二三四五六七八九十]+码|尺码|码数|码子|均码/,
  ]),
];

const PRICE_VALUE: readonly LexiconEntry[] = [
  ...phrases('price_value', 'price_drop', SPECIFIC, [
    re`(?<![下升投霜空])降(?:价|了|成|到|\d|${NUM})|价(?:格|钱)?(?:就|又)?降|就降|又降|跌价|掉价|差价|价格${DEG}(?:变|浮动|波动|不稳)|价钱${DEG}(?:变|浮动|波动|不稳)|变来变去|便宜了${NUM}?`,
  ]),
  ...phrases('price_value', 'too_expensive', SPECIFIC, [
    re`太[贵貴]|很[贵貴]|偏[贵貴]|好[贵貴]|有点[贵貴]|比较[贵貴]|[贵貴](?:很多|多了)|不值|不划算|性价比${DEG}(?:低|不高|差|一般)|价格${DEG}(?:高|偏高|虚高|过高|太高|昂贵)|(?:比|没有)${NEAR}{1,12}(?:[贵貴]|便宜)|冤枉钱|白花钱|浪费钱|坑钱|坑(?:了)?(?:我)?${NUM}\s*(?:元|块)|多(?:出|花|付)(?:了)?${NUM}\s*(?:元|块)|价格${NEAR}{0,6}(?:能再低|再低|便宜点)|(?:给|没|没有)优惠|一个价|不成比例`,
  ]),
  ...phrases('price_value', 'too_expensive', STRONG, [re`[贵貴]了?${NUM}倍|智商税|溢价`]),
  ...phrases('price_value', 'too_expensive', SPECIFIC, [
    re`(?:并|也|可|一点|绝|真|都)?不便宜|不算便宜|性价比${DEG}(?:不行|太低|不好)|(?:超市|市场|菜场|实体店|外面|别家|别的店|其他店|楼下|附近)${NEAR}{0,8}(?:差不多|一样|还便宜|也就)`,
  ]),
  ...phrases('price_value', 'price_drop', SPECIFIC, [
    re`(?:现在|今天|第二天|隔天|(?:没|不到|过了?)${NUM}天|转眼)(?:就|又|只|才)?(?:卖|变成?|只要|只卖|降到|才)${NUM}|(?:同样|同一|一样)的?(?:商品|东西|产品)${NEAR}{0,6}价(?:格|钱)?${DEG}不(?:同|一样)`,
  ]),
  ...phrases('price_value', 'price_drop', SPECIFIC, [re`涨价|提价|涨了${NUM}?|先涨(?:价)?后降|先提价`]),
  ...phrases('price_value', 'too_expensive', SPECIFIC, [
    re`只值${NEAR}{0,4}|不值(?:这个|那个)?(?:价|钱)|(?:价格|价钱|定价|售价)${DEG}(?:离谱|虚|坑)|(?:同样|一样)的?(?:价钱|价格|钱)|(?:超市|市场|菜场|实体店|外面|别家|别的店|其他店)${NEAR}{0,8}(?:才|只要|只卖|便宜|更便宜)`,
  ]),
  ...phrases('price_value', 'too_expensive', WEAK, [/[贵貴](?!州|阳|宾|族|重|姓|公司)/]),
  ...phrases('price_value', 'extra_charges', SPECIFIC, [
    re`安装费|材料费|人工费|上门费|服务费|手续费|乱收费|(?:另|额外|还要|又要|另外|要)(?:收|加|交|付)(?:钱|费)?|收(?:了|取)?${NUM}\s*(?:元|块)|收了${NUM}|加钱`,
  ]),
  ...topics('price_value', 'extra_charges', 0.75, [/运费|邮费|快递费/]),
];

const COURIER = String.raw`(?:物流|快递|送货|配送|到货|运输|派送|邮政|EMS|ＥＭＳ|圆通|中通|申通|韵达|顺丰|百世|汇通|天天|德邦|快递员|快递小哥|送货员)`;

const LOGISTICS_DELAY: readonly LexiconEntry[] = [
  ...phrases('logistics_delay', 'slow_delivery', SPECIFIC, [
    re`${COURIER}${NEAR}{0,6}(?:慢|迟|拖|磨叽|蜗牛)|${COURIER}${DEG}(?:服务|速度|效率|时效)?${DEG}(?:不好|差|烂|垃圾|不行)|不守时|不准时|(?:没|不)(?:有)?按(?:约定|预约|承诺)?(?:的)?时间(?:送|到|配送|发货)`,
    re`才(?:收到|到货|送到|到手|送来)|慢{3,}|龟速|奇慢|延迟|延误|迟迟|一拖再拖|还在路上|${NUM}\s*(?:天|周|星期)了?还(?:在|没)|让我等|一直等|等(?:了)?${NUM}?(?:好)?(?:几|多)?天|等(?:了)?好久|等{2,}|超时|物流${NEAR}{0,6}(?:不更新|不动|没动|停滞)|催${NEAR}{0,4}(?:发货|物流|几次|好几次)|到现在(?:都|还)?(?:没|未)|还没(?:有)?(?:到|收到|送到|给我|送来)|换(?:个)?(?:物流|快递)`,
  ]),
  ...phrases('logistics_delay', 'slow_delivery', STRONG, [
    re`${NUM}\s*个?(?:天|日|星期|周|礼拜|工作日|月)(?:了|多)?${NEAR}{0,3}(?:才|还没|都没|都还没|仍没)(?:有)?(?:到|收到|送到|发货|拿到|到手|送|给)`,
  ]),
  ...phrases('logistics_delay', 'slow_delivery', WEAK, [
    re`配送时间|不按(?:照)?(?:约定|预约)?的?时间|送到代收点|不送(?:货)?上门|送货上门|自己(?:去|到)${NEAR}{0,6}(?:拿|取|搬)|自(?:己)?提|送到${NEAR}{0,6}外`,
  ]),
  ...phrases('logistics_delay', 'slow_dispatch', SPECIFIC, [
    re`发货${DEG}(?:慢|迟|晚)|(?:迟迟|一直|还)(?:不|没|未)发(?:货|出)?(?![现表言挥育生烧])|不发货|没发货|拖着不发|(?:付|下)了?(?:款|单)${NEAR}{0,8}(?:才|还没|不)发`,
  ]),
  ...phrases('logistics_delay', 'slow_dispatch', WEAK, [/没货|缺货|无货|断货/]),
  ...phrases('logistics_delay', 'not_received', STRONG, [
    re`没(?:有)?收到(?!${NEAR}{0,4}(?:赠品|礼品|发票|退款|回复|钱))|未收到|收不到|没(?:有)?送(?:货|到|来)|(?:根本|都|还)(?:没|未)(?:有)?(?:收到|到货|见到)|丢件|(?:快递|包裹|件|货|单)${NEAR}{0,4}丢了|弄丢|丢失|冒领|冒签|代签|签收了|显示(?:已)?签收|显示(?:已)?完成|待评价|送到哪|去哪了|黑吃|地址${NEAR}{0,4}(?:发错|写错|送错)|(?:寄|发|送|派)错(?:了)?(?:地址|网点|地方|站点|城市)|送错`,
  ]),
];

const LOGISTICS_DAMAGE: readonly LexiconEntry[] = [
  ...phrases('logistics_damage', 'crushed', STRONG, [
    re`压(?:坏|扁|烂|碎|变形|瘪)|挤压|挤(?:坏|扁)|碰(?:坏|伤|了|烂)|磕碰|磕(?:坏|伤)|摔(?:坏|烂|碎|破)|受伤|撞(?:坏|伤)|(?:箱子|盒子|纸箱|外箱|包装盒|外包装)(?:都|全|也)?(?:被)?(?:压|挤|破|烂|坏|湿|变形|瘪|扁)`,
  ]),
  ...phrases('logistics_damage', 'leaked', STRONG, [
    re`漏(?:了|液|出|得|光)(?!光)|洒(?:了|出)|流(?:了|出)|挤出来|溢出|瓶(?:子|口|盖|身|嘴)${DEG}(?:破|烂|裂|开|松|坏|漏|拧开)|拧开了|(?<=(?:发来|到货|收到|送来|送到|拿到|到手|打开|拆开)${NEAR}{0,4})(?:就|已经|都)?(?:破|碎|裂|漏)(?:了|的|掉)|瓶(?:子|口|盖|身)${NEAR}{0,3}(?:打开|开了|松了|松开)|嘴${DEG}坏`,
  ]),
  ...phrases('logistics_damage', 'leaked', WEAK, [/破了|碎了|破损|渗漏|漏油|化了|融化/]),
  ...phrases('logistics_damage', 'crushed', WEAK, [/变形|凹陷|凹进去|瘪了/]),
  ...phrases('logistics_damage', 'crushed', STRONG, [
    re`暴力(?:分拣|运输|装卸|快递)|(?:快递|物流|运输|路上|途中)${NEAR}{0,8}(?:摔|压|挤|碰|颠|磕)|(?:箱子|盒子|纸箱|外箱|包装盒|外包装|包装|礼盒|快递盒|快递袋)${NEAR}{0,4}(?:是|都是|全是)?(?:破|烂|湿|瘪|扁|变形|坏)(?:的|了|掉)?`,
  ]),
  ...phrases('logistics_damage', 'crushed', STRONG, [
    re`(?:砸|硌|颠|摔)(?:坏|伤|烂|碎|破|裂|过|扁)|被(?:砸|摔|压|挤|扔|磕)|摔(?:的|得)${NEAR}{0,4}|(?:运输|快递|物流|路上|途中)(?:过程)?中?${NEAR}{0,8}(?:划|刮|破|坏|裂|损)`,
  ]),
  ...topics('logistics_damage', 'crushed', STRONG, [/轻拿轻放|乱扔|扔来扔去|抛扔/]),
  ...phrases('logistics_damage', 'leaked', SPECIFIC, [re`(?:打|淋|浸|泡)湿|湿(?:了|透)|受潮|进水|泡水`]),
  ...phrases('logistics_damage', 'poor_packaging', WEAK, [re`包装${DEG}(?:简单|随便|粗糙|一般)`]),
  ...phrases('logistics_damage', 'poor_packaging', SPECIFIC, [
    re`包装${DEG}(?:差|烂|简陋|不好|破|破损|不行|太差|敷衍|垃圾|糟糕|马虎|寒碜|寒酸|随意)|(?:连|就)(?:个|一个)?(?:箱子|盒子|纸箱)都没|(?:用|拿)(?:个)?(?:快递袋|塑料袋|袋子)(?:装|包)|没(?:有)?包装|包装都没有|(?:破旧|旧|二手|烂|破)的?纸箱|纸箱${DEG}(?:破|旧|烂|薄)|没有?(?:泡沫|气泡膜|防震|缓冲)|胶带${NEAR}{0,4}松`,
  ]),
];

const SERVICE_ATTITUDE: readonly LexiconEntry[] = [
  ...phrases('service_attitude', 'rude', STRONG, [
    /骂(?:人|粗话|脏话|我)|爆粗口|不耐烦|甩脸|店大欺客|欺负人|阴阳怪气|爱理不理|爱[答搭]不理/,
  ]),
  ...phrases('service_attitude', 'rude', SPECIFIC, [
    re`态度${DEG}(?:差|不好|恶劣|极差|蛮横|冷淡|傲慢|不行|恶心|烂|垃圾|不是很好|不太好)|服务${DEG}(?:差|不好|极差|恶劣|不行|烂|垃圾|不是很好|不太好)|(?:客服|售后|服务|店家|卖家|商家)${NEAR}{0,6}(?:差劲|烂|垃圾|坑人|大爷|无语|不专业|恶心|忽悠|推卸|踢皮球|不负责|不作为)|不负责任?|(?:是|当)大爷|孙子|冷漠`,
  ]),
  ...phrases('service_attitude', 'unresponsive', SPECIFIC, [
    re`不回(?:复|消息|话|应)?|没人(?:回|理|管|接)|不理(?:人|我)?|不见回复|不给(?:解决|处理|答复)|推(?:脱|卸|诿|三阻四)|踢皮球|敷衍|找不(?:到|着)(?:人|客服)|联系不上|机器人|电话${DEG}(?:没|不)(?:打|接|通)|不接电话|私自|擅自|回复${DEG}(?:慢|不及时)|(?:师傅|安装工|安装人员)${NEAR}{0,6}(?:迟到|不来|没来|放鸽子|爽约)|(?:没|不)(?:有)?(?:回复|回应|答复)|(?:客服|卖家|商家)${NEAR}{0,8}(?:不理|不回|没人|不解决|不处理|扯理由|找借口|借口)`,
  ]),
  ...phrases('service_attitude', 'broken_promise', SPECIFIC, [
    re`(?:客服|师傅|卖家|商家|店家)${NEAR}{0,2}(?:说好|答应|承诺)${NEAR}{0,10}(?:没|不|却|结果)|言而无信|说话不算数?|出尔反尔|食言`,
  ]),
  ...phrases('service_attitude', 'unresponsive', SPECIFIC, [
    re`(?:电话|客服|热线|售后)${NEAR}{0,6}(?:打不通|打不进|没人接|无人接听|一直占线|总是忙)|打不通|没人管|不管不问|不闻不问|没人处理|没人联系|互相推|来回推|推来推去|不给(?:个)?说法|(?:他们|客服|卖家|商家)${NEAR}{0,3}(?:才)?不(?:会)?管`,
  ]),
  ...phrases('service_attitude', 'rude', SPECIFIC, [
    re`(?:垃圾|差劲|恶心|无良|奇葩|无能)的?(?:客服|售后|服务|卖家|商家|店家)|态度${DEG}(?:不咋|不怎么|一般|生硬|冷)`,
  ]),
  ...phrases('service_attitude', 'broken_promise', WEAK, [/找(?:了)?(?:各种)?(?:借口|理由)|扯理由/]),
];

const REFUND_DISPUTE: readonly LexiconEntry[] = [
  ...topics('refund_dispute', 'return_refused', STRONG, [
    re`(?:不给|不让|不肯|不予|拒绝|不能|不可以|没法)(?:办理)?(?:退|换)(?:货|款|钱)?|退货${DEG}(?:难|麻烦|被拒)|不支持(?:七|7)天|(?:七|7)天无理由${NEAR}{0,6}(?:不|没)|(?:退|换)货${NEAR}{0,8}(?:不给|没给|拒|卡)|取消${NEAR}{0,10}发货|取消不了|不给取消|自动退(?:货|款)|驳回|拒绝退|不同意退|退款被拒|(?:没|不)(?:给)?退钱`,
  ]),
  ...topics('refund_dispute', 'return_refused', SPECIFIC, [/退不了|换不了|还没退|没(?:给)?退|不退/]),
  ...topics('refund_dispute', 'return_refused', 0.4, [/退货|换货|退款|退换|退钱/]),
  ...topics('refund_dispute', 'refund_slow', STRONG, [
    re`(?:退款|退的钱|钱)${NEAR}{0,10}(?:没到账|不到账|还没到|还没退|没退)|退款${DEG}(?:慢|迟迟|还没|没到|不到账|一直)|(?:钱|款)(?:还)?没(?:有)?退|退款${NEAR}{0,4}(?:到现在|至今)|迟迟不退`,
  ]),
  ...topics('refund_dispute', 'invoice', STRONG, [
    re`发票${DEG}(?:没|不|丢|一直|迟迟|还没|呢|没有|未|呢)|(?:没有|没|不给|不开|不寄|没开|没寄|未开|要求的)发票`,
  ]),
  ...topics('refund_dispute', 'invoice', SPECIFIC, [/发票|收据|开票/]),
  ...topics('refund_dispute', 'warranty_repair', STRONG, [
    re`(?:剥夺|取消|不给|不予|拒绝|不享受|没有)${NEAR}{0,4}(?:质保|保修|三包|保固)|(?:不给|不让|不能|无法|没法)${NEAR}{0,2}退换|不(?:属|在)(?:于)?保修|不(?:给|予)?保修|过(?:了)?保(?:修)?期|保修期${NEAR}{0,8}(?:不|要|收)|修理费|维修费|收费维修|修不好|返厂|鉴定|维修${DEG}(?:慢|久|周期)`,
  ]),
  ...topics('refund_dispute', 'warranty_repair', STRONG, [
    re`(?:没(?:有)?地方|找不到地方|没处|不知道(?:去)?哪)(?:去)?(?:修|维修|修理|保修|售后)|(?:不给|不肯|拒绝|不予|不管)(?:修|维修|换新)`,
  ]),
  ...topics('refund_dispute', 'return_refused', SPECIFIC, [
    re`(?:换货|退货|退款|换新|维修|退换)${DEG}(?:慢|麻烦|难|拖|周期${DEG}长)|(?:退|换)(?:货|款)?${NEAR}{0,6}(?:一直|至今|到现在|迟迟)(?:没|不|未)|(?:申请|要求)(?:了)?(?:退|换)(?:货|款)?${NEAR}{0,10}(?:拒|不同意|不给|不让|不通过|驳回)`,
  ]),
  ...topics('refund_dispute', 'warranty_repair', WEAK, [
    re`保修|质保|维修|返修(?!机)|修理|送修|三包|售后${DEG}(?:差|不好|烂|垃圾|不行|太慢)`,
  ]),
];

const PROMOTION_RULES: readonly LexiconEntry[] = [
  ...topics('promotion_rules', 'missing_gift', STRONG, [
    re`买${NUM}送${NUM}`,
    /赠品|赠送|赠(?:的|了|[\d一二三四五六七八九十两几])|礼品|小样|送的(?:东西)?|(?:没|不)(?:有)?(?:给)?送(?!货|到|来|达|过|去|上门)|都不送|给送/,
    /(?:买|就|还|会|加|多|另|再|都)送(?:了)?(?!货|到|来|达|过|去|上|回|走|错|的时候|我家)/,
    /送(?:了)?的?(?:贴膜|钢化膜|手机膜|膜|手机壳|壳|皮套|保护套|耳机|耳塞|自拍杆|鼠标|内存|袜子|杯子|水壶|电热水壶|礼|赠)/,
  ]),
  ...topics('promotion_rules', 'missing_gift', STRONG, [
    re`说好的?${NEAR}{0,10}(?:膜|壳|套|耳机|耳塞|礼|赠|送|杆|鼠标|袜)|少送|漏送`,
  ]),
  ...topics('promotion_rules', 'missing_gift', WEAK, [/说好的/]),
  ...topics('promotion_rules', 'price_protection', STRONG, [
    re`保价|价保|价格保护|保护价|退差价|补差价|降价[^。！？]{0,12}(?:不(?:肯|给|予)?退|退钱|补偿|不补|不赔)`,
  ]),
  ...topics('promotion_rules', 'coupon', SPECIFIC, [
    re`优惠券|(?:用|领)(?:不了)?券|券${DEG}(?:不能|用不了|无法)|满减|红包|返现|积分|活动${DEG}(?:骗人|忽悠|虚假|假的|坑)`,
  ]),
  ...topics('promotion_rules', 'coupon', WEAK, [
    /(?:特价|促销|优惠|搞|参加|参与)?活动|大促|打折|折扣|双十一|双11|双十二|双12|618|年货节|秒杀|预售|定金|限购|闪购|特价|促销/,
  ]),
];

/** Scandal-hit brands: talk about them with no purchase in it is a news or boycott post, not a review. */
const MALICIOUS_CONTEXT: readonly LexiconEntry[] = [...topics('malicious', 'boycott', 0.75, [/蒙牛|伊利|三鹿/])];

export const LEXICON: readonly LexiconEntry[] = [
  ...PRODUCT_QUALITY,
  ...NOT_AS_DESCRIBED,
  ...SIZE_FIT,
  ...PRICE_VALUE,
  ...LOGISTICS_DELAY,
  ...LOGISTICS_DAMAGE,
  ...SERVICE_ATTITUDE,
  ...REFUND_DISPUTE,
  ...PROMOTION_RULES,
  ...MALICIOUS_CONTEXT,
];
