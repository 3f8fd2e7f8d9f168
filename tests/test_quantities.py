"""find_quantities: every numeral with its unit, qualifier and canonical value.

The contract is facts.md §1 (what is a fact) and §2 (value, unit, qualifier).
Positive cases list the quantities expected, in order, as
``(value, unit, measure, qualifier[, value_max])``; trap cases name a piece of
the sentence that is no fact and that no quantity may overlap. Texts go
through the normalizer first, as in the pipeline, so full-width digits,
traditional characters and wrapped numbers are read the way the pipeline reads
them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import pytest

from bulletinx.normalize import normalize
from bulletinx.quantities import find_quantities


@dataclass(frozen=True)
class Case:
    id: str
    text: str
    found: list = field(default_factory=list)


@dataclass(frozen=True)
class Trap:
    id: str
    text: str
    trap: str
    # Real quantities beside the trap: the filter must not take them with it.
    found: Optional[list] = None


def quantities(text: str):
    return find_quantities(normalize(text).text)


def _as_tuple(q):
    return (q.value, q.unit, q.measure, q.qualifier, q.value_max)


def _expected(row):
    # value_max is only spelled out for ranges; elsewhere it must be absent.
    return tuple(row) if len(row) == 5 else (*row, None)


# --------------------------------------------------------------------------
# Positive cases
# --------------------------------------------------------------------------

MONEY = [
    Case(id="yu-inside-wan-yuan", text="今年以来,市人社局为农民工追回被拖欠工资7154余万元。",
         found=[(71540000, "CNY", None, "at_least")]),
    Case(id="yi-yuan-decimal", text="全县完成固定资产投资2.62亿元。",
         found=[(262000000, "CNY", None, "exact")]),
    Case(id="yi-yuan-yishang", text="县财政统筹整合涉农资金1.2亿元以上用于农村公路提质改造。",
         found=[(120000000, "CNY", None, "at_least")]),
    Case(id="fine-yu-wan", text="执法大队对违规排污企业处以罚款60余万元。",
         found=[(600000, "CNY", None, "at_least")]),
    Case(id="plain-yuan", text="对符合条件的脱贫户每户发放产业奖补资金3000元。",
         found=[(3000, "CNY", None, "exact")]),
    Case(id="wan-yuan-decimal", text="民政部门向困难群众发放临时救助金86.5万元。",
         found=[(865000, "CNY", None, "exact")]),
    Case(id="wan-yi-yuan", text="全省地区生产总值首次突破1.35万亿元。",
         found=[(1.35e12, "CNY", None, "exact")]),
    Case(id="two-money-figures", text="全年完成税收收入4.7亿元,比上年增加5300万元。",
         found=[(470000000, "CNY", None, "exact"), (53000000, "CNY", None, "exact")]),
    Case(id="thousands-decimal-wan", text="兑付各类惠农补贴资金5,628.5万元,惠及农户3.2万户。",
         found=[(56285000, "CNY", None, "exact"), (32000, "count", "户", "exact")]),
    Case(id="thousands-yuan", text="医保基金统筹支付1,280,000元。",
         found=[(1280000, "CNY", None, "exact")]),
    Case(id="thousands-and-cents", text="退还多缴税款1,234,567.89元。",
         found=[(1234567.89, "CNY", None, "exact")]),
    Case(id="wan-yu-yuan", text="协调企业挽回经济损失180万余元。",
         found=[(1800000, "CNY", None, "at_least")]),
    Case(id="fund-of-one-yi", text="市政府设立1亿元乡村振兴产业引导基金。",
         found=[(100000000, "CNY", None, "exact")]),
    Case(id="income-per-head", text="农村居民人均可支配收入达到19856元。",
         found=[(19856, "CNY", None, "exact")]),
    Case(id="qian-wan-yuan", text="争取中央预算内投资3千万元。",
         found=[(30000000, "CNY", None, "exact")]),
    Case(id="party-dues", text="全县收缴党费34.8万元,全部按规定上缴。",
         found=[(348000, "CNY", None, "exact")]),
    Case(id="tax-cut", text="为市场主体新增减税降费及退税缓税8.6亿元。",
         found=[(860000000, "CNY", None, "exact")]),
    Case(id="loan-and-jobs", text="发放创业担保贷款3850万元,带动就业1200余人。",
         found=[(38500000, "CNY", None, "exact"), (1200, "count", "人", "at_least")]),
    Case(id="insurance-fund-recovered", text="专项检查追回医保基金326.7万元。",
         found=[(3267000, "CNY", None, "exact")]),
    Case(id="confiscation", text="累计罚没款逾2000万元。",
         found=[(20000000, "CNY", None, "at_least")]),
    Case(id="kuai-qian", text="群众反映每月多交了50块钱物业费。",
         found=[(50, "CNY", None, "exact")]),
    Case(id="foreign-currency-kept-apart", text="实现进出口总额1410.03万美元。",
         found=[(14100300, "USD", None, "exact")]),
    Case(id="bai-wan-yuan", text="每个示范村奖补5百万元。",
         found=[(5000000, "CNY", None, "exact")]),
    Case(id="contracted-capital", text="签约项目37个,签约资金186.5亿元。",
         found=[(37, "count", "个", "exact"), (18650000000, "CNY", None, "exact")]),
]

COUNTS = [
    Case(id="cases-and-suspects", text="全市公安机关共破获涉毒案件65起,抓获犯罪嫌疑人83名。",
         found=[(65, "count", "起", "exact"), (83, "count", "名", "exact")]),
    Case(id="detentions", text="依法刑事拘留97人,行政拘留142人。",
         found=[(97, "count", "人", "exact"), (142, "count", "人", "exact")]),
    Case(id="hazards", text="开展安全生产大检查,排查整改各类隐患1326处。",
         found=[(1326, "count", "处", "exact")]),
    Case(id="person-times", text="出动执法人员2300余人次,检查经营场所468家。",
         found=[(2300, "count", "人次", "at_least"), (468, "count", "家", "exact")]),
    Case(id="trucks", text="查处超限超载货车212台。",
         found=[(212, "count", "台", "exact")]),
    Case(id="leaflets-wan", text="发放防诈骗宣传资料1.2万份。",
         found=[(12000, "count", "份", "exact")]),
    Case(id="poppies", text="铲除非法种植罂粟3200株。",
         found=[(3200, "count", "株", "exact")]),
    Case(id="gangs", text="打掉电信网络诈骗犯罪团伙14个。",
         found=[(14, "count", "个", "exact")]),
    Case(id="complaints-and-closures", text="受理投诉举报线索536件,办结521件。",
         found=[(536, "count", "件", "exact"), (521, "count", "件", "exact")]),
    Case(id="training-issues", text="举办高素质农民培训班36期。",
         found=[(36, "count", "期", "exact")]),
    Case(id="joint-operations", text="开展联合执法行动48次。",
         found=[(48, "count", "次", "exact")]),
    Case(id="service-centres", text="新建村级综合服务中心23个。",
         found=[(23, "count", "个", "exact")]),
    Case(id="households", text="完成农村危房改造1580户。",
         found=[(1580, "count", "户", "exact")]),
    Case(id="jobs-wan-ren", text="全年城镇新增就业5.6万人。",
         found=[(56000, "count", "人", "exact")]),
    Case(id="licence-points", text="对该驾驶人处以罚款200元,记12分。",
         found=[(200, "CNY", None, "exact"), (12, "count", "分", "exact")]),
    Case(id="sessions", text="开设网络培训课堂86场次。",
         found=[(86, "count", "场次", "exact")]),
    Case(id="buses", text="更新新能源公交车120辆。",
         found=[(120, "count", "辆", "exact")]),
    Case(id="volunteer-teams", text="组建志愿服务队伍45支。",
         found=[(45, "count", "支", "exact")]),
    Case(id="rules-revised", text="修订完善内控制度12项。",
         found=[(12, "count", "项", "exact")]),
    Case(id="toilets", text="新建改建农村公厕30座。",
         found=[(30, "count", "座", "exact")]),
    Case(id="patients-wan-li", text="县人民医院全年救治危重患者1.3万例。",
         found=[(13000, "count", "例", "exact")]),
    Case(id="prosecutions", text="移送审查起诉56人。",
         found=[(56, "count", "人", "exact")]),
    Case(id="talks-yu-ren", text="约谈企业负责人30余人。",
         found=[(30, "count", "人", "at_least")]),
    Case(id="beneficiaries-wan-yu", text="项目惠及群众8.6万余人。",
         found=[(86000, "count", "人", "at_least")]),
    Case(id="visits-thousands", text="接待来访群众1,203人次。",
         found=[(1203, "count", "人次", "exact")]),
    Case(id="poultry-and-fry", text="全年出栏肉鸡86万羽,向水库投放鱼苗12万尾。",
         found=[(860000, "count", "羽", "exact"), (120000, "count", "尾", "exact")]),
    Case(id="rounds", text="今年开展常规巡察3轮次。", found=[(3, "count", "轮次", "exact")]),
    Case(id="counties-counted", text="强降雨造成9个市州63县(市、区)受灾。",
         found=[(9, "count", "个", "exact"), (63, "count", "县", "exact")]),
    Case(id="county-named", text="桃源县新建村级服务平台12个。", found=[(12, "count", "个", "exact")]),
    Case(id="unit-times", text="检查生产经营单位1850余家次,查处违法车辆1260台次,检查船舶36艘次。",
         found=[(1850, "count", "家次", "at_least"), (1260, "count", "台次", "exact"), (36, "count", "艘次", "exact")]),
    Case(id="item-times", text="抽检食品560件次,排查隐患86处次,组织巡逻150趟次。",
         found=[(560, "count", "件次", "exact"), (86, "count", "处次", "exact"), (150, "count", "趟次", "exact")]),
    Case(id="pigs-wan-tou", text="全县生猪出栏42.5万头。",
         found=[(425000, "count", "头", "exact")]),
    Case(id="wells", text="新打抗旱机井32口。",
         found=[(32, "count", "口", "exact")]),
    Case(id="schools", text="新建改扩建中小学校5所。",
         found=[(5, "count", "所", "exact")]),
    Case(id="fake-liquor", text="查获假冒白酒120瓶。",
         found=[(120, "count", "瓶", "exact")]),
    Case(id="vehicle-times-wan", text="检查过往车辆1.2万辆次。",
         found=[(12000, "count", "辆次", "exact")]),
    Case(id="study-hours", text="全体干部完成网络学习48学时。",
         found=[(48, "count", "学时", "exact")]),
    Case(id="new-cases-li", text="全县报告新增病例3例。",
         found=[(3, "count", "例", "exact")]),
    Case(id="arabic-one-counts", text="发现问题1个,已当场整改。",
         found=[(1, "count", "个", "exact")]),
]

PERCENT_AND_POINTS = [
    Case(id="yoy-percent", text="社会消费品零售总额同比增长35.8%。",
         found=[(35.8, "percent", None, "exact")]),
    Case(id="percentage-points", text="城镇登记失业率同比下降2.16个百分点。",
         found=[(2.16, "pp", None, "exact")]),
    Case(id="permille-points", text="森林火灾受害率较上年下降0.2个千分点。",
         found=[(0.2, "permille", None, "exact")]),
    Case(id="points-without-ge", text="增速较上年回落0.8百分点。",
         found=[(0.8, "pp", None, "exact")]),
    Case(id="hundred-percent", text="信访事项按期办结率达100%。",
         found=[(100, "percent", None, "exact")]),
    Case(id="percent-yishang", text="全县农村自来水普及率达50%以上。",
         found=[(50, "percent", None, "at_least")]),
    Case(id="percent-zuoyou", text="预计全年增长12%左右。",
         found=[(12, "percent", None, "approx")]),
    Case(id="percent-buzu", text="该镇耕地抛荒率已降至不足5%。",
         found=[(5, "percent", None, "at_most")]),
    Case(id="percent-chaoguo", text="科技进步贡献率超过60%。",
         found=[(60, "percent", None, "at_least")]),
    Case(id="respectively-two-shares", text="工业和服务业增加值分别占全县生产总值的38.5%和52.1%。",
         found=[(38.5, "percent", None, "exact"), (52.1, "percent", None, "exact")]),
    Case(id="share-and-points", text="占比为23.4%,提高1.5个百分点。",
         found=[(23.4, "percent", None, "exact"), (1.5, "pp", None, "exact")]),
    Case(id="over-hundred-percent", text="年度计划完成率为110.5%。",
         found=[(110.5, "percent", None, "exact")]),
    Case(id="narrowed-points", text="降幅较前三季度收窄5.3个百分点。",
         found=[(5.3, "pp", None, "exact")]),
    Case(id="percent-and-count", text="空气质量优良天数比例为92.3%,优良天数达到337天。",
         found=[(92.3, "percent", None, "exact"), (337, "day", None, "exact")]),
    Case(id="arabic-cheng", text="线上办理事项占比超过8成。",
         found=[(80, "percent", None, "at_least")]),
]

CHINESE_NUMERALS = [
    Case(id="qian-yu-ming", text="全市组织三千余名党员干部下沉社区。",
         found=[(3000, "count", "名", "at_least")]),
    Case(id="bai-er-shi-chang", text="开展“送法进万家”宣讲活动一百二十场。",
         found=[(120, "count", "场", "exact")]),
    Case(id="liang-wan-yu-ren", text="宣传覆盖基层群众两万余人。",
         found=[(20000, "count", "人", "at_least")]),
    Case(id="wu-qian-fen", text="印发宣传册五千份。",
         found=[(5000, "count", "份", "exact")]),
    Case(id="shi-er-ge", text="工作组走访了全县十二个乡镇。",
         found=[(12, "count", "个", "exact")]),
    Case(id="san-cheng", text="农产品加工转化率提高了三成。",
         found=[(30, "percent", None, "exact")]),
    Case(id="liang-cheng", text="审批时间平均压缩两成。",
         found=[(20, "percent", None, "exact")]),
    Case(id="jin-qi-cheng", text="近七成的行政许可事项实现“一网通办”。",
         found=[(70, "percent", None, "approx")]),
    Case(id="qi-cheng-yishang", text="七成以上的村实现集体经济收入。",
         found=[(70, "percent", None, "at_least")]),
    Case(id="baifenzhi-decimal", text="群众安全感满意度达到百分之三十五点八。",
         found=[(35.8, "percent", None, "exact")]),
    Case(id="baifenzhi-yishang", text="群众满意度保持在百分之九十五以上。",
         found=[(95, "percent", None, "at_least")]),
    Case(id="baifenzhi-bai", text="村级公共服务中心实现百分之百全覆盖。",
         found=[(100, "percent", None, "exact")]),
    Case(id="clinics", text="新建标准化村卫生室二十八所。",
         found=[(28, "count", "所", "exact")]),
    Case(id="projects-shi-wu", text="集中签约重点项目十五个。",
         found=[(15, "count", "个", "exact")]),
    Case(id="san-qian-wu-bai-wan-yuan", text="县财政筹集资金三千五百万元。",
         found=[(35000000, "CNY", None, "exact")]),
    Case(id="liang-bai-yu-ming", text="两百余名志愿者参与清扫行动。",
         found=[(200, "count", "名", "at_least")]),
    Case(id="duo-after-section", text="帮助一千二百多户脱贫户发展产业。",
         found=[(1200, "count", "户", "at_least")]),
    Case(id="wan-wu-qian", text="共吸引一万五千人次参与。",
         found=[(15000, "count", "人次", "exact")]),
    Case(id="shi-yu-ren", text="抽调骨干十余人组成专班。",
         found=[(10, "count", "人", "at_least")]),
    Case(id="bai-yu-ren", text="组织百余人开展应急演练。",
         found=[(100, "count", "人", "at_least")]),
    Case(id="qian-yu-ming-alone", text="动员千余名群众参与河道清淤。",
         found=[(1000, "count", "名", "at_least")]),
    Case(id="small-chinese-count", text="当场抓获犯罪嫌疑人三名。",
         found=[(3, "count", "名", "exact")]),
    Case(id="financial-form", text="收到捐赠款壹万伍仟贰佰伍拾元。",
         found=[(15250, "CNY", None, "exact")]),
    Case(id="liang-yi-yuan", text="撬动社会资本投入两亿元。",
         found=[(200000000, "CNY", None, "exact")]),
    Case(id="chinese-decimal-wan-yuan", text="帮助企业融资三点五万元。",
         found=[(35000, "CNY", None, "exact")]),
]

QUALIFIERS = [
    Case(id="yu", text="出动警力500余人次开展清查。",
         found=[(500, "count", "人次", "at_least")]),
    Case(id="duo", text="培训农村实用人才200多人。",
         found=[(200, "count", "人", "at_least")]),
    Case(id="wan-duo", text="吸引游客3万多人次。",
         found=[(30000, "count", "人次", "at_least")]),
    Case(id="wan-yu-ren", text="累计服务群众3万余人。",
         found=[(30000, "count", "人", "at_least")]),
    Case(id="yishang", text="新增投资5000万元,带动就业300人以上。",
         found=[(50000000, "CNY", None, "exact"), (300, "count", "人", "at_least")]),
    # A threshold describing a class of things is no figure: 亿元以上项目, 35座以上客车.
    Case(id="yishang-describes-a-class", text="新增投资5000万元以上项目12个,淘汰35座以上客车3台。",
         found=[(12, "count", "个", "exact"), (3, "count", "台", "exact")]),
    # Time told in a story is no figure; a time limit is.
    Case(id="days-after", text="管道接通后,仅用8天后即恢复供气,三个月前已完成审批。", found=[]),
    Case(id="days-limit", text="办理时限由20个工作日压缩至5个工作日。",
         found=[(20, "day", None, "exact"), (5, "day", None, "exact")]),
    Case(id="yishang-the-class-counted", text="新开工亿元以上重大项目36个。",
         found=[(36, "count", "个", "exact")]),
    Case(id="chaoguo", text="全年接待游客超过2000万人次。",
         found=[(20000000, "count", "人次", "at_least")]),
    Case(id="chao", text="惠及脱贫户超3000户。",
         found=[(3000, "count", "户", "at_least")]),
    Case(id="yu-prefix", text="全县逾1.6万人报名参加技能培训。",
         found=[(16000, "count", "人", "at_least")]),
    Case(id="yue", text="追讨欠薪约120万元。",
         found=[(1200000, "CNY", None, "approx")]),
    Case(id="jin", text="挽回群众经济损失近800万元。",
         found=[(8000000, "CNY", None, "approx")]),
    Case(id="zuoyou", text="每批次参训人员控制在50人左右。",
         found=[(50, "count", "人", "approx")]),
    Case(id="shangxia", text="单个项目投资额在50万元上下。",
         found=[(500000, "CNY", None, "approx")]),
    Case(id="dayue", text="大约300名群众自发参与。",
         found=[(300, "count", "名", "approx")]),
    Case(id="jiangjin", text="全县将近1.2万户完成改厕。",
         found=[(12000, "count", "户", "approx")]),
    Case(id="buzu", text="实际到位资金不足3000万元。",
         found=[(30000000, "CNY", None, "at_most")]),
    Case(id="budao", text="该村常住人口不到800人。",
         found=[(800, "count", "人", "at_most")]),
    Case(id="yixia", text="对5万元以下的小额案件实行简易程序。",
         found=[(50000, "CNY", None, "at_most")]),
    Case(id="yinei", text="企业开办时间压缩至3天以内。",
         found=[(3, "day", None, "at_most")]),
    Case(id="zhishao", text="每个村配备网格员至少2名。",
         found=[(2, "count", "名", "at_least")]),
    Case(id="bushaoyu", text="每年开展应急演练不少于4次。",
         found=[(4, "count", "次", "at_least")]),
    Case(id="budiyu", text="粮食播种面积不低于86万亩。",
         found=[(860000, "mu", None, "at_least")]),
    Case(id="buchaoguo", text="单户补助不超过1万元。",
         found=[(10000, "CNY", None, "at_most")]),
    Case(id="yu-ahead-of-wan-yuan", text="为群众挽回损失7154余万元。",
         found=[(71540000, "CNY", None, "at_least")]),
    Case(id="yu-and-yishang-both", text="带动周边群众增收200余万元以上。",
         found=[(2000000, "CNY", None, "at_least")]),
    Case(id="jin-before-bare-qian", text="近千名党员干部参与防汛值守。",
         found=[(1000, "count", "名", "approx")]),
    Case(id="yu-before-bare-wan", text="受益群众逾万人。",
         found=[(10000, "count", "人", "at_least")]),
    Case(id="yu-before-bare-bai", text="帮扶逾百家中小微企业纾困解难。",
         found=[(100, "count", "家", "at_least")]),
    Case(id="shang-only-before-round-numbers", text="每户可获得建房补贴5000元,再加上3000元奖励。",
         found=[(5000, "CNY", None, "exact"), (3000, "CNY", None, "exact")]),
    Case(id="duo-of-next-word", text="县应急管理局抽调专家15人多次深入企业开展指导。",
         found=[(15, "count", "人", "exact")]),
]

RANGES = [
    Case(id="percent-to-percent", text="各县市区增幅在41.65%至303.53%之间。",
         found=[(41.65, "percent", None, "at_least", 303.53)]),
    Case(id="bare-low-end", text="每个网格配备3至5人。",
         found=[(3, "count", "人", "at_least", 5)]),
    Case(id="low-end-borrows-wan", text="对个人给予5~10万元奖励。",
         found=[(50000, "CNY", None, "at_least", 100000)]),
    Case(id="tilde", text="每亩补贴200~300元。",
         found=[(200, "CNY", None, "at_least", 300)]),
    Case(id="em-dash", text="每场培训2000—3000人。",
         found=[(2000, "count", "人", "at_least", 3000)]),
    Case(id="dao", text="维修工期一般为10到15天。",
         found=[(10, "day", None, "at_least", 15)]),
    Case(id="both-ends-wan", text="中标价格在8万至10万元之间。",
         found=[(80000, "CNY", None, "at_least", 100000)]),
    Case(id="both-ends-yi", text="年产值预计1.5亿至2亿元。",
         found=[(150000000, "CNY", None, "at_least", 200000000)]),
    Case(id="percent-hyphen", text="综合能耗下降15%-20%。",
         found=[(15, "percent", None, "at_least", 20)]),
    Case(id="hyphen-between-digits", text="对个人给予5-10万元奖励。",
         found=[(50000, "CNY", None, "at_least", 100000)]),
    Case(id="from-to-is-no-range", text="办理时限由20天压缩至5天。",
         found=[(20, "day", None, "exact"), (5, "day", None, "exact")]),
    Case(id="percent-rises-to", text="森林覆盖率从58.2%提高至59.6%。",
         found=[(58.2, "percent", None, "exact"), (59.6, "percent", None, "exact")]),
    Case(id="decrease-to-fewer", text="会议数量由12个减少至8个。",
         found=[(12, "count", "个", "exact"), (8, "count", "个", "exact")]),
]

GLUED_COUNTS = [
    Case(id="cases-then-people", text="全年追责问责1186起1829人。",
         found=[(1186, "count", "起", "exact"), (1829, "count", "人", "exact")]),
    Case(id="pieces-then-people", text="立案审查调查45件52人。",
         found=[(45, "count", "件", "exact"), (52, "count", "人", "exact")]),
    Case(id="cases-people-with-comma", text="查处违规公款吃喝问题23起,处理31人。",
         found=[(23, "count", "起", "exact"), (31, "count", "人", "exact")]),
    Case(id="found-and-fixed", text="发现问题83个整改76个。",
         found=[(83, "count", "个", "exact"), (76, "count", "个", "exact")]),
    Case(id="cases-and-suspects-unseparated", text="破获案件8起抓获嫌疑人11名。",
         found=[(8, "count", "起", "exact"), (11, "count", "名", "exact")]),
    Case(id="households-and-people", text="搬迁安置312户1087人。",
         found=[(312, "count", "户", "exact"), (1087, "count", "人", "exact")]),
]

COMPOSITE_UNITS = [
    Case(id="wan-ton-per-year", text="项目建成后可形成年产能40万吨/年。",
         found=[(400000, "t/yr", None, "exact")]),
    Case(id="ton-per-year", text="新建一条处理能力5000吨/年的生产线。",
         found=[(5000, "t/yr", None, "exact")]),
    Case(id="tax-per-mu-is-money-here", text="园区亩均税收30万元。",
         found=[(300000, "CNY", None, "exact")]),
    Case(id="yuan-per-mu", text="土地流转租金为800元/亩。",
         found=[(800, "CNY/mu", None, "exact")]),
    Case(id="wan-yuan-per-mu", text="工业用地出让价格25万元/亩。",
         found=[(250000, "CNY/mu", None, "exact")]),
    Case(id="square-km", text="新增城市绿地面积12.6平方公里。",
         found=[(12.6, "km2", None, "exact")]),
    Case(id="wan-square-metre", text="改造老旧小区住房面积36.8万平方米。",
         found=[(368000, "m2", None, "exact")]),
    Case(id="ping-mi", text="新建农贸市场1200平米。",
         found=[(1200, "m2", None, "exact")]),
    Case(id="wan-mu", text="建成高标准农田5.2万亩。",
         found=[(52000, "mu", None, "exact")]),
    Case(id="mu", text="复垦撂荒耕地860亩。",
         found=[(860, "mu", None, "exact")]),
    Case(id="hectare", text="完成人工造林1200公顷。",
         found=[(1200, "ha", None, "exact")]),
    Case(id="wan-ton", text="全县粮食总产量达到58.3万吨。",
         found=[(583000, "t", None, "exact")]),
    Case(id="km", text="改造老旧燃气管网15.1公里。",
         found=[(15.1, "km", None, "exact")]),
    Case(id="qian-mi-is-km", text="新建农村道路3.5千米。",
         found=[(3.5, "km", None, "exact")]),
    Case(id="metre", text="清理河道淤泥沟渠800米。",
         found=[(800, "m", None, "exact")]),
    Case(id="kg", text="缴获冰毒2.3公斤。",
         found=[(2.3, "kg", None, "exact")]),
    Case(id="qian-ke-is-kg", text="查扣过期食品45千克。",
         found=[(45, "kg", None, "exact")]),
    Case(id="gram", text="现场查获海洛因150克。",
         found=[(150, "g", None, "exact")]),
    Case(id="jin-is-half-kg", text="每亩增产稻谷100斤。",
         found=[(50, "kg", None, "exact")]),
    Case(id="working-days", text="不动产登记办理时限压缩至5个工作日。",
         found=[(5, "day", None, "exact")]),
    Case(id="days", text="比计划工期提前15天完工。",
         found=[(15, "day", None, "exact")]),
    Case(id="months", text="项目建设周期缩短3个月。",
         found=[(3, "month", None, "exact")]),
    Case(id="hours", text="抢修队伍连续作业72小时。",
         found=[(72, "hour", None, "exact")]),
    Case(id="ge-yue-is-not-ge", text="连续12个月保持零事故。",
         found=[(12, "month", None, "exact")]),
    Case(id="emission-cut-wan-ton", text="化学需氧量排放量削减1.2万吨。",
         found=[(12000, "t", None, "exact")]),
    Case(id="road-km-chinese", text="完成农村公路提质改造一百二十公里。",
         found=[(120, "km", None, "exact")]),
]

FULL_WIDTH = [
    Case(id="digits", text="抓获犯罪嫌疑人１２３人。",
         found=[(123, "count", "人", "exact")]),
    Case(id="digits-yu-wan", text="处以罚款６０余万元。",
         found=[(600000, "CNY", None, "at_least")]),
    Case(id="decimal-point-and-percent", text="同比增长１２．５％。",
         found=[(12.5, "percent", None, "exact")]),
    Case(id="percentage-points", text="同比下降２．１６个百分点。",
         found=[(2.16, "pp", None, "exact")]),
    Case(id="in-full-width-brackets", text="完成投资（１．２亿元）。",
         found=[(120000000, "CNY", None, "exact")]),
    Case(id="full-width-range-tilde", text="每人奖励２０００～５０００元。",
         found=[(2000, "CNY", None, "at_least", 5000)]),
    Case(id="traditional-counts", text="衡陽縣公安局破獲毒品案件12起,抓獲嫌疑人15名。",
         found=[(12, "count", "起", "exact"), (15, "count", "名", "exact")]),
    Case(id="traditional-wan-yu", text="對違法企業罰款3萬餘元。",
         found=[(30000, "CNY", None, "at_least")]),
    Case(id="traditional-percentage-points", text="失業率下降0.5個百分點。",
         found=[(0.5, "pp", None, "exact")]),
    Case(id="traditional-enterprises", text="檢查企業120家,發現隱患86處。",
         found=[(120, "count", "家", "exact"), (86, "count", "处", "exact")]),
    Case(id="traditional-yi-yuan", text="完成投資2.5億元。",
         found=[(250000000, "CNY", None, "exact")]),
    Case(id="ideographic-space", text="新增就业　1200人。",
         found=[(1200, "count", "人", "exact")]),
]

LINE_WRAPS = [
    Case(id="thousands-split", text="追回拖欠工资１\n080元,",
         found=[(1080, "CNY", None, "exact")]),
    Case(id="hazards-split", text="共排查整治隐患2\n356处,",
         found=[(2356, "count", "处", "exact")]),
    Case(id="percent-split", text="同比增长1\n2.5%,",
         found=[(12.5, "percent", None, "exact")]),
    Case(id="suspects-split", text="抓获犯罪嫌疑人1\n23名。",
         found=[(123, "count", "名", "exact")]),
    Case(id="spaces-around-break", text="完成造林面积3 \n 600亩。",
         found=[(3600, "mu", None, "exact")]),
    Case(id="two-splits", text="追回工资1\n080元,罚款2\n500元。",
         found=[(1080, "CNY", None, "exact"), (2500, "CNY", None, "exact")]),
    # A line holding only a page number is no running text: nothing was cut.
    Case(id="page-number-line-not-joined", text="7\n12名民警参与现场处置。",
         found=[(12, "count", "名", "exact")]),
    Case(id="figure-ends-line", text="查处违法行为36起\n12月起开展专项整治",
         found=[(36, "count", "起", "exact")]),
    Case(id="decimal-point-ends-line", text="完成固定资产投资3.\n5亿元。",
         found=[(350000000, "CNY", None, "exact")]),
    Case(id="decimal-point-starts-line", text="完成固定资产投资12\n.5亿元。",
         found=[(1250000000, "CNY", None, "exact")]),
]

THOUSANDS_VS_SENTENCE_COMMA = [
    Case(id="three-groups", text="全国共破获各类刑事案件1,603,169起。",
         found=[(1603169, "count", "起", "exact")]),
    Case(id="count-then-comma", text="受理投诉40件,处理38件。",
         found=[(40, "count", "件", "exact"), (38, "count", "件", "exact")]),
    Case(id="bare-number-then-comma", text="全年立案40,处理党员干部26人。",
         found=[(26, "count", "人", "exact")]),
    Case(id="two-digits-after-comma", text="检查企业12,45家存在问题。",
         found=[(45, "count", "家", "exact")]),
    Case(id="four-digits-after-comma", text="下达整改通知书56,1203份已全部送达。",
         found=[(1203, "count", "份", "exact")]),
    Case(id="one-group-count", text="检查各类企业12,320家。",
         found=[(12320, "count", "家", "exact")]),
    Case(id="round-money", text="投入专项资金120,000元。",
         found=[(120000, "CNY", None, "exact")]),
    Case(id="percent-after-comma", text="分别增长5,6个百分点。",
         found=[(6, "pp", None, "exact")]),
    Case(id="full-width-comma-is-a-sentence-comma", text="全年共查处违法行为56，125家企业完成整改。",
         found=[(125, "count", "家", "exact")]),
]

GROWTH_MULTIPLES = [
    Case(id="growth-times", text="全市网上零售额较上年增长1.5倍。",
         found=[(1.5, "times", None, "exact")]),
    Case(id="growth-times-list", text="两项收入分别增长2倍、3.5倍。",
         found=[(2, "times", None, "exact"), (3.5, "times", None, "exact")]),
]

# People counted in tens of thousands, the noun standing for the measure word.
PEOPLE_BY_NOUN = [
    Case(id="poor-population", text="易地扶贫搬迁工程使1.8万贫困人口稳定脱贫。",
         found=[(18000, "count", "人", "exact")]),
    Case(id="masses-yu", text="文化惠民工程惠及3万余群众。",
         found=[(30000, "count", "人", "at_least")]),
    Case(id="chinese-wan-farmers", text="产业园带动两万农民增收。",
         found=[(20000, "count", "人", "exact")]),
    Case(id="residents", text="改造后的供水管网覆盖12.5万居民。",
         found=[(125000, "count", "人", "exact")]),
    # With its measure word the count ends there, as always.
    Case(id="measure-word-wins", text="全县2.3万人口中,外出务工2万余名农民工。",
         found=[(23000, "count", "人", "exact"), (20000, "count", "名", "at_least")]),
    # No magnitude: a bare small number before a noun is no count.
    Case(id="no-wan-no-count", text="3群众代表发言。", found=[]),
]

POSITIVE = dict(
    MONEY=MONEY, COUNTS=COUNTS, PERCENT_AND_POINTS=PERCENT_AND_POINTS,
    CHINESE_NUMERALS=CHINESE_NUMERALS, QUALIFIERS=QUALIFIERS, RANGES=RANGES,
    GLUED_COUNTS=GLUED_COUNTS, COMPOSITE_UNITS=COMPOSITE_UNITS, FULL_WIDTH=FULL_WIDTH,
    LINE_WRAPS=LINE_WRAPS, THOUSANDS_VS_SENTENCE_COMMA=THOUSANDS_VS_SENTENCE_COMMA,
    GROWTH_MULTIPLES=GROWTH_MULTIPLES, PEOPLE_BY_NOUN=PEOPLE_BY_NOUN,
)


# --------------------------------------------------------------------------
# Traps: numerals that are no fact (facts.md §1)
# --------------------------------------------------------------------------

TRAPS_DATES = [
    Trap(id="year", text="2022年,全县破获刑事案件65起。", trap="2022年",
         found=[(65, "count", "起", "exact")]),
    Trap(id="full-date", text="12月1日,县公安局开展集中清查行动。", trap="12月1日"),
    Trap(id="date-then-qi", text="本办法自2023年1月1日起施行。", trap="1日起"),
    Trap(id="month-period", text="1—11月,全市规模工业增加值同比增长8.1%。", trap="1—11月",
         found=[(8.1, "percent", None, "exact")]),
    Trap(id="month-period-hyphen", text="1-10月份全县新增市场主体3126户。", trap="1-10月份",
         found=[(3126, "count", "户", "exact")]),
    Trap(id="month-period-zhi", text="1至11月共接报警情4.2万起。", trap="1至11月",
         found=[(42000, "count", "起", "exact")]),
    Trap(id="as-of-month-end", text="截至11月底,已发放补贴资金2.3亿元。", trap="11月底",
         found=[(230000000, "CNY", None, "exact")]),
    Trap(id="this-year-month", text="今年5月,该县启动农村人居环境整治。", trap="5月"),
    Trap(id="year-range", text="2021—2023年累计建成5G基站860个。", trap="2021—2023年",
         found=[(860, "count", "个", "exact")]),
    Trap(id="day-range", text="5月10日至20日开展集中宣传活动12场。", trap="10日至20日",
         found=[(12, "count", "场", "exact")]),
    Trap(id="date-to-date", text="7月1日—9月30日开展夏季治安打击整治行动。", trap="7月1日—9月30日"),
    Trap(id="year-digitwise", text="二〇二二年十二月五日", trap="二〇二二年十二月五日"),
    Trap(id="quarters", text="前三季度全县实现生产总值312.6亿元。", trap="三季度",
         found=[(31260000000, "CNY", None, "exact")]),
    Trap(id="dotted-date", text="2022.12.05  来源:县融媒体中心", trap="2022.12.05"),
    Trap(id="memorial-day", text="围绕“3·15”国际消费者权益日开展宣传。", trap="3·15"),
    Trap(id="memorial-day-unquoted", text="12·2全国交通安全日活动中发放资料3000份。", trap="12·2",
         found=[(3000, "count", "份", "exact")]),
]

TRAPS_CLOCK_TIMES = [
    Trap(id="hour-minute", text="10时30分,民警在该小区将嫌疑人抓获。", trap="10时30分"),
    Trap(id="dian-fen", text="当晚8点30分,救援队伍抵达现场。", trap="8点30分"),
    Trap(id="colon-fen", text="会议于14:30分召开。", trap="14:30分"),
    Trap(id="shi-xu", text="凌晨3时许,接到群众报警。", trap="3时许"),
    Trap(id="shi-fen-zhongyao", text="做好冬季安全生产工作十分重要。", trap="十分"),
    Trap(id="shi-fen-yanjun", text="当前防疫形势依然十分严峻。", trap="十分"),
]

TRAPS_ORDINALS = [
    Trap(id="di-ci", text="县委常委会召开第3次会议研究部署安全生产工作。", trap="第3次"),
    Trap(id="di-jie", text="第十三届全国人民代表大会代表到村调研。", trap="第十三届"),
    Trap(id="di-pi", text="入选第一批全国乡村治理示范村。", trap="第一批"),
    Trap(id="di-wei", text="营商环境评价位列全省第23位。", trap="第23位"),
    Trap(id="di-nian", text="这是该县连续第3年获评平安县。", trap="第3年"),
    Trap(id="di-tiao", text="依据《安全生产法》第三十一条规定。", trap="第三十一条"),
    Trap(id="di-ming", text="在全市技能大赛中获得第2名。", trap="第2名"),
    Trap(id="di-ge", text="这是今年第5个开工的重大项目。", trap="第5个"),
    Trap(id="di-qi", text="举办第12期党员发展对象培训班。", trap="第12期"),
    Trap(id="di-chang", text="第二场招聘会吸引求职者800余人。", trap="第二场",
         found=[(800, "count", "人", "at_least")]),
    Trap(id="fine-multiple", text="对该企业处以违法所得5倍罚款。", trap="5倍"),
]

TRAPS_LIST_MARKERS = [
    Trap(id="yi-dun", text="一、坚持问题导向,聚焦群众急难愁盼。", trap="一、"),
    Trap(id="paren-er", text="(二)强化源头管控", trap="(二)"),
    Trap(id="full-width-paren", text="（三）压实属地责任", trap="（三）"),
    Trap(id="arabic-dot", text="3.加强宣传引导,营造良好氛围。", trap="3."),
    Trap(id="paren-arabic", text="(1)排查整治重点场所", trap="(1)"),
    Trap(id="circled", text="①建立台账 ②限期整改", trap="①"),
    Trap(id="yi-shi", text="一是开展拉网式排查,排查企业230家。", trap="一是",
         found=[(230, "count", "家", "exact")]),
]

TRAPS_SLOGANS = [
    Trap(id="wu-hao-quoted", text="深入开展“五好”党支部创建活动。", trap="“五好”"),
    Trap(id="yi-qi-yi-ce", text="对重点企业实行一企一策精准帮扶。", trap="一企一策"),
    Trap(id="san-fang-san-zhi-san-hua", text="扎实推进三防、三治、三化工作。", trap="三防、三治、三化"),
    Trap(id="san-fang-unbroken", text="推行三防三治三化管理模式。", trap="三防三治三化"),
    Trap(id="zuiduo-pao-yi-ci", text="深化“最多跑一次”改革。", trap="最多跑一次"),
    Trap(id="zuiduo-pao-yi-ci-unquoted", text="政务服务实现最多跑一次。", trap="最多跑一次"),
    Trap(id="ershi-da", text="认真学习宣传贯彻党的二十大精神。", trap="二十大"),
    Trap(id="bai-dun-wang", text="严厉打击“百吨王”等严重超限超载车辆。", trap="“百吨王”"),
    Trap(id="zuihou-yi-gongli", text="打通服务群众“最后一公里”。", trap="“最后一公里”"),
    Trap(id="si-bu-liang-zhi", text="采取四不两直方式开展明查暗访。", trap="四不两直"),
    Trap(id="san-ju-ban", text="文艺队编排三句半、快板等节目。", trap="三句半"),
    Trap(id="quoted-standard", text="严格落实“3360”标准。", trap="“3360”"),
    Trap(id="quoted-standard-with-measure", text="推行“5个100%”工作标准。", trap="“5个100%”"),
    Trap(id="yi-ci-xing", text="给予一次性奖励。", trap="一次性"),
    Trap(id="liang-ge-queli", text="深刻领悟“两个确立”的决定性意义。", trap="两个确立"),
    Trap(id="shisiwu", text="“十四五”规划确定的目标任务。", trap="十四五"),
    Trap(id="yi-cheng-bu-bian", text="防疫措施并非一成不变。", trap="一成"),
    Trap(id="qian-ren-jihua", text="入选省“百人计划”的专家。", trap="百人"),
    Trap(id="yi-ba-shou", text="压实党政一把手第一责任。", trap="一把手"),
    Trap(id="yi-jian-shi", text="推进“一件事一次办”改革。", trap="一件事一次办"),
    Trap(id="liang-bu-chou", text="巩固“两不愁三保障”成果。", trap="两不愁三保障"),
    Trap(id="san-zhi-yi-fu-quoted", text="招募“三支一扶”人员。", trap="“三支一扶”"),
    Trap(id="wu-wei-yi-ti-quoted", text="统筹推进“五位一体”总体布局。", trap="“五位一体”"),
    Trap(id="shuang-shi-jia", text="评选表彰“十佳”网格员。", trap="“十佳”"),
    Trap(id="bai-ri-gongjian", text="开展百日攻坚行动,查处违法建筑126处。", trap="百日",
         found=[(126, "count", "处", "exact")]),
    Trap(id="vague-shu-shi", text="数十名群众围观。", trap="数十名"),
    Trap(id="vague-ji-bai", text="几百户居民受到影响。", trap="几百户"),
    Trap(id="vague-ruogan", text="出台若干条措施。", trap="若干条"),
    Trap(id="cheng-qian", text="成千名志愿者投入抗洪。", trap="成千名"),
    Trap(id="wu-hu-si-hai", text="欢迎五湖四海的客商来此投资。", trap="五湖四海"),
    Trap(id="liang-ge-weihu-unquoted", text="坚决做到两个维护。", trap="两个维护"),
    Trap(id="si-ge-yishi", text="增强四个意识、坚定四个自信。", trap="四个意识"),
    Trap(id="zuihou-yi-gongli-unquoted", text="着力打通服务群众最后一公里。", trap="一公里"),
    Trap(id="ba-xiang-guiding", text="严格落实中央八项规定精神。", trap="八项"),
    Trap(id="wu-wei-yi-ti-unquoted", text="统筹推进五位一体总体布局。", trap="五位"),
    Trap(id="san-zhi-yi-fu-unquoted", text="今年招募三支一扶人员45名。", trap="三支",
         found=[(45, "count", "名", "exact")]),
]

TRAPS_PLACE_NAMES = [
    Trap(id="qian-shan-hong-zhen", text="沅江市千山红镇组织干部清理沟渠。", trap="千山红镇"),
    Trap(id="hu-qi-2-hao", text="“护旗2号”专项行动中查获违禁品36件。", trap="护旗2号",
         found=[(36, "count", "件", "exact")]),
    Trap(id="hu-qi-2-hao-unquoted", text="护旗2号行动中共出动警力260人次。", trap="护旗2号",
         found=[(260, "count", "人次", "exact")]),
    Trap(id="qian-mu", text="千亩茶园迎来采摘季。", trap="千亩"),
    Trap(id="wan-jia-li", text="万家丽路沿线完成立面改造。", trap="万家丽"),
    Trap(id="shi-ba-dong", text="十八洞村游客接待中心投入使用。", trap="十八洞村"),
    Trap(id="wu-li-pai", text="五里牌街道开展消防演练。", trap="五里牌"),
    Trap(id="san-tai-xian", text="三台县应急管理局开展防汛检查。", trap="三台县"),
    Trap(id="qi-tai-he", text="七台河市召开安全生产调度会。", trap="七台河"),
    Trap(id="wu-jia-qu", text="五家渠市组织开展消防安全检查。", trap="五家渠"),
]

TRAPS_TITLES_CODES_PHONES = [
    Trap(id="year-in-title", text="印发《2022年全县安全生产工作要点》。", trap="《2022年全县安全生产工作要点》"),
    Trap(id="count-in-title", text="制定《全市新建5000个公共停车位实施方案》。", trap="5000个"),
    Trap(id="money-in-title", text="出台《关于设立10亿元产业基金的实施意见》。", trap="10亿元"),
    Trap(id="percent-in-title", text="转发《关于确保农民工工资支付率100%的通知》。", trap="100%"),
    Trap(id="title-then-fact", text="按照《2022年农村公路建设三年行动方案》,完成改造58公里。",
         trap="《2022年农村公路建设三年行动方案》", found=[(58, "km", None, "exact")]),
    Trap(id="edition", text="湖南日报 2022年12月5日 7版", trap="7版"),
    Trap(id="edition-di", text="详见本报第7版。", trap="第7版"),
    Trap(id="phone-hotline", text="举报电话:0730-8812345。", trap="0730-8812345"),
    Trap(id="phone-then-count", text="12345政务服务便民热线受理群众诉求8.6万件。", trap="12345",
         found=[(86000, "count", "件", "exact")]),
    Trap(id="mobile", text="联系人:李先生,手机13807301234。", trap="13807301234"),
    Trap(id="postcode", text="邮编:414000", trap="414000"),
    Trap(id="doc-number", text="根据湘政办发〔2022〕35号文件精神。", trap="〔2022〕35号"),
    Trap(id="highway-code", text="G4京港澳高速岳阳段完成扩容。", trap="G4"),
    Trap(id="provincial-road", text="S308线路面改造全面完工。", trap="S308"),
    Trap(id="train-number", text="K9063次列车恢复开行。", trap="K9063次"),
    Trap(id="5g-then-count", text="建成5G基站320个。", trap="5G", found=[(320, "count", "个", "exact")]),
    Trap(id="pm25", text="PM2.5平均浓度为32微克/立方米。", trap="PM2.5"),
    Trap(id="click-count", text="点击量:485", trap="485"),
    Trap(id="click-count-with-measure", text="点击量:485次", trap="485次"),
    Trap(id="reading-count", text="阅读量:2367次", trap="2367次"),
    Trap(id="number-code", text="编号:2022035号", trap="2022035"),
    Trap(id="credit-code", text="统一社会信用代码:91430600MA4L3X2K7B", trap="91430600MA4L3X2K7B"),
    Trap(id="plate-number", text="民警对湘F12345小型轿车依法查处。", trap="F12345"),
    Trap(id="section-number", text="执行标准GB 2762-2022。", trap="2762-2022"),
    Trap(id="view-count-in-words", text="浏览次数:1203次", trap="1203次"),
    Trap(id="street-address", text="嫌疑人住某小区3栋2单元。", trap="3栋2单元"),
]

TRAPS_FINE_RATES = [
    Trap(id="fine-rate", text="对违法企业处以违法所得5倍罚款。", trap="5倍"),
    Trap(id="fine-rate-at-most", text="处货值金额3倍以下罚款。", trap="3倍以下"),
]

TRAPS = dict(
    TRAPS_DATES=TRAPS_DATES, TRAPS_CLOCK_TIMES=TRAPS_CLOCK_TIMES, TRAPS_ORDINALS=TRAPS_ORDINALS,
    TRAPS_LIST_MARKERS=TRAPS_LIST_MARKERS, TRAPS_SLOGANS=TRAPS_SLOGANS,
    TRAPS_PLACE_NAMES=TRAPS_PLACE_NAMES, TRAPS_TITLES_CODES_PHONES=TRAPS_TITLES_CODES_PHONES,
    TRAPS_FINE_RATES=TRAPS_FINE_RATES,
)


def _params(groups):
    out = []
    for group, cases in groups.items():
        for case in cases:
            marks = ()
            if not isinstance(case, (Case, Trap)):  # a pytest.param carrying an xfail
                (case,), marks = case.values, case.marks
            out.append(pytest.param(case, id=f"{group.lower()}:{case.id}", marks=marks))
    return out


def _assert_found(got, rows):
    actual = [_as_tuple(q) for q in got]
    expected = [_expected(row) for row in rows]
    assert len(actual) == len(expected), actual
    for a, e in zip(actual, expected):
        assert a[1:4] == e[1:4], actual
        # 2.3亿 is 2.3 * 1e8 in floating point: compare values, not bit patterns.
        assert a[0] == pytest.approx(e[0], rel=1e-9), actual
        if e[4] is None:
            assert a[4] is None, actual
        else:
            assert a[4] == pytest.approx(e[4], rel=1e-9), actual


@pytest.mark.parametrize("case", _params(POSITIVE))
def test_quantities(case: Case):
    _assert_found(quantities(case.text), case.found)


def _occurrences(text: str, piece: str):
    i = text.find(piece)
    assert i >= 0, f"trap {piece!r} is not in the normalized text {text!r}"
    while i >= 0:
        yield i, i + len(piece)
        i = text.find(piece, i + 1)


@pytest.mark.parametrize("case", _params(TRAPS))
def test_trap_is_no_quantity(case: Trap):
    n = normalize(case.text)
    got = find_quantities(n.text)
    trap = normalize(case.trap).text
    for s, e in _occurrences(n.text, trap):
        hits = [n.text[q.start:q.end] for q in got if q.start < e and s < q.end]
        assert not hits, f"{hits} overlaps {case.trap!r}"
    if case.found is not None:
        _assert_found(got, case.found)


# --------------------------------------------------------------------------
# Offsets: spans in the normalized text, and back to the original
# --------------------------------------------------------------------------

SURFACES = [
    # Here found holds surfaces, not value tuples.
    Case(id="qualifier-inside-number", text="追回工资7154余万元,罚款60余万元。", found=["7154余万元", "60余万元"]),
    Case(id="range-is-one-span", text="增幅在41.65%至303.53%之间", found=["41.65%至303.53%"]),
    Case(id="glued-counts-split", text="追责问责1186起1829人", found=["1186起", "1829人"]),
    Case(id="percentage-points-whole", text="下降2.16个百分点", found=["2.16个百分点"]),
    Case(id="chinese-percent-whole", text="满意度达百分之三十五点八", found=["百分之三十五点八"]),
    Case(id="composite-unit-whole", text="年产能40万吨/年", found=["40万吨/年"]),
    Case(id="thousands-whole", text="破获1,603,169起", found=["1,603,169起"]),
    Case(id="people-noun-outside", text="使1.8万贫困人口脱贫", found=["1.8万"]),
    Case(id="permille-points-whole", text="森林火灾受害率较上年下降0.2个千分点", found=["0.2个千分点"]),
]


@pytest.mark.parametrize("case", _params(dict(SURFACES=SURFACES)))
def test_surface_in_normalized_text(case: Case):
    n = normalize(case.text)
    assert [n.text[q.start:q.end] for q in find_quantities(n.text)] == case.found


ORIGINAL_SURFACES = [
    # The pipeline cites the original text; removed line breaks must not shift it.
    Case(id="full-width-wrap", text="工资１\n080元,", found=["１\n080元"]),
    Case(id="wrap-with-spaces", text="完成造林面积3 \n 600亩。", found=["3 \n 600亩"]),
    Case(id="second-wrap-after-first", text="追回工资1\n080元,罚款2\n500元。", found=["1\n080元", "2\n500元"]),
    Case(id="figure-after-a-wrap", text="排查隐患2\n356处,整改2301处。", found=["2\n356处", "2301处"]),
    Case(id="traditional-and-full-width", text="罰款６０餘萬元", found=["６０餘萬元"]),
    Case(id="full-width-percent", text="同比增长１２．５％。", found=["１２．５％"]),
]


@pytest.mark.parametrize("case", _params(dict(ORIGINAL_SURFACES=ORIGINAL_SURFACES)))
def test_span_maps_back_to_original(case: Case):
    n = normalize(case.text)
    got = [n.original[slice(*n.span(q.start, q.end))] for q in find_quantities(n.text)]
    assert got == case.found


def test_window_limits_search():
    # The pipeline searches one sentence at a time inside a whole page.
    text = "破获案件65起。抓获嫌疑人83名。"
    cut = text.index("。") + 1
    assert [q.value for q in find_quantities(text, 0, cut)] == [65]
    assert [(q.value, q.start) for q in find_quantities(text, cut)] == [(83, text.index("83"))]


def test_halfwidth_maps_every_character_as_the_table_says():
    """The table lookup gives what str.translate with the mapping gives, for
    full-width forms, the comma kept, dashes, astral characters and lone surrogates."""
    import random
    from bulletinx.normalize import _FULLWIDTH, halfwidth
    pool = [chr(c) for c in _FULLWIDTH] + ["，", "中", "a", " ", "\ud800", "\U0001f600", "\U00020000", "\uffff"]
    rng = random.Random(2)
    for _ in range(500):
        s = "".join(rng.choice(pool) for _ in range(rng.randrange(0, 30)))
        assert halfwidth(s) == s.translate(_FULLWIDTH)
    assert halfwidth("ＧＤＰ增长８．５％，（一）——") == "GDP增长8.5%，(一)——"
