// What a web page or a PDF puts around a plan's text: page furniture ("来源：", "点击数：", "分享到", "打印本页"),
// bylines and page numbers. Such a line is never part of a task; the draft lists it as left out, with why.

const DEBRIS: readonly [RegExp, string][] = [
  [/^(信息|文章|稿件)?来源[:：]/, '网页信息（来源）'],
  // Only as the page's own counter ("点击数：1234", "浏览次数:"), never "年访问量达到100万人次" in a task.
  [/^(点击数|点击量|点击率|浏览次数|浏览量|阅读次数|阅读量|访问量|访问次数)\s*[:：]|(点击数|浏览次数|阅读次数|访问次数)\s*[:：]\s*\d*\s*(次|人次)?\s*$/, '网页信息（点击数）'],
  [/分享到|打印本页|【\s*打印\s*】|关闭窗口|【\s*关闭\s*】|保存本页|收藏本页|返回顶部|加入收藏|打印此页|\[\s*打印\s*\]/, '网页按钮'],
  [/^(记者|通讯员|编辑|责任编辑|审核|校对|初审|复审|终审|供稿|作者)[:：\s]/, '署名'],
  [/^[\u4e00-\u9fff]{0,10}(记者|通讯员|实习生)\s*[\u4e00-\u9fff、\s]{2,12}$/, '署名'],
  [/^(发布时间|发布日期|更新时间|更新日期|索引号|主题分类|公开方式|公开范围|信息分类|发布机构|有效性|体裁分类|组配分类|主题词|统一编号)[:：]/, '网页信息'],
  [/^(字号|字体)[:：]|【\s*大\s*中\s*小\s*】|^\[?\s*大\s*中\s*小\s*\]?$/, '网页按钮'],
  [/^[—–\-－]\s*\d+\s*[—–\-－]$/, '页码'],
  [/^第\s*\d+\s*页(\s*[,，]?\s*共\s*\d+\s*页)?$/, '页码'],
  [/^\d+\s*\/\s*\d+$/, '页码'],
  [/^(上一篇|下一篇|上一条|下一条|相关阅读|相关链接|相关文章|扫一扫|微信扫一扫|手机扫一扫|相关附件)/, '网页导航'],
  [/^(首页|当前位置|您现在的位置|你的位置)\s*[>＞:：»]/, '网页导航'],
  // "主办单位：县委宣传部" under an item assigns it; a page footer names the site's 主办 and 承办 on one line.
  [/^(主办单位|主办)[:：].*(承办|技术支持|网站标识码|ICP)/, '网页页脚'],
  [/^(网站地图|联系我们|版权所有|技术支持|网站标识码|ICP备|[京湘粤浙苏鲁豫川渝冀晋辽吉黑皖闽赣鄂桂琼贵云藏陕甘青宁新蒙沪津]ICP备)/, '网页页脚'],
  [/^(【|\[)?(解读|图解|政策解读)(】|\])?[:：]?/, '网页链接'],
];

/** Why a line is page furniture rather than text of the plan, or null if it is text. */
export function debrisReason(line: string): string | null {
  for (const [re, why] of DEBRIS) if (re.test(line)) return why;
  return null;
}
